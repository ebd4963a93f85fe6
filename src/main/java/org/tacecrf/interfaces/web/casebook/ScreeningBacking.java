package org.tacecrf.interfaces.web.casebook;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;
import org.tacecrf.application.casebook.EnrolmentService;
import org.tacecrf.application.study.StudyRegistration;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.study.SiteDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.UserSession;
import org.tacecrf.interfaces.web.support.Messages;
import org.tacecrf.model.casebook.Screening;
import org.tacecrf.model.casebook.ScreeningOutcome;
import org.tacecrf.model.casebook.Subject;

/** The screening log: screen a patient against the eligibility checklist, then enrol. */
@Named
@ViewScoped
public class ScreeningBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient EnrolmentService enrolment;
    @Inject
    private transient StudyRegistration registration;
    @Inject
    private transient LayoutBacking layout;
    @Inject
    private transient CurrentUser currentUser;
    @Inject
    private UserSession session;

    private String studyId;
    private List<Screening> log;
    // Screening entry.
    private String siteId;
    private LocalDate screenedOn = LocalDate.now();
    private String sex;
    private Integer birthYear;
    private Map<String, String> answers = new LinkedHashMap<>();
    private boolean declined;
    private String note;
    // Enrolment entry.
    private Long screeningId;
    private LocalDate consentDate;
    private LocalDate enrolmentDate = LocalDate.now();
    private String armId;
    private String waiver;

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        reload();
        List<SiteDef> sites = getSites();
        siteId = sites.size() == 1 ? sites.get(0).id() : null;
    }

    private void reload() {
        log = studyId == null ? List.of() : enrolment.screeningLog(studyId);
    }

    private StudyDefinition study() {
        return registration.definition(studyId);
    }

    /** The sites where the user may screen. */
    public List<SiteDef> getSites() {
        if (studyId == null) {
            return List.of();
        }
        return study().sites().stream().filter(s -> currentUser.canSee(studyId, s.id())).toList();
    }

    public List<EligibilityCriterion> getCriteria() {
        return studyId == null ? List.of() : study().eligibility();
    }

    public String criterionText(EligibilityCriterion criterion) {
        return criterion.text().get(session.getLocale());
    }

    public void screen() {
        Map<String, Screening.Answer> typed = new LinkedHashMap<>();
        answers.forEach((id, answer) -> {
            if (answer != null && !answer.isBlank()) {
                typed.put(id, Screening.Answer.valueOf(answer));
            }
        });
        Screening screening = enrolment.screen(new EnrolmentService.ScreeningEntry(studyId, siteId, screenedOn, sex, birthYear,
                typed, declined, note));
        Messages.info("screening.saved", screening.getScreeningNumber(), Messages.text("outcome." + screening.getOutcome()));
        answers = new LinkedHashMap<>();
        note = null;
        declined = false;
        sex = null;
        birthYear = null;
        reload();
    }

    public void startEnrol(Screening screening) {
        screeningId = screening.getId();
        consentDate = null;
        enrolmentDate = LocalDate.now();
        armId = study().arms().size() == 1 ? study().arms().get(0).id() : null;
        waiver = null;
    }

    public boolean isWaiverNeeded() {
        return screeningId != null && log.stream().anyMatch(s -> s.getId().equals(screeningId) && s.getOutcome() == ScreeningOutcome.NOT_ELIGIBLE);
    }

    public void enrol() throws IOException {
        Subject subject = enrolment.enrol(new EnrolmentService.EnrolmentEntry(screeningId, consentDate, enrolmentDate, armId, waiver));
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        Messages.info("enrol.done", subject.getSubjectNumber());
        PrimeFaces.current().executeScript("PF('enrolDialog').hide()");
        external.redirect(external.getRequestContextPath() + "/app/casebook.xhtml?subject=" + subject.getId());
    }

    public boolean canEnrol(Screening screening) {
        return screening.getOutcome() == ScreeningOutcome.ELIGIBLE || screening.getOutcome() == ScreeningOutcome.NOT_ELIGIBLE
                || screening.getOutcome() == ScreeningOutcome.NOT_ENROLLED;
    }

    public List<Screening> getLog() { return log; }
    public String getSiteId() { return siteId; }
    public void setSiteId(String siteId) { this.siteId = siteId; }
    public LocalDate getScreenedOn() { return screenedOn; }
    public void setScreenedOn(LocalDate screenedOn) { this.screenedOn = screenedOn; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer birthYear) { this.birthYear = birthYear; }
    public Map<String, String> getAnswers() { return answers; }
    public boolean isDeclined() { return declined; }
    public void setDeclined(boolean declined) { this.declined = declined; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public LocalDate getConsentDate() { return consentDate; }
    public void setConsentDate(LocalDate consentDate) { this.consentDate = consentDate; }
    public LocalDate getEnrolmentDate() { return enrolmentDate; }
    public void setEnrolmentDate(LocalDate enrolmentDate) { this.enrolmentDate = enrolmentDate; }
    public String getArmId() { return armId; }
    public void setArmId(String armId) { this.armId = armId; }
    public String getWaiver() { return waiver; }
    public void setWaiver(String waiver) { this.waiver = waiver; }
    public Long getScreeningId() { return screeningId; }

    static List<String> answerCodes() {
        return new ArrayList<>(List.of("YES", "NO", "UNKNOWN"));
    }
}
