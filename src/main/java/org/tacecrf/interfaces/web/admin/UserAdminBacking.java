package org.tacecrf.interfaces.web.admin;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.application.user.UserAdministration;
import org.tacecrf.application.user.UserCommand;
import org.tacecrf.domain.casebook.reading.ReaderSlot;
import org.tacecrf.infrastructure.persistence.StudyRepository;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.study.Site;
import org.tacecrf.model.study.Study;
import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.Role;
import org.tacecrf.model.user.SiteAccess;

/** User administration page for the data manager. */
@Named
@ViewScoped
public class UserAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient UserAdministration administration;
    @Inject
    private transient StudyRepository studies;
    @Inject
    private transient StudyRegistration registration;

    private List<AppUser> users;
    private Map<String, String> siteChoices;
    private List<String> readingStudies;

    // The dialog's fields.
    private Long editingId;
    private long editingVersion;
    private String username;
    private String fullName;
    private String email;
    private List<String> roles = new ArrayList<>();
    private List<String> sites = new ArrayList<>();
    /** Study id to the reader slot's name, blank for none. */
    private Map<String, String> readerSlots = new HashMap<>();
    private String password;
    private String reason;
    private String action;

    @PostConstruct
    void init() {
        reload();
        siteChoices = new LinkedHashMap<>();
        for (Study study : studies.findAll()) {
            siteChoices.put(study.getId() + " — " + Messages.text("header.allSites"), study.getId() + "/" + SiteAccess.ALL_SITES);
            for (Site site : studies.sites(study.getId())) {
                siteChoices.put(study.getId() + " — " + site.getSiteId() + " " + site.getName(), study.getId() + "/" + site.getSiteId());
            }
        }
        // Reader slots are offered for the studies that read each scan twice.
        readingStudies = registration.catalog().ids().stream().sorted()
                .filter(id -> registration.definition(id).parameters().response().doubleReading()).toList();
    }

    private void reload() {
        users = administration.list();
    }

    public void startCreate() {
        editingId = null;
        username = fullName = email = password = reason = null;
        roles = new ArrayList<>();
        sites = new ArrayList<>();
        readerSlots = new HashMap<>();
        action = "create";
    }

    public void startEdit(AppUser user) {
        select(user);
        action = "edit";
    }

    public void startAction(AppUser user, String kind) {
        select(user);
        action = kind;
    }

    private void select(AppUser user) {
        editingId = user.getId();
        editingVersion = user.getVersion();
        username = user.getUsername();
        fullName = user.getFullName();
        email = user.getEmail();
        roles = user.getRoles().stream().map(Role::name).collect(Collectors.toCollection(ArrayList::new));
        sites = user.getSites().stream().map(SiteAccess::toString).collect(Collectors.toCollection(ArrayList::new));
        readerSlots = new HashMap<>();
        user.getReaderSlots().forEach((study, slot) -> readerSlots.put(study, slot.name()));
        password = reason = null;
    }

    public void save() {
        UserCommand command = new UserCommand(username, fullName, email, roleSet(), siteSet(), slotMap());
        switch (action) {
            case "create" -> {
                administration.create(command, chars(password));
                Messages.info("user.created", username);
            }
            case "edit" -> {
                administration.update(editingId, editingVersion, command);
                Messages.info("user.saved", username);
            }
            case "reset" -> {
                administration.resetPassword(editingId, editingVersion, chars(password), reason);
                Messages.info("user.passwordReset", username);
            }
            case "unlock" -> {
                administration.unlock(editingId, editingVersion, reason);
                Messages.info("user.unlocked", username);
            }
            case "disable", "enable" -> {
                administration.setEnabled(editingId, editingVersion, "enable".equals(action), reason);
                Messages.info("enable".equals(action) ? "user.enabled" : "user.disabled", username);
            }
            default -> throw new IllegalStateException("unknown action " + action);
        }
        password = null;
        reload();
        PrimeFaces.current().executeScript("PF('userDialog').hide()");
    }

    private Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(r -> set.add(Role.valueOf(r)));
        return set;
    }

    private Set<SiteAccess> siteSet() {
        return sites.stream().map(s -> s.split("/", 2)).map(p -> new SiteAccess(p[0], p[1])).collect(Collectors.toSet());
    }

    private Map<String, ReaderSlot> slotMap() {
        Map<String, ReaderSlot> map = new HashMap<>();
        readerSlots.forEach((study, slot) -> {
            if (slot != null && !slot.isBlank()) {
                map.put(study, ReaderSlot.valueOf(slot));
            }
        });
        return map;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    public boolean isLocked(AppUser user) {
        return user.isLockedAt(Instant.now());
    }

    public String rolesOf(AppUser user) {
        return user.getRoles().stream().sorted().map(r -> Messages.text(r.messageKey())).collect(Collectors.joining(", "));
    }

    public String sitesOf(AppUser user) {
        return user.getSites().stream().map(SiteAccess::toString).sorted().collect(Collectors.joining(", "));
    }

    /** "crlm-deb-vs-ctace: Reader 2" for each study the user reads in, blank for none. */
    public String readerSlotsOf(AppUser user) {
        return user.getReaderSlots().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + Messages.text(e.getValue().messageKey())).collect(Collectors.joining(", "));
    }

    public Map<String, String> getSlotChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(Messages.text("readerSlot.none"), "");
        for (ReaderSlot slot : ReaderSlot.values()) {
            choices.put(Messages.text(slot.messageKey()), slot.name());
        }
        return choices;
    }

    public List<String> getReadingStudies() { return readingStudies; }
    public Map<String, String> getReaderSlots() { return readerSlots; }

    public Map<String, String> getRoleChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            choices.put(Messages.text(role.messageKey()), role.name());
        }
        return choices;
    }

    public Map<String, String> getSiteChoices() { return siteChoices; }
    public List<AppUser> getUsers() { return users; }
    public String getAction() { return action; }
    public boolean isEditingDetails() { return "create".equals(action) || "edit".equals(action); }
    public boolean isNeedsPassword() { return "create".equals(action) || "reset".equals(action); }
    public boolean isNeedsReason() { return !isEditingDetails(); }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public List<String> getSites() { return sites; }
    public void setSites(List<String> sites) { this.sites = sites; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
