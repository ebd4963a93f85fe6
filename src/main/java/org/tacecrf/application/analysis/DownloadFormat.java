package org.tacecrf.application.analysis;

import java.util.Locale;
import java.util.Optional;

/** The file formats of table, figure and report downloads. */
public enum DownloadFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    HTML("text/html; charset=UTF-8", "html"),
    PDF("application/pdf", "pdf"),
    SVG("image/svg+xml", "svg"),
    PNG("image/png", "png");

    private final String contentType;
    private final String extension;

    DownloadFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean forTables() {
        return this == CSV || this == XLSX || this == HTML || this == PDF;
    }

    public boolean forFigures() {
        return this == SVG || this == PNG;
    }

    /** The format named "csv", "xlsx" ... (case ignored). */
    public static Optional<DownloadFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (DownloadFormat f : values()) {
            if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
