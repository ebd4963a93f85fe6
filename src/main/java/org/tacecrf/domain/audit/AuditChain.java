package org.tacecrf.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tamper evidence of the audit trail: every record stores SHA-256(previous hash, its content).
 * Editing, deleting or inserting a record anywhere breaks the chain from that record on, and
 * {@link Verifier} names the first record where it breaks.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, AuditContent content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(content.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Why a record fails verification. */
    public enum Failure {
        /** Its content no longer matches its hash: the record was edited. */
        CONTENT_CHANGED,
        /** Its previous-hash does not match the record before it: a record was removed or inserted. */
        LINK_BROKEN,
        /** Its id does not follow the previous id: a record was removed. */
        GAP_IN_SEQUENCE
    }

    /** The first broken record. */
    public record Break(long recordId, Failure failure, long checkedBefore) {
    }

    /**
     * Walks the chain one stored record at a time in id order, so a verification of millions of
     * records needs no more memory than one record.
     */
    public static final class Verifier {
        private String previousHash = GENESIS;
        private long previousId;
        private long checked;
        private Break firstBreak;

        /** @return false once a break is found; later records are not examined. */
        public boolean accept(AuditContent content, String storedPreviousHash, String storedHash) {
            if (firstBreak != null) {
                return false;
            }
            if (content.id() != previousId + 1) {
                firstBreak = new Break(content.id(), Failure.GAP_IN_SEQUENCE, checked);
            } else if (!previousHash.equals(storedPreviousHash)) {
                firstBreak = new Break(content.id(), Failure.LINK_BROKEN, checked);
            } else if (!hash(storedPreviousHash, content).equals(storedHash)) {
                firstBreak = new Break(content.id(), Failure.CONTENT_CHANGED, checked);
            }
            if (firstBreak != null) {
                return false;
            }
            previousHash = storedHash;
            previousId = content.id();
            checked++;
            return true;
        }

        public long checked() {
            return checked;
        }

        public String lastHash() {
            return previousHash;
        }

        public long lastId() {
            return previousId;
        }

        public Optional<Break> firstBreak() {
            return Optional.ofNullable(firstBreak);
        }
    }
}
