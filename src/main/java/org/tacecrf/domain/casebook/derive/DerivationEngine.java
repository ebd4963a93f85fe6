package org.tacecrf.domain.casebook.derive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.TimePointResponse;
import org.tacecrf.domain.study.Calculation;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.ItemDef;
import org.tacecrf.domain.study.ItemGroupDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyParameters;

/**
 * Computes the calculated items of a form of one study: every built-in derivation of
 * {@link org.tacecrf.domain.study.DerivationKind} bound to its calculator, and items defined by an
 * expression of the edit-check language.
 * <p>
 * A calculated item of a repeating group is computed for every row of the group that holds data;
 * any other calculated item once (repeat 1). Built-in derivations are computed first from the
 * entered values; expressions then see those fresh values (and each other's, in as many passes as
 * there are expression items). A derivation whose inputs are missing gives an empty value saying
 * what is missing, never a guess.
 * <p>
 * Derivations that look beyond their form (session number, change from pre-procedure labs,
 * tumour response, marker change) read the rest of the subject's data: when one form changes, other
 * forms' values may change too, which {@link #deriveAll(SubjectData)} recomputes. Instances are
 * immutable apart from a cache of parsed expressions and are safe to share between threads.
 */
public final class DerivationEngine {

    private final StudyDefinition study;
    private final Clock clock;
    private final ExpressionDerivation expressions;

    public DerivationEngine(StudyDefinition study) {
        this(study, Clock.systemDefaultZone());
    }

    /** @param clock gives the date {@code today()} returns in expressions */
    public DerivationEngine(StudyDefinition study, Clock clock) {
        this.study = Objects.requireNonNull(study, "study");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expressions = new ExpressionDerivation(study);
    }

    public StudyDefinition study() {
        return study;
    }

    /**
     * Every calculated item of {@code form}, by item key.
     *
     * @param subject the subject's data; the form being saved replaces its stored version (the
     *                caller may pass data already built with {@link SubjectData#withForm})
     * @param form    the form instance being saved, with its entered values
     * @throws IllegalArgumentException when the form is not part of the study
     */
    public Map<ItemKey, DerivedValue> derive(SubjectData subject, FormInstance form) {
        FormDef def = study.form(form.formId()).orElseThrow(() -> new IllegalArgumentException(
                "form " + form.formId() + " is not part of study " + study.id()));
        SubjectData data = subject.withForm(form);
        Casebook casebook = new Casebook(study, data);
        ResponseCourse responses = new ResponseCourse(casebook);
        Map<ItemKey, DerivedValue> out = new LinkedHashMap<>();
        List<ItemKey> expressionKeys = new ArrayList<>();
        for (ItemGroupDef group : def.groups()) {
            for (ItemDef item : group.items()) {
                if (!item.calculated()) {
                    continue;
                }
                for (int repeat : rows(form, group)) {
                    ItemKey key = new ItemKey(group.id(), repeat, item.id());
                    if (item.calculation().isDerivation()) {
                        out.put(key, builtIn(casebook, responses, new Row(def, form, group.id(), repeat), item));
                    } else {
                        expressionKeys.add(key);
                    }
                }
            }
        }
        if (!expressionKeys.isEmpty()) {
            LocalDate today = LocalDate.now(clock);
            for (int pass = 0; pass <= expressionKeys.size(); pass++) {
                FormInstance current = withValues(form, out);
                SubjectData overlay = data.withForm(current);
                boolean changed = false;
                for (ItemKey key : expressionKeys) {
                    ItemDef item = def.item(key.itemId()).orElseThrow();
                    DerivedValue v = expressions.derive(overlay, new Row(def, current, key.groupId(), key.groupRepeat()),
                            item, today);
                    DerivedValue before = out.put(key, v);
                    changed |= before == null || !before.value().sameAs(v.value());
                }
                if (!changed) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The derived values to show live on a form before it is saved: the same computation as
     * {@link #derive}, with the unsaved values in place of the stored ones.
     *
     * @param saved   the subject's data as stored
     * @param unsaved the form as currently entered (same instance id as its stored version, or a new id)
     */
    public Map<ItemKey, DerivedValue> derivePreview(SubjectData saved, FormInstance unsaved) {
        return derive(saved.withForm(unsaved), unsaved);
    }

    /**
     * The calculated items of every form instance of the subject that has any, by form instance
     * id. Call after a save to refresh values that depend on other forms (later sessions' numbers,
     * later responses, post-procedure changes).
     */
    public Map<Long, Map<ItemKey, DerivedValue>> deriveAll(SubjectData subject) {
        Map<Long, Map<ItemKey, DerivedValue>> out = new LinkedHashMap<>();
        for (FormInstance f : subject.forms()) {
            boolean calculated = study.form(f.formId()).map(d -> d.items().stream().anyMatch(ItemDef::calculated))
                    .orElse(false);
            if (calculated) {
                out.put(f.id(), derive(subject, f));
            }
        }
        return out;
    }

    /**
     * A copy of the form with the derived values written in (an empty derived value clears a
     * stale one).
     */
    public static FormInstance withValues(FormInstance form, Map<ItemKey, DerivedValue> derived) {
        Map<ItemKey, StoredValue> values = new LinkedHashMap<>(form.values());
        derived.forEach((key, value) -> values.put(key, value.value()));
        return new FormInstance(form.id(), form.visit(), form.formId(), form.repeatKey(), form.complete(), values);
    }

    /** Rows a calculated item of the group is computed for: each row with data, or 1 for a plain group. */
    private static SortedSet<Integer> rows(FormInstance form, ItemGroupDef group) {
        if (!group.repeating()) {
            return new TreeSet<>(List.of(1));
        }
        return Row.repeats(form, group.id());
    }

    private DerivedValue builtIn(Casebook casebook, ResponseCourse responses, Row row, ItemDef item) {
        Calculation c = item.calculation();
        StudyParameters sp = study.parameters();
        try {
            return switch (c.derivation()) {
                case BMI -> LiverDerivations.bmi(row, item);
                case CHILD_PUGH_POINTS -> LiverDerivations.childPughPoints(row, sp, item);
                case CHILD_PUGH_CLASS -> LiverDerivations.childPughClass(row, sp);
                case ALBI_SCORE -> LiverDerivations.albiScore(row, sp, item);
                case ALBI_GRADE -> LiverDerivations.albiGrade(row, sp, study.codeListOf(item));
                case BCLC_SUGGESTED -> LiverDerivations.bclc(row, sp);
                case TACE_SESSION_NUMBER -> SessionDerivations.sessionNumber(casebook, row);
                case DAYS_SINCE_PREVIOUS_SESSION -> SessionDerivations.daysSincePrevious(casebook, row);
                case DRUG_CONCENTRATION -> SessionDerivations.concentration(row, item);
                case LAB_CHANGE_FROM_PRE -> LabChange.derive(casebook, row, c.argument(), item);
                case SUM_OF_DIAMETERS -> LesionSums.derive(casebook, row, c.argument(), item);
                case RECIST_RESPONSE -> response(responses, row, Criteria.RECIST_1_1);
                case MRECIST_RESPONSE -> response(responses, row, Criteria.MRECIST);
                case BIOMARKER_CHANGE_PCT -> MarkerDerivations.change(casebook, row, c.argument(), item);
                case BIOMARKER_RESPONSE -> MarkerDerivations.response(casebook, row, c.argument(), sp);
                case QLQ_C30_SCALE -> QolDerivation.scale(row, c.argument(), item);
                case DAYS_TO_RECOVERY -> EventDerivations.daysToRecovery(row);
                case TREATMENT_TIMING -> OtherTreatmentDerivations.timing(casebook, row);
            };
        } catch (RuntimeException e) {
            // A value the calculators reject outright must not block saving the form; the item stays empty.
            return DerivedValue.empty(c.derivation().yamlName(), "The value could not be computed: " + e.getMessage());
        }
    }

    private static DerivedValue response(ResponseCourse responses, Row row, Criteria criteria) {
        ResponseCourse.Outcome o = responses.evaluate(row.form(), criteria);
        String algorithm = ResponseCourse.algorithm(criteria);
        if (!o.computed()) {
            return DerivedValue.empty(algorithm, o.problems(), o.missingItems());
        }
        TimePointResponse r = o.response();
        return DerivedValue.of(StoredValue.text(r.overall().name()), algorithm, List.of(explain(r)));
    }

    /** One line on how the response was reached, e.g. "Targets SD (sum 45 mm, -10 % from baseline); ...". */
    static String explain(TimePointResponse r) {
        StringBuilder s = new StringBuilder("Targets ").append(r.targetResponse().label());
        if (r.targetSums().sumMm() != null) {
            s.append(" (sum ").append(plain(r.targetSums().sumMm())).append(" mm");
            if (r.targetSums().pctChangeFromBaseline() != null) {
                s.append(", ").append(plain(Math.round(r.targetSums().pctChangeFromBaseline() * 10) / 10.0))
                        .append(" % from baseline");
            }
            s.append(')');
        }
        s.append("; non-targets ").append(r.nonTargetResponse().label())
                .append("; new lesions ").append(r.newLesions().status().name().toLowerCase(java.util.Locale.ROOT))
                .append('.');
        return s.toString();
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
