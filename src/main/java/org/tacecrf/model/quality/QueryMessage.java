package org.tacecrf.model.quality;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One entry in a query's thread. */
@Entity
@Immutable
@Table(name = "query_message")
public class QueryMessage {

    /** What the entry did to the query. */
    public enum Kind { RAISED, ANSWERED, COMMENTED, CLOSED, REOPENED, RESOLVED_BY_DATA }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "query_id", nullable = false)
    private Long queryId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;
    @Column(length = 2000)
    private String text;
    @Column(nullable = false, length = 64)
    private String author;
    @Column(name = "author_role", length = 64)
    private String authorRole;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected QueryMessage() {
    }

    public QueryMessage(long queryId, Kind kind, String text, String author, String authorRole, Instant createdAt) {
        this.queryId = queryId;
        this.kind = kind;
        this.text = text;
        this.author = author;
        this.authorRole = authorRole;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getQueryId() { return queryId; }
    public Kind getKind() { return kind; }
    public String getText() { return text; }
    public String getAuthor() { return author; }
    public String getAuthorRole() { return authorRole; }
    public Instant getCreatedAt() { return createdAt; }
}
