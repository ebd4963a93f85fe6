package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.SubjectData;

class LiverDerivationsTest {

    private static Map<ItemKey, DerivedValue> deriveBaseline(HccCase c) {
        SubjectData data = c.data();
        return new DerivationEngine(c.b.study()).derive(data, data.form(c.baseline.id()).orElseThrow());
    }

    private static DerivedValue item(Map<ItemKey, DerivedValue> values, String itemId) {
        return values.entrySet().stream().filter(e -> e.getKey().itemId().equals(itemId)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no derived value for " + itemId));
    }

    private static BigDecimal number(DerivedValue v) {
        return v.computed().orElseThrow(() -> new AssertionError(v.reason())).number();
    }

    private static String text(DerivedValue v) {
        return v.computed().orElseThrow(() -> new AssertionError(v.reason())).text();
    }

    @Test
    void everyCalculatedItemOfTheBaselineFormIsDerived() {
        Map<ItemKey, DerivedValue> values = deriveBaseline(new HccCase());
        assertThat(values.keySet()).extracting(ItemKey::toString).containsExactlyInAnyOrder(
                "vital_signs[1].bmi", "liver_function[1].child_pugh_points", "liver_function[1].child_pugh_class",
                "liver_function[1].albi_score", "liver_function[1].albi_grade", "staging[1].bclc_suggested");
    }

    @Test
    void bmiIsRoundedOnceToTheItemPrecision() {
        HccCase c = new HccCase();
        assertThat(number(item(deriveBaseline(c), "bmi"))).isEqualByComparingTo("24.2");
        // 47.2 / 1.501² = 20.9498...: one rounding gives 20.9; rounding 20.95 again would give 21.0.
        c.baseline.set("height", "150.1").set("weight", "47.2");
        DerivedValue bmi = item(deriveBaseline(c), "bmi");
        assertThat(number(bmi)).isEqualByComparingTo("20.9");
        assertThat(bmi.algorithm()).isEqualTo("BMI (Quetelet, kg/m2) v1");
    }

    @Test
    void bmiWithoutWeightIsEmptyAndNamesIt() {
        HccCase c = new HccCase();
        c.baseline.clear("weight");
        DerivedValue bmi = item(deriveBaseline(c), "bmi");
        assertThat(bmi.isEmpty()).isTrue();
        assertThat(bmi.missingItems()).containsExactly("weight");
        assertThat(bmi.reason()).contains("Weight");
    }

    @Test
    void childPughOfTheStandardSubjectIsA5() {
        Map<ItemKey, DerivedValue> values = deriveBaseline(new HccCase());
        assertThat(number(item(values, "child_pugh_points"))).isEqualByComparingTo("5");
        assertThat(text(item(values, "child_pugh_class"))).isEqualTo("A");
        assertThat(item(values, "child_pugh_class").algorithm())
                .startsWith("Child-Pugh (Pugh 1973; bilirubin 34/51 umol/L; albumin 28/35 g/L; INR 1.7/2.3;")
                .endsWith("cut-offs in entered unit) v1");
    }

    @Test
    void bilirubinEnteredInMgPerDlMeetsTheMgPerDlCutOff() {
        HccCase c = new HccCase();
        // 3.0 mg/dL is in the 2-3 mg/dL band (2 points), although it converts to 51.3 umol/L (> 51).
        c.baseline.set("total_bilirubin", "3.0", "mg/dL");
        Map<ItemKey, DerivedValue> values = deriveBaseline(c);
        assertThat(number(item(values, "child_pugh_points"))).isEqualByComparingTo("6");
        assertThat(text(item(values, "child_pugh_class"))).isEqualTo("A");

        c.baseline.set("total_bilirubin", "51.3");
        values = deriveBaseline(c);
        assertThat(number(item(values, "child_pugh_points"))).isEqualByComparingTo("7");
        assertThat(text(item(values, "child_pugh_class"))).isEqualTo("B");
    }

    @Test
    void albuminBoundaryInGramsPerDecilitre() {
        HccCase c = new HccCase();
        c.baseline.set("albumin", "3.5", "g/dL");
        assertThat(number(item(deriveBaseline(c), "child_pugh_points"))).isEqualByComparingTo("6");
        c.baseline.set("albumin", "3.6", "g/dL");
        assertThat(number(item(deriveBaseline(c), "child_pugh_points"))).isEqualByComparingTo("5");
    }

    @Test
    void childPughWithoutAscitesAndInrIsEmptyAndNamesBoth() {
        HccCase c = new HccCase();
        c.baseline.clear("ascites").clear("inr");
        DerivedValue points = item(deriveBaseline(c), "child_pugh_points");
        assertThat(points.isEmpty()).isTrue();
        assertThat(points.missingItems()).containsExactlyInAnyOrder("ascites", "inr");
        assertThat(points.algorithm()).startsWith("Child-Pugh");
    }

    @Test
    void albiScoreAndGradeFromTheWorkedExample() {
        Map<ItemKey, DerivedValue> values = deriveBaseline(new HccCase());
        // Bilirubin 17 umol/L, albumin 40 g/L: -2.588, grade 2 (clinical rules 2.2).
        assertThat(number(item(values, "albi_score"))).isEqualByComparingTo("-2.588");
        assertThat(text(item(values, "albi_grade"))).isEqualTo("2");
        assertThat(item(values, "albi_score").algorithm()).isEqualTo("ALBI (Johnson 2015) v1");
    }

    @Test
    void albiConvertsBilirubinEnteredInMgPerDl() {
        HccCase c = new HccCase();
        c.baseline.set("total_bilirubin", "1.2", "mg/dL");
        // 1.2 mg/dL = 20.52 umol/L; with albumin 35 g/L the worked value is -2.109.
        c.baseline.set("albumin", "35");
        assertThat(number(item(deriveBaseline(c), "albi_score"))).isEqualByComparingTo("-2.109");
    }

    @Test
    void bclcOfTwoNodulesOver30MmIsIntermediate() {
        DerivedValue bclc = item(deriveBaseline(new HccCase()), "bclc_suggested");
        assertThat(text(bclc)).isEqualTo("B");
        assertThat(bclc.algorithm()).contains("BCLC 2022").contains("Child-Pugh C");
        assertThat(bclc.notes()).singleElement().asString().startsWith("Step 5");
    }

    @Test
    void bclcUsesEcogCancerRelatedAndMacrovascularInvasion() {
        HccCase c = new HccCase();
        c.baseline.set("ecog", "1").set("ecog_cancer_related", "Y");
        assertThat(text(item(deriveBaseline(c), "bclc_suggested"))).isEqualTo("C");
        c.baseline.set("ecog_cancer_related", "N").set("lesion_count", "1").set("largest_diameter_mm", "18");
        assertThat(text(item(deriveBaseline(c), "bclc_suggested"))).isEqualTo("0");
        c.baseline.set("macrovascular_invasion", "Y");
        assertThat(text(item(deriveBaseline(c), "bclc_suggested"))).isEqualTo("C");
    }

    @Test
    void bclcWithoutEcogIsEmptyAndNamesIt() {
        HccCase c = new HccCase();
        c.baseline.clear("ecog");
        DerivedValue bclc = item(deriveBaseline(c), "bclc_suggested");
        assertThat(bclc.isEmpty()).isTrue();
        assertThat(bclc.missingItems()).contains("ecog");
    }

    @Test
    void bclcIsNotSuggestedForOtherTumours() {
        HccCase c = new HccCase();
        c.baseline.set("diagnosis", "ICC");
        DerivedValue bclc = item(deriveBaseline(c), "bclc_suggested");
        assertThat(bclc.isEmpty()).isTrue();
        assertThat(bclc.reason()).contains("hepatocellular carcinoma only");
    }
}
