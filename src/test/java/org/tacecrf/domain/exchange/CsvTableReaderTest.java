package org.tacecrf.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvTableReaderTest {

    private static TableReadResult read(String text) {
        return CsvTableReader.read(text.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
    }

    @Test
    void headerIsTrimmedAndLowerCasedAndRowsKeepTheirSpreadsheetNumbers() {
        TableReadResult result = read(" Subject_Number , WEIGHT\n\nZJU-001,70.5\n\n\nZJU-002,\n");
        assertThat(result.problems()).isEmpty();
        RawTable table = result.table();
        assertThat(table.header()).containsExactly("subject_number", "weight");
        assertThat(table.rows()).extracting(RawTable.Row::number).containsExactly(3, 6);
        assertThat(table.rows().get(1).cell(1)).isEmpty();
        assertThat(table.rows().get(1).cell(7)).isEmpty();
    }

    @Test
    void semicolonAndTabDelimitersAreDetected() {
        assertThat(CsvTableReader.delimiter("a;b;c\n1;2;3")).isEqualTo(';');
        assertThat(CsvTableReader.delimiter("a\tb\n1\t2")).isEqualTo('\t');
        assertThat(CsvTableReader.delimiter("\"a;x\",b\n")).isEqualTo(',');
        assertThat(read("subject_number;weight\nZJU-001;70\n").table().rows().get(0).cells()).containsExactly("ZJU-001", "70");
    }

    @Test
    void quotedCellsMayHoldDelimitersQuotesAndLineBreaks() {
        RawTable table = read("subject_number,note\nZJU-001,\"left lobe, \"\"segment 7\"\"\nsecond line\"\nZJU-002,x\n").table();
        assertThat(table.rows().get(0).cell(1)).isEqualTo("left lobe, \"segment 7\"\nsecond line");
        assertThat(table.rows().get(1).number()).isEqualTo(4);
    }

    @Test
    void gb18030FileIsReadWithItsEncodingNamed() {
        byte[] bytes = "subject_number,sex\nZJU-001,女\n".getBytes(Charset.forName("GB18030"));
        TableReadResult result = CsvTableReader.read(bytes, ImportLimits.DEFAULT);
        assertThat(result.encoding()).isEqualTo(TextEncoding.GB18030);
        assertThat(result.table().rows().get(0).cell(1)).isEqualTo("女");
    }

    @Test
    void emptyAndBlankFilesAreRefused() {
        assertThat(CsvTableReader.read(new byte[0], ImportLimits.DEFAULT).problems())
                .extracting(ExchangeProblem::messageKey).containsExactly("exchange.file.empty");
        assertThat(read("\n \n\r\n").problems()).extracting(ExchangeProblem::messageKey).containsExactly("exchange.file.empty");
    }

    @Test
    void undecodableFileIsRefusedWithAClearMessage() {
        TableReadResult result = CsvTableReader.read("a,b\nCaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1), ImportLimits.DEFAULT);
        assertThat(result.readable()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("exchange.file.encoding");
            assertThat(p.englishText()).contains("UTF-8").contains("GB18030");
        });
    }

    @Test
    void fileOverTheRowLimitIsRefusedWithoutReadingOn() {
        StringBuilder text = new StringBuilder("subject_number\n");
        for (int i = 0; i < 11; i++) {
            text.append("S").append(i).append('\n');
        }
        TableReadResult result = CsvTableReader.read(text.toString().getBytes(StandardCharsets.UTF_8), new ImportLimits(1000, 10));
        assertThat(result.readable()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.englishText()).contains("more than 10 rows"));
    }

    @Test
    void unclosedQuoteIsReportedNotGuessed() {
        TableReadResult result = read("subject_number,note\nZJU-001,\"never closed\n");
        assertThat(result.readable()).isFalse();
        assertThat(result.problems()).extracting(ExchangeProblem::messageKey).containsExactly("exchange.csv.malformed");
    }
}
