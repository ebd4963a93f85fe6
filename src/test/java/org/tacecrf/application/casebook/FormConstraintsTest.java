package org.tacecrf.application.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.study.StudyCatalog;
import org.tacecrf.domain.study.StudyDefinition;

/** The grades an adverse event may record for its CTCAE term, on the shipped studies. */
class FormConstraintsTest {

    private static final StudyCatalog CATALOG = StudyCatalog.load(Path.of("config/studies"));

    private static Map<ItemKey, StoredValue> event(String term, String grade) {
        return Map.of(new ItemKey("event", 1, "ae_term"), StoredValue.text(term),
                new ItemKey("event", 1, "ae_grade"), StoredValue.text(grade));
    }

    private static StudyDefinition study(String id) {
        return CATALOG.get(id);
    }

    @Test
    void aGradeTheTermDoesNotDefineIsRefusedAtTheGrade() {
        StudyDefinition study = study("icc-deb-tace");
        var error = FormConstraints.gradeNotDefined(study, study.form("adverse_event").orElseThrow(), event("NAUSEA", "4"));
        assertThat(error).hasValueSatisfying(e -> {
            assertThat(e.field()).isEqualTo("event[1].ae_grade");
            assertThat(e.messageKey()).isEqualTo("ae.error.gradeNotDefined");
            assertThat(e.arguments()).containsExactly(4, "Nausea", "1, 2, 3");
        });
    }

    @Test
    void definedGradesFreeTermsAndOtherCtcaeVersionsPass() {
        StudyDefinition study = study("icc-deb-tace");
        var form = study.form("adverse_event").orElseThrow();
        assertThat(FormConstraints.gradeNotDefined(study, form, event("NAUSEA", "3"))).isEmpty();
        assertThat(FormConstraints.gradeNotDefined(study, form, event("OTHER", "5"))).isEmpty();
        assertThat(FormConstraints.gradeNotDefined(study, form, event("VASOVAGAL_REACTION", "2"))).isPresent();
        // This study grades with CTCAE 3.0: the v5.0 catalogue does not decide its grades.
        StudyDefinition v3 = study("hcc-deb-sorafenib");
        assertThat(FormConstraints.catalogueApplies(v3)).isFalse();
        assertThat(FormConstraints.gradeNotDefined(v3, v3.form("adverse_event").orElseThrow(), event("NAUSEA", "4"))).isEmpty();
    }
}
