package org.tacecrf.model.user;

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

/** A sign-in, failed sign-in, sign-out or lockout, with time and source address. */
@Entity
@Immutable
@Table(name = "login_event")
public class LoginEvent {

    public enum Type { LOGIN, LOGIN_FAILED, LOGOUT, LOCKED_OUT, LOGIN_WHILE_LOCKED, LOGIN_DISABLED, UNLOCKED, PASSWORD_CHANGED, SESSION_EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "user_id")
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 32)
    private Type type;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Column(length = 500)
    private String detail;

    protected LoginEvent() {
    }

    public LoginEvent(Instant occurredAt, String username, Long userId, Type type, String sourceAddress, String detail) {
        this.occurredAt = occurredAt;
        this.username = username.length() > 64 ? username.substring(0, 64) : username;
        this.userId = userId;
        this.type = type;
        this.sourceAddress = sourceAddress;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public Long getUserId() {
        return userId;
    }

    public Type getType() {
        return type;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getDetail() {
        return detail;
    }
}
