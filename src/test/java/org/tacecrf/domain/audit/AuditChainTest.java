package org.tacecrf.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private record Stored(AuditContent content, String previousHash, String hash) {
    }

    private static AuditContent content(long id, String newValue) {
        return new AuditContent(id, Instant.parse("2026-01-02T03:04:05.678Z"), 7L, "nurse1", "NURSE", "UPDATE", "ITEM",
                "42", "icc", "ZJU", 3L, "ZJU-001", "BASELINE", "baseline", "alt", "35", newValue, "typo", "FORM", null);
    }

    private static List<Stored> chain(int n) {
        List<Stored> records = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditContent c = content(i, String.valueOf(40 + i));
            String hash = AuditChain.hash(previous, c);
            records.add(new Stored(c, previous, hash));
            previous = hash;
        }
        return records;
    }

    private static AuditChain.Verifier verify(List<Stored> records) {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        for (Stored r : records) {
            if (!verifier.accept(r.content(), r.previousHash(), r.hash())) {
                break;
            }
        }
        return verifier;
    }

    @Test
    void intactChainVerifies() {
        AuditChain.Verifier verifier = verify(chain(5));
        assertThat(verifier.firstBreak()).isEmpty();
        assertThat(verifier.checked()).isEqualTo(5);
    }

    @Test
    void editedValueIsFoundAtThatRecord() {
        List<Stored> records = chain(5);
        Stored third = records.get(2);
        records.set(2, new Stored(content(3, "99"), third.previousHash(), third.hash()));
        assertThat(verify(records).firstBreak()).contains(new AuditChain.Break(3, AuditChain.Failure.CONTENT_CHANGED, 2));
    }

    @Test
    void removedRecordIsFound() {
        List<Stored> records = chain(5);
        records.remove(1);
        assertThat(verify(records).firstBreak()).get().extracting(AuditChain.Break::recordId, AuditChain.Break::failure)
                .containsExactly(3L, AuditChain.Failure.GAP_IN_SEQUENCE);
    }

    @Test
    void recomputedHashWithoutItsSuccessorsBreaksTheNextLink() {
        List<Stored> records = chain(4);
        AuditContent forged = content(2, "13");
        records.set(1, new Stored(forged, records.get(1).previousHash(), AuditChain.hash(records.get(1).previousHash(), forged)));
        assertThat(verify(records).firstBreak()).get().extracting(AuditChain.Break::recordId, AuditChain.Break::failure)
                .containsExactly(3L, AuditChain.Failure.LINK_BROKEN);
    }

    @Test
    void everyFieldIsCovered() {
        AuditContent a = content(1, "x");
        AuditContent b = new AuditContent(1, a.occurredAt(), a.userId(), a.username(), a.userRole(), a.action(), a.entityType(),
                a.entityId(), a.studyId(), a.siteId(), a.subjectId(), a.subjectNumber(), a.visitKey(), a.formKey(), a.itemKey(),
                a.oldValue(), a.newValue(), "another reason", a.source(), a.sourceDetail());
        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, b));
        AuditContent shifted = new AuditContent(1, a.occurredAt(), a.userId(), a.username(), a.userRole(), a.action(), a.entityType(),
                a.entityId(), a.studyId(), a.siteId(), a.subjectId(), a.subjectNumber(), a.visitKey(), a.formKey(), a.itemKey(),
                a.oldValue() + a.newValue(), "", a.reason(), a.source(), a.sourceDetail());
        assertThat(AuditChain.hash(AuditChain.GENESIS, a)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, shifted));
    }
}
