package org.tacecrf.domain.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SignatureValidityTest {

    private static SignedContent content(long version) {
        return new SignedContent("ZJU-001", SignatureScope.FORM, "tace[1]/tace_session[1]", List.of(
                new SignedItem(3, "tace[1]/tace_session[1]", "session[1].doxorubicin_mg", 40, version,
                        SignedContent.valueDigest("75", null, null))));
    }

    @Test
    void validWhenMarkedValidAndTheContentIsUnchanged() {
        SignatureValidity validity = SignatureValidity.of(SignatureStatus.VALID, null, content(0), content(0));
        assertThat(validity.valid()).isTrue();
        assertThat(validity.breakingItem()).isNull();
    }

    @Test
    void invalidatedNamesTheItemRecordedWhenTheDataChanged() {
        SignatureValidity validity = SignatureValidity.of(SignatureStatus.INVALIDATED, "tace[1]/tace_session[1]/session[1].doxorubicin_mg",
                content(0), content(1));
        assertThat(validity.state()).isEqualTo(SignatureValidity.State.INVALIDATED);
        assertThat(validity.valid()).isFalse();
        assertThat(validity.breakingItem()).endsWith("session[1].doxorubicin_mg");
    }

    @Test
    void markedValidButDifferentContentMeansAChangeAroundTheApplication() {
        SignatureValidity validity = SignatureValidity.of(SignatureStatus.VALID, null, content(0), content(1));
        assertThat(validity.state()).isEqualTo(SignatureValidity.State.CONTENT_CHANGED);
        assertThat(validity.breakingItem()).isEqualTo("tace[1]/tace_session[1]/session[1].doxorubicin_mg");
    }
}
