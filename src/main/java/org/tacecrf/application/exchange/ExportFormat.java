package org.tacecrf.application.exchange;

/** What a data set export writes. */
public enum ExportFormat {
    /** The data as CSV (UTF-8 with byte-order mark). */
    CSV("csv", "text/csv"),
    /** A workbook with the data and the dictionary. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** A zip with the CSV, its dictionary, and the SPSS and R syntax that read it. */
    ZIP("zip", "application/zip"),
    /** SPSS syntax reading the CSV with labels. */
    SPSS("sps", "text/plain"),
    /** R script reading the CSV with labels. */
    R("R", "text/plain");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
