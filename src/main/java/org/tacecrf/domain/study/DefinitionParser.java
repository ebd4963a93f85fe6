package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import org.tacecrf.domain.study.MapReader.IdStyle;

/**
 * Reads code lists, item groups, forms, items and form extensions. Shared by the form library and
 * study files so that both follow exactly the same rules.
 */
final class DefinitionParser {

    static final List<String> CODE_LIST_KEYS = List.of("id", "label", "items");
    static final List<String> CODE_KEYS = List.of("code", "label", "rank");
    static final List<String> GROUP_KEYS = List.of("id", "label", "repeating", "maxRepeats", "domain", "items", "use");
    static final List<String> FORM_KEYS = List.of("id", "label", "repeating", "domain", "groups");
    static final List<String> EXTENSION_KEYS = List.of("extends", "add", "override");
    static final List<String> ADD_KEYS = List.of("group", "label", "repeating", "maxRepeats", "domain", "items");
    static final List<String> OVERRIDE_KEYS = List.of("label", "help", "required", "hardRange", "softRange");
    static final List<String> ITEM_KEYS = List.of("id", "label", "type", "precision", "maxLength", "codeList", "unit",
            "altUnits", "hardRange", "softRange", "required", "help", "cdash", "testCode", "identifying", "derive", "of",
            "expression", "valueType", "visibleWhen");

    /** Code list of {@link ItemType#YES_NO} items. */
    static final String YES_NO_LIST = "yes_no";
    /** Maximum length of a text item that does not set one. */
    static final int DEFAULT_TEXT_LENGTH = 200;

    private static final Map<String, DataType> VALUE_TYPES = Map.of(
            "integer", DataType.INTEGER, "decimal", DataType.FLOAT, "text", DataType.TEXT, "date", DataType.DATE);

    private final Source source;
    private final Origin origin;
    private final Set<String> knownCodeLists;

    /**
     * @param knownCodeLists ids of every code list items may refer to (library, study and
     *                       study-supplied lists)
     */
    DefinitionParser(Source source, Origin origin, Set<String> knownCodeLists) {
        this.source = source;
        this.origin = origin;
        this.knownCodeLists = knownCodeLists;
    }

    // ---- code lists ------------------------------------------------------------------------

    Optional<CodeList> codeList(Node node) {
        MapReader r = MapReader.of(source, node, named("code list", node, "id"), CODE_LIST_KEYS);
        if (!r.valid()) {
            return Optional.empty();
        }
        Optional<String> id = r.id("id", IdStyle.NAME, true);
        LocalizedText label = r.text("label").orElse(null);
        List<CodeListItem> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node n : r.requiredList("items", ErrorKind.INVALID_CODE_LIST, r.what() + " has no items")) {
            MapReader ir = MapReader.of(source, n, "an item of " + r.what(), CODE_KEYS);
            if (!ir.valid()) {
                continue;
            }
            Optional<String> code = ir.id("code", IdStyle.CODE, true);
            Optional<LocalizedText> itemLabel = ir.requiredText("label");
            Integer rank = ir.integer("rank").orElse(null);
            if (code.isPresent() && !codes.add(code.get())) {
                ir.error(ErrorKind.DUPLICATE_ID, "code", "code '" + code.get() + "' appears twice in " + r.what());
                continue;
            }
            if (code.isPresent() && itemLabel.isPresent()) {
                items.add(new CodeListItem(code.get(), itemLabel.get(), rank, ir.location()));
            }
        }
        long ranked = items.stream().filter(i -> i.rank() != null).count();
        if (ranked > 0 && ranked < items.size()) {
            r.error(ErrorKind.INVALID_CODE_LIST, "items", "either every item of " + r.what()
                    + " has a rank or none has (" + ranked + " of " + items.size() + " have one)");
        }
        if (id.isEmpty() || items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CodeList(id.get(), label != null ? label : LocalizedText.of(id.get()), items, origin,
                r.location()));
    }

    // ---- item groups -----------------------------------------------------------------------

    /** A reusable group from an {@code itemGroups:} section; it must name its own domain. */
    Optional<ItemGroupDef> template(Node node) {
        MapReader r = MapReader.of(source, node, named("item group", node, "id"), GROUP_KEYS);
        if (!r.valid()) {
            return Optional.empty();
        }
        r.forbid("use", "'use:' belongs in the groups of a form");
        return group(r, null);
    }

    /** A group entry of a form: an inline group, or {@code use: <id>} of a reusable group. */
    Optional<FormSpecs.GroupEntry> groupEntry(Node node, CdashDomain formDomain) {
        MapReader r = MapReader.of(source, node, named("group", node, "id"), GROUP_KEYS);
        if (!r.valid()) {
            return Optional.empty();
        }
        if (r.has("use")) {
            for (String key : List.of("id", "label", "repeating", "maxRepeats", "domain", "items")) {
                r.forbid(key, "a 'use:' entry takes the reusable group as it is");
            }
            return r.id("use", IdStyle.NAME, true).map(id -> new FormSpecs.Use(id, r.at("use")));
        }
        return group(r, formDomain).map(FormSpecs.Inline::new);
    }

    private Optional<ItemGroupDef> group(MapReader r, CdashDomain inheritedDomain) {
        Optional<String> id = r.id("id", IdStyle.NAME, true);
        Optional<LocalizedText> label = r.requiredText("label");
        boolean repeating = r.bool("repeating", false);
        Integer maxRepeats = maxRepeats(r, repeating);
        CdashDomain domain = inheritedDomain == null
                ? r.requiredEnum("domain", CdashDomain.class, ErrorKind.INVALID_VALUE).orElse(null)
                : r.enumValue("domain", CdashDomain.class, ErrorKind.INVALID_VALUE).orElse(inheritedDomain);
        List<ItemDef> items = items(r, "items");
        if (id.isEmpty() || label.isEmpty() || domain == null || items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ItemGroupDef(id.get(), label.get(), repeating, maxRepeats, domain, items, origin,
                r.location()));
    }

    private Integer maxRepeats(MapReader r, boolean repeating) {
        if (!repeating) {
            r.forbid("maxRepeats", "only a repeating group has a maximum number of rows");
            return null;
        }
        return r.integer("maxRepeats", 1, 1000, ErrorKind.INVALID_VALUE).orElse(null);
    }

    /** The items of a group; reports empty lists and duplicate ids within the list. */
    private List<ItemDef> items(MapReader r, String key) {
        List<Node> nodes = r.requiredList(key, ErrorKind.MISSING_KEY, r.what() + " has no items");
        Map<String, ItemDef> items = new LinkedHashMap<>();
        for (Node n : nodes) {
            item(n).ifPresent(item -> {
                if (items.putIfAbsent(item.id(), item) != null) {
                    source.error(ErrorKind.DUPLICATE_ID, item.location(), "item id '" + item.id()
                            + "' appears twice in " + r.what());
                }
            });
        }
        return List.copyOf(items.values());
    }

    // ---- forms -----------------------------------------------------------------------------

    /** A form definition; {@code r} was created with at least {@link #FORM_KEYS}. */
    Optional<FormSpecs.Form> form(MapReader r) {
        Optional<String> id = r.id("id", IdStyle.NAME, true);
        Optional<LocalizedText> label = r.requiredText("label");
        boolean repeating = r.bool("repeating", false);
        Optional<CdashDomain> domain = r.requiredEnum("domain", CdashDomain.class, ErrorKind.INVALID_VALUE);
        List<FormSpecs.GroupEntry> groups = new ArrayList<>();
        // groups are read even without a valid domain, so that their errors are reported too
        for (Node n : r.requiredList("groups", ErrorKind.MISSING_KEY, r.what() + " has no groups")) {
            groupEntry(n, domain.orElse(CdashDomain.CO)).ifPresent(groups::add);
        }
        if (id.isEmpty() || label.isEmpty() || domain.isEmpty() || groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FormSpecs.Form(id.get(), label.get(), repeating, domain.get(), groups, origin,
                r.location()));
    }

    /** A study's {@code extends:} entry; {@code r} was created with the extension keys. */
    Optional<FormSpecs.Extension> extension(MapReader r) {
        for (String key : FORM_KEYS) {
            r.forbid(key, "an 'extends:' entry keeps the built-in form's id, label and groups;"
                    + " add items with 'add:' and change built-in items with 'override:'");
        }
        Optional<String> base = r.id("extends", IdStyle.NAME, true);
        List<FormSpecs.Addition> additions = new ArrayList<>();
        for (Node n : r.list("add")) {
            addition(n).ifPresent(additions::add);
        }
        List<FormSpecs.Override> overrides = r.get("override").map(this::overrides).orElse(List.of());
        if (!r.has("add") && !r.has("override")) {
            source.error(ErrorKind.MISSING_KEY, r.location(), "an 'extends:' entry needs 'add:' or 'override:'");
        }
        return base.map(b -> new FormSpecs.Extension(b, additions, overrides, r.at("extends"), r.location()));
    }

    private Optional<FormSpecs.Addition> addition(Node node) {
        MapReader r = MapReader.of(source, node, "an 'add' entry", ADD_KEYS);
        if (!r.valid()) {
            return Optional.empty();
        }
        Optional<String> group = r.id("group", IdStyle.NAME, true);
        LocalizedText label = r.text("label").orElse(null);
        boolean repeating = r.bool("repeating", false);
        Integer maxRepeats = maxRepeats(r, repeating);
        CdashDomain domain = r.enumValue("domain", CdashDomain.class, ErrorKind.INVALID_VALUE).orElse(null);
        List<SourceLocation> groupKeys = new ArrayList<>();
        for (String key : List.of("label", "repeating", "maxRepeats", "domain")) {
            if (r.has(key)) {
                groupKeys.add(r.keyAt(key));
            }
        }
        List<ItemDef> items = items(r, "items");
        return group.map(g -> new FormSpecs.Addition(g, label, repeating, maxRepeats, domain, items, groupKeys,
                r.location()));
    }

    private List<FormSpecs.Override> overrides(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            source.error(ErrorKind.WRONG_TYPE, node, "'override' must map item ids to changes, found "
                    + MapReader.describe(node));
            return List.of();
        }
        List<FormSpecs.Override> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                source.error(ErrorKind.WRONG_TYPE, t.getKeyNode(), "an 'override' key must be an item id");
                continue;
            }
            String itemId = key.getValue();
            if (!seen.add(itemId)) {
                source.error(ErrorKind.DUPLICATE_KEY, key, "item '" + itemId + "' is overridden twice");
                continue;
            }
            MapReader r = MapReader.of(source, t.getValueNode(), "the override of item '" + itemId + "'", OVERRIDE_KEYS);
            if (!r.valid()) {
                continue;
            }
            result.add(new FormSpecs.Override(itemId, r.text("label").orElse(null), r.text("help").orElse(null),
                    r.bool("required").orElse(null), range(r, "hardRange", false).orElse(null), r.at("hardRange"),
                    range(r, "softRange", false).orElse(null), r.at("softRange"), source.at(key)));
        }
        return result;
    }

    // ---- items -----------------------------------------------------------------------------

    Optional<ItemDef> item(Node node) {
        MapReader r = MapReader.of(source, node, named("item", node, "id"), ITEM_KEYS);
        if (!r.valid()) {
            return Optional.empty();
        }
        Optional<String> id = r.id("id", IdStyle.NAME, true);
        Optional<LocalizedText> label = r.requiredText("label");
        Optional<ItemType> type = r.requiredEnum("type", ItemType.class, ErrorKind.INVALID_VALUE);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        ItemType t = type.get();
        boolean calc = t == ItemType.CALCULATED;
        Calculation calculation = null;
        if (calc) {
            Optional<Calculation> c = calculation(r);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            calculation = c.get();
        } else {
            for (String key : List.of("derive", "of", "expression", "valueType")) {
                r.forbid(key, "only calculated items have it");
            }
        }
        DataType dataType = ItemDef.dataType(t, calculation);
        boolean numeric = dataType.numeric();

        Integer precision = null;
        if (t == ItemType.DECIMAL) {
            if (!r.has("precision")) {
                source.error(ErrorKind.INVALID_PRECISION, r.location(), r.what()
                        + " is decimal and needs 'precision' (the number of decimal places)");
            }
            precision = r.integer("precision", 0, 10, ErrorKind.INVALID_PRECISION).orElse(null);
        } else if (calc && dataType == DataType.FLOAT) {
            precision = r.integer("precision", 0, 10, ErrorKind.INVALID_PRECISION).orElse(null);
        } else {
            r.forbid("precision", "only decimal items and calculated decimals have decimal places");
        }

        Integer maxLength = null;
        if (t == ItemType.TEXT) {
            maxLength = r.integer("maxLength", 1, 4000, ErrorKind.INVALID_VALUE).orElse(DEFAULT_TEXT_LENGTH);
        } else {
            r.forbid("maxLength", "only text items have a maximum length");
        }

        String codeListId = null;
        if (t == ItemType.CHOICE || t == ItemType.MULTI_CHOICE) {
            codeListId = codeListReference(r, true);
        } else if (t == ItemType.YES_NO) {
            r.forbid("codeList", "yes/no items use the built-in yes_no list; use type choice for another list");
            codeListId = YES_NO_LIST;
        } else if (calc && dataType == DataType.TEXT) {
            codeListId = codeListReference(r, false);
        } else {
            r.forbid("codeList", "only choice, multi-choice and calculated text items use a code list");
        }

        String unit = null;
        List<AlternativeUnit> alternativeUnits = List.of();
        NumericRange hard = NumericRange.UNBOUNDED;
        NumericRange soft = NumericRange.UNBOUNDED;
        if (numeric) {
            unit = r.string("unit").orElse(null);
            alternativeUnits = alternativeUnits(r, unit);
            boolean whole = dataType == DataType.INTEGER;
            if (calc) {
                r.forbid("hardRange", "a calculated value cannot be refused; use softRange to warn");
            } else {
                hard = range(r, "hardRange", whole).orElse(NumericRange.UNBOUNDED);
            }
            soft = range(r, "softRange", whole).orElse(NumericRange.UNBOUNDED);
            if (!soft.isUnbounded() && !soft.within(hard)) {
                r.error(ErrorKind.INVALID_RANGE, "softRange", "the soft range " + soft + " of " + r.what()
                        + " lies outside its hard range " + hard);
                soft = NumericRange.UNBOUNDED;
            }
        } else {
            for (String key : List.of("unit", "altUnits", "hardRange", "softRange")) {
                r.forbid(key, "only numeric items have units and ranges");
            }
        }

        boolean required = false;
        if (calc) {
            r.forbid("required", "calculated items are never entered");
        } else {
            required = r.bool("required", false);
        }
        LocalizedText help = r.text("help").orElse(null);
        String cdash = cdiscName(r, "cdash");
        String testCode = cdiscName(r, "testCode");
        boolean identifying = r.bool("identifying", false);
        Expression visibleWhen = expression(r, "visibleWhen");
        if (id.isEmpty() || label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ItemDef(id.get(), label.get(), t, precision, maxLength, codeListId, unit,
                alternativeUnits, hard, soft, required, help, cdash, testCode, identifying, calculation, visibleWhen,
                origin, r.location()));
    }

    private String codeListReference(MapReader r, boolean required) {
        Optional<String> id = r.id("codeList", IdStyle.NAME, required);
        if (id.isPresent() && !knownCodeLists.contains(id.get())) {
            r.error(ErrorKind.UNKNOWN_REFERENCE, "codeList", r.what() + " refers to unknown code list '" + id.get()
                    + "'" + Suggestions.hint(id.get(), knownCodeLists));
            return null;
        }
        return id.orElse(null);
    }

    private Optional<Calculation> calculation(MapReader r) {
        boolean derive = r.has("derive");
        boolean expression = r.has("expression");
        if (derive && expression) {
            source.error(ErrorKind.KEY_NOT_ALLOWED, r.keyAt("expression"), r.what()
                    + " has both 'derive' and 'expression'; a calculated item has one of them");
            return Optional.empty();
        }
        if (!derive && !expression) {
            source.error(ErrorKind.MISSING_KEY, r.location(), r.what()
                    + " is calculated and needs 'derive: <derivation>' or 'expression: <text>'");
            return Optional.empty();
        }
        if (expression) {
            r.forbid("of", "'of' is the argument of a derivation");
            Expression e = expression(r, "expression");
            Optional<DataType> valueType = r.requiredString("valueType").flatMap(v -> {
                DataType dt = VALUE_TYPES.get(v.toLowerCase(java.util.Locale.ROOT));
                if (dt == null) {
                    r.error(ErrorKind.INVALID_VALUE, "valueType", "'" + v + "' is not a valid valueType in " + r.what()
                            + "; use one of integer, decimal, text, date");
                }
                return Optional.ofNullable(dt);
            });
            return e == null || valueType.isEmpty() ? Optional.empty()
                    : Optional.of(Calculation.expression(e, valueType.get()));
        }
        r.forbid("valueType", "the derivation determines the value type");
        String name = r.string("derive").orElse("");
        Optional<DerivationKind> kind = Names.parse(DerivationKind.class, name);
        if (kind.isEmpty()) {
            List<String> names = Names.yamlNames(DerivationKind.class);
            r.error(ErrorKind.UNKNOWN_DERIVATION, "derive", "unknown derivation '" + name + "' in " + r.what()
                    + Suggestions.hint(name, names) + "; known derivations: " + String.join(", ", names));
            return Optional.empty();
        }
        DerivationKind k = kind.get();
        Optional<String> of = r.string("of");
        switch (k.argument()) {
            case NONE -> {
                if (r.has("of")) {
                    source.error(ErrorKind.KEY_NOT_ALLOWED, r.keyAt("of"), "derivation " + k.yamlName()
                            + " takes no 'of' argument");
                }
                return Optional.of(Calculation.derived(k, null));
            }
            case ITEM -> {
                if (!r.has("of")) {
                    source.error(ErrorKind.MISSING_KEY, r.location(), "derivation " + k.yamlName() + " in " + r.what()
                            + " needs 'of: <item id>'");
                    return Optional.empty();
                }
                return r.id("of", IdStyle.NAME, true).map(arg -> Calculation.derived(k, arg));
            }
            default -> {
                if (of.isEmpty()) {
                    source.error(ErrorKind.MISSING_KEY, r.location(), "derivation " + k.yamlName() + " in " + r.what()
                            + " needs 'of:', one of " + String.join(", ", k.allowedCodes()));
                    return Optional.empty();
                }
                if (!k.allowedCodes().contains(of.get())) {
                    r.error(ErrorKind.UNKNOWN_DERIVATION, "of", "'" + of.get() + "' is not an argument of derivation "
                            + k.yamlName() + Suggestions.hint(of.get(), k.allowedCodes()) + "; use one of "
                            + String.join(", ", k.allowedCodes()));
                    return Optional.empty();
                }
                return Optional.of(Calculation.derived(k, of.get()));
            }
        }
    }

    private List<AlternativeUnit> alternativeUnits(MapReader r, String unit) {
        List<Node> nodes = r.list("altUnits");
        if (nodes.isEmpty()) {
            return List.of();
        }
        if (unit == null) {
            r.error(ErrorKind.INVALID_UNIT, "altUnits", "alternative units of " + r.what()
                    + " need the canonical 'unit' they convert to");
            return List.of();
        }
        List<AlternativeUnit> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : nodes) {
            MapReader u = MapReader.of(source, n, "an alternative unit of " + r.what(), "unit", "factor", "offset");
            if (!u.valid()) {
                continue;
            }
            Optional<String> name = u.requiredString("unit");
            Optional<BigDecimal> factor = u.require("factor") ? u.decimal("factor") : Optional.empty();
            BigDecimal offset = u.decimal("offset").orElse(BigDecimal.ZERO);
            if (name.isEmpty() || factor.isEmpty()) {
                continue;
            }
            if (factor.get().signum() <= 0) {
                u.error(ErrorKind.INVALID_UNIT, "factor", "the factor of unit " + name.get() + " in " + r.what()
                        + " must be greater than zero, found " + factor.get().toPlainString());
            } else if (name.get().equals(unit)) {
                u.error(ErrorKind.INVALID_UNIT, "unit", name.get() + " is already the canonical unit of " + r.what());
            } else if (!seen.add(name.get())) {
                u.error(ErrorKind.DUPLICATE_ID, "unit", "unit " + name.get() + " appears twice in " + r.what());
            } else {
                result.add(new AlternativeUnit(name.get(), factor.get(), offset));
            }
        }
        return result;
    }

    /**
     * A range written as {@code {min: a, max: b}}; either bound may be left out.
     *
     * @param whole whether the bounds must be whole numbers (integer items)
     */
    Optional<NumericRange> range(MapReader r, String key, boolean whole) {
        Optional<Node> node = r.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        MapReader rr = MapReader.of(source, node.get(), "'" + key + "' of " + r.what(), "min", "max");
        if (!rr.valid()) {
            return Optional.empty();
        }
        if (!rr.has("min") && !rr.has("max")) {
            source.error(ErrorKind.MISSING_KEY, rr.location(), "'" + key + "' of " + r.what()
                    + " needs 'min', 'max' or both");
            return Optional.empty();
        }
        Optional<BigDecimal> min = rr.decimal("min");
        Optional<BigDecimal> max = rr.decimal("max");
        if ((rr.has("min") && min.isEmpty()) || (rr.has("max") && max.isEmpty())) {
            return Optional.empty();
        }
        if (whole && (notWhole(min) || notWhole(max))) {
            source.error(ErrorKind.INVALID_RANGE, rr.location(), "'" + key + "' of " + r.what()
                    + " must have whole-number bounds because the item is an integer");
            return Optional.empty();
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            source.error(ErrorKind.INVALID_RANGE, rr.location(), "'" + key + "' of " + r.what() + " has min "
                    + min.get().toPlainString() + " greater than max " + max.get().toPlainString());
            return Optional.empty();
        }
        return Optional.of(new NumericRange(min.orElse(null), max.orElse(null)));
    }

    static boolean notWhole(Optional<BigDecimal> value) {
        return value.isPresent() && value.get().stripTrailingZeros().scale() > 0;
    }

    private static String cdiscName(MapReader r, String key) {
        Optional<String> name = r.string(key);
        if (name.isPresent() && !name.get().matches("[A-Z][A-Z0-9]{0,7}")) {
            r.error(ErrorKind.INVALID_VALUE, key, "'" + name.get() + "' is not a valid " + key + " in " + r.what()
                    + ": CDISC names are 1 to 8 capital letters or digits, starting with a letter");
            return null;
        }
        return name.orElse(null);
    }

    private static Expression expression(MapReader r, String key) {
        return r.expression(key).orElse(null);
    }

    /** "item 'albumin'" when the mapping has an id, else just "item". */
    static String named(String what, Node node, String idKey) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(idKey)
                        && t.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                    return what + " '" + v.getValue() + "'";
                }
            }
        }
        return what;
    }
}
