package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.study.ItemDef;

/** Derivations of the TACE session form: session number, interval, drug concentration. */
final class SessionDerivations {

    static final String SESSION_NUMBER = new AlgorithmId(
            "TACE session number (rank of the procedure date among the subject's sessions)", "1").label();
    static final String DAYS_SINCE_PREVIOUS = new AlgorithmId(
            "Days since the previous TACE session (procedure date - previous procedure date)", "1").label();
    static final String CONCENTRATION = new AlgorithmId(
            "Drug concentration = dose loaded [mg] / volume of the drug solution [mL]", "1").label();

    private SessionDerivations() {
    }

    /** Rank of this session's procedure date among all of the subject's sessions; 1 for the first. */
    static DerivedValue sessionNumber(Casebook casebook, Row row) {
        return withSession(casebook, row, SESSION_NUMBER, session ->
                DerivedValue.of(StoredValue.number(BigDecimal.valueOf(session.number())), SESSION_NUMBER));
    }

    static DerivedValue daysSincePrevious(Casebook casebook, Row row) {
        TaceSessions sessions = casebook.sessions();
        return withSession(casebook, row, DAYS_SINCE_PREVIOUS, session -> sessions.previous(session)
                .map(prev -> DerivedValue.of(StoredValue.number(
                        BigDecimal.valueOf(ChronoUnit.DAYS.between(prev.date(), session.date()))), DAYS_SINCE_PREVIOUS))
                .orElseGet(() -> DerivedValue.empty(DAYS_SINCE_PREVIOUS, "This is the subject's first TACE session.")));
    }

    private static DerivedValue withSession(Casebook casebook, Row row, String algorithm,
                                            java.util.function.Function<TaceSessions.Session, DerivedValue> compute) {
        Inputs in = new Inputs(row);
        in.date(TaceSessions.DATE);
        if (in.hasProblems()) {
            return in.empty(algorithm);
        }
        TaceSessions sessions = casebook.sessions();
        List<FormInstance> undated = sessions.undated().stream().filter(f -> f.id() != row.form().id()).toList();
        if (!undated.isEmpty()) {
            // An undated session could lie before this one: no number rather than a wrong one.
            return DerivedValue.empty(algorithm, undated.stream()
                    .map(f -> "The TACE session at " + f.key() + " has no procedure date yet.").toList(), List.of());
        }
        Optional<TaceSessions.Session> session = sessions.session(row.form());
        return session.map(compute).orElseGet(() -> DerivedValue.empty(algorithm,
                "This form is not among the subject's TACE sessions."));
    }

    /** Per microsphere row: dose loaded / volume of the drug solution. */
    static DerivedValue concentration(Row row, ItemDef target) {
        Inputs in = new Inputs(row);
        BigDecimal dose = in.number("dose_loaded_mg");
        BigDecimal volume = in.number("drug_volume_ml");
        if (in.hasProblems()) {
            return in.empty(CONCENTRATION);
        }
        if (volume.signum() <= 0) {
            return DerivedValue.empty(CONCENTRATION, List.of(row.label("drug_volume_ml") + " must be above 0."),
                    List.of("drug_volume_ml"));
        }
        return DerivedValue.of(Numbers.stored(dose.divide(volume, MathContext.DECIMAL64), target), CONCENTRATION);
    }
}
