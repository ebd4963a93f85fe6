package org.tacecrf.domain.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.tacecrf.domain.demo.CohortSpec.AdverseEvents;
import org.tacecrf.domain.demo.CohortSpec.Anomalies;
import org.tacecrf.domain.demo.CohortSpec.Attribution;
import org.tacecrf.domain.demo.CohortSpec.Distribution;
import org.tacecrf.domain.demo.CohortSpec.Event;
import org.tacecrf.domain.demo.CohortSpec.FactTable;
import org.tacecrf.domain.demo.CohortSpec.GroupRow;
import org.tacecrf.domain.demo.CohortSpec.Imaging;
import org.tacecrf.domain.demo.CohortSpec.MarkerChange;
import org.tacecrf.domain.demo.CohortSpec.Per;
import org.tacecrf.domain.demo.CohortSpec.Period;
import org.tacecrf.domain.demo.CohortSpec.PostLabs;
import org.tacecrf.domain.demo.CohortSpec.Procedure;
import org.tacecrf.domain.demo.CohortSpec.Profile;
import org.tacecrf.domain.demo.CohortSpec.Row;
import org.tacecrf.domain.demo.CohortSpec.Survival;
import org.tacecrf.domain.demo.CohortSpec.Term;
import org.tacecrf.domain.demo.CohortSpec.Therapy;
import org.tacecrf.domain.demo.CohortSpec.Treatment;
import org.tacecrf.domain.demo.CohortSpec.Weibull;

/**
 * Reads a {@link CohortSpec} from YAML. The files are shipped with the application, so any error
 * is a programming error; messages still name the file and the key, to be fixed quickly.
 */
public final class CohortSpecReader {

    /** Where the shipped specifications live on the class path. */
    public static final String RESOURCE_DIR = "org/tacecrf/demo/";

    private final String file;

    private CohortSpecReader(String file) {
        this.file = file;
    }

    /** The specification shipped for a study, if there is one. */
    public static Optional<CohortSpec> forStudy(String studyId) {
        String name = RESOURCE_DIR + studyId + ".yaml";
        try (InputStream in = CohortSpecReader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CohortSpec read(String yaml, String file) {
        Object root = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(yaml);
        return new CohortSpecReader(file).spec(map(root, file));
    }

    private CohortSpec spec(Map<String, Object> root) {
        allowed(root, "", "study", "seed", "period", "sites", "arms", "facts", "baseline", "labs", "treatment", "imaging",
                "survival", "adverseEvents", "therapies", "procedures", "forms", "postLabs", "markers", "qol", "pes",
                "anomalies", "screenFailures");
        String study = text(root, "study", "");
        Map<String, Object> period = map(required(root, "period", ""), "period");
        List<Object> firstTace = list(required(period, "firstTace", "period"), "period.firstTace");
        Period p = new Period(date(firstTace.get(0), "period.firstTace"), date(firstTace.get(1), "period.firstTace"),
                date(required(period, "cutOff", "period"), "period.cutOff"));
        Map<String, Integer> sites = counts(map(required(root, "sites", ""), "sites"), "sites");
        Map<String, Integer> arms = counts(map(required(root, "arms", ""), "arms"), "arms");
        if (sum(sites) != sum(arms)) {
            throw error("sites", "the sites hold " + sum(sites) + " patients but the arms " + sum(arms));
        }
        List<FactTable> facts = new ArrayList<>();
        List<Object> factList = list(root.getOrDefault("facts", List.of()), "facts");
        for (int i = 0; i < factList.size(); i++) {
            facts.add(factTable(map(factList.get(i), "facts[" + i + "]"), "facts[" + (i + 1) + "]"));
        }
        return new CohortSpec(study, number(required(root, "seed", ""), "seed").longValue(), p, sites, arms, facts,
                values(root.get("baseline"), "baseline"), distributions(root.get("labs"), "labs"),
                treatment(root.get("treatment")), imaging(root.get("imaging")), survival(root.get("survival")),
                adverseEvents(root.get("adverseEvents")), therapies(root.get("therapies")),
                procedures(root.get("procedures")), forms(root.get("forms")), postLabs(root.get("postLabs")),
                markers(root.get("markers")), qol(root.get("qol")), Boolean.TRUE.equals(root.get("pes")),
                anomalies(root.get("anomalies")), screenFailures(root.get("screenFailures")));
    }

    // ---- facts --------------------------------------------------------------------------------

    private FactTable factTable(Map<String, Object> m, String where) {
        allowed(m, where, "name", "names", "given", "counts", "distribution");
        List<String> names;
        if (m.containsKey("name")) {
            names = List.of(text(m, "name", where));
        } else {
            names = list(required(m, "names", where), where + ".names").stream().map(String::valueOf).toList();
        }
        String label = where + " (" + String.join(", ", names) + ")";
        String given = m.containsKey("given") ? text(m, "given", where) : null;
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        Map<String, Distribution> continuous = new LinkedHashMap<>();
        if (m.containsKey("distribution")) {
            if (names.size() != 1) {
                throw error(label, "a distribution assigns one fact");
            }
            Map<String, Object> d = map(m.get("distribution"), label + ".distribution");
            if (given == null) {
                continuous.put(FactTable.ALL, distribution(d, label));
            } else {
                d.forEach((group, v) -> continuous.put(group, distribution(map(v, label + "." + group), label + "." + group)));
            }
        } else {
            Map<String, Object> counts = map(required(m, "counts", label), label + ".counts");
            if (given == null) {
                rows.put(FactTable.ALL, rows(counts, names.size(), label));
            } else {
                counts.forEach((group, v) -> rows.put(group, rows(map(v, label + "." + group), names.size(), label + "." + group)));
            }
        }
        return new FactTable(names, given, rows, continuous, label);
    }

    private List<Row> rows(Map<String, Object> counts, int width, String where) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, count) -> {
            List<String> parts = width == 1 ? List.of(key) : List.of(key.split(",", -1));
            if (parts.size() != width) {
                throw error(where, "the row '" + key + "' needs " + width + " values separated by commas");
            }
            List<SpecValue> values = parts.stream().map(s -> SpecValue.parse(s.trim(), where + " row '" + key + "'")).toList();
            int n = number(count, where + " row '" + key + "'").intValue();
            if (n < 0) {
                throw error(where, "the count of '" + key + "' is negative");
            }
            rows.add(new Row(values, n));
        });
        return rows;
    }

    private Distribution distribution(Map<String, Object> m, String where) {
        allowed(m, where, "mean", "sd", "min", "max", "shift", "decimals");
        return new Distribution(number(required(m, "mean", where), where).doubleValue(),
                number(required(m, "sd", where), where).doubleValue(), optionalNumber(m, "min", where),
                optionalNumber(m, "max", where), optionalNumber(m, "shift", where),
                m.containsKey("decimals") ? number(m.get("decimals"), where).intValue() : 0);
    }

    private Map<String, Distribution> distributions(Object raw, String where) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        if (raw != null) {
            map(raw, where).forEach((k, v) -> out.put(k, distribution(map(v, where + "." + k), where + "." + k)));
        }
        return out;
    }

    // ---- sections -----------------------------------------------------------------------------

    private Treatment treatment(Object raw) {
        Map<String, Object> m = raw == null ? Map.of() : map(raw, "treatment");
        allowed(m, "treatment", "intervalDays", "items", "rows");
        Map<String, List<GroupRow>> rows = new LinkedHashMap<>();
        if (m.containsKey("rows")) {
            map(m.get("rows"), "treatment.rows").forEach((group, list) -> {
                List<GroupRow> out = new ArrayList<>();
                for (Object r : list(list, "treatment.rows." + group)) {
                    out.add(groupRow(map(r, "treatment.rows." + group), "treatment.rows." + group));
                }
                rows.put(group, out);
            });
        }
        return new Treatment(SpecValue.parse(m.getOrDefault("intervalDays", "42..70"), "treatment.intervalDays"),
                values(m.get("items"), "treatment.items"), rows);
    }

    private GroupRow groupRow(Map<String, Object> m, String where) {
        Map<String, Object> items = new LinkedHashMap<>(m);
        Object when = items.remove("when");
        return new GroupRow(when == null ? null : SpecValue.Condition.parse(String.valueOf(when), where),
                values(items, where));
    }

    private Imaging imaging(Object raw) {
        Map<String, Object> m = map(raw == null ? Map.of("timePoints", List.of()) : raw, "imaging");
        allowed(m, "imaging", "timePoints", "periodic", "maxPeriodicScans");
        return new Imaging(list(required(m, "timePoints", "imaging"), "imaging.timePoints").stream().map(String::valueOf).toList(),
                m.containsKey("periodic") ? text(m, "periodic", "imaging") : null,
                m.containsKey("maxPeriodicScans") ? number(m.get("maxPeriodicScans"), "imaging").intValue() : 12);
    }

    private Survival survival(Object raw) {
        if (raw == null) {
            return null;
        }
        Map<String, Object> m = map(raw, "survival");
        allowed(m, "survival", "given", "os", "progression", "osHazardRatios", "correlation");
        String given = m.containsKey("given") ? text(m, "given", "survival") : null;
        Map<SpecValue.Condition, Double> hazards = new LinkedHashMap<>();
        if (m.containsKey("osHazardRatios")) {
            map(m.get("osHazardRatios"), "survival.osHazardRatios").forEach((k, v) -> hazards.put(
                    SpecValue.Condition.parse(k, "survival.osHazardRatios"), number(v, "survival.osHazardRatios").doubleValue()));
        }
        return new Survival(weibulls(required(m, "os", "survival"), given, "survival.os"),
                weibulls(required(m, "progression", "survival"), given, "survival.progression"), given, hazards,
                m.containsKey("correlation") ? number(m.get("correlation"), "survival").doubleValue() : 0.6);
    }

    private Map<String, Weibull> weibulls(Object raw, String given, String where) {
        Map<String, Object> m = map(raw, where);
        Map<String, Weibull> out = new LinkedHashMap<>();
        if (given == null || m.containsKey("median")) {
            out.put(FactTable.ALL, weibull(m, where));
        } else {
            m.forEach((group, v) -> out.put(group, weibull(map(v, where + "." + group), where + "." + group)));
        }
        return out;
    }

    private Weibull weibull(Map<String, Object> m, String where) {
        allowed(m, where, "median", "shape");
        return new Weibull(number(required(m, "median", where), where).doubleValue(),
                m.containsKey("shape") ? number(m.get("shape"), where).doubleValue() : 1.0);
    }

    private AdverseEvents adverseEvents(Object raw) {
        if (raw == null) {
            return AdverseEvents.NONE;
        }
        Map<String, Object> m = map(raw, "adverseEvents");
        allowed(m, "adverseEvents", "per", "recoveryDays", "terms", "profiles");
        Per per = Per.valueOf(text(m, "per", "adverseEvents").toUpperCase());
        List<Term> terms = new ArrayList<>();
        for (Object t : list(m.getOrDefault("terms", List.of()), "adverseEvents.terms")) {
            Map<String, Object> tm = map(t, "adverseEvents.terms");
            String where = "adverseEvents.terms." + tm.get("term");
            allowed(tm, where, "term", "other", "when", "grades", "attribution", "serious");
            Map<Integer, Integer> grades = new LinkedHashMap<>();
            map(required(tm, "grades", where), where).forEach((g, c) -> grades.put(Integer.parseInt(g), number(c, where).intValue()));
            terms.add(new Term(text(tm, "term", where), tm.containsKey("other") ? text(tm, "other", where) : null,
                    tm.containsKey("when") ? text(tm, "when", where) : null, grades,
                    tm.containsKey("attribution") ? Attribution.valueOf(text(tm, "attribution", where).toUpperCase())
                            : Attribution.TACE, tm.containsKey("serious") ? text(tm, "serious", where) : null));
        }
        List<Profile> profiles = new ArrayList<>();
        for (Object p : list(m.getOrDefault("profiles", List.of()), "adverseEvents.profiles")) {
            Map<String, Object> pm = map(p, "adverseEvents.profiles");
            List<Event> events = new ArrayList<>();
            for (Object e : list(pm.getOrDefault("events", List.of()), "adverseEvents.profiles.events")) {
                String[] parts = String.valueOf(e).split("/");
                if (parts.length != 2) {
                    throw error("adverseEvents.profiles", "an event is written TERM/grade, not '" + e + "'");
                }
                events.add(new Event(parts[0].trim(), Integer.parseInt(parts[1].trim())));
            }
            profiles.add(new Profile(number(required(pm, "count", "adverseEvents.profiles"), "adverseEvents.profiles").intValue(),
                    events));
        }
        return new AdverseEvents(per, SpecValue.parse(m.getOrDefault("recoveryDays", "3..7"), "adverseEvents.recoveryDays"),
                terms, profiles);
    }

    private List<Therapy> therapies(Object raw) {
        List<Therapy> out = new ArrayList<>();
        for (Object t : list(raw == null ? List.of() : raw, "therapies")) {
            Map<String, Object> m = map(t, "therapies");
            allowed(m, "therapies", "when", "start", "stop", "items");
            out.add(new Therapy(m.containsKey("when") ? SpecValue.Condition.parse(text(m, "when", "therapies"), "therapies") : null,
                    SpecValue.parse(required(m, "start", "therapies"), "therapies.start"),
                    m.containsKey("stop") ? text(m, "stop", "therapies") : null, values(m.get("items"), "therapies.items")));
        }
        return out;
    }

    private List<Procedure> procedures(Object raw) {
        List<Procedure> out = new ArrayList<>();
        for (Object t : list(raw == null ? List.of() : raw, "procedures")) {
            Map<String, Object> m = map(t, "procedures");
            allowed(m, "procedures", "visit", "form", "items");
            out.add(new Procedure(text(m, "visit", "procedures"), text(m, "form", "procedures"),
                    values(m.get("items"), "procedures.items")));
        }
        return out;
    }

    private Map<String, Map<String, SpecValue>> forms(Object raw) {
        Map<String, Map<String, SpecValue>> out = new LinkedHashMap<>();
        if (raw != null) {
            map(raw, "forms").forEach((form, items) -> out.put(form, values(items, "forms." + form)));
        }
        return out;
    }

    private PostLabs postLabs(Object raw) {
        if (raw == null) {
            return null;
        }
        Map<String, Object> m = map(raw, "postLabs");
        allowed(m, "postLabs", "hours", "changes");
        return new PostLabs(SpecValue.parse(required(m, "hours", "postLabs"), "postLabs.hours"),
                distributions(m.get("changes"), "postLabs.changes"));
    }

    private Map<String, MarkerChange> markers(Object raw) {
        Map<String, MarkerChange> out = new LinkedHashMap<>();
        if (raw != null) {
            map(raw, "markers").forEach((marker, v) -> {
                Map<String, Object> m = map(v, "markers." + marker);
                allowed(m, "markers." + marker, "response", "noResponse");
                out.put(marker, new MarkerChange(SpecValue.parse(required(m, "response", "markers." + marker), "markers." + marker),
                        SpecValue.parse(required(m, "noResponse", "markers." + marker), "markers." + marker)));
            });
        }
        return out;
    }

    private Map<String, Map<String, Double>> qol(Object raw) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (raw != null) {
            map(raw, "qol").forEach((visit, scales) -> {
                Map<String, Double> medians = new LinkedHashMap<>();
                map(scales, "qol." + visit).forEach((scale, v) -> medians.put(scale, number(v, "qol." + visit).doubleValue()));
                out.put(visit, medians);
            });
        }
        return out;
    }

    private Anomalies anomalies(Object raw) {
        if (raw == null) {
            return Anomalies.NONE;
        }
        Map<String, Object> m = map(raw, "anomalies");
        allowed(m, "anomalies", "lateVisits", "disagreements", "lateSaeReports", "unreportedSaes");
        return new Anomalies(count(m, "lateVisits"), count(m, "disagreements"), count(m, "lateSaeReports"),
                count(m, "unreportedSaes"));
    }

    private int count(Map<String, Object> anomalies, String key) {
        return anomalies.containsKey(key) ? number(anomalies.get(key), "anomalies").intValue() : 0;
    }

    private List<CohortSpec.ScreenFailure> screenFailures(Object raw) {
        List<CohortSpec.ScreenFailure> out = new ArrayList<>();
        for (Object o : list(raw == null ? List.of() : raw, "screenFailures")) {
            Map<String, Object> m = map(o, "screenFailures");
            allowed(m, "screenFailures", "count", "criterion", "note");
            out.add(new CohortSpec.ScreenFailure(number(required(m, "count", "screenFailures"), "screenFailures").intValue(),
                    m.containsKey("criterion") ? text(m, "criterion", "screenFailures") : null,
                    m.containsKey("note") ? text(m, "note", "screenFailures") : null));
        }
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Map<String, SpecValue> values(Object raw, String where) {
        Map<String, SpecValue> out = new LinkedHashMap<>();
        if (raw != null) {
            map(raw, where).forEach((k, v) -> out.put(k, SpecValue.parse(v, where + "." + k)));
        }
        return out;
    }

    private Map<String, Integer> counts(Map<String, Object> m, String where) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, number(v, where + "." + k).intValue()));
        return out;
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new CohortSpecException(where + ": expected a map of keys and values");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object raw, String where) {
        if (!(raw instanceof List<?> l)) {
            throw error(where, "expected a list");
        }
        return (List<Object>) l;
    }

    private Object required(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            throw error(where.isEmpty() ? key : where + "." + key, "is required");
        }
        return v;
    }

    private String text(Map<String, Object> m, String key, String where) {
        return String.valueOf(required(m, key, where));
    }

    private Number number(Object raw, String where) {
        if (raw instanceof Number n) {
            return n;
        }
        try {
            return Double.valueOf(String.valueOf(raw));
        } catch (NumberFormatException e) {
            throw error(where, "expected a number, not '" + raw + "'");
        }
    }

    private Double optionalNumber(Map<String, Object> m, String key, String where) {
        return m.containsKey(key) ? number(m.get(key), where + "." + key).doubleValue() : null;
    }

    private LocalDate date(Object raw, String where) {
        try {
            return LocalDate.parse(String.valueOf(raw));
        } catch (DateTimeParseException e) {
            throw error(where, "expected a date yyyy-mm-dd, not '" + raw + "'");
        }
    }

    private void allowed(Map<String, Object> m, String where, String... keys) {
        Set<String> known = Set.of(keys);
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                throw error(where.isEmpty() ? key : where + "." + key, "is not a known key (known: " + String.join(", ", keys) + ")");
            }
        }
    }

    private CohortSpecException error(String where, String message) {
        return new CohortSpecException(file + ": " + where + ": " + message);
    }
}
