package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The small value types of the model. */
class ModelValuesTest {

    @Test
    void localizedTextFallsBackToEnglish() {
        LocalizedText both = LocalizedText.of("Cholangiectasis", "胆管扩张");
        LocalizedText english = LocalizedText.of("Cholangiectasis");
        assertThat(both.get(Locale.SIMPLIFIED_CHINESE)).isEqualTo("胆管扩张");
        assertThat(both.get(Locale.TRADITIONAL_CHINESE)).isEqualTo("胆管扩张");
        assertThat(both.get(Locale.GERMAN)).isEqualTo("Cholangiectasis");
        assertThat(both.get(null)).isEqualTo("Cholangiectasis");
        assertThat(english.get(Locale.CHINESE)).isEqualTo("Cholangiectasis");
        assertThat(LocalizedText.of("x", " ").chinese()).isEmpty();
        assertThatThrownBy(() -> LocalizedText.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numericRangeBoundsAreInclusiveAndMayBeOpen() {
        NumericRange r = new NumericRange(BigDecimal.ZERO, null);
        assertThat(r.contains(BigDecimal.ZERO)).isTrue();
        assertThat(r.contains(new BigDecimal("1e9"))).isTrue();
        assertThat(r.contains(new BigDecimal("-0.1"))).isFalse();
        assertThat(NumericRange.of(2, 5).within(NumericRange.of(0, 10))).isTrue();
        assertThat(NumericRange.of(0, 10).within(NumericRange.of(2, 5))).isFalse();
        assertThat(r.within(NumericRange.of(0, 10))).isFalse();
        assertThat(NumericRange.UNBOUNDED.within(NumericRange.UNBOUNDED)).isTrue();
        assertThat(NumericRange.of(0, 10).intersect(NumericRange.of(5, 20))).isEqualTo(NumericRange.of(5, 10));
        assertThat(NumericRange.of(0, 1).intersect(NumericRange.of(5, 20))).isNull();
        assertThat(NumericRange.of(20, 55)).isEqualTo(new NumericRange(new BigDecimal("20"), new BigDecimal("55.00")))
                .hasSameHashCodeAs(new NumericRange(new BigDecimal("20"), new BigDecimal("55.00")));
        assertThatThrownBy(() -> NumericRange.of(5, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alternativeUnitsConvertBothWays() {
        AlternativeUnit mgPerDl = new AlternativeUnit("mg/dL", new BigDecimal("17.1"), BigDecimal.ZERO);
        assertThat(mgPerDl.toCanonical(new BigDecimal("3"))).isEqualByComparingTo("51.3");
        assertThat(mgPerDl.fromCanonical(new BigDecimal("51.3"))).isEqualByComparingTo("3");
        AlternativeUnit shifted = new AlternativeUnit("x", BigDecimal.valueOf(2), BigDecimal.valueOf(-1));
        assertThat(shifted.toCanonical(BigDecimal.TEN)).isEqualByComparingTo("19");
        assertThat(shifted.fromCanonical(BigDecimal.valueOf(19))).isEqualByComparingTo("10");
        assertThatThrownBy(() -> new AlternativeUnit("x", BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void visitTimingGivesTheAcceptedDays() {
        VisitTiming oneMonth = new VisitTiming(Anchor.FIRST_TACE, null, 30, 5, 5);
        assertThat(oneMonth.earliestDay()).isEqualTo(25);
        assertThat(oneMonth.latestDay()).isEqualTo(35);
        assertThatThrownBy(() -> new VisitTiming(Anchor.VISIT, null, 30, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VisitTiming(Anchor.ENROLMENT, null, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatInterval(42, 28)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void calculationHasEitherADerivationOrAnExpression() {
        Calculation derived = Calculation.derived(DerivationKind.ALBI_SCORE, null);
        assertThat(derived.resultType()).isEqualTo(DataType.FLOAT);
        assertThat(derived.isDerivation()).isTrue();
        Expression e = new Expression("weight / 2", new SourceLocation("s.yaml", 3, 5));
        assertThat(Calculation.expression(e, DataType.INTEGER).isDerivation()).isFalse();
        assertThatThrownBy(() -> new Calculation(DerivationKind.BMI, null, e, DataType.FLOAT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(e.location()).hasToString("s.yaml:3:5");
    }

    @Test
    void catalogRefusesTwoStudiesWithOneId() {
        StudyCatalog catalog = StudyCatalog.load(ShippedStudiesTest.STUDIES);
        StudyDefinition icc = catalog.get("icc-deb-tace");
        assertThatThrownBy(() -> StudyCatalog.of(java.util.List.of(icc, icc))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catalog.find("nope")).isEmpty();
        assertThatThrownBy(() -> catalog.get("nope")).isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(catalog.ids()).contains("icc-deb-tace");
    }
}
