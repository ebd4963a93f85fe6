package org.tacecrf.domain.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignedContentTest {

    private static final String ALBUMIN = SignedContent.valueDigest("38", null, null);

    private static SignedItem item(long formRef, String key, long ref, long version, String digest) {
        return new SignedItem(formRef, "baseline[1]/labs[1]", key, ref, version, digest);
    }

    private static SignedContent content(List<SignedItem> items) {
        return new SignedContent("ZJU-001", SignatureScope.FORM, "baseline[1]/labs[1]", items);
    }

    private static List<SignedItem> labs() {
        return List.of(item(7, "labs[1].albumin", 11, 0, ALBUMIN),
                item(7, "labs[1].bilirubin", 12, 2, SignedContent.valueDigest("20.5", "1.2", "mg/dL")));
    }

    @Test
    void hashIsSha256OfTheCanonicalTextAndIndependentOfItemOrder() {
        SignedContent a = content(labs());
        List<SignedItem> reversed = new ArrayList<>(labs());
        java.util.Collections.reverse(reversed);
        SignedContent b = content(reversed);
        assertThat(a.hash()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(b.hash());
        assertThat(a.canonical()).isEqualTo(b.canonical());
        assertThat(a.hash()).isEqualTo(SignedContent.sha256(a.canonical()));
        assertThat(a.canonical().lines()).hasSize(3).first().asString().startsWith("subject\u001fZJU-001\u001fFORM");
    }

    @Test
    void anyChangeOfValueVersionRecordOrScopeChangesTheHash() {
        String signed = content(labs()).hash();
        assertThat(content(List.of(item(7, "labs[1].albumin", 11, 0, SignedContent.valueDigest("39", null, null)), labs().get(1))).hash())
                .isNotEqualTo(signed);
        assertThat(content(List.of(item(7, "labs[1].albumin", 11, 1, ALBUMIN), labs().get(1))).hash()).isNotEqualTo(signed);
        assertThat(content(List.of(item(7, "labs[1].albumin", 99, 0, ALBUMIN), labs().get(1))).hash()).isNotEqualTo(signed);
        assertThat(new SignedContent("ZJU-002", SignatureScope.FORM, "baseline[1]/labs[1]", labs()).hash()).isNotEqualTo(signed);
        assertThat(new SignedContent("ZJU-001", SignatureScope.VISIT, "baseline[1]/labs[1]", labs()).hash()).isNotEqualTo(signed);
        assertThat(content(labs().subList(0, 1)).hash()).isNotEqualTo(signed);
    }

    @Test
    void valueDigestTellsEmptyFromValueAndKeepsTheEnteredUnit() {
        assertThat(SignedContent.valueDigest(null, null, null)).isNotEqualTo(SignedContent.valueDigest("", null, null));
        assertThat(SignedContent.valueDigest("20.5", "1.2", "mg/dL")).isNotEqualTo(SignedContent.valueDigest("20.5", null, null));
        // Fields cannot be shifted into each other.
        assertThat(SignedContent.valueDigest("ab", "c", null)).isNotEqualTo(SignedContent.valueDigest("a", "bc", null));
    }

    @Test
    void firstDifferenceNamesTheChangedRemovedOrAddedItem() {
        SignedContent signed = content(labs());
        assertThat(signed.firstDifference(content(labs()))).isEmpty();

        SignedContent changed = content(List.of(labs().get(0), item(7, "labs[1].bilirubin", 12, 3, ALBUMIN)));
        assertThat(signed.firstDifference(changed)).hasValue(
                new SignedContent.Difference("baseline[1]/labs[1]/labs[1].bilirubin", SignedContent.Difference.Kind.CHANGED));

        SignedContent removed = content(labs().subList(1, 2));
        assertThat(signed.firstDifference(removed)).hasValueSatisfying(d -> {
            assertThat(d.address()).endsWith("labs[1].albumin");
            assertThat(d.kind()).isEqualTo(SignedContent.Difference.Kind.REMOVED);
        });

        List<SignedItem> more = new ArrayList<>(labs());
        more.add(item(7, "labs[1].platelets", 13, 0, SignedContent.valueDigest("180", null, null)));
        assertThat(signed.firstDifference(content(more))).hasValue(
                new SignedContent.Difference("baseline[1]/labs[1]/labs[1].platelets", SignedContent.Difference.Kind.ADDED));
    }

    @Test
    void theSameValueWrittenAgainAsANewVersionIsADifference() {
        // Changed and changed back: the data are not the record version that was signed.
        SignedContent signed = content(labs());
        SignedContent back = content(List.of(item(7, "labs[1].albumin", 11, 2, ALBUMIN), labs().get(1)));
        assertThat(signed.firstDifference(back)).isPresent();
    }

    @Test
    void itemsNeedTheirKeys() {
        assertThatThrownBy(() -> new SignedItem(1, null, "a[1].b", 1, 0, ALBUMIN)).isInstanceOf(NullPointerException.class);
    }
}
