package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.util.List;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.clinical.AlgorithmId;

/** Derivations of the other-treatment form. */
final class OtherTreatmentDerivations {

    static final String TIMING = new AlgorithmId("Timing relative to the first TACE (previous: stopped before it; "
            + "concomitant: running on its day; subsequent: started after it)", "1").label();

    private OtherTreatmentDerivations() {
    }

    /**
     * {@link TreatmentTiming} of the treatment against the subject's first dated TACE session, stored
     * as its code; empty, with the reason, when the dates do not decide.
     */
    static DerivedValue timing(Casebook casebook, Row row) {
        if (!casebook.sessions().undated().isEmpty()) {
            // An undated session could be the first: no timing rather than a wrong one.
            return DerivedValue.empty(TIMING, casebook.sessions().undated().stream()
                    .map(f -> "The TACE session at " + f.key() + " has no procedure date yet.").toList(), List.of());
        }
        LocalDate start = row.date("start_date").orElse(null);
        TreatmentTiming.Decision d = TreatmentTiming.classify(start, row.date("stop_date").orElse(null),
                row.yes("ongoing").orElse(false), casebook.firstTaceDate().orElse(null));
        if (d.timing() == TreatmentTiming.UNKNOWN) {
            return DerivedValue.empty(TIMING, List.of(d.reason()), start == null ? List.of("start_date")
                    : List.of("ongoing", "stop_date"));
        }
        return DerivedValue.of(StoredValue.text(d.timing().name()), TIMING, List.of(d.reason()));
    }
}
