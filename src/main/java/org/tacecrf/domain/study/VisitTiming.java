package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * When a visit is due: {@code day} days after the anchor date, acceptable from
 * {@code day − windowBefore} to {@code day + windowAfter}. "1 month ± 5 days after the first TACE"
 * is {@code FIRST_TACE, day 30, window 5/5}. A window that opens before the anchor is only
 * meaningful for visits on the anchor day itself (day 0), such as baseline within 28 days before the
 * first TACE.
 *
 * @param anchorVisitId the visit counted from when {@code anchor} is {@link Anchor#VISIT}, else null
 */
public record VisitTiming(Anchor anchor, String anchorVisitId, int day, int windowBefore, int windowAfter) {

    public VisitTiming {
        Objects.requireNonNull(anchor, "anchor");
        if ((anchor == Anchor.VISIT) != (anchorVisitId != null)) {
            throw new IllegalArgumentException("an anchor visit is given exactly for anchor VISIT");
        }
        if (day < 0 || windowBefore < 0 || windowAfter < 0) {
            throw new IllegalArgumentException("day and window must not be negative");
        }
    }

    /** First acceptable day relative to the anchor (negative before it). */
    public int earliestDay() {
        return day - windowBefore;
    }

    /** Last acceptable day relative to the anchor. */
    public int latestDay() {
        return day + windowAfter;
    }
}
