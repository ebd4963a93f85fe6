package org.tacecrf.application.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.domain.security.ApiTokens;
import org.tacecrf.model.user.ApiToken;
import org.tacecrf.model.user.Role;

/** Authenticates a REST request by its bearer token. */
@Stateless
public class ApiTokenAuthenticator {

    /** The user behind a valid token. */
    public record Caller(String username, Set<String> groups) {
    }

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public Optional<Caller> authenticate(String token, String sourceAddress) {
        if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return em.createQuery("select t from ApiToken t join fetch t.user where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", ApiTokens.hash(token))
                .getResultStream()
                .filter(t -> t.isUsableAt(now) && t.getUser().isEnabled() && !t.getUser().isLockedAt(now))
                .findFirst()
                .map(t -> {
                    // Recording every request would write on every read; a minute's resolution is enough.
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(1, ChronoUnit.MINUTES))) {
                        t.markUsed(now);
                    }
                    return new Caller(t.getUser().getUsername(),
                            t.getUser().getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
                });
    }
}
