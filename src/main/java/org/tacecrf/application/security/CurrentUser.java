package org.tacecrf.application.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.domain.casebook.reading.ReaderSlot;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * The signed-in user of this request, read fresh from the database so a role or site change by a
 * data manager applies at once. The single place where services ask "may this user ...".
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private SecurityContext securityContext;
    @Inject
    private UserRepository users;

    private Optional<AppUser> user;

    private Optional<AppUser> user() {
        if (user == null) {
            Principal principal = securityContext.getCallerPrincipal();
            user = principal == null ? Optional.empty() : users.findByUsername(principal.getName());
        }
        return user;
    }

    public boolean isAuthenticated() {
        return user().isPresent();
    }

    public AppUser get() {
        return user().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public String getUsername() {
        return user().map(AppUser::getUsername).orElse(null);
    }

    public String getFullName() {
        return user().map(AppUser::getFullName).orElse(null);
    }

    public Set<Role> getRoles() {
        return user().map(u -> (Set<Role>) EnumSet.copyOf(u.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : u.getRoles()))
                .orElse(Set.of());
    }

    public boolean hasRole(Role role) {
        return user().map(u -> u.hasRole(role)).orElse(false);
    }

    public boolean hasRole(String role) {
        return hasRole(Role.valueOf(role));
    }

    public boolean hasAnyRole(Role... roles) {
        for (Role role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public void requireAnyRole(Role... roles) {
        if (!hasAnyRole(roles)) {
            throw new AccessDeniedException("role required: " + java.util.Arrays.toString(roles));
        }
    }

    public boolean canSee(String studyId, String siteId) {
        return user().map(u -> u.canSee(studyId, siteId)).orElse(false);
    }

    /** Throws unless the user is assigned to the site (or to every site of the study). */
    public void requireSite(String studyId, String siteId) {
        if (!canSee(studyId, siteId)) {
            throw new AccessDeniedException("no access to site " + siteId + " of study " + studyId);
        }
    }

    public boolean canSeeStudy(String studyId) {
        return user().map(u -> u.getSites().stream().anyMatch(s -> s.getStudyId().equals(studyId))).orElse(false);
    }

    /** Whether the user sees every site of the study. */
    public boolean seesAllSites(String studyId) {
        return user().map(u -> u.getSites().stream().anyMatch(s -> s.getStudyId().equals(studyId) && s.isAllSites()))
                .orElse(false);
    }

    /** The sites of the study the user is assigned to (meaningless when {@link #seesAllSites}). */
    public Set<String> siteIds(String studyId) {
        return user().map(u -> u.getSites().stream().filter(s -> s.getStudyId().equals(studyId))
                .map(SiteAccess::getSiteId).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    public Set<String> studyIds() {
        return user().map(u -> u.getSites().stream().map(SiteAccess::getStudyId).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** The user's seat in the study's blinded double reading, if any. */
    public Optional<ReaderSlot> readerSlot(String studyId) {
        return user().flatMap(u -> u.readerSlot(studyId));
    }

    /** Whether the user holds a reader slot in the study (pages then offer none of its study-wide reports). */
    public boolean blindedReaderIn(String studyId) {
        return studyId != null && readerSlot(studyId).isPresent();
    }

    public Actor actor() {
        AppUser u = get();
        String roles = u.getRoles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        return new Actor(u.getId(), u.getUsername(), roles);
    }
}
