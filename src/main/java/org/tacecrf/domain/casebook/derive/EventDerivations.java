package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.clinical.AlgorithmId;

/** Derivations of the adverse-event form. */
final class EventDerivations {

    static final String DAYS_TO_RECOVERY = new AlgorithmId(
            "Days to recovery (resolution date - onset date; 0 when resolved the day it began)", "1").label();

    private EventDerivations() {
    }

    static DerivedValue daysToRecovery(Row row) {
        if (row.yes("ae_ongoing").orElse(false)) {
            return DerivedValue.empty(DAYS_TO_RECOVERY, "The event is ongoing.");
        }
        Inputs in = new Inputs(row);
        LocalDate onset = in.date("ae_onset_date");
        LocalDate resolution = in.date("ae_resolution_date");
        if (in.hasProblems()) {
            return in.empty(DAYS_TO_RECOVERY);
        }
        if (resolution.isBefore(onset)) {
            return DerivedValue.empty(DAYS_TO_RECOVERY, List.of("The resolution date " + resolution
                    + " is before the onset date " + onset + "."), List.of("ae_onset_date", "ae_resolution_date"));
        }
        return DerivedValue.of(StoredValue.number(BigDecimal.valueOf(ChronoUnit.DAYS.between(onset, resolution))),
                DAYS_TO_RECOVERY);
    }
}
