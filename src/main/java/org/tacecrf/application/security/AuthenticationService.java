package org.tacecrf.application.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.tacecrf.domain.security.PasswordHasher;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.LoginEvent;
import org.tacecrf.model.user.Role;

/**
 * Checks a user name and password, applies the lockout rule (after N failures in a row the
 * account is locked for M minutes, or until a data manager unlocks it) and records every attempt
 * with its time and source address.
 */
@Stateless
public class AuthenticationService {

    @Inject
    private UserRepository users;
    @Inject
    private AppSettings settings;

    private PasswordHasher hasher;
    /** Verified against when the user name is unknown, so the response time does not reveal it. */
    private String decoyHash;

    @PostConstruct
    void init() {
        hasher = new PasswordHasher(settings.pbkdf2Iterations());
        decoyHash = hasher.hash(java.util.UUID.randomUUID().toString().toCharArray());
    }

    public AuthenticationResult authenticate(String username, char[] password, String sourceAddress) {
        Instant now = Instant.now();
        String name = username == null ? "" : username.trim();
        Optional<AppUser> found = name.isEmpty() ? Optional.empty() : users.findByUsername(name);
        if (found.isEmpty()) {
            hasher.verify(password, decoyHash);
            users.addEvent(new LoginEvent(now, name.isEmpty() ? "(empty)" : name, null, LoginEvent.Type.LOGIN_FAILED,
                    sourceAddress, "unknown user"));
            return AuthenticationResult.failed(AuthenticationResult.Status.INVALID_CREDENTIALS, null);
        }
        AppUser user = found.get();
        if (!user.isEnabled()) {
            users.addEvent(new LoginEvent(now, user.getUsername(), user.getId(), LoginEvent.Type.LOGIN_DISABLED, sourceAddress, null));
            return AuthenticationResult.failed(AuthenticationResult.Status.DISABLED, null);
        }
        if (user.isLockedAt(now)) {
            users.addEvent(new LoginEvent(now, user.getUsername(), user.getId(), LoginEvent.Type.LOGIN_WHILE_LOCKED, sourceAddress,
                    "locked until " + user.getLockedUntil()));
            return AuthenticationResult.failed(AuthenticationResult.Status.LOCKED, user.getLockedUntil());
        }
        if (!hasher.verify(password, user.getPasswordHash())) {
            return registerFailure(user, now, sourceAddress, "wrong password");
        }
        user.setFailedAttempts(0);
        user.setLockedUntil(null);
        user.setLastLoginAt(now);
        if (hasher.needsRehash(user.getPasswordHash())) {
            user.setPasswordHash(hasher.hash(password));
        }
        users.addEvent(new LoginEvent(now, user.getUsername(), user.getId(), LoginEvent.Type.LOGIN, sourceAddress, null));
        return new AuthenticationResult(AuthenticationResult.Status.SUCCESS, user.getUsername(),
                user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()), null,
                user.isMustChangePassword());
    }

    /**
     * Checks the password of a signed-in user again before an electronic signature (21 CFR
     * 11.200(a)). A wrong password counts towards the lockout like a failed sign-in (11.300(d):
     * someone at an unattended session trying to sign is an attempt at unauthorised use). It runs
     * in its own transaction, so the failure stays counted when the signing is refused.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuthenticationResult reauthenticate(String username, char[] password, String sourceAddress) {
        Instant now = Instant.now();
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null || !user.isEnabled()) {
            return AuthenticationResult.failed(AuthenticationResult.Status.DISABLED, null);
        }
        if (user.isLockedAt(now)) {
            return AuthenticationResult.failed(AuthenticationResult.Status.LOCKED, user.getLockedUntil());
        }
        if (!hasher.verify(password, user.getPasswordHash())) {
            return registerFailure(user, now, sourceAddress, "wrong password at signing");
        }
        user.setFailedAttempts(0);
        return new AuthenticationResult(AuthenticationResult.Status.SUCCESS, user.getUsername(),
                user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()), null, false);
    }

    private AuthenticationResult registerFailure(AppUser user, Instant now, String sourceAddress, String what) {
        int failures = user.getFailedAttempts() + 1;
        user.setFailedAttempts(failures);
        users.addEvent(new LoginEvent(now, user.getUsername(), user.getId(), LoginEvent.Type.LOGIN_FAILED, sourceAddress,
                what + " (" + failures + " in a row)"));
        if (failures >= settings.lockoutMaxFailures()) {
            Instant until = now.plus(Duration.ofMinutes(settings.lockoutMinutes()));
            user.setLockedUntil(until);
            user.setFailedAttempts(0);
            users.addEvent(new LoginEvent(now, user.getUsername(), user.getId(), LoginEvent.Type.LOCKED_OUT, sourceAddress,
                    failures + " failed sign-ins; locked until " + until));
            return AuthenticationResult.failed(AuthenticationResult.Status.LOCKED, until);
        }
        return AuthenticationResult.failed(AuthenticationResult.Status.INVALID_CREDENTIALS, null);
    }

    public void recordLogout(String username, String sourceAddress, boolean expired) {
        users.findByUsername(username).ifPresent(user -> users.addEvent(new LoginEvent(Instant.now(), user.getUsername(),
                user.getId(), expired ? LoginEvent.Type.SESSION_EXPIRED : LoginEvent.Type.LOGOUT, sourceAddress, null)));
    }
}
