package org.tacecrf.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(20_000);

    @Test
    void hashHasTheFormatJakartaSecurityReads() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertThat(hash).matches("PBKDF2WithHmacSHA256:20000:[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery".toCharArray());
        assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password!".toCharArray())).isNotEqualTo(hasher.hash("same password!".toCharArray()));
    }

    @Test
    void verifiesHashesMadeWithAnotherIterationCount() {
        String old = new PasswordHasher(12_000).hash("a long passphrase".toCharArray());
        assertThat(hasher.verify("a long passphrase".toCharArray(), old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("a long passphrase".toCharArray()))).isFalse();
    }

    @Test
    void rejectsMalformedStoredValues() {
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "plain-text-password")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "PBKDF2WithHmacSHA256:abc:def:ghi")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "MD5:1000:c2FsdA==:aGFzaA==")).isFalse();
    }

    @Test
    void refusesWeakIterationCounts() {
        assertThatThrownBy(() -> new PasswordHasher(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
