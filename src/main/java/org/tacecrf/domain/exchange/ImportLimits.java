package org.tacecrf.domain.exchange;

/**
 * The largest file an import accepts. A file over the limits is refused before any row is checked,
 * with a message naming the limit; a study of 10,000 subjects fits with room to spare (one row per
 * form instance).
 *
 * @param maxBytes largest file size
 * @param maxRows  most data rows (CSV/XLSX) or form records (ODM)
 */
public record ImportLimits(long maxBytes, int maxRows) {

    public static final ImportLimits DEFAULT = new ImportLimits(25L * 1024 * 1024, 50_000);

    public ImportLimits {
        if (maxBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The size limit in whole megabytes, for messages. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }
}
