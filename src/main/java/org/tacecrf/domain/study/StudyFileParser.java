package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.Node;

import org.tacecrf.domain.study.MapReader.IdStyle;

/** Reads one study file into a {@link StudyDefinition}, reporting every error it finds. */
final class StudyFileParser {

    static final List<String> TOP_KEYS = List.of("id", "title", "protocolNumber", "version", "description", "design",
            "sites", "arms", "eligibility", "schedule", "forms", "codeLists", "itemGroups", "editChecks", "parameters", "analysis");

    private final Source source;
    private final FormLibrary library;

    StudyFileParser(Source source, FormLibrary library) {
        this.source = source;
        this.library = library;
    }

    /** The definition, or empty when the file has errors (they are in the source's collector). */
    Optional<StudyDefinition> parse(Node root) {
        Problems problems = source.problems();
        int errorsBefore = problems.size();
        MapReader top = MapReader.of(source, root, "the study definition", TOP_KEYS);
        if (!top.valid()) {
            return Optional.empty();
        }
        Optional<String> id = top.id("id", IdStyle.STUDY, true);
        Optional<LocalizedText> title = top.requiredText("title");
        Optional<String> version = top.requiredString("version");
        String protocolNumber = top.string("protocolNumber").orElse(null);
        LocalizedText description = top.text("description").orElse(null);
        Optional<StudyDesign> design = top.require("design") ? design(top) : Optional.empty();
        List<ArmDef> arms = arms(top, design);
        List<EligibilityCriterion> eligibility = eligibility(top);

        DefinitionSet set = new DefinitionSet(problems, library, Origin.STUDY);
        set.addCodeLists(source, top.list("codeLists"));
        set.addItemGroups(source, top.list("itemGroups"));
        StudyParameters parameters = new ParametersParser(source, set.codeList(ParametersParser.LOADED_DRUG_LIST))
                .parse(top.get("parameters"));
        List<SiteDef> sites = sites(top, parameters.subject().numberPattern());
        // ids of the study's own forms as written, including forms dropped for errors of their own
        Set<String> declaredForms = new LinkedHashSet<>();
        Map<String, SourceLocation> studyForms = forms(top, set, declaredForms);

        Set<String> formIds = new LinkedHashSet<>(library.formMap().keySet());
        formIds.addAll(declaredForms);
        List<VisitDef> schedule = top.require("schedule")
                ? new ScheduleParser(source, formIds).parse(top.list("schedule")) : List.of();
        if (top.has("schedule") && schedule.isEmpty() && problems.size() == errorsBefore) {
            top.error(ErrorKind.MISSING_KEY, "schedule", "the schedule has no visits");
        }

        List<FormDef> used = usedForms(schedule, set, studyForms);
        Map<String, CodeList> codeLists = codeLists(used, schedule, set, arms, eligibility);
        EditCheckParser.Result checks = editChecks(top, used, schedule);
        AnalysisConfig analysis = new AnalysisConfigParser(source, used, codeLists, schedule, arms, sites)
                .parse(top.get("analysis"));
        if (design.isPresent() && !design.get().randomised()
                && parameters.endpoints().origin() == StudyParameters.EndpointOrigin.RANDOMISATION) {
            source.error(ErrorKind.INVALID_PARAMETER, top.at("parameters"), "parameters.endpoints.origin is"
                    + " randomisation, but the design is not randomised");
        }
        if (problems.size() > errorsBefore || id.isEmpty() || title.isEmpty() || version.isEmpty() || design.isEmpty()) {
            return Optional.empty();
        }
        List<EditCheckDef> candidates = new ArrayList<>(builtInChecks(checks.overrides()));
        candidates.addAll(checks.checks());
        StudyDefinition study = new StudyDefinition(id.get(), title.get(), protocolNumber, version.get(), design.get(),
                description, sites, arms, eligibility, schedule, used, List.copyOf(codeLists.values()), parameters,
                candidates, source.file(), top.at("id"), analysis);
        List<EditCheckDef> applicable = candidates.stream()
                .filter(c -> !c.builtIn() || ExpressionValidator.applies(c, study)).toList();
        StudyDefinition definition = study.withEditChecks(applicable);
        new ExpressionValidator(problems).validateStudy(definition);
        return problems.size() > errorsBefore ? Optional.empty() : Optional.of(definition);
    }

    /** The library's checks with the study's changes: those it switched off left out, severities replaced. */
    private List<EditCheckDef> builtInChecks(Map<String, EditCheckParser.Override> overrides) {
        List<EditCheckDef> result = new ArrayList<>();
        for (EditCheckDef check : library.editChecks()) {
            EditCheckParser.Override change = overrides.get(check.id());
            if (change == null) {
                result.add(check);
            } else if (!change.disabled()) {
                result.add(change.severity() == null ? check : check.withSeverity(change.severity()));
            }
        }
        return result;
    }

    private Optional<StudyDesign> design(MapReader top) {
        MapReader r = MapReader.of(source, top.get("design").get(), "the design", "timing", "structure", "randomised");
        if (!r.valid()) {
            return Optional.empty();
        }
        Optional<StudyDesign.Timing> timing = r.requiredEnum("timing", StudyDesign.Timing.class, ErrorKind.INVALID_VALUE);
        Optional<StudyDesign.Structure> structure =
                r.requiredEnum("structure", StudyDesign.Structure.class, ErrorKind.INVALID_VALUE);
        boolean randomised = r.bool("randomised", false);
        if (structure.isPresent() && randomised && structure.get() == StudyDesign.Structure.SINGLE_ARM) {
            r.error(ErrorKind.INVALID_VALUE, "randomised", "a single-arm study cannot be randomised");
            return Optional.empty();
        }
        if (timing.isEmpty() || structure.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StudyDesign(timing.get(), structure.get(), randomised));
    }

    private List<ArmDef> arms(MapReader top, Optional<StudyDesign> design) {
        if (!top.require("arms")) {
            return List.of();
        }
        Map<String, ArmDef> arms = new LinkedHashMap<>();
        List<Node> nodes = top.list("arms");
        for (Node n : nodes) {
            MapReader r = MapReader.of(source, n, DefinitionParser.named("arm", n, "id"), "id", "label", "description");
            if (!r.valid()) {
                continue;
            }
            Optional<String> id = r.id("id", IdStyle.NAME, true);
            Optional<LocalizedText> label = r.requiredText("label");
            LocalizedText description = r.text("description").orElse(null);
            if (id.isPresent() && label.isPresent()) {
                unique(arms, id.get(), new ArmDef(id.get(), label.get(), description, r.location()), "arm", r.location());
            }
        }
        // counted as written, so that a duplicate id is not reported a second time as a wrong count
        if (design.isPresent() && !design.get().structure().allows(nodes.size())) {
            top.error(ErrorKind.INVALID_VALUE, "arms", "the design is "
                    + design.get().structure().name().toLowerCase(java.util.Locale.ROOT) + " but the study defines "
                    + nodes.size() + (nodes.size() == 1 ? " arm" : " arms"));
        }
        return List.copyOf(arms.values());
    }

    private List<EligibilityCriterion> eligibility(MapReader top) {
        Optional<Node> node = top.get("eligibility");
        if (node.isEmpty()) {
            return List.of();
        }
        MapReader r = MapReader.of(source, node.get(), "eligibility", "inclusion", "exclusion");
        if (!r.valid()) {
            return List.of();
        }
        Map<String, EligibilityCriterion> criteria = new LinkedHashMap<>();
        for (CriterionKind kind : CriterionKind.values()) {
            String key = kind.name().toLowerCase(java.util.Locale.ROOT);
            for (Node n : r.list(key)) {
                MapReader c = MapReader.of(source, n, DefinitionParser.named(key + " criterion", n, "id"), "id", "text");
                if (!c.valid()) {
                    continue;
                }
                Optional<String> id = c.id("id", IdStyle.NAME, true);
                Optional<LocalizedText> text = c.requiredText("text");
                if (id.isPresent() && text.isPresent()) {
                    unique(criteria, id.get(), new EligibilityCriterion(id.get(), kind, text.get(), c.location()),
                            "eligibility criterion", c.location());
                }
            }
        }
        return List.copyOf(criteria.values());
    }

    private List<SiteDef> sites(MapReader top, SubjectNumberPattern defaultPattern) {
        List<Node> nodes = top.requiredList("sites", ErrorKind.MISSING_KEY, "the study has no sites");
        Map<String, SiteDef> sites = new LinkedHashMap<>();
        for (Node n : nodes) {
            MapReader r = MapReader.of(source, n, DefinitionParser.named("site", n, "id"), "id", "name",
                    "subjectNumberPattern", "enrolmentTarget");
            if (!r.valid()) {
                continue;
            }
            Optional<String> id = r.id("id", IdStyle.SITE, true);
            Optional<LocalizedText> name = r.requiredText("name");
            Integer target = r.integer("enrolmentTarget", 1, 100_000, ErrorKind.INVALID_VALUE).orElse(null);
            SubjectNumberPattern pattern = defaultPattern;
            Optional<String> patternText = r.string("subjectNumberPattern");
            if (patternText.isPresent()) {
                try {
                    pattern = SubjectNumberPattern.parse(patternText.get());
                } catch (IllegalArgumentException e) {
                    r.error(ErrorKind.INVALID_VALUE, "subjectNumberPattern", e.getMessage());
                }
            }
            if (id.isPresent() && name.isPresent()) {
                unique(sites, id.get(), new SiteDef(id.get(), name.get(), pattern, target, r.location()), "site",
                        r.location());
            }
        }
        return List.copyOf(sites.values());
    }

    /** Reads the study's forms and extensions; returns where each study-defined or extended form was written. */
    private Map<String, SourceLocation> forms(MapReader top, DefinitionSet set, Set<String> declared) {
        List<String> keys = new ArrayList<>(DefinitionParser.FORM_KEYS);
        keys.addAll(DefinitionParser.EXTENSION_KEYS);
        DefinitionParser parser = set.parser(source);
        FormAssembler assembler = set.assembler();
        List<FormSpecs.Extension> extensions = new ArrayList<>();
        for (Node n : top.list("forms")) {
            MapReader r = MapReader.of(source, n, DefinitionParser.named("form", n, "id"), keys);
            if (!r.valid()) {
                continue;
            }
            if (r.has("extends")) {
                parser.extension(r).ifPresent(extensions::add);
            } else {
                r.string("id").ifPresent(declared::add);
                r.forbid("add", "only an 'extends:' entry adds items to a built-in form");
                r.forbid("override", "only an 'extends:' entry overrides built-in items");
                parser.form(r).ifPresent(spec -> set.addForm(spec, assembler));
            }
        }
        Map<String, SourceLocation> written = new LinkedHashMap<>();
        set.forms().values().forEach(f -> written.put(f.id(), f.location()));
        for (FormSpecs.Extension e : extensions) {
            Optional<FormDef> base = library.form(e.baseFormId());
            if (base.isEmpty()) {
                String why = set.forms().containsKey(e.baseFormId())
                        ? "form '" + e.baseFormId() + "' is defined by this study; only built-in forms can be extended"
                        : "unknown built-in form '" + e.baseFormId() + "'"
                                + Suggestions.hint(e.baseFormId(), library.formMap().keySet());
                source.error(ErrorKind.UNKNOWN_REFERENCE, e.baseAt(), why);
            } else if (written.containsKey(e.baseFormId())) {
                source.error(ErrorKind.DUPLICATE_ID, e.baseAt(), "built-in form '" + e.baseFormId()
                        + "' is already extended at " + written.get(e.baseFormId()));
            } else {
                set.putForm(assembler.extend(base.get(), e));
                written.put(e.baseFormId(), e.location());
            }
        }
        return written;
    }

    /** The forms the schedule collects, in order of first use; reports study forms no visit collects. */
    private List<FormDef> usedForms(List<VisitDef> schedule, DefinitionSet set, Map<String, SourceLocation> studyForms) {
        Map<String, FormDef> used = new LinkedHashMap<>();
        for (VisitDef v : schedule) {
            for (VisitForm vf : v.forms()) {
                FormDef f = set.forms().get(vf.formId());
                if (f == null) {
                    f = library.form(vf.formId()).orElse(null);
                }
                if (f != null) {
                    used.putIfAbsent(f.id(), f);
                }
            }
        }
        if (!schedule.isEmpty()) {
            studyForms.forEach((formId, at) -> {
                if (!used.containsKey(formId)) {
                    source.error(ErrorKind.UNUSED_DEFINITION, at, "form '" + formId
                            + "' is defined or extended but no visit collects it");
                }
            });
        }
        return List.copyOf(used.values());
    }

    /**
     * Code lists of the study: those its items use (built-in or its own), the lists it defines, and
     * the lists it supplies from arms and eligibility criteria.
     */
    private Map<String, CodeList> codeLists(List<FormDef> forms, List<VisitDef> schedule, DefinitionSet set,
                                            List<ArmDef> arms, List<EligibilityCriterion> eligibility) {
        Map<String, CodeList> supplied = new HashMap<>();
        if (!arms.isEmpty()) {
            supplied.put(FormLibrary.STUDY_ARMS, new CodeList(FormLibrary.STUDY_ARMS, LocalizedText.of("Study arms", "研究组别"),
                    arms.stream().map(a -> new CodeListItem(a.id(), a.label(), null, a.location())).toList(),
                    Origin.STUDY_SUPPLIED, arms.get(0).location()));
        }
        if (!eligibility.isEmpty()) {
            supplied.put(FormLibrary.STUDY_ELIGIBILITY, new CodeList(FormLibrary.STUDY_ELIGIBILITY,
                    LocalizedText.of("Eligibility criteria", "入选/排除标准"),
                    eligibility.stream().map(c -> new CodeListItem(c.id(), c.text(), null, c.location())).toList(),
                    Origin.STUDY_SUPPLIED, eligibility.get(0).location()));
        }
        Map<String, CodeList> result = new LinkedHashMap<>();
        for (FormDef form : forms) {
            for (ItemDef item : form.items()) {
                if (item.codeListId() == null || result.containsKey(item.codeListId())) {
                    continue;
                }
                Optional<CodeList> list = Optional.ofNullable(supplied.get(item.codeListId()))
                        .or(() -> set.codeList(item.codeListId()));
                if (list.isPresent()) {
                    result.put(list.get().id(), list.get());
                } else if (FormLibrary.STUDY_SUPPLIED.contains(item.codeListId())) {
                    // reported where the study collects the form: the form itself may be built in
                    SourceLocation at = schedule.stream().flatMap(v -> v.form(form.id()).stream())
                            .map(VisitForm::location).findFirst().orElse(form.location());
                    source.error(ErrorKind.MISSING_KEY, at, "form '" + form.id() + "' needs the study's "
                            + (item.codeListId().equals(FormLibrary.STUDY_ARMS) ? "arms" : "eligibility criteria")
                            + " for item '" + item.id() + "'");
                }
            }
        }
        set.codeLists().values().forEach(cl -> result.putIfAbsent(cl.id(), cl));
        supplied.values().forEach(cl -> result.putIfAbsent(cl.id(), cl));
        return result;
    }

    private EditCheckParser.Result editChecks(MapReader top, List<FormDef> forms, List<VisitDef> schedule) {
        Map<String, FormDef> formsById = new LinkedHashMap<>();
        forms.forEach(f -> formsById.put(f.id(), f));
        Map<String, EditCheckDef> builtIn = new LinkedHashMap<>();
        library.editChecks().forEach(c -> builtIn.put(c.id(), c));
        return new EditCheckParser(source, Origin.STUDY, formsById, schedule, builtIn).parse(top.list("editChecks"));
    }

    private <T> void unique(Map<String, T> map, String id, T value, String what, SourceLocation at) {
        if (map.putIfAbsent(id, value) != null) {
            source.error(ErrorKind.DUPLICATE_ID, at, what + " id '" + id + "' is used twice");
        }
    }
}
