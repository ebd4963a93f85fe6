package org.tacecrf.application.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.domain.security.ApiTokens;
import org.tacecrf.domain.security.PasswordHasher;
import org.tacecrf.domain.security.PasswordPolicy;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.user.ApiToken;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.LoginEvent;

/** What every signed-in user does to their own account: password and API tokens. */
@Stateless
@PermitAll
public class AccountService {

    public static final int MAX_TOKEN_DAYS = 365;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private UserRepository users;
    @Inject
    private AuditTrail audit;
    @Inject
    private AppSettings settings;
    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public void changePassword(char[] current, char[] proposed, char[] confirmation, String sourceAddress) {
        // The request's user was read outside this transaction; change the managed copy.
        AppUser user = users.find(currentUser.get().getId()).orElseThrow();
        PasswordHasher hasher = new PasswordHasher(settings.pbkdf2Iterations());
        List<FieldError> errors = new ArrayList<>();
        if (!hasher.verify(current, user.getPasswordHash())) {
            errors.add(FieldError.of("current", "password.error.currentWrong"));
        }
        if (!java.util.Arrays.equals(proposed, confirmation)) {
            errors.add(FieldError.of("confirmation", "password.error.mismatch"));
        }
        boolean same = hasher.verify(proposed, user.getPasswordHash());
        PasswordPolicy.check(user.getUsername(), new String(proposed), same)
                .forEach(v -> errors.add(FieldError.of("proposed", v.messageKey(), PasswordPolicy.MIN_LENGTH)));
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        Instant now = Instant.now();
        user.setPasswordHash(hasher.hash(proposed));
        user.setMustChangePassword(false);
        user.setPasswordChangedAt(now);
        users.addEvent(new LoginEvent(now, user.getUsername(), user.getId(), LoginEvent.Type.PASSWORD_CHANGED, sourceAddress, null));
        audit.record(currentUser.actor(), AuditEntry.of("CHANGE_PASSWORD", "USER", user.getUsername()).source(AuditSource.FORM, null));
    }

    public List<ApiToken> tokens() {
        return em.createQuery("select t from ApiToken t where t.user.id = :user order by t.createdAt desc", ApiToken.class)
                .setParameter("user", currentUser.get().getId()).getResultList();
    }

    /** @return the token itself, which is shown once and never stored */
    public String createToken(String name, int validDays) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(FieldError.of("tokenName", "validation.required"));
        } else if (name.trim().length() > 100) {
            errors.add(FieldError.of("tokenName", "validation.tooLong", 100));
        }
        if (validDays < 1 || validDays > MAX_TOKEN_DAYS) {
            errors.add(FieldError.of("tokenDays", "validation.range", 1, MAX_TOKEN_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        String token = ApiTokens.newToken();
        Instant now = Instant.now();
        ApiToken entity = new ApiToken(currentUser.get(), name.trim(), ApiTokens.hash(token), ApiTokens.displayPrefix(token), now,
                now.plus(Duration.ofDays(validDays)));
        em.persist(entity);
        audit.record(currentUser.actor(), AuditEntry.of("CREATE_API_TOKEN", "USER", currentUser.getUsername())
                .values(null, entity.getTokenPrefix() + "… (" + entity.getName() + ", expires " + entity.getExpiresAt() + ")")
                .source(AuditSource.FORM, null));
        return token;
    }

    public void revokeToken(long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || !token.getUser().getId().equals(currentUser.get().getId())) {
            throw new AccessDeniedException("not your token");
        }
        if (token.getRevokedAt() == null) {
            token.revoke(Instant.now());
            audit.record(currentUser.actor(), AuditEntry.of("REVOKE_API_TOKEN", "USER", currentUser.getUsername())
                    .values(token.getTokenPrefix() + "…", null).source(AuditSource.FORM, null));
        }
    }
}
