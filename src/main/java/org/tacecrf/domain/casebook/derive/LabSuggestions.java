package org.tacecrf.domain.casebook.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.clinical.Analyte;
import org.tacecrf.domain.clinical.InputProblem;
import org.tacecrf.domain.clinical.LabUnit;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.clinical.ReferenceRange;
import org.tacecrf.domain.clinical.ReferenceRanges;
import org.tacecrf.domain.clinical.Sex;
import org.tacecrf.domain.ctcae.CtcaeLabGrading;
import org.tacecrf.domain.ctcae.CtcaeTerm;
import org.tacecrf.domain.ctcae.LabGrade;
import org.tacecrf.domain.ctcae.LabGradeInputs;
import org.tacecrf.domain.ctcae.LabGradingParameters;
import org.tacecrf.domain.clinical.Derivation;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * CTCAE v5.0 grades proposed from the laboratory tests after a TACE procedure ({@code post_labs}),
 * for ALT, AST, total bilirubin, albumin, white blood cells, platelets, haemoglobin and creatinine
 * ({@link CtcaeLabGrading}), as adverse-event suggestions the nurse accepts or rejects.
 * <ul>
 *   <li>Baseline value: the last value sampled before the subject's first TACE procedure (the
 *       usual protocol definition, clinical rules 3.2), chosen as the change from pre-procedure
 *       labs chooses its "pre" value; while no procedure is dated yet, the last value before
 *       these labs were sampled. ALT, AST and bilirubin with an abnormal baseline are graded
 *       against multiples of it; creatinine also by multiples of it.</li>
 *   <li>Reference ranges: the table given (the built-in adult defaults unless the laboratory's own
 *       are known), chosen by the subject's sex from the baseline form; the same range judges
 *       whether the baseline was abnormal.</li>
 *   <li>A grade is proposed when it is at least 1 and, for terms graded on absolute cut-offs or the
 *       ULN (blood counts, albumin, creatinine), above the grade the baseline value itself has:
 *       a cytopenia or a creatinine already present before treatment is not a new event. ALT, AST
 *       and bilirubin need no such comparison, since their abnormal-baseline rule already grades
 *       against the baseline.</li>
 * </ul>
 */
public final class LabSuggestions {

    static final String FORM = "post_labs";
    private static final String LAB_DATE = "lab_date";

    /** The analytes graded, by the lab-panel item that holds each. */
    static final Map<String, Analyte> ITEMS = Map.of(
            "alt", Analyte.ALT, "ast", Analyte.AST, "total_bilirubin", Analyte.TOTAL_BILIRUBIN,
            "albumin", Analyte.ALBUMIN, "wbc", Analyte.WBC, "platelets", Analyte.PLATELETS,
            "haemoglobin", Analyte.HAEMOGLOBIN, "creatinine", Analyte.CREATININE);
    /** Panel order, as the form shows them. */
    private static final List<String> ORDER = List.of("alt", "ast", "total_bilirubin", "albumin", "wbc", "platelets",
            "haemoglobin", "creatinine");

    private LabSuggestions() {
    }

    /**
     * The grading of one analyte.
     *
     * @param itemId        lab-panel item graded
     * @param term          CTCAE term it is graded under
     * @param value         the post-procedure value as entered
     * @param sampled       sampling date of the post-procedure labs (or its visit date)
     * @param baseline      the baseline value, or null when none was recorded
     * @param baselineDate  when the baseline was sampled
     * @param range         the reference range used, or null when none applies (sex missing)
     * @param grade         the grade, or null when it could not be computed (see {@code problems})
     * @param baselineGrade grade of the baseline value by the same cut-offs, when it is compared
     * @param rule          the criterion that gave the grade, e.g. "> 3.0-5.0 x ULN"
     * @param sessionNumber number of the TACE session these labs follow, or null when not known
     * @param problems      why no grade was computed
     */
    public record Suggestion(String itemId, Analyte analyte, CtcaeTerm term, Measurement value, LocalDate sampled,
                             Measurement baseline, LocalDate baselineDate, ReferenceRange range, Integer grade,
                             Integer baselineGrade, String rule, Integer sessionNumber, List<String> problems) {

        public Suggestion {
            problems = List.copyOf(problems);
        }

        /** Whether an adverse event is proposed: a grade of at least 1, above the baseline's own grade. */
        public boolean proposed() {
            return grade != null && grade >= 1 && (baselineGrade == null || grade > baselineGrade);
        }
    }

    /**
     * The grading of every analyte entered on {@code postLabs} (the form as entered, unsaved values
     * allowed), in panel order; analytes left empty are skipped.
     */
    public static List<Suggestion> of(StudyDefinition study, SubjectData saved, FormInstance postLabs,
                                      ReferenceRanges ranges) {
        Casebook casebook = new Casebook(study, saved.withForm(postLabs));
        Row row = casebook.row(postLabs);
        Sex sex = casebook.firstFilled(Casebook.BASELINE_FORM).flatMap(f -> f.first("sex")).map(StoredValue::text)
                .map(code -> switch (code) {
                    case "M" -> Sex.MALE;
                    case "F" -> Sex.FEMALE;
                    default -> null;
                }).orElse(null);
        TaceSessions sessions = casebook.sessions();
        Optional<FormInstance> session = sessions.inVisit(postLabs.visit().id());
        Integer sessionNumber = session.flatMap(sessions::session).map(TaceSessions.Session::number).orElse(null);
        LocalDate sampled = Casebook.dateOf(postLabs, LAB_DATE).orElse(null);
        Optional<LocalDate> reference = sessions.first().or(() -> session.flatMap(s -> s.date(TaceSessions.DATE)))
                .or(() -> Optional.ofNullable(sampled));
        List<Suggestion> out = new ArrayList<>();
        for (String itemId : ORDER) {
            Optional<StoredValue> stored = row.value(itemId);
            Optional<ItemDef> item = row.item(itemId);
            if (stored.isEmpty() || item.isEmpty()) {
                continue;
            }
            Analyte analyte = ITEMS.get(itemId);
            CtcaeTerm term = CtcaeLabGrading.termFor(analyte).orElseThrow();
            Optional<Measurement> value = Numbers.asEntered(stored.get(), item.get());
            List<String> problems = new ArrayList<>();
            if (value.isEmpty()) {
                problems.add(row.label(itemId) + " has a unit the grading does not know.");
                out.add(new Suggestion(itemId, analyte, term, null, sampled, null, null, null, null, null, null,
                        sessionNumber, problems));
                continue;
            }
            Optional<LabChange.Sample> pre = reference.flatMap(date -> LabChange.lastBefore(casebook, postLabs, itemId, date));
            Measurement baseline = pre.flatMap(s -> LabUnit.fromSymbol(item.get().unit()).map(u -> new Measurement(s.value(), u)))
                    .orElse(null);
            Optional<ReferenceRange> range = ranges.find(analyte, sex);
            if (range.isEmpty()) {
                problems.add(ranges.isSexSpecific(analyte) && sex == null
                        ? "The reference range of " + analyte.label() + " depends on sex, which the baseline form does not give."
                        : "No reference range of " + analyte.label() + " is known.");
                out.add(new Suggestion(itemId, analyte, term, value.get(), sampled, baseline,
                        pre.map(LabChange.Sample::date).orElse(null), null, null, null, null, sessionNumber, problems));
                continue;
            }
            LabGradeInputs inputs = LabGradeInputs.of(analyte, value.get(), range.get())
                    .withBaseline(baseline, baseline == null ? null : range.get().ulnMeasurement());
            Derivation<LabGrade> grade = CtcaeLabGrading.grade(inputs, LabGradingParameters.DEFAULT);
            grade.problems().stream().map(InputProblem::message).forEach(problems::add);
            Integer baselineGrade = null;
            if (grade.isComputed() && baseline != null && comparedWithBaselineGrade(analyte)) {
                baselineGrade = CtcaeLabGrading.grade(LabGradeInputs.of(analyte, baseline, range.get()),
                                LabGradingParameters.DEFAULT.withMissingBaseline(LabGradingParameters.MissingBaseline.TREAT_AS_NORMAL))
                        .value().map(LabGrade::grade).orElse(null);
            }
            out.add(new Suggestion(itemId, analyte, term, value.get(), sampled, baseline,
                    pre.map(LabChange.Sample::date).orElse(null), range.get(),
                    grade.value().map(LabGrade::grade).orElse(null), baselineGrade,
                    grade.value().map(LabGrade::rule).orElse(null), sessionNumber, problems));
        }
        return out;
    }

    /** Terms graded on absolute cut-offs or the ULN only, where a grade present at baseline is not new. */
    private static boolean comparedWithBaselineGrade(Analyte analyte) {
        return switch (analyte) {
            case ALT, AST, TOTAL_BILIRUBIN -> false;
            default -> true;
        };
    }
}
