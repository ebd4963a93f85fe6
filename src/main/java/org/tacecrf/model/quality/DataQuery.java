package org.tacecrf.model.quality;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A query on an item, a form or a subject. Automatic queries come from edit checks and close
 * themselves when the condition no longer holds; manual ones are raised by a monitor or data
 * manager. Never deleted.
 */
@Entity
@Table(name = "data_query")
public class DataQuery {

    /** Who raised it. */
    public enum Origin { AUTO, MANUAL }

    /** Open until answered by the site; closed by a monitor or data manager; can be re-opened. */
    public enum Status {
        OPEN, ANSWERED, CLOSED;

        /** The status filter's word for open and answered queries together: those that still block a freeze. */
        public static final String UNRESOLVED = "UNRESOLVED";
        /** The filter's word for every status (as a link says it; the empty value means the same). */
        public static final String ALL = "ALL";

        /**
         * The statuses a list filter names, as the query pages and the REST API take it (any case):
         * one status, {@value #UNRESOLVED}, or every status (empty set) for {@value #ALL} or nothing.
         *
         * @throws IllegalArgumentException when it names none of these
         */
        public static Set<Status> selection(String text) {
            String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            return switch (word) {
                case "", ALL -> Set.of();
                case UNRESOLVED -> EnumSet.of(OPEN, ANSWERED);
                default -> EnumSet.of(valueOf(word));
            };
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "study_id", nullable = false, length = 64, updatable = false)
    private String studyId;
    @Column(name = "site_id", nullable = false, length = 64, updatable = false)
    private String siteId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;
    @Column(name = "visit_ref", updatable = false)
    private Long visitRef;
    @Column(name = "form_ref", updatable = false)
    private Long formRef;
    @Column(name = "form_id", length = 64, updatable = false)
    private String formId;
    @Column(name = "item_key", length = 200, updatable = false)
    private String itemKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Origin origin;
    @Column(name = "check_id", length = 64, updatable = false)
    private String checkId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status = Status.OPEN;
    @Column(nullable = false, length = 2000)
    private String text;
    @Column(name = "raised_by", nullable = false, length = 64, updatable = false)
    private String raisedBy;
    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_by", length = 64)
    private String closedBy;
    @Version
    private long version;

    protected DataQuery() {
    }

    public DataQuery(String studyId, String siteId, long subjectId, Long visitRef, Long formRef, String formId, String itemKey,
                     Origin origin, String checkId, String text, String raisedBy, Instant raisedAt) {
        this.studyId = studyId;
        this.siteId = siteId;
        this.subjectId = subjectId;
        this.visitRef = visitRef;
        this.formRef = formRef;
        this.formId = formId;
        this.itemKey = itemKey;
        this.origin = origin;
        this.checkId = checkId;
        this.text = text;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.updatedAt = raisedAt;
    }

    public void answered(Instant at) {
        this.status = Status.ANSWERED;
        this.answeredAt = at;
        this.updatedAt = at;
    }

    public void closed(Instant at, String by) {
        this.status = Status.CLOSED;
        this.closedAt = at;
        this.closedBy = by;
        this.updatedAt = at;
    }

    public void reopened(Instant at) {
        this.status = Status.OPEN;
        this.closedAt = null;
        this.closedBy = null;
        this.updatedAt = at;
    }

    public void touched(Instant at) {
        this.updatedAt = at;
    }

    public boolean isOpen() {
        return status != Status.CLOSED;
    }

    public Long getId() { return id; }
    public String getStudyId() { return studyId; }
    public String getSiteId() { return siteId; }
    public Long getSubjectId() { return subjectId; }
    public Long getVisitRef() { return visitRef; }
    public Long getFormRef() { return formRef; }
    public String getFormId() { return formId; }
    public String getItemKey() { return itemKey; }
    public Origin getOrigin() { return origin; }
    public String getCheckId() { return checkId; }
    public Status getStatus() { return status; }
    public String getText() { return text; }
    public String getRaisedBy() { return raisedBy; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public long getVersion() { return version; }
}
