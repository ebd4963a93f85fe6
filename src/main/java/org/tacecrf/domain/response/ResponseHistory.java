package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts read from a subject's time-point responses under one criteria, as the endpoint
 * derivations need them (clinical rules 7.2-7.3).
 */
public final class ResponseHistory {

    private ResponseHistory() {
    }

    /**
     * Date of first progression: the earliest date any PD time point is dated to. For sum-based PD
     * that is the scan showing the increase; for new-lesion PD the first scan showing the lesion,
     * including an equivocal lesion confirmed later.
     */
    public static Optional<LocalDate> firstProgressionDate(List<? extends DatedResponse> timePoints) {
        return timePoints.stream().filter(t -> t.overall() == Response.PD).map(DatedResponse::progressionDate)
                .filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** Dates of adequate assessments (overall response not NE), in date order. */
    public static List<LocalDate> adequateAssessmentDates(List<? extends DatedResponse> timePoints) {
        return timePoints.stream().filter(DatedResponse::adequate).map(DatedResponse::date).sorted().toList();
    }
}
