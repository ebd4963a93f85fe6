package org.tacecrf.application.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.ConcurrentEditException;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.domain.security.PasswordHasher;
import org.tacecrf.domain.security.PasswordPolicy;
import org.tacecrf.infrastructure.config.AppSettings;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.infrastructure.persistence.UserRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.LoginEvent;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/**
 * The data manager's user administration: create, change roles and sites, disable, reset a
 * password (the user must change it at the next sign-in) and unlock. Every change is validated
 * and written to the audit trail.
 */
@Stateless
@RolesAllowed(Role.DATA_MANAGER_NAME)
public class UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    private UserRepository users;
    @Inject
    private StudyRepository studies;
    @Inject
    private AuditTrail audit;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AppSettings settings;
    @Inject
    private StudyRegistration registration;

    public List<AppUser> list() {
        return users.findAll();
    }

    public AppUser create(UserCommand command, char[] temporaryPassword) {
        List<FieldError> errors = new ArrayList<>();
        String username = command.username() == null ? "" : command.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "user.error.usernameFormat"));
        } else if (users.findByUsername(username).isPresent()) {
            errors.add(FieldError.of("username", "user.error.usernameTaken", username));
        }
        validateDetails(command, errors);
        PasswordPolicy.check(username, new String(temporaryPassword), false)
                .forEach(v -> errors.add(FieldError.of("password", v.messageKey(), PasswordPolicy.MIN_LENGTH)));
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        Actor actor = currentUser.actor();
        AppUser user = new AppUser(username, command.fullName().trim(), hasher().hash(temporaryPassword), Instant.now(),
                actor.username());
        user.setEmail(blankToNull(command.email()));
        user.setMustChangePassword(true);
        user.getRoles().addAll(command.roles());
        user.getSites().addAll(command.sites());
        user.getReaderSlots().putAll(command.readerSlots());
        users.add(user);
        audit.record(actor, entry("CREATE", username)
                .values(null, describe(user)));
        return user;
    }

    public AppUser update(long userId, long expectedVersion, UserCommand command) {
        AppUser user = load(userId, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        validateDetails(command, errors);
        if (user.getUsername().equals(currentUser.getUsername()) && !command.roles().contains(Role.DATA_MANAGER)) {
            errors.add(FieldError.of("roles", "user.error.ownDataManagerRole"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        String before = describe(user);
        user.setFullName(command.fullName().trim());
        user.setEmail(blankToNull(command.email()));
        user.getRoles().clear();
        user.getRoles().addAll(command.roles());
        user.getSites().clear();
        user.getSites().addAll(command.sites());
        user.getReaderSlots().clear();
        user.getReaderSlots().putAll(command.readerSlots());
        String after = describe(user);
        if (!before.equals(after)) {
            audit.record(currentUser.actor(), entry("UPDATE", user.getUsername()).values(before, after));
        }
        return user;
    }

    public AppUser setEnabled(long userId, long expectedVersion, boolean enabled, String reason) {
        AppUser user = load(userId, expectedVersion);
        if (!enabled && user.getUsername().equals(currentUser.getUsername())) {
            throw new ValidationFailure(FieldError.of("enabled", "user.error.disableSelf"));
        }
        requireReason(reason);
        if (user.isEnabled() != enabled) {
            user.setEnabled(enabled);
            audit.record(currentUser.actor(), entry(enabled ? "ENABLE" : "DISABLE", user.getUsername())
                    .values(!enabled, enabled).reason(reason));
        }
        return user;
    }

    public AppUser resetPassword(long userId, long expectedVersion, char[] temporaryPassword, String reason) {
        AppUser user = load(userId, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        PasswordPolicy.check(user.getUsername(), new String(temporaryPassword), false)
                .forEach(v -> errors.add(FieldError.of("password", v.messageKey(), PasswordPolicy.MIN_LENGTH)));
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        requireReason(reason);
        user.setPasswordHash(hasher().hash(temporaryPassword));
        user.setMustChangePassword(true);
        user.setPasswordChangedAt(Instant.now());
        user.setFailedAttempts(0);
        user.setLockedUntil(null);
        audit.record(currentUser.actor(), entry("RESET_PASSWORD", user.getUsername()).reason(reason));
        return user;
    }

    public AppUser unlock(long userId, long expectedVersion, String reason) {
        AppUser user = load(userId, expectedVersion);
        requireReason(reason);
        Instant was = user.getLockedUntil();
        user.setLockedUntil(null);
        user.setFailedAttempts(0);
        Actor actor = currentUser.actor();
        users.addEvent(new LoginEvent(Instant.now(), user.getUsername(), user.getId(), LoginEvent.Type.UNLOCKED, null,
                "unlocked by " + actor.username()));
        audit.record(actor, entry("UNLOCK", user.getUsername()).values(was, null).reason(reason));
        return user;
    }

    private AppUser load(long userId, long expectedVersion) {
        AppUser user = users.find(userId).orElseThrow(() -> new ValidationFailure(FieldError.of("user", "user.error.notFound")));
        if (user.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("User " + user.getUsername());
        }
        return user;
    }

    private void validateDetails(UserCommand command, List<FieldError> errors) {
        if (command.fullName() == null || command.fullName().isBlank()) {
            errors.add(FieldError.of("fullName", "validation.required"));
        } else if (command.fullName().trim().length() > 200) {
            errors.add(FieldError.of("fullName", "validation.tooLong", 200));
        }
        if (command.email() != null && !command.email().isBlank() && !EMAIL.matcher(command.email().trim()).matches()) {
            errors.add(FieldError.of("email", "user.error.email"));
        }
        if (command.roles().isEmpty()) {
            errors.add(FieldError.of("roles", "user.error.noRole"));
        }
        if (command.sites().isEmpty()) {
            errors.add(FieldError.of("sites", "user.error.noSite"));
        }
        for (SiteAccess access : command.sites()) {
            boolean known = access.isAllSites()
                    ? studies.find(access.getStudyId()).isPresent()
                    : studies.findSite(access.getStudyId(), access.getSiteId()).isPresent();
            if (!known) {
                errors.add(FieldError.of("sites", "user.error.unknownSite", access.toString()));
            }
        }
        command.readerSlots().forEach((studyId, slot) -> {
            if (command.sites().stream().noneMatch(a -> a.getStudyId().equals(studyId))) {
                errors.add(FieldError.of("readerSlots", "user.error.readerNeedsStudy", studyId));
            } else if (!registration.catalog().ids().contains(studyId)
                    || !registration.definition(studyId).parameters().response().doubleReading()) {
                // Blinding only means something where each scan is read twice.
                errors.add(FieldError.of("readerSlots", "user.error.readerSingleReading", studyId));
            }
        });
        boolean nurseOrInvestigator = command.roles().contains(Role.NURSE) || command.roles().contains(Role.INVESTIGATOR);
        if (nurseOrInvestigator && command.sites().stream().anyMatch(SiteAccess::isAllSites)
                && !command.roles().contains(Role.DATA_MANAGER) && !command.roles().contains(Role.MONITOR)) {
            // Nurses and investigators work at named sites; study-wide access is for monitors and data managers.
            errors.add(FieldError.of("sites", "user.error.siteRoleNeedsSite"));
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailure(FieldError.of("reason", "validation.reasonRequired"));
        }
    }

    private PasswordHasher hasher() {
        return new PasswordHasher(settings.pbkdf2Iterations());
    }

    private static AuditEntry entry(String action, String username) {
        return AuditEntry.of(action, "USER", username).source(AuditSource.ADMIN, null);
    }

    /** A readable, stable description of what an administrator can change, for old/new values. */
    static String describe(AppUser user) {
        Set<String> roles = user.getRoles().stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> sites = user.getSites().stream().map(SiteAccess::toString).collect(Collectors.toCollection(TreeSet::new));
        return "name=" + user.getFullName() + "; email=" + Objects.toString(user.getEmail(), "")
                + "; roles=" + String.join(",", roles) + "; sites=" + String.join(",", sites)
                + readers(user) + "; enabled=" + user.isEnabled();
    }

    /** The reader slots, only for a user who holds one (earlier records keep their form). */
    private static String readers(AppUser user) {
        return user.getReaderSlots().isEmpty() ? "" : "; readers=" + user.getReaderSlots().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().name()).sorted().collect(Collectors.joining(","));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Set<Role> allRoles() {
        return EnumSet.allOf(Role.class);
    }
}
