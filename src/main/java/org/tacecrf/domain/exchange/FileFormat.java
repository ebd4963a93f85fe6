package org.tacecrf.domain.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of import file, told apart by their first bytes rather than by the file name, so a
 * workbook renamed to {@code .csv} is still read as a workbook.
 */
public enum FileFormat {
    /** Delimited text (comma, semicolon or tab), any supported encoding. */
    CSV,
    /** Office Open XML workbook (Excel 2007 and later). */
    XLSX,
    /** CDISC ODM 1.3.2 XML with ClinicalData. */
    ODM;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /**
     * The format of the content, or empty when it is an old binary Excel file (.xls), which is not
     * read: saving it as .xlsx or CSV keeps every value.
     */
    public static Optional<FileFormat> detect(byte[] content) {
        if (startsWith(content, ZIP)) {
            return Optional.of(XLSX);
        }
        if (startsWith(content, OLE2)) {
            return Optional.empty();
        }
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<odm")) {
            return Optional.of(ODM);
        }
        return Optional.of(CSV);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
