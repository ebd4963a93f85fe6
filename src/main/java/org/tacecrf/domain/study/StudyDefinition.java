package org.tacecrf.domain.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One study as described by its YAML file in {@code config/studies}: identification, design, sites,
 * arms, eligibility, visit schedule, the forms it collects (built-in forms with the study's
 * extensions already applied, and its own forms), code lists, parameters and edit checks. Immutable;
 * built and validated by {@link StudyDefinitionLoader}.
 */
public final class StudyDefinition {

    private final String id;
    private final LocalizedText title;
    private final String protocolNumber;
    private final String version;
    private final StudyDesign design;
    private final LocalizedText description;
    private final List<SiteDef> sites;
    private final List<ArmDef> arms;
    private final List<EligibilityCriterion> eligibility;
    private final List<VisitDef> schedule;
    private final Map<String, FormDef> forms;
    private final Map<String, CodeList> codeLists;
    private final StudyParameters parameters;
    private final List<EditCheckDef> editChecks;
    private final String sourceFile;
    private final SourceLocation location;
    private final AnalysisConfig analysis;

    StudyDefinition(String id, LocalizedText title, String protocolNumber, String version, StudyDesign design,
                    LocalizedText description, List<SiteDef> sites, List<ArmDef> arms,
                    List<EligibilityCriterion> eligibility, List<VisitDef> schedule, List<FormDef> forms,
                    List<CodeList> codeLists, StudyParameters parameters, List<EditCheckDef> editChecks,
                    String sourceFile, SourceLocation location, AnalysisConfig analysis) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.protocolNumber = protocolNumber;
        this.version = Objects.requireNonNull(version);
        this.design = Objects.requireNonNull(design);
        this.description = description;
        this.sites = List.copyOf(sites);
        this.arms = List.copyOf(arms);
        this.eligibility = List.copyOf(eligibility);
        this.schedule = List.copyOf(schedule);
        this.forms = index(forms, FormDef::id);
        this.codeLists = index(codeLists, CodeList::id);
        this.parameters = Objects.requireNonNull(parameters);
        this.editChecks = List.copyOf(editChecks);
        this.sourceFile = Objects.requireNonNull(sourceFile);
        this.location = location;
        this.analysis = Objects.requireNonNull(analysis);
    }

    /** A copy with other edit checks (the loader keeps the built-in checks that apply to the study). */
    StudyDefinition withEditChecks(List<EditCheckDef> checks) {
        return new StudyDefinition(id, title, protocolNumber, version, design, description, sites, arms, eligibility,
                schedule, List.copyOf(forms.values()), List.copyOf(codeLists.values()), parameters, checks, sourceFile,
                location, analysis);
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(key.apply(v), v));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Short id used in URLs and OIDs, e.g. {@code icc-deb-tace}. */
    public String id() {
        return id;
    }

    public LocalizedText title() {
        return title;
    }

    /** Protocol or registration number, or empty for studies without one (e.g. retrospective). */
    public Optional<String> protocolNumber() {
        return Optional.ofNullable(protocolNumber);
    }

    /** Version of the study definition (the metadata version of ODM). */
    public String version() {
        return version;
    }

    public StudyDesign design() {
        return design;
    }

    public Optional<LocalizedText> description() {
        return Optional.ofNullable(description);
    }

    public List<SiteDef> sites() {
        return sites;
    }

    public List<ArmDef> arms() {
        return arms;
    }

    public List<EligibilityCriterion> eligibility() {
        return eligibility;
    }

    public List<EligibilityCriterion> eligibility(CriterionKind kind) {
        return eligibility.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Visits in schedule order. */
    public List<VisitDef> schedule() {
        return schedule;
    }

    /** The forms collected by this study, in the order the schedule first uses them. */
    public List<FormDef> forms() {
        return List.copyOf(forms.values());
    }

    /** Code lists used by the study's items and those the study defines. */
    public List<CodeList> codeLists() {
        return List.copyOf(codeLists.values());
    }

    public StudyParameters parameters() {
        return parameters;
    }

    /**
     * The edit checks the study runs: the built-in checks that apply to it (it collects the forms and
     * items they read), with the study's severities and without those it switched off, then its own.
     */
    public List<EditCheckDef> editChecks() {
        return editChecks;
    }

    /** File name of the definition, e.g. {@code icc-deb-tace.yaml}. */
    public String sourceFile() {
        return sourceFile;
    }

    public SourceLocation location() {
        return location;
    }

    /** What the study tables show (the {@code analysis:} section, or its defaults). */
    public AnalysisConfig analysis() {
        return analysis;
    }

    public Optional<FormDef> form(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    public Optional<VisitDef> visit(String visitId) {
        return schedule.stream().filter(v -> v.id().equals(visitId)).findFirst();
    }

    public Optional<ItemDef> item(String formId, String itemId) {
        return form(formId).flatMap(f -> f.item(itemId));
    }

    public Optional<CodeList> codeList(String codeListId) {
        return Optional.ofNullable(codeLists.get(codeListId));
    }

    /** The code list of a coded item. */
    public Optional<CodeList> codeListOf(ItemDef item) {
        return item.codeList().flatMap(this::codeList);
    }

    public Optional<SiteDef> site(String siteId) {
        return sites.stream().filter(s -> s.id().equals(siteId)).findFirst();
    }

    public Optional<ArmDef> arm(String armId) {
        return arms.stream().filter(a -> a.id().equals(armId)).findFirst();
    }

    public Optional<EditCheckDef> editCheck(String checkId) {
        return editChecks.stream().filter(c -> c.id().equals(checkId)).findFirst();
    }

    /** Visits at which the form is collected, in schedule order. */
    public List<VisitDef> visitsCollecting(String formId) {
        return schedule.stream().filter(v -> v.collects(formId)).toList();
    }

    /** Every item of every form, with its form and group, in form and display order. */
    public List<ItemPath> allItems() {
        return forms.values().stream()
                .flatMap(f -> f.groups().stream().flatMap(g -> g.items().stream().map(i -> new ItemPath(f, g, i))))
                .toList();
    }

    @Override
    public String toString() {
        return "StudyDefinition[" + id + " v" + version + " from " + sourceFile + "]";
    }
}
