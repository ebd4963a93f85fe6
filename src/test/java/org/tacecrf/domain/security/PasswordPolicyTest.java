package org.tacecrf.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacecrf.domain.security.PasswordPolicy.Violation.CONTAINS_USERNAME;
import static org.tacecrf.domain.security.PasswordPolicy.Violation.SAME_AS_CURRENT;
import static org.tacecrf.domain.security.PasswordPolicy.Violation.SINGLE_CHARACTER;
import static org.tacecrf.domain.security.PasswordPolicy.Violation.TOO_SHORT;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTenCharactersThatAreNotTheUserName() {
        assertThat(PasswordPolicy.check("nurse1", "Liver-2024", false)).isEmpty();
    }

    @Test
    void nineCharactersAreTooShort() {
        assertThat(PasswordPolicy.check("nurse1", "Liver-202", false)).containsExactly(TOO_SHORT);
    }

    @Test
    void refusesTheUserNameInAnyCase() {
        assertThat(PasswordPolicy.check("nurse1", "NURSE1nurse1", false)).containsExactly(CONTAINS_USERNAME);
        assertThat(PasswordPolicy.check("nurse1", "my-Nurse1-password", false)).containsExactly(CONTAINS_USERNAME);
    }

    @Test
    void refusesOneRepeatedCharacterAndTheCurrentPassword() {
        assertThat(PasswordPolicy.check("dm", "aaaaaaaaaaaa", false)).containsExactly(SINGLE_CHARACTER);
        assertThat(PasswordPolicy.check("dm", "Liver-2024-b", true)).containsExactly(SAME_AS_CURRENT);
    }

    @Test
    void emptyPasswordIsTooShort() {
        assertThat(PasswordPolicy.check("dm", null, false)).containsExactly(TOO_SHORT);
    }
}
