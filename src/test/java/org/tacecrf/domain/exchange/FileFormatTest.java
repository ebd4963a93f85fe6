package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileFormatTest {

    @Test
    void formatComesFromTheContentNotTheName() {
        assertThat(FileFormat.detect(new byte[] {'P', 'K', 3, 4, 0, 0})).contains(FileFormat.XLSX);
        assertThat(FileFormat.detect("<?xml version=\"1.0\"?><ODM/>".getBytes(StandardCharsets.UTF_8))).contains(FileFormat.ODM);
        assertThat(FileFormat.detect("\uFEFF  <ODM xmlns=\"x\"/>".getBytes(StandardCharsets.UTF_8))).contains(FileFormat.ODM);
        assertThat(FileFormat.detect("subject_number,weight\n".getBytes(StandardCharsets.UTF_8))).contains(FileFormat.CSV);
    }

    @Test
    void oldBinaryExcelIsNotRead() {
        assertThat(FileFormat.detect(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1})).isEmpty();
    }
}
