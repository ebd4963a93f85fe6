package org.tacecrf.domain.casebook.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.clinical.AlgorithmId;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.VisitType;

/**
 * Change of a laboratory value after a TACE procedure from the last value before it:
 * {@code post − pre}, in the item's canonical unit.
 * <p>
 * The procedure is the TACE session recorded at the same visit occurrence as the post-procedure
 * form. "Before it" is decided by sampling date ({@code lab_date}, else the visit date) across every
 * form of the study that carries the laboratory panel (baseline, {@code labs}, other sessions'
 * {@code post_labs}, study forms with the panel):
 * <ul>
 *   <li>forms recorded at a treatment visit hold post-procedure samples and count only when sampled
 *       strictly before the procedure date;</li>
 *   <li>other forms (baseline, follow-up labs) count when sampled on or before the procedure date,
 *       since samples taken on the day of a procedure are taken before it;</li>
 *   <li>the latest such sample with a value of the item is "pre"; on equal dates the later visit.</li>
 * </ul>
 * So the first session compares with the baseline labs (or later pre-treatment labs), and later
 * sessions with the last follow-up labs, or with the previous session's post-procedure labs when
 * nothing was sampled in between.
 */
final class LabChange {

    static final String ALGORITHM = new AlgorithmId(
            "Change from the last value before the procedure (post - pre, canonical unit)", "1").label();
    private static final String LAB_DATE = "lab_date";

    private LabChange() {
    }

    /** A sampled value of a laboratory item, in the item's canonical unit. */
    record Sample(FormInstance form, LocalDate date, BigDecimal value) {
    }

    static DerivedValue derive(Casebook casebook, Row row, String labItem, ItemDef target) {
        Inputs in = new Inputs(row);
        BigDecimal post = in.number(labItem);
        Optional<FormInstance> session = casebook.sessions().inVisit(row.form().visit().id());
        if (session.isEmpty()) {
            in.problem("No TACE session is recorded at this visit, so there is no procedure to compare with.");
            return in.empty(ALGORITHM);
        }
        Optional<LocalDate> procedure = session.get().date(TaceSessions.DATE);
        if (procedure.isEmpty()) {
            in.problem("The procedure date of the TACE session at this visit is missing.");
            return in.empty(ALGORITHM);
        }
        Optional<LocalDate> sampled = row.date(LAB_DATE);
        if (sampled.isPresent() && sampled.get().isBefore(procedure.get())) {
            in.problem("The sampling date " + sampled.get() + " is before the procedure (" + procedure.get()
                    + "); post-procedure values are sampled on or after it.");
        }
        if (in.hasProblems()) {
            return in.empty(ALGORITHM);
        }
        Optional<Sample> pre = lastBefore(casebook, row.form(), labItem, procedure.get());
        if (pre.isEmpty()) {
            return DerivedValue.empty(ALGORITHM, "No " + row.label(labItem) + " value was recorded before the "
                    + "procedure of " + procedure.get() + ".");
        }
        return DerivedValue.of(Numbers.stored(post.subtract(pre.get().value()), target), ALGORITHM,
                List.of("Compared with " + pre.get().value().stripTrailingZeros().toPlainString() + " sampled on "
                        + pre.get().date() + " (" + pre.get().form().key() + ")."));
    }

    /**
     * The latest sample of a laboratory item taken before a procedure (see the class comment),
     * leaving out the form {@code self}.
     */
    static Optional<Sample> lastBefore(Casebook casebook, FormInstance self, String labItem, LocalDate procedure) {
        return casebook.study().forms().stream()
                .filter(f -> f.item(labItem).isPresent() && f.item(LAB_DATE).isPresent())
                .map(FormDef::id)
                .flatMap(formId -> casebook.data().forms(formId).stream())
                .filter(f -> f.id() != self.id())
                .flatMap(f -> sample(casebook, f, labItem, procedure).stream())
                .max(Comparator.comparing(Sample::date)
                        .thenComparing(s -> s.form().visit().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(s -> s.form().visit().repeatKey())
                        .thenComparing(s -> s.form().id()));
    }

    private static Optional<Sample> sample(Casebook casebook, FormInstance f, String labItem, LocalDate procedure) {
        Optional<BigDecimal> value = f.first(labItem).map(v -> v.number());
        Optional<LocalDate> date = Casebook.dateOf(f, LAB_DATE);
        if (value.isEmpty() || value.get() == null || date.isEmpty()) {
            return Optional.empty();
        }
        boolean postProcedureForm = casebook.visitType(f).map(t -> t == VisitType.TREATMENT).orElse(false);
        boolean before = postProcedureForm ? date.get().isBefore(procedure) : !date.get().isAfter(procedure);
        return before ? Optional.of(new Sample(f, date.get(), value.get())) : Optional.empty();
    }
}
