package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A protocol time point for reporting response (e.g. "1 month after first TACE"): a target day
 * counted from an anchor date, with a window.
 * <p>
 * Target date = anchor + {@code dayOffset} days; the window is
 * [target − {@code daysBefore}, target + {@code daysAfter}], both ends included. The assessment
 * inside the window closest to the target date is used; on a tie the earlier one. None inside the
 * window means the response at that time point is not available. Which anchor applies (first TACE,
 * most recent TACE, randomisation) is fixed by the protocol and chosen by the caller.
 *
 * @param name       label, e.g. "Month 1"
 * @param dayOffset  days from the anchor date to the target date
 * @param daysBefore window before the target date
 * @param daysAfter  window after the target date
 */
public record ProtocolTimePoint(String name, int dayOffset, int daysBefore, int daysAfter) {

    public ProtocolTimePoint {
        Objects.requireNonNull(name, "name");
        if (daysBefore < 0 || daysAfter < 0) {
            throw new IllegalArgumentException("Window widths cannot be negative");
        }
    }

    public LocalDate targetDate(LocalDate anchor) {
        return anchor.plusDays(dayOffset);
    }

    public boolean inWindow(LocalDate anchor, LocalDate date) {
        long fromTarget = ChronoUnit.DAYS.between(targetDate(anchor), date);
        return fromTarget >= -daysBefore && fromTarget <= daysAfter;
    }

    /** The item inside the window closest to the target date (earlier one on a tie), if any. */
    public <T> Optional<T> select(LocalDate anchor, List<T> items, Function<T, LocalDate> dateOf) {
        LocalDate target = targetDate(anchor);
        return items.stream()
                .filter(i -> inWindow(anchor, dateOf.apply(i)))
                .min(Comparator.<T>comparingLong(i -> Math.abs(ChronoUnit.DAYS.between(target, dateOf.apply(i))))
                        .thenComparing(dateOf));
    }

    /** Response at this time point, or an unavailable result when no assessment falls in the window. */
    public ScheduledResponse responseAt(LocalDate anchor, List<? extends DatedResponse> timePoints) {
        List<DatedResponse> items = new ArrayList<>(timePoints);
        return new ScheduledResponse(this, targetDate(anchor),
                select(anchor, items, DatedResponse::date).orElse(null));
    }

    /** Response at each time point, in the order given. */
    public static List<ScheduledResponse> responsesAt(List<ProtocolTimePoint> schedule, LocalDate anchor,
                                                      List<? extends DatedResponse> timePoints) {
        return schedule.stream().map(tp -> tp.responseAt(anchor, timePoints)).toList();
    }
}
