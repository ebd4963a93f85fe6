package org.tacecrf.domain.casebook.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.derive.TargetSelection.Finding;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.ViolationCode;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyDefinitionLoader;

class TargetSelectionTest {

    private static TargetSelection check(HccCase c) {
        return TargetSelection.of(c.b.study(), c.data(), c.baselineImaging.instance());
    }

    @Test
    void aValidSelectionBlocksNothing() {
        TargetSelection s = check(new HccCase());
        assertThat(s.primary()).isEqualTo(Criteria.MRECIST);
        assertThat(s.targets()).isEqualTo(2);
        assertThat(s.byOrgan()).containsEntry("LIVER", 2);
        assertThat(s.blocking()).isEmpty();
    }

    @Test
    void aThirdTargetInTheLiverIsRefusedAtItsRole() {
        HccCase c = new HccCase();
        c.baselineImaging.row("lesions", 4, "lesion_id", "T03", "lesion_role", "TARGET", "organ", "LIVER",
                "longest_diameter_mm", "25", "viable_diameter_mm", "20", "arterial_enhancement", "Y");
        TargetSelection s = check(c);
        assertThat(s.blocking()).extracting(f -> f.violation().code()).containsExactly(ViolationCode.TOO_MANY_TARGETS_IN_ORGAN);
        assertThat(s.blocking().get(0).field()).isEqualTo(new ItemKey("lesions", 4, "lesion_role"));
    }

    @Test
    void sizeAndEnhancementRulesPointAtTheirFields() {
        HccCase c = new HccCase();
        c.baselineImaging.clear("longest_diameter_mm").clear("arterial_enhancement")
                .row("lesions", 1, "longest_diameter_mm", "60", "arterial_enhancement", "Y")
                .row("lesions", 2, "longest_diameter_mm", "8", "arterial_enhancement", "N");
        TargetSelection s = check(c);
        assertThat(s.blocking()).extracting(Finding::field).containsExactlyInAnyOrder(
                new ItemKey("lesions", 2, "longest_diameter_mm"), new ItemKey("lesions", 2, "arterial_enhancement"),
                new ItemKey("lesions", 2, "viable_diameter_mm"));
        assertThat(s.blocking()).allMatch(f -> f.criteria() == Criteria.MRECIST);
    }

    @Test
    void mrecistOnlyRulesWarnWhenRecistIsPrimary() throws IOException {
        String yaml = Files.readString(Path.of(System.getProperty("basedir", "."))
                .resolve("config/studies/hcc-deb-sorafenib.yaml"));
        String changed = yaml.replace("response: {primaryCriteria: mRECIST}", "response: {primaryCriteria: RECIST 1.1}");
        assertThat(changed).isNotEqualTo(yaml);
        StudyDefinition study = StudyDefinitionLoader.builtIn().loadString("hcc-deb-sorafenib.yaml", changed);
        HccCase c = new HccCase(study);
        c.baselineImaging.clear("arterial_enhancement").row("lesions", 1, "arterial_enhancement", "Y")
                .row("lesions", 2, "arterial_enhancement", "N");
        TargetSelection s = check(c);
        assertThat(s.primary()).isEqualTo(Criteria.RECIST_1_1);
        assertThat(s.blocking()).isEmpty();
        assertThat(s.warnings()).extracting(f -> f.violation().code()).contains(ViolationCode.TARGET_NOT_ENHANCING);
    }

    @Test
    void anEmptyFormHasNoLesions() {
        SubjectBuilder b = SubjectBuilder.of("hcc-deb-sorafenib");
        var form = b.form(b.visit("baseline", 1, "2024-01-10"), "baseline_imaging").set("modality", "CT");
        TargetSelection s = TargetSelection.of(b.study(), b.build(), form.instance());
        assertThat(s.blocking()).extracting(f -> f.violation().code()).containsExactly(ViolationCode.NO_LESIONS);
        assertThat(s.readProblems()).isEmpty();
    }
}
