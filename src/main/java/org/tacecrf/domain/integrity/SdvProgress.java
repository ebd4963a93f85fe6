package org.tacecrf.domain.integrity;

/**
 * Source-data verification progress: of the values that need verifying (entered values of
 * complete forms; calculated values are derived from verified inputs and are not verified
 * themselves), how many a monitor has verified in their current version.
 */
public record SdvProgress(long verified, long total) {

    public static final SdvProgress NONE = new SdvProgress(0, 0);

    public SdvProgress {
        if (verified < 0 || total < 0 || verified > total) {
            throw new IllegalArgumentException("verified " + verified + " of " + total);
        }
    }

    /** Whole percent, rounded down so that 100 means everything is verified; 0 when nothing needs verifying. */
    public int percent() {
        return total == 0 ? 0 : (int) (verified * 100 / total);
    }

    public boolean complete() {
        return total > 0 && verified == total;
    }

    public SdvProgress plus(SdvProgress other) {
        return new SdvProgress(verified + other.verified, total + other.total);
    }
}
