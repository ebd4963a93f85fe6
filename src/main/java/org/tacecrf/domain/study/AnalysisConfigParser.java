package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import org.tacecrf.domain.study.AnalysisConfig.Biomarkers;
import org.tacecrf.domain.study.AnalysisConfig.Coding;
import org.tacecrf.domain.study.AnalysisConfig.Cox;
import org.tacecrf.domain.study.AnalysisConfig.CoxCovariate;
import org.tacecrf.domain.study.AnalysisConfig.CoxTies;
import org.tacecrf.domain.study.AnalysisConfig.CutoffSide;
import org.tacecrf.domain.study.AnalysisConfig.DerivedVariable;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisConfig.LabChange;
import org.tacecrf.domain.study.AnalysisConfig.LandmarkCi;
import org.tacecrf.domain.study.AnalysisConfig.MedianCi;
import org.tacecrf.domain.study.AnalysisConfig.Multivariate;
import org.tacecrf.domain.study.AnalysisConfig.Qol;
import org.tacecrf.domain.study.AnalysisConfig.Responses;
import org.tacecrf.domain.study.AnalysisConfig.Sessions;
import org.tacecrf.domain.study.AnalysisConfig.Summary;
import org.tacecrf.domain.study.AnalysisConfig.Survival;
import org.tacecrf.domain.study.AnalysisConfig.Table;
import org.tacecrf.domain.study.AnalysisConfig.ComparisonTest;
import org.tacecrf.domain.study.AnalysisConfig.Tests;
import org.tacecrf.domain.study.AnalysisConfig.VariableType;
import org.tacecrf.domain.study.AnalysisVariable.Level;
import org.tacecrf.domain.study.MapReader.IdStyle;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;

/**
 * Reads the {@code analysis:} section of a study file against the study's forms, code lists, visits,
 * arms and sites. Every key is optional; what is left out gets the defaults stated on
 * {@link AnalysisConfig} and in docs/analysis.md. Errors are reported at their line, like the rest
 * of the file, and a section with errors gives the defaults (the study is refused anyway).
 */
final class AnalysisConfigParser {

    static final List<String> KEYS = List.of("variables", "baseline", "subgroups", "tables", "tests", "survival",
            "cox", "response", "labChange", "qol", "biomarkers");

    /** QLQ-C30 scales in the order the seed tables print them; the score item is {@code <code>_score}. */
    static final List<String> QLQ_SCALES = List.of("pf2", "rf2", "cf", "ef", "sf", "ql2", "fa", "pa", "nv", "dy",
            "sl", "ap", "co", "di", "fi");

    private static final String BASELINE = "baseline";
    private static final String IMAGING = "imaging_assessment";
    private static final String SESSION = "tace_session";
    private static final String POST_LABS = "post_labs";
    private static final String QLQ = "qlq_c30";
    private static final String MARKERS = "tumour_markers";
    private static final String AE = "adverse_event";
    private static final String SURVIVAL_CONTACT = "survival_contact";
    private static final ErrorKind INVALID = ErrorKind.INVALID_VALUE;

    private final Source source;
    private final Map<String, FormDef> forms = new LinkedHashMap<>();
    private final Map<String, CodeList> codeLists;
    private final List<VisitDef> schedule;
    private final List<ArmDef> arms;
    private final List<SiteDef> sites;
    private SourceLocation sectionAt;

    /**
     * @param forms     the forms the study collects
     * @param codeLists the study's code lists by id
     */
    AnalysisConfigParser(Source source, List<FormDef> forms, Map<String, CodeList> codeLists, List<VisitDef> schedule,
                         List<ArmDef> arms, List<SiteDef> sites) {
        this.source = source;
        forms.forEach(f -> this.forms.put(f.id(), f));
        this.codeLists = codeLists;
        this.schedule = schedule;
        this.arms = arms;
        this.sites = sites;
    }

    AnalysisConfig parse(Optional<Node> node) {
        sectionAt = node.map(source::at).orElse(source.start());
        MapReader r = node.map(n -> MapReader.of(source, n, "analysis", KEYS)).orElse(null);
        if (r != null && !r.valid()) {
            r = null;
        }
        List<AnalysisVariable> variables = r != null && r.has("variables") ? variables(r) : defaultVariables();
        Map<String, AnalysisVariable> byId = new LinkedHashMap<>();
        variables.forEach(v -> byId.put(v.id(), v));
        List<String> baseline = r != null && r.has("baseline")
                ? references(r, "baseline", byId, false) : List.copyOf(byId.keySet());
        List<String> subgroups = r != null && r.has("subgroups") ? references(r, "subgroups", byId, true) : List.of();
        Tests tests = area(r, "tests", List.of("categorical", "ordinal", "continuous", "continuousMedian"),
                this::tests, Tests.DEFAULT);
        Survival survival = area(r, "survival", List.of("endpoints", "landmarks", "medianCi", "landmarkCi",
                "subgroupEndpoints"), this::survival, defaultSurvival());
        Cox cox = area(r, "cox", List.of("endpoints", "ties", "multivariate", "entryP", "removalP", "covariates"),
                a -> cox(a, byId), defaultCox());
        Responses response = area(r, "response", List.of("criteria", "timePoints"), this::response,
                new Responses(defaultCriteria(), defaultTimePoints()));
        LabChange labChange = area(r, "labChange", List.of("analytes", "sessions"), this::labChange,
                new LabChange(changeAnalytes(), Sessions.FIRST));
        Qol qol = area(r, "qol", List.of("before", "after", "scales"), this::qol, defaultQol());
        Biomarkers biomarkers = area(r, "biomarkers", List.of("markers", "timePoint"), this::biomarkers,
                new Biomarkers(responseMarkers(), defaultMarkerTimePoint()));
        Set<Table> possible = possibleTables(baseline, subgroups, survival, cox, labChange, qol);
        Set<Table> tables = r != null && r.has("tables") ? tables(r, possible) : possible;
        return new AnalysisConfig(variables, baseline, subgroups, tables, tests, survival, cox, response, labChange,
                qol, biomarkers);
    }

    private <T> T area(MapReader analysis, String key, List<String> keys, Function<MapReader, T> reader, T defaults) {
        if (analysis == null || !analysis.has(key)) {
            return defaults;
        }
        MapReader a = MapReader.of(source, analysis.get(key).orElseThrow(), "analysis." + key, keys);
        return a.valid() ? reader.apply(a) : defaults;
    }

    // ---- variables ----------------------------------------------------------------------------

    private List<AnalysisVariable> variables(MapReader analysis) {
        Map<String, AnalysisVariable> out = new LinkedHashMap<>();
        for (Node n : analysis.list("variables")) {
            MapReader r = MapReader.of(source, n, DefinitionParser.named("analysis variable", n, "id"), "id", "label",
                    "item", "derived", "type", "summary", "cutoffs", "cutoffBelongsTo", "levels", "groups", "test",
                    "decimals");
            if (!r.valid()) {
                continue;
            }
            Optional<String> id = r.id("id", IdStyle.NAME, true);
            Optional<AnalysisVariable> v = id.flatMap(i -> variable(r, i));
            if (v.isPresent() && out.putIfAbsent(v.get().id(), v.get()) != null) {
                source.error(ErrorKind.DUPLICATE_ID, r.at("id"), "analysis variable id '" + v.get().id()
                        + "' is used twice");
            }
        }
        return List.copyOf(out.values());
    }

    private Optional<AnalysisVariable> variable(MapReader r, String id) {
        if (r.has("item") == r.has("derived")) {
            r.error(ErrorKind.MISSING_KEY, r.has("item") ? "derived" : "id", r.what()
                    + " needs either 'item' (form.item) or 'derived', not " + (r.has("item") ? "both" : "neither"));
            return Optional.empty();
        }
        Optional<LocalizedText> label = r.text("label");
        Optional<VariableType> declared = r.enumValue("type", VariableType.class, INVALID);
        Optional<ComparisonTest> test = r.enumValue("test", ComparisonTest.class, INVALID);
        CutoffSide side = r.enumValue("cutoffBelongsTo", CutoffSide.class, INVALID).orElse(CutoffSide.LOWER);
        List<BigDecimal> cutoffs = cutoffs(r);
        Optional<Integer> decimals = r.integer("decimals", 0, 4, INVALID);
        if (r.has("item")) {
            return itemVariable(r, id, label, declared, test, side, cutoffs, decimals);
        }
        Optional<DerivedVariable> derived = r.enumValue("derived", DerivedVariable.class, INVALID);
        if (derived.isEmpty()) {
            return Optional.empty();
        }
        return derivedVariable(r, id, derived.get(), label, declared, test, side, cutoffs, decimals);
    }

    private Optional<AnalysisVariable> itemVariable(MapReader r, String id, Optional<LocalizedText> label,
                                                    Optional<VariableType> declared, Optional<ComparisonTest> test,
                                                    CutoffSide side, List<BigDecimal> cutoffs,
                                                    Optional<Integer> decimals) {
        Optional<ItemPath> path = itemPath(r);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        ItemDef item = path.get().item();
        boolean numeric = item.numeric();
        Optional<CodeList> list = item.codeList().map(codeLists::get);
        if (!numeric && list.isEmpty()) {
            r.error(INVALID, "item", "item '" + item.id() + "' of " + r.what() + " is a " + item.dataType().name()
                    .toLowerCase(Locale.ROOT) + "; a variable reads a number or a coded item");
            return Optional.empty();
        }
        VariableType type;
        if (numeric) {
            type = declared.orElse(VariableType.CONTINUOUS);
            if (type != VariableType.CONTINUOUS && cutoffs.isEmpty()) {
                r.error(INVALID, "type", r.what() + " reads a number: it can be " + type.name().toLowerCase(Locale.ROOT)
                        + " only through 'cutoffs'");
                return Optional.empty();
            }
        } else {
            type = declared.orElse(list.get().ordinal() ? VariableType.ORDINAL : VariableType.CATEGORICAL);
            if (type == VariableType.CONTINUOUS) {
                r.error(INVALID, "type", r.what() + " reads the coded item '" + item.id()
                        + "', which cannot be continuous");
                return Optional.empty();
            }
            if (r.has("cutoffs")) {
                r.error(ErrorKind.KEY_NOT_ALLOWED, "cutoffs", "cut-offs apply to numbers; item '" + item.id()
                        + "' is coded");
                return Optional.empty();
            }
        }
        Optional<Summary> summary = summary(r, type, cutoffs);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Level>> levels = numeric ? intervalLevels(r, cutoffs, side)
                : codedLevels(r, list.get(), item.type() == ItemType.MULTI_CHOICE);
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        LocalizedText text = label.orElseGet(() -> withUnit(item.label(), item.unit()));
        int places = decimals.orElse(Math.max(1, item.precision() == null ? 0 : item.precision()));
        AnalysisVariable v = new AnalysisVariable(id, text, path.get().form().id(), item.id(), null, type,
                summary.get(), cutoffs, side, levels.get(), item.type() == ItemType.MULTI_CHOICE, test.orElse(null),
                places, r.location());
        return checkTest(r, v);
    }

    private Optional<AnalysisVariable> derivedVariable(MapReader r, String id, DerivedVariable derived,
                                                       Optional<LocalizedText> label, Optional<VariableType> declared,
                                                       Optional<ComparisonTest> test, CutoffSide side, List<BigDecimal> cutoffs,
                                                       Optional<Integer> decimals) {
        VariableType natural = switch (derived) {
            case SESSIONS -> VariableType.CONTINUOUS;
            case BEST_RESPONSE -> VariableType.ORDINAL;
            default -> VariableType.CATEGORICAL;
        };
        VariableType type = declared.orElse(natural);
        if (natural == VariableType.CONTINUOUS && type != VariableType.CONTINUOUS && cutoffs.isEmpty()) {
            r.error(INVALID, "type", r.what() + " is a number: it can be " + type.name().toLowerCase(Locale.ROOT)
                    + " only through 'cutoffs'");
            return Optional.empty();
        }
        if (natural != VariableType.CONTINUOUS && type == VariableType.CONTINUOUS) {
            r.error(INVALID, "type", r.what() + " is coded and cannot be continuous");
            return Optional.empty();
        }
        if (natural != VariableType.CONTINUOUS && r.has("cutoffs")) {
            r.error(ErrorKind.KEY_NOT_ALLOWED, "cutoffs", "cut-offs apply to numbers; derived variable '"
                    + r.string("derived").orElse("") + "' is coded");
            return Optional.empty();
        }
        Optional<Summary> summary = summary(r, type, cutoffs);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Level>> levels = switch (derived) {
            case SESSIONS -> intervalLevels(r, cutoffs, side);
            case ARM -> relabel(r, fixed(arms.stream().map(a -> new String[]{a.id(), a.label().en(),
                    a.label().zh()}).toList()));
            case SITE -> relabel(r, fixed(sites.stream().map(s -> new String[]{s.id(), s.id(), null}).toList()));
            case BEST_RESPONSE -> relabel(r, fixed(List.of(new String[]{"CR", "Complete response", "完全缓解"},
                    new String[]{"PR", "Partial response", "部分缓解"}, new String[]{"SD", "Stable disease", "疾病稳定"},
                    new String[]{"PD", "Progressive disease", "疾病进展"},
                    new String[]{"NE", "Not evaluable", "不可评估"})));
            default -> relabel(r, fixed(List.of(new String[]{"Y", "Yes", "是"}, new String[]{"N", "No", "否"})));
        };
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        if (r.has("groups")) {
            r.error(ErrorKind.KEY_NOT_ALLOWED, "groups", "groups merge the codes of a coded item; "
                    + r.what() + " is derived");
            return Optional.empty();
        }
        LocalizedText text = label.orElseGet(() -> derivedLabel(derived));
        AnalysisVariable v = new AnalysisVariable(id, text, null, null, derived, type, summary.get(), cutoffs, side,
                levels.get(), false, test.orElse(null), decimals.orElse(1), r.location());
        return checkTest(r, v);
    }

    private static LocalizedText derivedLabel(DerivedVariable d) {
        return switch (d) {
            case ARM -> LocalizedText.of("Treatment arm", "治疗组别");
            case SITE -> LocalizedText.of("Site", "研究中心");
            case SESSIONS -> LocalizedText.of("TACE sessions", "TACE治疗次数");
            case INTRA_ARTERIAL_INFUSION -> LocalizedText.of("Intra-arterial infusion", "动脉灌注化疗");
            case SUPPLEMENTARY_EMBOLIZATION -> LocalizedText.of("Supplementary embolization", "补充栓塞");
            case CONCOMITANT_TREATMENT -> LocalizedText.of("Concomitant treatment", "同期治疗");
            case SUBSEQUENT_TREATMENT -> LocalizedText.of("Subsequent treatment", "后续治疗");
            case COMBINED_TREATMENT -> LocalizedText.of("Combined treatment", "联合治疗");
            case BEST_RESPONSE -> LocalizedText.of("Best overall response", "最佳总体疗效");
        };
    }

    private static List<Level> fixed(List<String[]> codeLabels) {
        List<Level> levels = new ArrayList<>();
        for (String[] c : codeLabels) {
            levels.add(new Level(c[0], LocalizedText.of(c[1], c[2]), List.of(c[0]), levels.size() + 1));
        }
        return levels;
    }

    private Optional<ItemPath> itemPath(MapReader r) {
        String text = r.string("item").orElse("");
        int dot = text.indexOf('.');
        if (dot < 1 || dot == text.length() - 1) {
            r.error(INVALID, "item", "'" + text + "' in " + r.what() + " must name form and item, e.g. baseline.age");
            return Optional.empty();
        }
        String formId = text.substring(0, dot);
        String itemId = text.substring(dot + 1);
        FormDef form = forms.get(formId);
        if (form == null) {
            r.error(ErrorKind.UNKNOWN_REFERENCE, "item", r.what() + " refers to form '" + formId
                    + "', which the study does not collect" + Suggestions.hint(formId, forms.keySet()));
            return Optional.empty();
        }
        Optional<ItemDef> item = form.item(itemId);
        if (item.isEmpty()) {
            r.error(ErrorKind.UNKNOWN_REFERENCE, "item", r.what() + " refers to unknown item '" + itemId
                    + "' of form '" + formId + "'" + Suggestions.hint(itemId, form.items().stream().map(ItemDef::id)
                    .toList()));
            return Optional.empty();
        }
        return Optional.of(new ItemPath(form, form.groupOf(itemId).orElseThrow(), item.get()));
    }

    private List<BigDecimal> cutoffs(MapReader r) {
        List<BigDecimal> out = new ArrayList<>();
        for (Node n : r.list("cutoffs")) {
            r.decimal(n, "cutoffs").ifPresent(c -> {
                if (!out.isEmpty() && c.compareTo(out.get(out.size() - 1)) <= 0) {
                    source.error(INVALID, n, "the cut-offs of " + r.what() + " must increase");
                } else {
                    out.add(c);
                }
            });
        }
        return out;
    }

    private Optional<Summary> summary(MapReader r, VariableType type, List<BigDecimal> cutoffs) {
        Optional<Summary> written = r.enumValue("summary", Summary.class, INVALID);
        if (type != VariableType.CONTINUOUS) {
            if (r.has("summary")) {
                r.error(ErrorKind.KEY_NOT_ALLOWED, "summary", "a summary (mean or median) applies to continuous"
                        + " variables; " + r.what() + " is " + type.name().toLowerCase(Locale.ROOT));
                return Optional.empty();
            }
            return Optional.of(Summary.NONE);
        }
        if (r.has("summary") && written.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(written.orElse(cutoffs.isEmpty() ? Summary.MEAN_SD : Summary.NONE));
    }

    /** Levels of a number cut at the cut-offs; none without cut-offs. */
    private Optional<List<Level>> intervalLevels(MapReader r, List<BigDecimal> cutoffs, CutoffSide side) {
        if (r.has("groups")) {
            r.error(ErrorKind.KEY_NOT_ALLOWED, "groups", "groups merge the codes of a coded item; " + r.what()
                    + " is a number (use cutoffs)");
            return Optional.empty();
        }
        List<Level> levels = new ArrayList<>();
        if (!cutoffs.isEmpty()) {
            String below = side == CutoffSide.LOWER ? "le" : "lt";
            String above = side == CutoffSide.LOWER ? "gt" : "ge";
            String belowSign = side == CutoffSide.LOWER ? "≤ " : "< ";
            String aboveSign = side == CutoffSide.LOWER ? "> " : "≥ ";
            for (int i = 0; i <= cutoffs.size(); i++) {
                String lower = i == 0 ? null : plain(cutoffs.get(i - 1));
                String upper = i == cutoffs.size() ? null : plain(cutoffs.get(i));
                String code = (lower == null ? "" : above + lower) + (upper == null ? "" : below + upper);
                String label = lower == null ? belowSign + upper : upper == null ? aboveSign + lower
                        : aboveSign + lower + " to " + belowSign + upper;
                levels.add(new Level(code, LocalizedText.of(label), List.of(code), i + 1));
            }
        } else if (r.has("levels")) {
            r.error(ErrorKind.KEY_NOT_ALLOWED, "levels", r.what() + " has no levels to label without cut-offs");
            return Optional.empty();
        }
        return relabel(r, levels);
    }

    /** Levels of a coded item: its code list, or the study's groups of its codes. */
    private Optional<List<Level>> codedLevels(MapReader r, CodeList list, boolean multiple) {
        List<Level> levels = new ArrayList<>();
        if (!r.has("groups")) {
            for (CodeListItem item : list.items()) {
                levels.add(new Level(item.code(), item.label(), List.of(item.code()), levels.size() + 1));
            }
            return relabel(r, levels);
        }
        if (multiple) {
            r.error(ErrorKind.KEY_NOT_ALLOWED, "groups", "the codes of a multiple-choice item cannot be grouped");
            return Optional.empty();
        }
        Map<String, String> groupOfCode = new LinkedHashMap<>();
        boolean ok = true;
        for (Node n : r.list("groups")) {
            MapReader g = MapReader.of(source, n, "a group of " + r.what(), "code", "label", "codes");
            if (!g.valid()) {
                ok = false;
                continue;
            }
            Optional<String> code = g.id("code", IdStyle.CODE, true);
            Optional<LocalizedText> label = g.requiredText("label");
            List<String> codes = new ArrayList<>();
            for (Node c : g.requiredList("codes", ErrorKind.MISSING_KEY, "a group needs at least one code")) {
                Optional<String> value = scalar(c, "codes of " + g.what());
                if (value.isEmpty()) {
                    ok = false;
                } else if (!list.contains(value.get())) {
                    source.error(ErrorKind.UNKNOWN_REFERENCE, c, "'" + value.get() + "' is not a code of code list "
                            + list.id() + Suggestions.hint(value.get(), list.codes()));
                    ok = false;
                } else if (groupOfCode.putIfAbsent(value.get(), code.orElse("")) != null) {
                    source.error(ErrorKind.DUPLICATE_ID, c, "code '" + value.get() + "' is in two groups of " + r.what());
                    ok = false;
                } else {
                    codes.add(value.get());
                }
            }
            if (code.isEmpty() || label.isEmpty() || codes.isEmpty()) {
                ok = false;
                continue;
            }
            if (levels.stream().anyMatch(l -> l.code().equals(code.get()))) {
                g.error(ErrorKind.DUPLICATE_ID, "code", "group code '" + code.get() + "' is used twice in " + r.what());
                ok = false;
                continue;
            }
            levels.add(new Level(code.get(), label.get(), codes, levels.size() + 1));
        }
        List<String> left = list.codes().stream().filter(c -> !groupOfCode.containsKey(c)).toList();
        if (ok && !left.isEmpty()) {
            r.error(INVALID, "groups", "the groups of " + r.what() + " leave out code(s) " + String.join(", ", left)
                    + " of code list " + list.id());
            ok = false;
        }
        return ok ? relabel(r, levels) : Optional.empty();
    }

    /** Applies {@code levels: {code: label}} to the generated levels. */
    private Optional<List<Level>> relabel(MapReader r, List<Level> levels) {
        Optional<Node> node = r.get("levels");
        if (node.isEmpty()) {
            return Optional.of(levels);
        }
        if (!(node.get() instanceof MappingNode mapping)) {
            r.error(ErrorKind.WRONG_TYPE, "levels", "'levels' in " + r.what() + " must map level codes to labels,"
                    + " e.g. {le60: \"≤ 60 years\"}");
            return Optional.empty();
        }
        List<Level> out = new ArrayList<>(levels);
        boolean ok = true;
        for (NodeTuple t : mapping.getValue()) {
            Optional<String> code = scalar(t.getKeyNode(), "levels of " + r.what());
            Optional<LocalizedText> label = MapReader.localized(source, t.getValueNode(), "a level label of " + r.what());
            if (code.isEmpty() || label.isEmpty()) {
                ok = false;
                continue;
            }
            int index = indexOf(out, code.get());
            if (index < 0) {
                source.error(ErrorKind.UNKNOWN_REFERENCE, t.getKeyNode(), "'" + code.get() + "' is not a level of "
                        + r.what() + "; its levels are " + String.join(", ", out.stream().map(Level::code).toList())
                        + Suggestions.hint(code.get(), out.stream().map(Level::code).toList()));
                ok = false;
                continue;
            }
            Level l = out.get(index);
            out.set(index, new Level(l.code(), label.get(), l.codes(), l.rank()));
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static int indexOf(List<Level> levels, String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<AnalysisVariable> checkTest(MapReader r, AnalysisVariable v) {
        ComparisonTest t = v.test();
        if (t == null || t == ComparisonTest.NONE) {
            return Optional.of(v);
        }
        boolean fits = switch (t) {
            case CHI_SQUARE, FISHER, CHI_SQUARE_OR_FISHER -> v.categorised() && !v.multiple();
            case MANN_WHITNEY -> v.numeric() || v.type() == VariableType.ORDINAL;
            case T_TEST, WELCH -> v.numeric() && v.summary() != Summary.NONE;
            case NONE -> true;
        };
        if (!fits) {
            r.error(INVALID, "test", "test " + t.name().toLowerCase(Locale.ROOT) + " does not fit " + r.what()
                    + " (" + v.type().name().toLowerCase(Locale.ROOT) + (v.summary() != Summary.NONE
                    ? ", " + v.summary().name().toLowerCase(Locale.ROOT) : "") + (v.multiple() ? ", multiple choice" : "")
                    + ")");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The default variables: common baseline characteristics the baseline form collects. */
    private List<AnalysisVariable> defaultVariables() {
        FormDef baseline = forms.get(BASELINE);
        if (baseline == null) {
            return List.of();
        }
        record Spec(String item, Summary summary) {
        }
        List<Spec> specs = List.of(new Spec("age", Summary.MEAN_SD), new Spec("sex", Summary.NONE),
                new Spec("ecog", Summary.NONE), new Spec("child_pugh_class", Summary.NONE),
                new Spec("lesion_count", Summary.MEDIAN_IQR), new Spec("largest_diameter_mm", Summary.MEAN_SD),
                new Spec("macrovascular_invasion", Summary.NONE), new Spec("extrahepatic_spread", Summary.NONE));
        List<AnalysisVariable> out = new ArrayList<>();
        for (Spec s : specs) {
            Optional<ItemDef> item = baseline.item(s.item());
            if (item.isEmpty()) {
                continue;
            }
            ItemDef i = item.get();
            if (i.numeric()) {
                out.add(new AnalysisVariable(i.id(), withUnit(i.label(), i.unit()), BASELINE, i.id(), null,
                        VariableType.CONTINUOUS, s.summary(), List.of(), CutoffSide.LOWER, List.of(), false, null,
                        Math.max(1, i.precision() == null ? 0 : i.precision()), sectionAt));
            } else {
                Optional<CodeList> list = i.codeList().map(codeLists::get);
                if (list.isEmpty()) {
                    continue;
                }
                List<Level> levels = new ArrayList<>();
                list.get().items().forEach(c -> levels.add(new Level(c.code(), c.label(), List.of(c.code()),
                        levels.size() + 1)));
                out.add(new AnalysisVariable(i.id(), i.label(), BASELINE, i.id(), null,
                        list.get().ordinal() ? VariableType.ORDINAL : VariableType.CATEGORICAL, Summary.NONE, List.of(),
                        CutoffSide.LOWER, levels, false, null, 1, sectionAt));
            }
        }
        return out;
    }

    private static LocalizedText withUnit(LocalizedText label, String unit) {
        if (unit == null || unit.isBlank()) {
            return label;
        }
        return LocalizedText.of(label.en() + " (" + unit + ")", label.zh() == null ? null : label.zh() + " (" + unit + ")");
    }

    private List<String> references(MapReader r, String key, Map<String, AnalysisVariable> byId, boolean categorised) {
        List<String> out = new ArrayList<>();
        for (Node n : r.list(key)) {
            Optional<String> id = scalar(n, "analysis." + key);
            if (id.isEmpty()) {
                continue;
            }
            AnalysisVariable v = byId.get(id.get());
            if (v == null) {
                source.error(ErrorKind.UNKNOWN_REFERENCE, n, "analysis." + key + " names unknown variable '" + id.get()
                        + "'" + Suggestions.hint(id.get(), byId.keySet()));
            } else if (categorised && !v.categorised()) {
                source.error(INVALID, n, "subgroup variable '" + id.get() + "' has no levels; give it cut-offs");
            } else if (out.contains(id.get())) {
                source.error(ErrorKind.DUPLICATE_ID, n, "variable '" + id.get() + "' appears twice in analysis." + key);
            } else {
                out.add(id.get());
            }
        }
        return out;
    }

    // ---- tests, survival, Cox -----------------------------------------------------------------

    private Tests tests(MapReader a) {
        Tests d = Tests.DEFAULT;
        return new Tests(a.enumValue("categorical", ComparisonTest.class, INVALID).orElse(d.categorical()),
                a.enumValue("ordinal", ComparisonTest.class, INVALID).orElse(d.ordinal()),
                a.enumValue("continuous", ComparisonTest.class, INVALID).orElse(d.continuous()),
                a.enumValue("continuousMedian", ComparisonTest.class, INVALID).orElse(d.continuousMedian()));
    }

    private Survival defaultSurvival() {
        List<Endpoint> endpoints = availableEndpoints();
        return new Survival(endpoints, List.of(BigDecimal.valueOf(6), BigDecimal.valueOf(12), BigDecimal.valueOf(24)),
                MedianCi.R_LOG, LandmarkCi.LOG, endpoints.contains(Endpoint.OS) ? List.of(Endpoint.OS) : endpoints);
    }

    /** OS needs survival contacts; PFS and TTP need tumour assessments. */
    private List<Endpoint> availableEndpoints() {
        List<Endpoint> out = new ArrayList<>();
        if (forms.containsKey(SURVIVAL_CONTACT)) {
            out.add(Endpoint.OS);
        }
        if (forms.containsKey(IMAGING) && forms.containsKey(SESSION)) {
            out.add(Endpoint.PFS);
            out.add(Endpoint.TTP);
        }
        return out;
    }

    private Survival survival(MapReader a) {
        Survival d = defaultSurvival();
        List<Endpoint> endpoints = a.has("endpoints") ? endpoints(a, "endpoints") : d.endpoints();
        List<BigDecimal> landmarks = d.landmarksMonths();
        if (a.has("landmarks")) {
            landmarks = new ArrayList<>();
            for (Node n : a.list("landmarks")) {
                Optional<BigDecimal> m = a.decimal(n, "landmarks");
                if (m.isPresent() && (m.get().signum() <= 0 || m.get().compareTo(BigDecimal.valueOf(240)) > 0)) {
                    source.error(INVALID, n, "a landmark must be more than 0 and at most 240 months");
                } else if (m.isPresent() && !landmarks.isEmpty() && m.get().compareTo(landmarks.get(landmarks.size() - 1)) <= 0) {
                    source.error(INVALID, n, "the landmarks must increase");
                } else {
                    m.ifPresent(landmarks::add);
                }
            }
        }
        List<Endpoint> subgroupEndpoints = a.has("subgroupEndpoints") ? endpoints(a, "subgroupEndpoints")
                : endpoints.contains(Endpoint.OS) ? List.of(Endpoint.OS) : endpoints;
        return new Survival(endpoints, landmarks, a.enumValue("medianCi", MedianCi.class, INVALID).orElse(d.medianCi()),
                a.enumValue("landmarkCi", LandmarkCi.class, INVALID).orElse(d.landmarkCi()), subgroupEndpoints);
    }

    private List<Endpoint> endpoints(MapReader a, String key) {
        List<Endpoint> available = availableEndpoints();
        List<Endpoint> out = new ArrayList<>();
        for (Node n : a.list(key)) {
            Optional<Endpoint> e = enumOf(n, Endpoint.class, a.what() + "." + key);
            if (e.isEmpty()) {
                continue;
            }
            if (!available.contains(e.get())) {
                source.error(INVALID, n, e.get().name() + " needs " + (e.get() == Endpoint.OS
                        ? "the survival_contact form" : "the imaging_assessment and tace_session forms")
                        + ", which the study does not collect");
            } else if (!out.contains(e.get())) {
                out.add(e.get());
            }
        }
        return out;
    }

    private Cox defaultCox() {
        List<Endpoint> endpoints = availableEndpoints().contains(Endpoint.OS) ? List.of(Endpoint.OS) : List.of();
        return new Cox(endpoints, CoxTies.EFRON, Multivariate.ENTER, 0.05, 0.10, List.of());
    }

    private Cox cox(MapReader a, Map<String, AnalysisVariable> byId) {
        Cox d = defaultCox();
        List<Endpoint> endpoints = a.has("endpoints") ? endpoints(a, "endpoints") : d.endpoints();
        double entry = probability(a, "entryP", d.entryP());
        double removal = probability(a, "removalP", d.removalP());
        if (entry > removal) {
            a.error(INVALID, "entryP", "analysis.cox.entryP (" + entry + ") must not exceed removalP (" + removal + ")");
        }
        List<CoxCovariate> covariates = new ArrayList<>();
        for (Node n : a.list("covariates")) {
            MapReader c = MapReader.of(source, n, "a Cox covariate", "variable", "as", "reference");
            if (!c.valid() || !c.require("variable")) {
                continue;
            }
            String id = c.string("variable").orElse("");
            AnalysisVariable v = byId.get(id);
            if (v == null) {
                c.error(ErrorKind.UNKNOWN_REFERENCE, "variable", "Cox covariate names unknown variable '" + id + "'"
                        + Suggestions.hint(id, byId.keySet()));
                continue;
            }
            if (covariates.stream().anyMatch(x -> x.variable().equals(id))) {
                c.error(ErrorKind.DUPLICATE_ID, "variable", "variable '" + id + "' is a Cox covariate twice");
                continue;
            }
            Coding natural = v.numeric() && !v.categorised() ? Coding.NUMBER : Coding.CATEGORIES;
            Optional<Coding> coding = c.enumValue("as", Coding.class, INVALID);
            if (c.has("as") && coding.isEmpty()) {
                continue;
            }
            Coding as = coding.orElse(natural);
            if (as == Coding.NUMBER && !v.numeric() && v.type() != VariableType.ORDINAL) {
                c.error(INVALID, "as", "variable '" + id + "' is categorical and cannot enter as a number");
                continue;
            }
            if (as == Coding.CATEGORIES && v.levels().size() < 2) {
                c.error(INVALID, "variable", "variable '" + id + "' needs at least two levels (cut-offs) to enter as"
                        + " categories");
                continue;
            }
            String reference = null;
            if (as == Coding.CATEGORIES) {
                reference = c.string("reference").orElse(v.levels().get(0).code());
                if (v.level(reference).isEmpty()) {
                    List<String> codes = v.levels().stream().map(Level::code).toList();
                    c.error(ErrorKind.UNKNOWN_REFERENCE, "reference", "'" + reference + "' is not a level of variable '"
                            + id + "'; its levels are " + String.join(", ", codes) + Suggestions.hint(reference, codes));
                    continue;
                }
            } else if (c.has("reference")) {
                c.error(ErrorKind.KEY_NOT_ALLOWED, "reference", "a covariate entered as a number has no reference level");
                continue;
            }
            covariates.add(new CoxCovariate(id, as, reference));
        }
        return new Cox(endpoints, a.enumValue("ties", CoxTies.class, INVALID).orElse(d.ties()),
                a.enumValue("multivariate", Multivariate.class, INVALID).orElse(d.multivariate()), entry, removal,
                covariates);
    }

    private double probability(MapReader a, String key, double defaultValue) {
        return a.decimal(key).map(BigDecimal::doubleValue).filter(p -> {
            if (!(p > 0 && p < 1)) {
                a.error(INVALID, key, a.what() + "." + key + " must lie between 0 and 1, found " + p);
                return false;
            }
            return true;
        }).orElse(defaultValue);
    }

    // ---- response, labs, QoL, markers ---------------------------------------------------------

    private List<ResponseCriteria> defaultCriteria() {
        return List.of(ResponseCriteria.MRECIST, ResponseCriteria.RECIST_1_1);
    }

    /** Follow-up visits with timing that collect tumour assessments (once, or after each TACE). */
    private List<String> defaultTimePoints() {
        return schedule.stream().filter(v -> responseVisit(v)
                        && (!v.repeating() || v.timing().anchor() == Anchor.EACH_TACE))
                .map(VisitDef::id).toList();
    }

    private static boolean responseVisit(VisitDef v) {
        return v.type() == VisitType.FOLLOW_UP && v.timing() != null && v.collects(IMAGING);
    }

    private Responses response(MapReader a) {
        List<ResponseCriteria> criteria = defaultCriteria();
        if (a.has("criteria")) {
            criteria = new ArrayList<>();
            for (Node n : a.list("criteria")) {
                Optional<ResponseCriteria> c = enumOf(n, ResponseCriteria.class, "analysis.response.criteria");
                if (c.isPresent() && !criteria.contains(c.get())) {
                    criteria.add(c.get());
                }
            }
        }
        List<String> timePoints = defaultTimePoints();
        if (a.has("timePoints")) {
            timePoints = new ArrayList<>();
            for (Node n : a.list("timePoints")) {
                Optional<String> id = scalar(n, "analysis.response.timePoints");
                if (id.isEmpty()) {
                    continue;
                }
                Optional<VisitDef> visit = schedule.stream().filter(v -> v.id().equals(id.get())).findFirst();
                if (visit.isEmpty()) {
                    source.error(ErrorKind.UNKNOWN_REFERENCE, n, "analysis.response.timePoints names unknown visit '"
                            + id.get() + "'" + Suggestions.hint(id.get(), schedule.stream().map(VisitDef::id).toList()));
                } else if (!responseVisit(visit.get())) {
                    source.error(INVALID, n, "visit '" + id.get() + "' is not a follow-up visit with timing that"
                            + " collects imaging_assessment, so it has no protocol time point");
                } else {
                    timePoints.add(id.get());
                }
            }
        }
        return new Responses(criteria, timePoints);
    }

    /** Laboratory items with a change-from-pre item in post_labs, in form order. */
    private List<String> changeAnalytes() {
        FormDef post = forms.get(POST_LABS);
        if (post == null) {
            return List.of();
        }
        return post.items().stream().filter(i -> i.calculated()
                        && i.calculation().derivation() == DerivationKind.LAB_CHANGE_FROM_PRE)
                .map(i -> i.calculation().argument()).toList();
    }

    private LabChange labChange(MapReader a) {
        List<String> possible = changeAnalytes();
        List<String> analytes = possible;
        if (a.has("analytes")) {
            if (possible.isEmpty()) {
                a.error(INVALID, "analytes", "laboratory change needs the post_labs form, which the study does not"
                        + " collect");
            }
            analytes = choose(a, "analytes", possible, "a laboratory item with a change from before the procedure");
        }
        return new LabChange(analytes, a.enumValue("sessions", Sessions.class, INVALID).orElse(Sessions.FIRST));
    }

    private Qol defaultQol() {
        List<String> visits = schedule.stream().filter(v -> v.collects(QLQ)).map(VisitDef::id).toList();
        return new Qol(visits.isEmpty() ? null : visits.get(0), visits.size() > 1 ? visits.get(1) : null,
                forms.containsKey(QLQ) ? QLQ_SCALES.stream().map(s -> s + "_score").toList() : List.of());
    }

    private Qol qol(MapReader a) {
        Qol d = defaultQol();
        if (!forms.containsKey(QLQ)) {
            a.error(INVALID, a.has("before") ? "before" : "scales", "quality of life needs the qlq_c30 form, which"
                    + " the study does not collect");
            return d;
        }
        String before = a.has("before") ? qolVisit(a, "before").orElse(d.before()) : d.before();
        String after = a.has("after") ? qolVisit(a, "after").orElse(d.after()) : d.after();
        if (before != null && before.equals(after)) {
            a.error(INVALID, "after", "the questionnaires before and after must be at different visits");
        }
        List<String> scales = d.scales();
        if (a.has("scales")) {
            scales = choose(a, "scales", QLQ_SCALES, "a QLQ-C30 scale").stream().map(s -> s + "_score").toList();
        }
        return new Qol(before, after, scales);
    }

    private Optional<String> qolVisit(MapReader a, String key) {
        String id = a.string(key).orElse("");
        List<String> visits = schedule.stream().filter(v -> v.collects(QLQ)).map(VisitDef::id).toList();
        if (!visits.contains(id)) {
            a.error(ErrorKind.UNKNOWN_REFERENCE, key, "analysis.qol." + key + " names '" + id
                    + "', which is not a visit collecting qlq_c30 (" + String.join(", ", visits) + ")"
                    + Suggestions.hint(id, visits));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** Markers of the tumour-marker form with a response item. */
    private List<String> responseMarkers() {
        FormDef f = forms.get(MARKERS);
        if (f == null) {
            return List.of();
        }
        return f.items().stream().filter(i -> i.calculated()
                && i.calculation().derivation() == DerivationKind.BIOMARKER_RESPONSE)
                .map(i -> i.calculation().argument()).toList();
    }

    private String defaultMarkerTimePoint() {
        return schedule.stream().filter(v -> responseVisit(v) && !v.repeating() && v.collects(MARKERS))
                .map(VisitDef::id).findFirst().orElse(AnalysisConfig.BEST);
    }

    private Biomarkers biomarkers(MapReader a) {
        List<String> possible = responseMarkers();
        if (possible.isEmpty()) {
            a.error(INVALID, a.has("markers") ? "markers" : "timePoint", "the biomarker analysis needs the"
                    + " tumour_markers form, which the study does not collect");
            return new Biomarkers(List.of(), AnalysisConfig.BEST);
        }
        List<String> markers = a.has("markers") ? choose(a, "markers", possible, "a tumour marker with a response")
                : possible;
        String timePoint = defaultMarkerTimePoint();
        if (a.has("timePoint")) {
            String id = a.string("timePoint").orElse("");
            List<String> allowed = new ArrayList<>(schedule.stream().filter(v -> responseVisit(v) && !v.repeating()
                    && v.collects(MARKERS)).map(VisitDef::id).toList());
            allowed.add(AnalysisConfig.BEST);
            if (!allowed.contains(id)) {
                a.error(ErrorKind.UNKNOWN_REFERENCE, "timePoint", "analysis.biomarkers.timePoint '" + id + "' must be"
                        + " one of " + String.join(", ", allowed) + Suggestions.hint(id, allowed));
            } else {
                timePoint = id;
            }
        }
        return new Biomarkers(markers, timePoint);
    }

    // ---- tables -------------------------------------------------------------------------------

    private Set<Table> possibleTables(List<String> baseline, List<String> subgroups, Survival survival, Cox cox,
                                      LabChange labChange, Qol qol) {
        Set<Table> out = EnumSet.of(Table.CONSORT);
        if (!baseline.isEmpty()) {
            out.add(Table.BASELINE);
        }
        if (forms.containsKey(SESSION)) {
            out.add(Table.EXPOSURE);
        }
        if (forms.containsKey(IMAGING)) {
            out.add(Table.RESPONSE);
        }
        if (!survival.endpoints().isEmpty()) {
            out.add(Table.SURVIVAL);
        }
        if (!subgroups.isEmpty() && !survival.subgroupEndpoints().isEmpty()) {
            out.add(Table.SUBGROUPS);
        }
        if (!cox.covariates().isEmpty() && !cox.endpoints().isEmpty()) {
            out.add(Table.COX);
        }
        if (forms.containsKey(AE)) {
            out.add(Table.ADVERSE_EVENTS);
        }
        if (!labChange.analytes().isEmpty()) {
            out.add(Table.LAB_CHANGE);
        }
        if (qol.before() != null && qol.after() != null && !qol.scales().isEmpty()) {
            out.add(Table.QOL);
        }
        if (forms.containsKey(MARKERS) && forms.containsKey(IMAGING) && !responseMarkers().isEmpty()) {
            out.add(Table.BIOMARKERS);
        }
        return out;
    }

    private Set<Table> tables(MapReader r, Set<Table> possible) {
        Set<Table> out = new LinkedHashSet<>();
        for (Node n : r.list("tables")) {
            Optional<Table> t = enumOf(n, Table.class, "analysis.tables");
            if (t.isEmpty()) {
                continue;
            }
            if (!possible.contains(t.get())) {
                source.error(INVALID, n, "table " + t.get().name().toLowerCase(Locale.ROOT) + " cannot be produced: "
                        + why(t.get()));
            } else {
                out.add(t.get());
            }
        }
        return out;
    }

    private static String why(Table t) {
        return switch (t) {
            case BASELINE -> "no baseline variables";
            case EXPOSURE -> "the study does not collect tace_session";
            case RESPONSE -> "the study does not collect imaging_assessment";
            case SURVIVAL -> "no survival endpoint";
            case SUBGROUPS -> "no subgroup variables or subgroup endpoints";
            case COX -> "no Cox covariates or endpoints";
            case ADVERSE_EVENTS -> "the study does not collect adverse_event";
            case LAB_CHANGE -> "the study does not collect post_labs";
            case QOL -> "qlq_c30 is not collected at two visits";
            case BIOMARKERS -> "the study does not collect tumour_markers and imaging_assessment";
            case CONSORT -> "";
        };
    }

    // ---- small readers ------------------------------------------------------------------------

    private List<String> choose(MapReader a, String key, List<String> allowed, String what) {
        List<String> out = new ArrayList<>();
        for (Node n : a.list(key)) {
            Optional<String> v = scalar(n, a.what() + "." + key).map(s -> s.toLowerCase(Locale.ROOT));
            if (v.isEmpty()) {
                continue;
            }
            if (!allowed.contains(v.get())) {
                source.error(ErrorKind.UNKNOWN_REFERENCE, n, "'" + v.get() + "' in " + a.what() + "." + key + " is not "
                        + what + "; use one of " + String.join(", ", allowed) + Suggestions.hint(v.get(), allowed));
            } else if (!out.contains(v.get())) {
                out.add(v.get());
            }
        }
        return out;
    }

    private <E extends Enum<E>> Optional<E> enumOf(Node n, Class<E> type, String what) {
        return scalar(n, what).flatMap(text -> {
            Optional<E> value = Names.parse(type, text);
            if (value.isEmpty()) {
                List<String> names = Names.yamlNames(type);
                source.error(INVALID, n, "'" + text + "' in " + what + " is not valid; use one of "
                        + String.join(", ", names) + Suggestions.hint(text, names));
            }
            return value;
        });
    }

    private Optional<String> scalar(Node n, String what) {
        if (n instanceof ScalarNode s && !MapReader.isNull(n) && !s.getValue().isBlank()) {
            return Optional.of(s.getValue().strip());
        }
        source.error(ErrorKind.WRONG_TYPE, n, "each entry of " + what + " must be a single value, found "
                + MapReader.describe(n));
        return Optional.empty();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
