package org.tacecrf.model.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.tacecrf.domain.integrity.SignatureMeaning;
import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.domain.integrity.SignatureStatus;
import org.tacecrf.domain.integrity.SignedContent;

/**
 * An investigator's electronic signature of a form, a visit or a whole casebook, with what 21 CFR
 * 11.50 requires it to show (printed name, date and time, meaning) and the content it is linked to
 * (11.70). Nothing of it changes after signing except its status, which a later change of the
 * signed data sets to invalidated, naming the item.
 */
@Entity
@Table(name = "signature")
public class Signature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64, updatable = false)
    private String siteId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private SignatureScope scope;
    @Column(name = "visit_ref", updatable = false)
    private Long visitRef;
    @Column(name = "form_ref", updatable = false)
    private Long formRef;
    @Column(name = "scope_key", nullable = false, length = 200, updatable = false)
    private String scopeKey;
    @Column(name = "signer_id", nullable = false, updatable = false)
    private Long signerId;
    @Column(name = "signer_username", nullable = false, length = 64, updatable = false)
    private String signerUsername;
    @Column(name = "signer_name", nullable = false, length = 200, updatable = false)
    private String signerName;
    @Column(name = "signer_role", length = 64, updatable = false)
    private String signerRole;
    @Column(name = "signed_at", nullable = false, updatable = false)
    private Instant signedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private SignatureMeaning meaning;
    @Column(name = "meaning_text", nullable = false, length = 500, updatable = false)
    private String meaningText;
    @Column(name = "content_hash", nullable = false, length = 64, updatable = false)
    private String contentHash;
    @Column(name = "item_count", nullable = false, updatable = false)
    private int itemCount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SignatureStatus status = SignatureStatus.VALID;
    @Column(name = "invalidated_at")
    private Instant invalidatedAt;
    @Column(name = "invalidated_by", length = 64)
    private String invalidatedBy;
    @Column(name = "invalidated_item", length = 400)
    private String invalidatedItem;
    @Column(name = "invalidated_reason", length = 1000)
    private String invalidatedReason;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "signature_item", joinColumns = @JoinColumn(name = "signature_id"))
    @OrderColumn(name = "line_no")
    private List<SignedLine> lines = new ArrayList<>();

    protected Signature() {
    }

    /** Who signs, as printed on the signature. */
    public record Signer(long userId, String username, String fullName, String role) {
    }

    public Signature(String studyId, String siteId, long subjectId, SignatureScope scope, Long visitRef, Long formRef,
                     String scopeKey, Signer signer, Instant signedAt, SignatureMeaning meaning, SignedContent content) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.subjectId = subjectId;
        this.scope = scope;
        this.visitRef = visitRef;
        this.formRef = formRef;
        this.scopeKey = scopeKey;
        this.signerId = signer.userId();
        this.signerUsername = signer.username();
        this.signerName = signer.fullName();
        this.signerRole = signer.role();
        this.signedAt = signedAt;
        this.meaning = meaning;
        this.meaningText = meaning.statement();
        this.contentHash = content.hash();
        this.itemCount = content.items().size();
        content.items().forEach(item -> lines.add(new SignedLine(item)));
    }

    public void invalidate(Instant at, String by, String item, String reason) {
        this.status = SignatureStatus.INVALIDATED;
        this.invalidatedAt = at;
        this.invalidatedBy = by;
        this.invalidatedItem = item;
        this.invalidatedReason = reason;
    }

    public boolean isValid() {
        return status == SignatureStatus.VALID;
    }

    /** The content as signed, rebuilt from the stored lines. */
    public SignedContent signedContent(String subjectNumber) {
        return new SignedContent(subjectNumber, scope, scopeKey, lines.stream().map(SignedLine::item).toList());
    }

    /** One line for the audit trail: who, as what, what they declared, over which content. */
    public String manifestation() {
        return signerName + " (" + signerUsername + "), " + signedAt + " UTC: " + meaningText + " [" + scope + " " + scopeKey
                + ", " + itemCount + " values, SHA-256 " + contentHash + "]";
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public SignatureScope getScope() { return scope; }
    public Long getVisitRef() { return visitRef; }
    public Long getFormRef() { return formRef; }
    public String getScopeKey() { return scopeKey; }
    public Long getSignerId() { return signerId; }
    public String getSignerUsername() { return signerUsername; }
    public String getSignerName() { return signerName; }
    public String getSignerRole() { return signerRole; }
    public Instant getSignedAt() { return signedAt; }
    public SignatureMeaning getMeaning() { return meaning; }
    public String getMeaningText() { return meaningText; }
    public String getContentHash() { return contentHash; }
    public int getItemCount() { return itemCount; }
    public SignatureStatus getStatus() { return status; }
    public Instant getInvalidatedAt() { return invalidatedAt; }
    public String getInvalidatedBy() { return invalidatedBy; }
    public String getInvalidatedItem() { return invalidatedItem; }
    public String getInvalidatedReason() { return invalidatedReason; }
    public long getVersion() { return version; }
}
