package org.tacecrf.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tacecrf.domain.integrity.SignatureStatus;
import org.tacecrf.model.casebook.FormState;

class PendingWorkTest {

    @Test
    void parsesTheNameAsTheLinksAndTheApiGiveIt() {
        assertThat(PendingWork.parse("INCOMPLETE_FORMS")).contains(PendingWork.INCOMPLETE_FORMS);
        assertThat(PendingWork.parse(" unsigned_forms ")).contains(PendingWork.UNSIGNED_FORMS);
        assertThat(PendingWork.parse("Unlocked")).contains(PendingWork.UNLOCKED);
        assertThat(PendingWork.parse(null)).isEmpty();
        assertThat(PendingWork.parse("  ")).isEmpty();
        assertThatThrownBy(() -> PendingWork.parse("UNVERIFIED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formsAreCountedForTheFormKindsAndCasebooksForUnlocked() {
        assertThat(PendingWork.INCOMPLETE_FORMS.countsForms()).isTrue();
        assertThat(PendingWork.UNSIGNED_FORMS.countsForms()).isTrue();
        assertThat(PendingWork.UNLOCKED.countsForms()).isFalse();
        assertThat(PendingWork.UNLOCKED.subjectCondition()).isEqualTo("s.locked = false");
        assertThatThrownBy(PendingWork.UNLOCKED::formCondition).isInstanceOf(IllegalStateException.class);
        // A subject is listed while one of its own forms meets the form condition.
        assertThat(PendingWork.UNSIGNED_FORMS.subjectCondition())
                .startsWith("exists (select f.id from FormData f where f.subjectId = s.id and ")
                .contains(PendingWork.UNSIGNED_FORMS.formCondition());
    }

    /** A query would refuse a parameter it does not name, and fail on one left unbound: both sets must agree. */
    @ParameterizedTest
    @EnumSource(PendingWork.class)
    void bindsExactlyTheParametersItsConditionNames(PendingWork pending) {
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile(":(\\w+)").matcher(pending.subjectCondition());
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(pending.parameters().keySet()).containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void unsignedFormsAreCompleteFormsWithoutAValidSignature() {
        assertThat(PendingWork.UNSIGNED_FORMS.parameters()).containsEntry("complete", FormState.COMPLETE)
                .containsEntry("valid", SignatureStatus.VALID);
        assertThat(PendingWork.UNSIGNED_FORMS.formCondition()).startsWith("f.state = :complete and not exists");
        assertThat(PendingWork.INCOMPLETE_FORMS.parameters()).containsExactly(Map.entry("complete", FormState.COMPLETE));
        assertThat(PendingWork.INCOMPLETE_FORMS.formCondition()).isEqualTo("f.state <> :complete");
    }
}
