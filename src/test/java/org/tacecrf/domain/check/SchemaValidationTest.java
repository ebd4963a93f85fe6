package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Static validation of paths, parameters and types against the study definition. */
class SchemaValidationTest {

    static final ReferenceSchema TACE_STUDY = MapReferenceSchema.builder()
            .item("BASELINE.enrolment.consent_date", ValueType.DATE)
            .item("BASELINE.enrolment.enrolment_date", ValueType.DATE)
            .item("BASELINE.demographics.birth_date", ValueType.DATE)
            .item("BASELINE.baseline.bili_total", ValueType.NUMBER)
            .item("BASELINE.baseline.bili_direct", ValueType.NUMBER)
            .item("BASELINE.baseline.albumin", ValueType.NUMBER)
            .item("BASELINE.baseline.child_pugh_class", ValueType.CODE)
            .item("BASELINE.baseline.comment", ValueType.TEXT)
            .item("weight_kg", ValueType.NUMBER)
            .item("height_cm", ValueType.NUMBER)
            .multiple("TACE.tace_session.date", ValueType.DATE)
            .multiple("TACE.tace_session.dose_mg", ValueType.NUMBER)
            .multiple("TACE.tace_session.segments", ValueType.CODE)
            .item("dose_mg", ValueType.NUMBER)
            .item("vials", ValueType.NUMBER)
            .item("drug", ValueType.CODE)
            .parameter("max_dose_per_vial_mg", ValueType.NUMBER)
            .build();

    private static List<Problem> problems(String expression) {
        return Expression.parse(expression).validate(TACE_STUDY).problems();
    }

    private static Problem only(String expression) {
        List<Problem> problems = problems(expression);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void validExpressionsHaveNoProblemsAndAKnownResultType() {
        Validation v = Expression.parse("BASELINE.enrolment.consent_date <= BASELINE.enrolment.enrolment_date "
                + "<= min(TACE.tace_session.date)").validate(TACE_STUDY);
        assertThat(v.isValid()).isTrue();
        assertThat(v.resultType()).contains(ValueType.BOOLEAN);
        assertThat(v.several()).isFalse();

        Validation bmi = Expression.parse("round(weight_kg / (height_cm / 100) ^ 2, 1)").validate(TACE_STUDY);
        assertThat(bmi.isValid()).isTrue();
        assertThat(bmi.resultType()).contains(ValueType.NUMBER);

        assertThat(Expression.parse("min(TACE.tace_session.date) + 28").validate(TACE_STUDY).resultType()).contains(ValueType.DATE);
        assertThat(Expression.parse("TACE.tace_session.date").validate(TACE_STUDY).several()).isTrue();
    }

    @Test
    void unknownItemWithSuggestion() {
        Problem p = only("BASELINE.baseline.bili_direct <= BASELINE.baseline.bili_totl");
        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_ITEM);
        assertThat(p.part()).isEqualTo(Problem.Part.EXPRESSION);
        assertThat(p.column()).isEqualTo(34);
        assertThat(p.reason()).isEqualTo("unknown item 'BASELINE.baseline.bili_totl' \u2014 did you mean 'BASELINE.baseline.bili_total'?");
    }

    @Test
    void idsAreCaseSensitive() {
        Problem p = only("baseline.baseline.bili_total > 0");
        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_ITEM);
        assertThat(p.reason()).endsWith("did you mean 'BASELINE.baseline.bili_total'?");
    }

    @Test
    void unknownParameter() {
        Problem p = only("dose_mg / vials <= $max_dose_per_vial");
        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_PARAMETER);
        assertThat(p.column()).isEqualTo(20);
        assertThat(p.reason()).isEqualTo("unknown study parameter '$max_dose_per_vial' \u2014 did you mean '$max_dose_per_vial_mg'?");
    }

    @Test
    void comparingADateWithANumber() {
        Problem p = only("BASELINE.enrolment.consent_date > 2024");
        assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
        assertThat(p.column()).isEqualTo(33);
        assertThat(p.reason()).isEqualTo("cannot compare a date with a number");
    }

    @Test
    void arithmeticOnText() {
        Problem p = only("BASELINE.baseline.comment * 2 > 1");
        assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
        assertThat(p.column()).isEqualTo(27);
        assertThat(p.reason()).isEqualTo("'*' cannot combine text with a number: arithmetic needs numbers");
    }

    @Test
    void orderingText() {
        assertThat(only("BASELINE.baseline.comment < 'x'").reason())
                .isEqualTo("'<' cannot order text: only numbers and dates are ordered");
    }

    @Test
    void severalValuesWhereOneIsNeeded() {
        Problem p = only("TACE.tace_session.date >= BASELINE.enrolment.consent_date");
        assertThat(p.code()).isEqualTo(ProblemCode.SEVERAL_VALUES);
        assertThat(p.column()).isEqualTo(1);
    }

    @Test
    void functionArgumentOfTheWrongKind() {
        Problem p = only("days(BASELINE.baseline.bili_total, BASELINE.enrolment.consent_date) > 1");
        assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
        assertThat(p.column()).isEqualTo(6);
        assertThat(p.reason()).isEqualTo("days() needs a date as 'from', not a number");
    }

    @Test
    void nonConditionInLogic() {
        Problem p = only("weight_kg > 30 and height_cm");
        assertThat(p.code()).isEqualTo(ProblemCode.NOT_A_CONDITION);
        assertThat(p.column()).isEqualTo(20);
        assertThat(p.reason()).isEqualTo("'height_cm' is a number, but a condition (true/false) is needed here");
    }

    @Test
    void inListOfTheWrongKind() {
        List<Problem> problems = problems("BASELINE.enrolment.consent_date in ('A', 'B')");
        assertThat(problems).extracting(Problem::code).containsOnly(ProblemCode.TYPE_MISMATCH);
        assertThat(problems).extracting(Problem::column).containsExactly(37, 42);
        assertThat(problems.get(0).reason()).isEqualTo("'in' cannot look for a date among text");
    }

    @Test
    void mixedAlternatives() {
        assertThat(only("if(weight_kg > 1, BASELINE.enrolment.consent_date, 0) = 0").reason())
                .isEqualTo("if() mixes a date and a number");
        assertThat(only("max(BASELINE.enrolment.consent_date, weight_kg) > 1").reason())
                .isEqualTo("max() mixes a date and a number");
    }

    @Test
    void quantifierVariableHasTheElementType() {
        Problem p = only("every(d in TACE.tace_session.date : d > 5)");
        assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
        assertThat(p.column()).isEqualTo(39);
    }

    @Test
    void codesAreComparableWithTextAndNumbers() {
        assertThat(problems("BASELINE.baseline.child_pugh_class in ('A', 'B') and drug = 'EPI' and drug != 1")).isEmpty();
    }

    @Test
    void allProblemsAreReportedInTextOrder() {
        List<Problem> problems = problems("foo > 1 and BASELINE.enrolment.consent_date + BASELINE.enrolment.consent_date > 0\n or $nope");
        assertThat(problems).extracting(Problem::code).containsExactly(
                ProblemCode.UNKNOWN_ITEM, ProblemCode.TYPE_MISMATCH, ProblemCode.UNKNOWN_PARAMETER);
        assertThat(problems.get(2).line()).isEqualTo(2);
        assertThat(problems.get(2).column()).isEqualTo(5);
    }

    @Test
    void referencedPathsAreListedOnceInOrder() {
        Expression e = Expression.parse("dose_mg / vials <= $max_dose_per_vial_mg and dose_mg > 0 "
                + "and every(d in TACE.tace_session.date : d >= BASELINE.enrolment.consent_date)");
        assertThat(e.references()).extracting(Reference::path)
                .containsExactly("dose_mg", "vials", "TACE.tace_session.date", "BASELINE.enrolment.consent_date");
        assertThat(e.parameters()).containsExactly("max_dose_per_vial_mg");
    }

    @Test
    void editCheckMustBeASingleCondition() {
        CheckTarget target = CheckTarget.item("BASELINE", "baseline", "bili_direct");
        EditCheck sum = EditCheck.of("BILI", "BASELINE.baseline.bili_total + 1", "x", null, CheckSeverity.SOFT, CheckScope.FORM, target);
        assertThat(sum.validate(TACE_STUDY)).extracting(Problem::code).containsExactly(ProblemCode.NOT_A_CONDITION);
        EditCheck list = EditCheck.of("TACE", "TACE.tace_session.date", "x", null, CheckSeverity.SOFT, CheckScope.FORM, target);
        assertThat(list.validate(TACE_STUDY)).extracting(Problem::code).containsExactly(ProblemCode.SEVERAL_VALUES);
    }

    @Test
    void messagePlaceholdersAreValidatedPerLanguage() {
        EditCheck check = EditCheck.of("BILI", "BASELINE.baseline.bili_direct <= BASELINE.baseline.bili_total",
                "Direct bilirubin ({BASELINE.baseline.bili_direkt}) exceeds total bilirubin",
                "直接胆红素 ({BASELINE.baseline.bili_direct}) 高于总胆红素 ({$max_bili})",
                CheckSeverity.SOFT, CheckScope.FORM, CheckTarget.item("BASELINE", "baseline", "bili_direct"));
        List<Problem> problems = check.validate(TACE_STUDY);
        assertThat(problems).extracting(Problem::part).containsExactly(Problem.Part.MESSAGE, Problem.Part.MESSAGE_CHINESE);
        assertThat(problems.get(0).column()).isEqualTo(19);
        assertThat(problems.get(0).reason()).endsWith("did you mean 'BASELINE.baseline.bili_direct'?");
        assertThat(problems.get(1).code()).isEqualTo(ProblemCode.UNKNOWN_PARAMETER);
        assertThat(problems.get(1).column()).isEqualTo(49);
    }
}
