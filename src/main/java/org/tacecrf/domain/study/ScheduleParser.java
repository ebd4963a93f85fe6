package org.tacecrf.domain.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import org.tacecrf.domain.study.MapReader.IdStyle;

/** Reads the {@code schedule:} section and checks visit windows, anchors and form references. */
final class ScheduleParser {

    static final List<String> VISIT_KEYS =
            List.of("id", "label", "type", "repeating", "maxRepeats", "timing", "interval", "forms");
    static final List<String> TIMING_KEYS = List.of("anchor", "visit", "day", "windowBefore", "windowAfter");

    private record Parsed(VisitDef visit, SourceLocation anchorAt) {
    }

    private final Source source;
    private final Set<String> formIds;

    /** @param formIds ids of every form a visit may collect (built-in and the study's own) */
    ScheduleParser(Source source, Set<String> formIds) {
        this.source = source;
        this.formIds = formIds;
    }

    List<VisitDef> parse(List<Node> nodes) {
        List<Parsed> parsed = new ArrayList<>();
        Map<String, SourceLocation> ids = new HashMap<>();
        for (Node n : nodes) {
            visit(n).ifPresent(p -> {
                SourceLocation previous = ids.putIfAbsent(p.visit().id(), p.visit().location());
                if (previous != null) {
                    source.error(ErrorKind.DUPLICATE_ID, p.visit().location(), "visit id '" + p.visit().id()
                            + "' is already used at " + previous);
                } else {
                    parsed.add(p);
                }
            });
        }
        checkAnchors(parsed);
        return parsed.stream().map(Parsed::visit).toList();
    }

    private Optional<Parsed> visit(Node node) {
        MapReader r = MapReader.of(source, node, DefinitionParser.named("visit", node, "id"), VISIT_KEYS);
        if (!r.valid()) {
            return Optional.empty();
        }
        Optional<String> id = r.id("id", IdStyle.NAME, true).filter(v -> {
            if (v.equals(SubjectSchema.ANY_VISIT)) {
                r.error(ErrorKind.INVALID_VALUE, "id", "visit id '" + v + "' is reserved: in expressions "
                        + v + ".form.item stands for a form at every visit; choose another id");
                return false;
            }
            return true;
        });
        Optional<LocalizedText> label = r.requiredText("label");
        Optional<VisitType> type = r.requiredEnum("type", VisitType.class, ErrorKind.INVALID_VALUE);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        VisitType t = type.get();
        boolean repeating = r.bool("repeating", t == VisitType.TREATMENT || t == VisitType.UNSCHEDULED);
        if (t == VisitType.UNSCHEDULED && !repeating) {
            r.error(ErrorKind.INVALID_VALUE, "repeating", "an unscheduled visit always repeats");
        }
        if (t == VisitType.LOG && repeating) {
            r.error(ErrorKind.INVALID_VALUE, "repeating", "a log visit does not repeat: it holds one log per subject;"
                    + " make its forms repeating instead");
            repeating = false;
        }
        Integer maxRepeats = null;
        if (repeating) {
            maxRepeats = r.integer("maxRepeats", 1, 1000, ErrorKind.INVALID_VALUE).orElse(null);
        } else {
            r.forbid("maxRepeats", "only a repeating visit has a maximum number of occurrences");
        }
        VisitTiming timing = null;
        SourceLocation anchorAt = r.at("timing");
        if (t == VisitType.LOG || t == VisitType.UNSCHEDULED) {
            r.forbid("timing", t.name().toLowerCase(java.util.Locale.ROOT) + " visits have no target date");
        } else {
            if ((t == VisitType.FOLLOW_UP || t == VisitType.SURVIVAL_CONTACT) && !r.has("timing")) {
                r.require("timing");
            }
            if (r.has("timing")) {
                MapReader tr = MapReader.of(source, r.get("timing").get(), "the timing of " + r.what(), TIMING_KEYS);
                if (tr.valid()) {
                    anchorAt = tr.at("anchor");
                    timing = timing(tr);
                }
            }
        }
        RepeatInterval interval = null;
        if (repeating) {
            interval = r.get("interval").flatMap(n -> interval(MapReader.of(source, n, "the interval of " + r.what(),
                    "minDays", "maxDays"))).orElse(null);
        } else {
            r.forbid("interval", "only a repeating visit has an interval between occurrences");
        }
        List<VisitForm> forms = forms(r);
        if (id.isEmpty() || label.isEmpty() || forms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(new VisitDef(id.get(), label.get(), t, repeating, maxRepeats, timing, interval,
                forms, r.location()), anchorAt));
    }

    private VisitTiming timing(MapReader tr) {
        Optional<Anchor> anchor = tr.requiredEnum("anchor", Anchor.class, ErrorKind.INVALID_VALUE);
        String anchorVisit = null;
        if (anchor.isPresent() && anchor.get() == Anchor.VISIT) {
            anchorVisit = tr.id("visit", IdStyle.NAME, true).orElse(null);
        } else {
            tr.forbid("visit", "'visit' names the anchor visit of 'anchor: visit'");
        }
        Optional<Integer> day = tr.requiredInteger("day");
        int before = tr.integer("windowBefore").orElse(0);
        int after = tr.integer("windowAfter").orElse(0);
        boolean ok = anchor.isPresent() && day.isPresent() && (anchor.get() != Anchor.VISIT || anchorVisit != null);
        if (day.isPresent() && day.get() < 0) {
            tr.error(ErrorKind.INVALID_WINDOW, "day", "the target day of " + tr.what() + " is negative (" + day.get()
                    + "); count days after the anchor and use windowBefore for days before it");
            ok = false;
        }
        for (String key : List.of("windowBefore", "windowAfter")) {
            int v = key.equals("windowBefore") ? before : after;
            if (v < 0) {
                tr.error(ErrorKind.INVALID_WINDOW, key, key + " of " + tr.what() + " is negative (" + v + ")");
                ok = false;
            }
        }
        if (ok && day.get() > 0 && before > day.get()) {
            tr.error(ErrorKind.INVALID_WINDOW, "windowBefore", "windowBefore (" + before + ") of " + tr.what()
                    + " is larger than the target day (" + day.get() + "): the window would open before the anchor");
            ok = false;
        }
        return ok ? new VisitTiming(anchor.get(), anchorVisit, day.get(), before, after) : null;
    }

    private Optional<RepeatInterval> interval(MapReader ir) {
        if (!ir.valid()) {
            return Optional.empty();
        }
        Optional<Integer> min = ir.requiredInteger("minDays");
        Optional<Integer> max = ir.requiredInteger("maxDays");
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (min.get() <= 0) {
            ir.error(ErrorKind.INVALID_WINDOW, "minDays", "minDays of " + ir.what() + " must be at least 1, found "
                    + min.get());
            return Optional.empty();
        }
        if (min.get() > max.get()) {
            ir.error(ErrorKind.INVALID_WINDOW, "minDays", "minDays (" + min.get() + ") of " + ir.what()
                    + " is greater than maxDays (" + max.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new RepeatInterval(min.get(), max.get()));
    }

    private List<VisitForm> forms(MapReader r) {
        List<Node> nodes = r.requiredList("forms", ErrorKind.MISSING_KEY, r.what() + " collects no forms");
        List<VisitForm> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : nodes) {
            Optional<String> formId;
            boolean optional = false;
            SourceLocation at;
            if (n instanceof ScalarNode s) {
                formId = Optional.of(s.getValue().strip());
                at = source.at(n);
            } else {
                MapReader fr = MapReader.of(source, n, "a form of " + r.what(), "form", "optional");
                if (!fr.valid()) {
                    continue;
                }
                formId = fr.requiredString("form");
                optional = fr.bool("optional", false);
                at = fr.at("form");
            }
            if (formId.isEmpty()) {
                continue;
            }
            String f = formId.get();
            if (!formIds.contains(f)) {
                source.error(ErrorKind.UNKNOWN_REFERENCE, at, r.what() + " collects unknown form '" + f + "'"
                        + Suggestions.hint(f, formIds));
            } else if (!seen.add(f)) {
                source.error(ErrorKind.DUPLICATE_ID, at, "form '" + f + "' is listed twice in " + r.what());
            } else {
                result.add(new VisitForm(f, !optional, at));
            }
        }
        return result;
    }

    private void checkAnchors(List<Parsed> parsed) {
        boolean hasTreatment = parsed.stream().anyMatch(p -> p.visit().type() == VisitType.TREATMENT);
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            VisitDef v = parsed.get(i).visit();
            SourceLocation at = parsed.get(i).anchorAt();
            VisitTiming t = v.timing();
            if (t != null) {
                String anchor = t.anchor().name().toLowerCase(java.util.Locale.ROOT);
                if (t.anchor().needsTreatmentVisit() && !hasTreatment) {
                    source.error(ErrorKind.INVALID_VALUE, at, "visit '" + v.id() + "' is anchored on " + anchor
                            + ", but the schedule has no treatment (TACE session) visit");
                }
                if (t.anchor() == Anchor.EACH_TACE && !v.repeating()) {
                    source.error(ErrorKind.INVALID_VALUE, at, "visit '" + v.id() + "' follows each TACE session and"
                            + " must be repeating");
                }
                if (t.anchor() == Anchor.PREVIOUS_VISIT && i == 0 && !v.repeating()) {
                    source.error(ErrorKind.INVALID_VALUE, at, "visit '" + v.id() + "' is the first visit and has no"
                            + " previous visit to count from");
                }
                if (t.anchor() == Anchor.VISIT && !earlier.contains(t.anchorVisitId())) {
                    boolean later = parsed.stream().anyMatch(p -> p.visit().id().equals(t.anchorVisitId()));
                    source.error(later ? ErrorKind.INVALID_VALUE : ErrorKind.UNKNOWN_REFERENCE, at, "visit '" + v.id()
                            + "' is anchored on visit '" + t.anchorVisitId() + "', "
                            + (later ? "which must come earlier in the schedule"
                                     : "which is not in the schedule" + Suggestions.hint(t.anchorVisitId(), earlier)));
                }
            }
            earlier.add(v.id());
        }
    }
}
