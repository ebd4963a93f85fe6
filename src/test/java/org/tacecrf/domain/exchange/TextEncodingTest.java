package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextEncodingTest {

    private static final String CHINESE = "subject_number,sex\nZJU-001,女\n";

    @Test
    void plainUtf8IsReadAsUtf8() {
        TextEncoding.Decoded decoded = TextEncoding.decode(CHINESE.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(decoded.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(decoded.text()).isEqualTo(CHINESE);
    }

    @Test
    void byteOrderMarkIsRecognisedAndDropped() {
        byte[] body = CHINESE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        TextEncoding.Decoded decoded = TextEncoding.decode(bytes).orElseThrow();
        assertThat(decoded.encoding()).isEqualTo(TextEncoding.UTF_8_BOM);
        assertThat(decoded.text()).isEqualTo(CHINESE);
    }

    @Test
    void gb18030FromChineseExcelIsReadCorrectly() {
        // 女 is D5 AE in GBK; 胆管扩张 and the full-width comma are GB18030 too.
        String text = "subject_number,sex,note\nZJU-001,女,胆管扩张，肝门\n";
        byte[] bytes = text.getBytes(Charset.forName("GB18030"));
        assertThat(bytes).containsSequence((byte) 0xC5, (byte) 0xAE);
        TextEncoding.Decoded decoded = TextEncoding.decode(bytes).orElseThrow();
        assertThat(decoded.encoding()).isEqualTo(TextEncoding.GB18030);
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void shortGbkTextThatHappensToBeValidUtf8IsStillReadAsGb18030() {
        // 女 (C5 AE) alone is valid UTF-8 for Ů; the GB18030 reading is the plausible one.
        byte[] bytes = "sex\n女\n女\n".getBytes(Charset.forName("GB18030"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        TextEncoding.Decoded decoded = TextEncoding.decode(bytes).orElseThrow();
        assertThat(decoded.encoding()).isEqualTo(TextEncoding.GB18030);
        assertThat(decoded.text()).isEqualTo("sex\n女\n女\n");
    }

    @Test
    void utf8WithLatinAccentsAndSymbolsStaysUtf8() {
        String text = "note\nµmol/L ≥ 17.1, 37.5 ℃, Müller\n";
        TextEncoding.Decoded decoded = TextEncoding.decode(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(decoded.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void utf16WithByteOrderMarkAsExcelUnicodeTextWrites() {
        byte[] body = CHINESE.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        TextEncoding.Decoded decoded = TextEncoding.decode(bytes).orElseThrow();
        assertThat(decoded.encoding()).isEqualTo(TextEncoding.UTF_16LE_BOM);
        assertThat(decoded.text()).isEqualTo(CHINESE);
    }

    @Test
    void latin1WithAccentsIsNeitherUtf8NorGb18030AndIsRefused() {
        // "Café, 3" in Windows-1252: E9 followed by a comma is malformed in both encodings.
        byte[] bytes = "name,count\nCaf\u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextEncoding.decode(bytes)).isEmpty();
    }

    @Test
    void binaryContentIsRefused() {
        assertThat(TextEncoding.decode(new byte[] {'a', 0, 'b', 0, 1, 2, 3})).isEmpty();
        assertThat(TextEncoding.decode(new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xFE, 0x00})).isEmpty();
    }
}
