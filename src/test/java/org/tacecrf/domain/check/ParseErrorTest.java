package org.tacecrf.domain.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.tacecrf.domain.check.Fixtures.parseError;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every kind of syntax error, with its 1-based position and reason. */
class ParseErrorTest {

    @Test
    void unexpectedClosingParenthesisGivesItsColumn() {
        ParseException e = parseError("bili_total > 34 )");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.reason()).startsWith("unexpected ')'");
        assertThat(e.getMessage()).startsWith("unexpected ')'").endsWith("at column 17");
    }

    @Test
    void missingOperandBeforeClosingParenthesis() {
        ParseException e = parseError("(bili_direct <= )");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.reason()).isEqualTo("unexpected ')': a value is missing before it");
    }

    @Test
    void positionsCountLinesInMultiLineExpressions() {
        ParseException e = parseError("BASELINE.enrolment.consent_date <= enrolment_date\n  and bili < )");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.offset()).isEqualTo(63);
        assertThat(e.getMessage()).endsWith("at line 2, column 14");
    }

    @Test
    void windowsLineEndsCountAsOneLineBreak() {
        ParseException e = parseError("a > 1\r\nand b <");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void emptyExpression() {
        ParseException e = parseError("   ");
        assertThat(e.code()).isEqualTo(ParseErrorCode.EMPTY_EXPRESSION);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void expressionEndingAfterAnOperator() {
        ParseException e = parseError("weight_kg > ");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_END);
        assertThat(e.column()).isEqualTo(13);
        assertThat(e.reason()).isEqualTo("the expression ends after '>': a value is missing");
    }

    @Test
    void unclosedFunctionCallNamesTheOpeningParenthesis() {
        ParseException e = parseError("days(consent_date, enrolment_date > 28");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_END);
        assertThat(e.column()).isEqualTo(39);
        assertThat(e.reason()).isEqualTo("missing ')' to close the 'days(' at column 5");
    }

    @Test
    void missingCommaBetweenArguments() {
        ParseException e = parseError("days(consent_date enrolment_date)");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.column()).isEqualTo(19);
        assertThat(e.reason()).startsWith("unexpected 'enrolment_date': expected ',' or ')'");
    }

    @Test
    void twoValuesWithoutOperator() {
        ParseException e = parseError("weight_kg 70");
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.reason()).isEqualTo("unexpected '70': an operator such as 'and', '=' or '+' is missing before it");
    }

    @Test
    void unterminatedText() {
        ParseException e = parseError("child_pugh_class = 'A");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNTERMINATED_TEXT);
        assertThat(e.column()).isEqualTo(20);
        assertThat(e.reason()).isEqualTo("text starting here is not closed: add the closing '");
    }

    @Test
    void textMayNotSpanLines() {
        ParseException e = parseError("drug = \"EPI\nand x");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNTERMINATED_TEXT);
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void decimalComma() {
        ParseException e = parseError("bili_total > 3,5");
        assertThat(e.code()).isEqualTo(ParseErrorCode.DECIMAL_COMMA);
        assertThat(e.column()).isEqualTo(14);
        assertThat(e.reason()).startsWith("decimal comma in '3,5': use a decimal point (3.5)");
    }

    @Test
    void decimalCommaInsideAFunctionCallIsAlsoCaught() {
        ParseException e = parseError("round(bmi, 1) < max(18,5, 20)");
        assertThat(e.code()).isEqualTo(ParseErrorCode.DECIMAL_COMMA);
        assertThat(e.column()).isEqualTo(21);
        assertThat(e.reason()).contains("'18,5'").contains("put a space after the comma");
    }

    @Test
    void commaWithSpaceSeparatesValues() {
        assertThatCode(() -> Expression.parse("ecog in (0, 1) and round(bmi,1) > max(18, 5)")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dose > 3.        | 8  | number '3.' needs digits after the decimal point",
            "dose > 80mg      | 8  | number '80' is followed by 'mg': units are not written in expressions, and ids start with a letter",
            "dose > .5        | 8  | a number starts with a digit: write 0.5"})
    void malformedNumbers(String expression, int column, String reason) {
        ParseException e = parseError(expression);
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_NUMBER);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "scan_date > 2024-03-01 | 13 | '2024-03-01' looks like a date: write it as date('2024-03-01')",
            "scan_date > 01/03/2024 | 13 | '01/03/2024' looks like a date: write it as date('YYYY-MM-DD')",
            "scan_date > 1.3.2024   | 13 | '1.3.2024' looks like a date: write it as date('YYYY-MM-DD')"})
    void datesWithoutDateFunctionAreNotArithmetic(String expression, int column, String reason) {
        ParseException e = parseError(expression);
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNQUOTED_DATE);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void invalidCalendarDate() {
        ParseException e = parseError("scan_date > date('2023-02-29')");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_DATE);
        assertThat(e.column()).isEqualTo(18);
        assertThat(e.reason()).isEqualTo("'2023-02-29' is not a valid date: write YYYY-MM-DD, as in date('2024-03-01')");
    }

    @Test
    void dateNeedsQuotedText() {
        ParseException e = parseError("scan_date > date(2024)");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_DATE);
        assertThat(e.column()).isEqualTo(18);
    }

    @Test
    void unknownFunctionWithSuggestion() {
        ParseException e = parseError("dayz(consent_date, enrolment_date) <= 28");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNKNOWN_FUNCTION);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("unknown function 'dayz' \u2014 did you mean 'days'?");
    }

    @Test
    void foreignFunctionNamesPointToOurs() {
        assertThat(parseError("datediff(a, b, 'd') > 1").reason()).isEqualTo("unknown function 'datediff' \u2014 did you mean 'days'?");
        assertThat(parseError("x = 1 or iff(a, b, c)").reason()).isEqualTo("unknown function 'iff' \u2014 did you mean 'if'?");
        assertThat(parseError("frobnicate(x)").reason()).isEqualTo("unknown function 'frobnicate'");
    }

    @Test
    void functionNamesIgnoreCase() {
        assertThatCode(() -> Expression.parse("ISEMPTY(x) or Days(a, b) > 1 and IF(c, 1, 2) = 1")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "days(consent_date) > 1      | 1  | days() takes 2 arguments: days(from, to); found 1",
            "x > round(bmi, 1, 2)        | 5  | round() takes 1 or 2 arguments: round(x, places); found 3",
            "today(x) > scan_date        | 1  | today() takes no arguments: today(); found 1",
            "max() > 1                   | 1  | max() takes at least 1 argument: max(a, b, ...); found 0",
            "if(x > 1, 2) = 2            | 1  | if() takes 3 arguments: if(condition, value if true, value if false); found 2"})
    void wrongNumberOfArguments(String expression, int column, String reason) {
        ParseException e = parseError(expression);
        assertThat(e.code()).isEqualTo(ParseErrorCode.WRONG_ARGUMENT_COUNT);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void pathWithFourParts() {
        ParseException e = parseError("x > TACE.tace_session.drugs.dose");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_PATH);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.reason()).isEqualTo("'TACE.tace_session.drugs.dose' has 4 parts: a path is item, form.item or visit.form.item");
    }

    @Test
    void pathEndingInADot() {
        ParseException e = parseError("BASELINE.baseline. > 1");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_PATH);
        assertThat(e.column()).isEqualTo(20);
    }

    @Test
    void equalityCannotBeChained() {
        ParseException e = parseError("a = b = c");
        assertThat(e.code()).isEqualTo(ParseErrorCode.CHAINED_COMPARISON);
        assertThat(e.column()).isEqualTo(7);
    }

    @Test
    void chainMustGoOneWay() {
        ParseException e = parseError("a < b > c");
        assertThat(e.code()).isEqualTo(ParseErrorCode.CHAINED_COMPARISON);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.reason()).startsWith("'>' goes the other way than '<'");
        assertThatCode(() -> Expression.parse("a <= b < c")).doesNotThrowAnyException();
        assertThatCode(() -> Expression.parse("a >= b > c >= d")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"death_date = null | 12", "null <> death_date | 6", "comment != '' | 9"})
    void comparisonWithNullPointsToIsEmpty(String expression, int column) {
        ParseException e = parseError(expression);
        assertThat(e.code()).isEqualTo(ParseErrorCode.COMPARISON_WITH_NULL);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.reason()).contains("isEmpty(x)");
    }

    @Test
    void quantifierWithoutVariable() {
        ParseException e = parseError("every(TACE.tace_session.date >= consent_date)");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_QUANTIFIER);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.reason()).startsWith("every() is written every(x in LIST : condition)");
    }

    @Test
    void quantifierWithoutColon() {
        ParseException e = parseError("some(d in TACE.tace_session.date, d > x)");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_QUANTIFIER);
        assertThat(e.column()).isEqualTo(33);
    }

    @Test
    void nestedQuantifiersNeedDistinctVariables() {
        ParseException e = parseError("every(d in a : some(d in b : d > 1))");
        assertThat(e.code()).isEqualTo(ParseErrorCode.INVALID_QUANTIFIER);
        assertThat(e.column()).isEqualTo(21);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "a > 1 && b < 2    ; 7  ; unexpected '&&': write 'and'",
            "a > 1 || b < 2    ; 7  ; unexpected '||': write 'or'",
            "!isEmpty(a)       ; 1  ; unexpected '!': write 'not'",
            "a ≤ b             ; 3  ; unexpected character '≤': write '<='",
            "days（a, b) > 1   ; 5  ; unexpected character '（': full-width '（': write '('",
            "drug = ‘EPI’      ; 8  ; unexpected character '‘': curly quote: write a straight quote '",
            "x > #2024-03-01#  ; 5  ; unexpected character '#': dates are written date('2024-03-01')",
            "$ > 1             ; 1  ; '$' starts a study parameter and must be followed by its name, as in $max_dose_per_vial_mg"})
    void unexpectedCharactersWithHints(String expression, int column, String reason) {
        ParseException e = parseError(expression);
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_CHARACTER);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void keywordsIgnoreCaseButPathsKeepIt() {
        Expression e = Expression.parse("Bili_Total > 1 AND NOT x Or y IN ('A') and z Not In ('B') and TRUE and False = false");
        assertThat(e.references()).extracting(Reference::path).containsExactly("Bili_Total", "x", "y", "z");
    }

    @Test
    void callAfterAPathIsRejected() {
        ParseException e = parseError("baseline.days(a, b) > 1");
        assertThat(e.code()).isEqualTo(ParseErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.column()).isEqualTo(14);
    }
}
