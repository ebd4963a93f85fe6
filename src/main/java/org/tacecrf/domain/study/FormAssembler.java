package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns parsed forms into {@link FormDef}s: resolves {@code use:} of reusable groups, checks that
 * group and item ids are unique within each form, applies a study's extensions of built-in forms and
 * checks what derivations need from their form.
 */
final class FormAssembler {

    private final Problems problems;
    private final Map<String, ItemGroupDef> groups;

    /** @param groups every reusable item group a form may use, by id */
    FormAssembler(Problems problems, Map<String, ItemGroupDef> groups) {
        this.problems = problems;
        this.groups = groups;
    }

    Optional<FormDef> build(FormSpecs.Form spec) {
        List<ItemGroupDef> resolved = new ArrayList<>();
        boolean complete = true;
        for (FormSpecs.GroupEntry entry : spec.groups()) {
            if (entry instanceof FormSpecs.Use use) {
                ItemGroupDef g = groups.get(use.groupId());
                if (g == null) {
                    problems.add(ErrorKind.UNKNOWN_REFERENCE, use.location(), "form '" + spec.id()
                            + "' uses unknown item group '" + use.groupId() + "'"
                            + Suggestions.hint(use.groupId(), groups.keySet()));
                    complete = false;
                } else {
                    resolved.add(g);
                }
            } else if (entry instanceof FormSpecs.Inline inline) {
                resolved.add(inline.group());
            }
        }
        List<ItemGroupDef> unique = uniqueIds(spec.id(), resolved);
        if (!complete) {
            return Optional.empty();
        }
        FormDef form = new FormDef(spec.id(), spec.label(), spec.repeating(), spec.domain(), unique, spec.origin(),
                false, spec.location());
        checkDerivations(form);
        return Optional.of(form);
    }

    /** Drops and reports groups and items whose id was already used in the form. */
    private List<ItemGroupDef> uniqueIds(String formId, List<ItemGroupDef> candidates) {
        Set<String> groupIds = new HashSet<>();
        Map<String, String> itemGroup = new HashMap<>();
        List<ItemGroupDef> result = new ArrayList<>();
        for (ItemGroupDef g : candidates) {
            if (!groupIds.add(g.id())) {
                problems.add(ErrorKind.DUPLICATE_ID, g.location(), "group id '" + g.id() + "' appears twice in form '"
                        + formId + "'");
                continue;
            }
            List<ItemDef> items = new ArrayList<>();
            for (ItemDef item : g.items()) {
                String previous = itemGroup.putIfAbsent(item.id(), g.id());
                if (previous != null) {
                    problems.add(ErrorKind.DUPLICATE_ID, item.location(), "item id '" + item.id()
                            + "' is used twice in form '" + formId + "' (groups '" + previous + "' and '" + g.id() + "')");
                } else {
                    items.add(item);
                }
            }
            result.add(g.withItems(items));
        }
        return result;
    }

    /** Applies a study's additions and overrides to a built-in form. */
    FormDef extend(FormDef base, FormSpecs.Extension extension) {
        List<ItemGroupDef> result = new ArrayList<>(base.groups());
        Set<String> added = new HashSet<>();
        for (FormSpecs.Addition addition : extension.additions()) {
            int index = indexOf(result, addition.groupId());
            ItemGroupDef target;
            if (index >= 0) {
                for (SourceLocation key : addition.newGroupKeys()) {
                    problems.add(ErrorKind.KEY_NOT_ALLOWED, key, "group '" + addition.groupId()
                            + "' already exists in built-in form '" + base.id() + "'; only items can be added to it");
                }
                target = result.get(index);
            } else {
                if (addition.label() == null) {
                    problems.add(ErrorKind.MISSING_KEY, addition.location(), "form '" + base.id() + "' has no group '"
                            + addition.groupId() + "'; a new group needs a 'label'"
                            + Suggestions.hint(addition.groupId(), base.groups().stream().map(ItemGroupDef::id).toList()));
                    continue;
                }
                target = new ItemGroupDef(addition.groupId(), addition.label(), addition.repeating(),
                        addition.maxRepeats(), addition.domain() != null ? addition.domain() : base.domain(), List.of(),
                        Origin.STUDY, addition.location());
                result.add(target);
                index = result.size() - 1;
            }
            List<ItemDef> items = new ArrayList<>(target.items());
            for (ItemDef item : addition.items()) {
                Optional<ItemGroupDef> builtIn = base.groupOf(item.id());
                if (builtIn.isPresent()) {
                    problems.add(ErrorKind.ID_CLASH, item.location(), "item '" + item.id()
                            + "' already exists in built-in form '" + base.id() + "' (group '" + builtIn.get().id()
                            + "'); choose another id, or change the built-in item with 'override:'");
                } else if (!added.add(item.id())) {
                    problems.add(ErrorKind.DUPLICATE_ID, item.location(), "item '" + item.id()
                            + "' is added twice to form '" + base.id() + "'");
                } else {
                    items.add(item);
                }
            }
            result.set(index, target.withItems(items));
        }
        for (FormSpecs.Override override : extension.overrides()) {
            applyOverride(base, result, override);
        }
        FormDef form = new FormDef(base.id(), base.label(), base.repeating(), base.domain(), result, Origin.LIBRARY,
                true, extension.location());
        checkDerivations(form);
        return form;
    }

    private void applyOverride(FormDef base, List<ItemGroupDef> groupsOfForm, FormSpecs.Override o) {
        Optional<ItemDef> found = base.item(o.itemId());
        if (found.isEmpty()) {
            problems.add(ErrorKind.UNKNOWN_REFERENCE, o.location(), "built-in form '" + base.id()
                    + "' has no item '" + o.itemId() + "' to override"
                    + Suggestions.hint(o.itemId(), base.items().stream().map(ItemDef::id).toList()));
            return;
        }
        ItemDef item = found.get();
        NumericRange hard = null;
        NumericRange soft = null;
        boolean rangeGiven = o.hardRange() != null || o.softRange() != null;
        if (rangeGiven && (!item.numeric())) {
            problems.add(ErrorKind.KEY_NOT_ALLOWED, o.location(), "item '" + item.id()
                    + "' is not numeric and has no ranges to override");
            return;
        }
        if (o.hardRange() != null) {
            if (item.calculated()) {
                problems.add(ErrorKind.KEY_NOT_ALLOWED, o.hardRangeAt(), "item '" + item.id()
                        + "' is calculated and has no hard range; use softRange to warn");
            } else if (wholeOnly(item) && !whole(o.hardRange())) {
                problems.add(ErrorKind.INVALID_RANGE, o.hardRangeAt(), "hardRange of integer item '" + item.id()
                        + "' must have whole-number bounds");
            } else if (!o.hardRange().within(item.hardRange())) {
                problems.add(ErrorKind.INVALID_RANGE, o.hardRangeAt(), "the built-in hard range of item '" + item.id()
                        + "' is " + item.hardRange() + "; a study may only tighten it, found " + o.hardRange());
            } else {
                hard = o.hardRange();
            }
        }
        NumericRange effectiveHard = hard != null ? hard : item.hardRange();
        if (o.softRange() != null) {
            if (wholeOnly(item) && !whole(o.softRange())) {
                problems.add(ErrorKind.INVALID_RANGE, o.softRangeAt(), "softRange of integer item '" + item.id()
                        + "' must have whole-number bounds");
            } else if (!o.softRange().within(effectiveHard)) {
                problems.add(ErrorKind.INVALID_RANGE, o.softRangeAt(), "the soft range " + o.softRange() + " of item '"
                        + item.id() + "' lies outside its hard range " + effectiveHard);
            } else {
                soft = o.softRange();
            }
        } else if (hard != null) {
            // a tightened hard range clips the built-in soft range; warnings outside it would never fire
            NumericRange clipped = item.softRange().intersect(hard);
            soft = clipped != null ? clipped : NumericRange.UNBOUNDED;
        }
        if (o.required() != null && item.calculated()) {
            problems.add(ErrorKind.KEY_NOT_ALLOWED, o.location(), "item '" + item.id()
                    + "' is calculated and is never entered, so it cannot be required");
            return;
        }
        ItemDef changed = item.overridden(o.label(), o.help(), o.required(), hard, soft);
        for (int i = 0; i < groupsOfForm.size(); i++) {
            ItemGroupDef g = groupsOfForm.get(i);
            if (g.item(item.id()).isPresent()) {
                List<ItemDef> items = new ArrayList<>(g.items());
                items.replaceAll(x -> x.id().equals(item.id()) ? changed : x);
                groupsOfForm.set(i, g.withItems(items));
            }
        }
    }

    private static boolean wholeOnly(ItemDef item) {
        return item.dataType() == DataType.INTEGER;
    }

    private static boolean whole(NumericRange r) {
        return !DefinitionParser.notWhole(Optional.ofNullable(r.min()))
                && !DefinitionParser.notWhole(Optional.ofNullable(r.max()));
    }

    private static int indexOf(List<ItemGroupDef> list, String groupId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(groupId)) {
                return i;
            }
        }
        return -1;
    }

    /** Derivations read items of their own form: check that those exist and have a fitting type. */
    private void checkDerivations(FormDef form) {
        List<String> ids = form.items().stream().map(ItemDef::id).toList();
        for (ItemDef item : form.items()) {
            Calculation c = item.calculation();
            if (c == null || !c.isDerivation()) {
                continue;
            }
            DerivationKind kind = c.derivation();
            for (String input : kind.inputs()) {
                List<String> alternatives = List.of(input.split("\\|"));
                if (alternatives.stream().noneMatch(ids::contains)) {
                    problems.add(ErrorKind.UNKNOWN_REFERENCE, item.location(), "derivation " + kind.yamlName()
                            + " of item '" + item.id() + "' needs item '" + String.join("' or '", alternatives)
                            + "' in form '" + form.id() + "'");
                }
            }
            if (kind.argument() == DerivationKind.Argument.ITEM) {
                Optional<ItemDef> argument = form.item(c.argument());
                if (argument.isEmpty()) {
                    problems.add(ErrorKind.UNKNOWN_REFERENCE, item.location(), "derivation " + kind.yamlName()
                            + " of item '" + item.id() + "' refers to unknown item '" + c.argument() + "' in form '"
                            + form.id() + "'" + Suggestions.hint(c.argument(), ids));
                } else if (!argument.get().numeric()) {
                    problems.add(ErrorKind.INVALID_VALUE, item.location(), "derivation " + kind.yamlName()
                            + " of item '" + item.id() + "' needs a numeric item, but '" + c.argument() + "' is "
                            + argument.get().type().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }
}
