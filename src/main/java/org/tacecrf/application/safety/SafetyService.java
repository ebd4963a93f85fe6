package org.tacecrf.application.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.casebook.FormConstraints;
import org.tacecrf.application.casebook.FormSave;
import org.tacecrf.application.casebook.FormSaveResult;
import org.tacecrf.application.casebook.FormService;
import org.tacecrf.application.casebook.RawEntry;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.LabSuggestions;
import org.tacecrf.domain.casebook.derive.SaeReporting;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.clinical.Measurement;
import org.tacecrf.domain.clinical.ReferenceRanges;
import org.tacecrf.domain.ctcae.CtcaeCodeList;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitType;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.SafetyRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.LabAeDecision;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;

/**
 * Safety reporting around the adverse-event log: CTCAE grades proposed from post-procedure
 * laboratory values, which the nurse accepts (an adverse event is entered through
 * {@link FormService#save}, linked to the session) or rejects (recorded with who and when, so it is
 * not proposed again); the TACE sessions an event may follow; and serious adverse events not yet
 * reported or reported after the study's deadline ({@code sae.reportingHours}).
 * <p>
 * Grades come from {@link LabSuggestions} with the built-in adult reference ranges (the forms do not
 * capture the laboratory's own), and only when the study grades with CTCAE v5.0, the version of
 * the grading rules.
 */
@Stateless
public class SafetyService {

    static final String POST_LABS = "post_labs";
    public static final String ADVERSE_EVENT = "adverse_event";
    private static final List<String> AE_ITEMS = List.of("ae_term", "ae_term_other", "ae_grade", "ae_serious",
            "ae_onset_date", "datetime_aware", "datetime_reported", "date_aware", "date_reported");

    @Inject
    private CasebookRepository casebook;
    @Inject
    private SafetyRepository safety;
    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;
    @Inject
    private FormService forms;

    /**
     * The grading of one analyte of a post-procedure laboratory form, with the decision taken on it.
     *
     * @param termCode code of the study's CTCAE term list for the graded term
     * @param decision the decision covering this grade, or null
     */
    public record LabProposal(long postLabsFormId, String visitKey, LabSuggestions.Suggestion suggestion, String termCode,
                              LabAeDecision decision) {

        /** Proposed and not decided yet: the nurse may accept or reject it. */
        public boolean open() {
            return suggestion.proposed() && decision == null && termCode != null;
        }
    }

    /** A TACE session an adverse event may follow. */
    public record SessionOption(int number, LocalDate date) {
    }

    /**
     * A serious adverse event and the state of its expedited report.
     *
     * @param term      CTCAE term code
     * @param termOther verbatim text of an "other" term, or null
     */
    public record SeriousEvent(long subjectId, String subjectNumber, String siteId, long formDataId, String term,
                               String termOther, String grade, SaeReporting reporting) {
    }

    /** Whether lab values are graded for this study (CTCAE v5.0). */
    public boolean labGradingApplies(StudyDefinition study) {
        return FormConstraints.catalogueApplies(study);
    }

    /** Every analyte graded on one saved post-procedure laboratory form, in panel order. */
    public List<LabProposal> labProposals(long postLabsFormId) {
        FormData labs = postLabs(postLabsFormId);
        Subject subject = subject(labs.getSubjectId());
        StudyDefinition study = access.readable(subject);
        return proposals(study, subject, casebook.subjectData(subject.getId()), labs, safety.decisions(subject.getId()));
    }

    /** Open proposals across a subject's post-procedure laboratory forms, for the casebook. */
    public List<LabProposal> openLabProposals(long subjectId) {
        Subject subject = subject(subjectId);
        StudyDefinition study = access.readable(subject);
        if (!labGradingApplies(study)) {
            return List.of();
        }
        SubjectData data = casebook.subjectData(subjectId);
        List<LabAeDecision> decisions = safety.decisions(subjectId);
        List<LabProposal> out = new ArrayList<>();
        for (FormData form : casebook.forms(subjectId)) {
            if (form.getFormId().equals(POST_LABS)) {
                proposals(study, subject, data, form, decisions).stream().filter(LabProposal::open).forEach(out::add);
            }
        }
        return out;
    }

    private List<LabProposal> proposals(StudyDefinition study, Subject subject, SubjectData data, FormData labs,
                                        List<LabAeDecision> decisions) {
        if (!labGradingApplies(study)) {
            return List.of();
        }
        SubjectData.FormInstance instance = data.form(labs.getId()).orElseThrow();
        List<LabProposal> out = new ArrayList<>();
        for (LabSuggestions.Suggestion s : LabSuggestions.of(study, data, instance, ReferenceRanges.defaults())) {
            String code = CtcaeCodeList.code(s.term()).filter(c -> offered(study, c)).orElse(null);
            LabAeDecision decision = decisions.stream()
                    .filter(d -> d.getFormRef().equals(labs.getId()) && d.getItemId().equals(s.itemId()))
                    .filter(d -> s.grade() == null || d.getGrade() >= s.grade())
                    .max(Comparator.comparing(LabAeDecision::getId)).orElse(null);
            out.add(new LabProposal(labs.getId(), instance.key(), s, code, decision));
        }
        return out;
    }

    private static boolean offered(StudyDefinition study, String termCode) {
        return study.codeList(CtcaeCodeList.LIST_ID).map(l -> l.items().stream().anyMatch(i -> i.code().equals(termCode)))
                .orElse(false);
    }

    /**
     * Accepts a proposal: enters the adverse event (term, grade, onset at the sampling date, the
     * session it follows) as a draft in the subject's adverse-event log, for the nurse to complete.
     *
     * @return the id of the new adverse-event form
     */
    public long accept(long postLabsFormId, String itemId) {
        FormData labs = postLabs(postLabsFormId);
        Subject subject = subject(labs.getSubjectId());
        StudyDefinition study = access.readable(subject);
        access.requireEditable(subject, null);
        LabProposal proposal = open(study, subject, labs, itemId);
        LabSuggestions.Suggestion s = proposal.suggestion();
        Visit log = logVisit(study, subject);
        FormDef form = study.form(ADVERSE_EVENT).orElseThrow();
        int repeat = casebook.forms(subject.getId()).stream()
                .filter(f -> f.getVisitRef().equals(log.getId()) && f.getFormId().equals(ADVERSE_EVENT))
                .mapToInt(FormData::getRepeatKey).max().orElse(0) + 1;
        Map<ItemKey, RawEntry> values = new LinkedHashMap<>();
        put(form, values, "ae_term", proposal.termCode());
        put(form, values, "ae_grade", String.valueOf(s.grade()));
        put(form, values, "ae_onset_date", s.sampled() == null ? null : s.sampled().toString());
        put(form, values, "related_session", s.sessionNumber() == null ? null : String.valueOf(s.sessionNumber()));
        String origin = s.term().name() + " grade " + s.grade() + " from " + plain(s.value()) + " at " + proposal.visitKey();
        FormSaveResult saved = forms.save(new FormSave(subject.getId(), log.getId(), ADVERSE_EVENT, repeat, null, values,
                false, null, AuditSource.FORM, "accepted laboratory proposal: " + origin));
        decide(subject, labs, proposal, LabAeDecision.Decision.ACCEPTED, saved.formDataId(), null);
        return saved.formDataId();
    }

    /** Rejects a proposal, with an optional reason; it is not proposed again at this grade. */
    public void reject(long postLabsFormId, String itemId, String reason) {
        FormData labs = postLabs(postLabsFormId);
        Subject subject = subject(labs.getSubjectId());
        StudyDefinition study = access.readable(subject);
        access.requireEditable(subject, null);
        LabProposal proposal = open(study, subject, labs, itemId);
        decide(subject, labs, proposal, LabAeDecision.Decision.REJECTED, null,
                reason == null || reason.isBlank() ? null : reason.strip());
    }

    private LabProposal open(StudyDefinition study, Subject subject, FormData labs, String itemId) {
        return proposals(study, subject, casebook.subjectData(subject.getId()), labs, safety.decisions(subject.getId()))
                .stream().filter(p -> p.suggestion().itemId().equals(itemId)).filter(LabProposal::open).findFirst()
                .orElseThrow(() -> new ValidationFailure(FieldError.of(null, "safety.error.notProposed")));
    }

    private void decide(Subject subject, FormData labs, LabProposal proposal, LabAeDecision.Decision decision, Long aeForm,
                        String reason) {
        Actor actor = access.user().actor();
        LabSuggestions.Suggestion s = proposal.suggestion();
        LabAeDecision record = new LabAeDecision(subject, labs.getId(), s.itemId(), proposal.termCode(), s.grade(), decision,
                aeForm, reason, actor.username(), Instant.now());
        safety.add(record);
        Visit visit = casebook.visit(labs.getVisitRef()).orElseThrow();
        audit.record(actor, AuditEntry.of(decision == LabAeDecision.Decision.ACCEPTED ? "ACCEPT" : "REJECT",
                        "LAB_AE_PROPOSAL", record.getId())
                .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .location(visit.key(), labs.key(), s.itemId())
                .values(null, s.term().name() + " grade " + s.grade() + " (" + plain(s.value()) + ", " + s.rule() + "): "
                        + decision.name().toLowerCase(Locale.ROOT)
                        + (aeForm == null ? "" : ", adverse event form " + aeForm))
                .reason(reason).source(AuditSource.FORM, null));
    }

    private static String plain(Measurement m) {
        return m.value().stripTrailingZeros().toPlainString() + " " + m.unit().symbol();
    }

    private static void put(FormDef form, Map<ItemKey, RawEntry> values, String itemId, String text) {
        if (text != null) {
            form.groupOf(itemId).ifPresent(g -> values.put(new ItemKey(g.id(), 1, itemId), RawEntry.of(text)));
        }
    }

    private Visit logVisit(StudyDefinition study, Subject subject) {
        return casebook.visits(subject.getId()).stream()
                .filter(v -> study.visit(v.getVisitId()).filter(d -> d.type() == VisitType.LOG && d.collects(ADVERSE_EVENT))
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new ValidationFailure(FieldError.of(null, "safety.error.noLog")));
    }

    /** The subject's TACE sessions in procedure order, for the session an adverse event follows. */
    public List<SessionOption> sessions(long subjectId) {
        Subject subject = subject(subjectId);
        SubjectSummary summary = SubjectSummary.derive(access.readable(subject), casebook.subjectData(subjectId));
        List<SessionOption> out = new ArrayList<>();
        for (int i = 0; i < summary.sessionDates().size(); i++) {
            out.add(new SessionOption(i + 1, summary.sessionDates().get(i)));
        }
        return out;
    }

    /**
     * Serious adverse events of a study within the user's sites with the state of their report, as
     * of now on the server's clock; with {@code needingAttention} only those due, overdue, reported late or without an
     * onset date.
     */
    public List<SeriousEvent> seriousEvents(String studyId, boolean needingAttention) {
        StudyDefinition study = access.study(studyId);
        boolean all = access.user().seesAllSites(studyId);
        List<SafetyRepository.FormOfSubject> aes = safety.forms(studyId, access.user().siteIds(studyId), all, ADVERSE_EVENT);
        Map<Long, Map<String, ItemData>> items = new HashMap<>();
        for (ItemData i : safety.items(aes.stream().map(a -> a.form().getId()).toList(), AE_ITEMS)) {
            items.computeIfAbsent(i.getFormRef(), k -> new HashMap<>()).put(i.getItemId(), i);
        }
        int hours = study.parameters().sae().reportingHours();
        LocalDateTime now = LocalDateTime.now();
        List<SeriousEvent> out = new ArrayList<>();
        for (SafetyRepository.FormOfSubject ae : aes) {
            Map<String, ItemData> values = items.getOrDefault(ae.form().getId(), Map.of());
            boolean serious = text(values, "ae_serious").map("Y"::equals).orElse(false);
            if (!serious) {
                continue;
            }
            Map<ItemKey, StoredValue> stored = new HashMap<>();
            values.values().forEach(i -> stored.put(new ItemKey(i.getGroupId(), i.getGroupRepeat(), i.getItemId()), i.value()));
            SaeReporting reporting = SaeReporting.of(
                    new SubjectData.FormInstance(ae.form().getId(), null, ADVERSE_EVENT, 1, false, stored), hours, now);
            if (needingAttention && !reporting.needsAttention()) {
                continue;
            }
            String term = text(values, "ae_term").orElse(null);
            String other = text(values, "ae_term_other").orElse(null);
            out.add(new SeriousEvent(ae.subject().getId(), ae.subject().getSubjectNumber(), ae.subject().getSiteId(),
                    ae.form().getId(), term, other, text(values, "ae_grade").orElse(null), reporting));
        }
        return out;
    }

    private static Optional<String> text(Map<String, ItemData> values, String itemId) {
        return Optional.ofNullable(values.get(itemId)).map(ItemData::getValueText).filter(t -> !t.isBlank());
    }

    private FormData postLabs(long formDataId) {
        return casebook.form(formDataId).filter(f -> f.getFormId().equals(POST_LABS))
                .orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "form")));
    }

    private Subject subject(long subjectId) {
        return casebook.subject(subjectId).orElseThrow(() -> new ValidationFailure(FieldError.of(null, "casebook.notFound", "subject")));
    }
}
