package org.tacecrf.domain.study;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import org.tacecrf.domain.study.StudyParameters.Albi;
import org.tacecrf.domain.study.StudyParameters.BilirubinScale;
import org.tacecrf.domain.study.StudyParameters.Biomarker;
import org.tacecrf.domain.study.StudyParameters.ChildPugh;
import org.tacecrf.domain.study.StudyParameters.Coagulation;
import org.tacecrf.domain.study.StudyParameters.Ctcae;
import org.tacecrf.domain.study.StudyParameters.Dose;
import org.tacecrf.domain.study.StudyParameters.EndpointOrigin;
import org.tacecrf.domain.study.StudyParameters.Endpoints;
import org.tacecrf.domain.study.StudyParameters.Imaging;
import org.tacecrf.domain.study.StudyParameters.Mrecist;
import org.tacecrf.domain.study.StudyParameters.PostEmbolisationSyndrome;
import org.tacecrf.domain.study.StudyParameters.ProgressionDateRule;
import org.tacecrf.domain.study.StudyParameters.Recist;
import org.tacecrf.domain.study.StudyParameters.Response;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;
import org.tacecrf.domain.study.StudyParameters.Sae;
import org.tacecrf.domain.study.StudyParameters.Subject;

/** Reads the {@code parameters:} section; every area and key is optional and has a default. */
final class ParametersParser {

    static final String LOADED_DRUG_LIST = "loaded_drug";

    private static final ErrorKind INVALID = ErrorKind.INVALID_PARAMETER;

    private final Source source;
    private final Optional<CodeList> loadedDrugs;

    /** @param loadedDrugs the code list whose codes name the drugs of {@code dose.maxPerVialMg} */
    ParametersParser(Source source, Optional<CodeList> loadedDrugs) {
        this.source = source;
        this.loadedDrugs = loadedDrugs;
    }

    StudyParameters parse(Optional<Node> node) {
        if (node.isEmpty()) {
            return StudyParameters.DEFAULTS;
        }
        MapReader r = MapReader.of(source, node.get(), "parameters", "childPugh", "albi", "response", "mrecist",
                "recist", "endpoints", "imaging", "ctcae", "dose", "biomarker", "sae", "subject");
        if (!r.valid()) {
            return StudyParameters.DEFAULTS;
        }
        return new StudyParameters(
                area(r, "childPugh", List.of("albuminCutoff", "coagulation", "bilirubinScale"), this::childPugh,
                        ChildPugh.DEFAULT),
                area(r, "albi", List.of("modifiedGrades"), a -> new Albi(a.bool("modifiedGrades", false)), Albi.DEFAULT),
                area(r, "response", List.of("primaryCriteria", "confirmationRequired", "confirmMinDays", "sdMinDays",
                        "doubleReading", "tumourMarkersInCompleteResponse"), this::response, Response.DEFAULT),
                area(r, "mrecist", List.of("pdAbsoluteMinMm", "maxIntrahepaticTargets"), this::mrecist, Mrecist.DEFAULT),
                area(r, "recist", List.of("maxTargets", "maxTargetsPerOrgan"), this::recist, Recist.DEFAULT),
                area(r, "endpoints", List.of("origin", "censorAtNewTherapy", "missedAssessmentsForCensoring",
                        "progressionDate"), this::endpoints, Endpoints.DEFAULT),
                area(r, "imaging", List.of("baselineMaxDaysBeforeTreatment"), a -> new Imaging(
                        a.integer("baselineMaxDaysBeforeTreatment", 1, 90, INVALID)
                                .orElse(Imaging.DEFAULT.baselineMaxDaysBeforeTreatment())), Imaging.DEFAULT),
                area(r, "ctcae", List.of("version", "postEmbolisationSyndrome"), this::ctcae, Ctcae.DEFAULT),
                area(r, "dose", List.of("maxPerVialMg"), this::dose, Dose.DEFAULT),
                area(r, "biomarker", List.of("responseDeclinePct", "progressionRisePct"), this::biomarker,
                        Biomarker.DEFAULT),
                area(r, "sae", List.of("reportingHours"), a -> new Sae(a.integer("reportingHours", 1, 720, INVALID)
                        .orElse(Sae.DEFAULT.reportingHours())), Sae.DEFAULT),
                area(r, "subject", List.of("numberPattern"), this::subject, Subject.DEFAULT));
    }

    private <T> T area(MapReader parameters, String key, List<String> keys,
                       java.util.function.Function<MapReader, T> reader, T defaultValue) {
        Optional<Node> node = parameters.get(key);
        if (node.isEmpty()) {
            return defaultValue;
        }
        MapReader a = MapReader.of(source, node.get(), "parameters." + key, keys);
        return a.valid() ? reader.apply(a) : defaultValue;
    }

    private ChildPugh childPugh(MapReader a) {
        ChildPugh d = ChildPugh.DEFAULT;
        int cutoff = a.integer("albuminCutoff").filter(v -> {
            if (!ChildPugh.ALBUMIN_CUTOFFS.contains(v)) {
                a.error(INVALID, "albuminCutoff", "parameters.childPugh.albuminCutoff must be 28 or 30 (g/L), found " + v);
                return false;
            }
            return true;
        }).orElse(d.albuminCutoff());
        return new ChildPugh(cutoff,
                a.enumValue("coagulation", Coagulation.class, INVALID).orElse(d.coagulation()),
                a.enumValue("bilirubinScale", BilirubinScale.class, INVALID).orElse(d.bilirubinScale()));
    }

    private Response response(MapReader a) {
        Response d = Response.DEFAULT;
        return new Response(
                a.enumValue("primaryCriteria", ResponseCriteria.class, INVALID).orElse(d.primaryCriteria()),
                a.bool("confirmationRequired", d.confirmationRequired()),
                a.integer("confirmMinDays", 1, 365, INVALID).orElse(d.confirmMinDays()),
                a.integer("sdMinDays", 0, 365, INVALID).orElse(d.sdMinDays()),
                a.bool("doubleReading", d.doubleReading()),
                a.bool("tumourMarkersInCompleteResponse", d.tumourMarkersInCompleteResponse()));
    }

    private Mrecist mrecist(MapReader a) {
        Optional<Integer> maxIntrahepatic = a.integer("maxIntrahepaticTargets", 1, 10, INVALID);
        return new Mrecist(a.integer("pdAbsoluteMinMm", 0, 20, INVALID).orElse(Mrecist.DEFAULT.pdAbsoluteMinMm()),
                maxIntrahepatic.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    private Recist recist(MapReader a) {
        int total = a.integer("maxTargets", 1, 10, INVALID).orElse(Recist.DEFAULT.maxTargets());
        int perOrgan = a.integer("maxTargetsPerOrgan", 1, 10, INVALID).orElse(Recist.DEFAULT.maxTargetsPerOrgan());
        if (perOrgan > total) {
            a.error(INVALID, a.has("maxTargetsPerOrgan") ? "maxTargetsPerOrgan" : "maxTargets",
                    "parameters.recist.maxTargetsPerOrgan (" + perOrgan + ") must not exceed maxTargets (" + total + ")");
            return Recist.DEFAULT;
        }
        return new Recist(total, perOrgan);
    }

    private Endpoints endpoints(MapReader a) {
        Endpoints d = Endpoints.DEFAULT;
        return new Endpoints(
                a.enumValue("origin", EndpointOrigin.class, INVALID).orElse(d.origin()),
                a.bool("censorAtNewTherapy", d.censorAtNewTherapy()),
                a.integer("missedAssessmentsForCensoring", 1, 10, INVALID).orElse(d.missedAssessmentsForCensoring()),
                a.enumValue("progressionDate", ProgressionDateRule.class, INVALID).orElse(d.progressionDate()));
    }

    private Ctcae ctcae(MapReader a) {
        Ctcae d = Ctcae.DEFAULT;
        String version = a.string("version").filter(v -> {
            if (!Ctcae.VERSIONS.contains(v)) {
                a.error(INVALID, "version", "parameters.ctcae.version '" + v + "' is not a CTCAE version; use one of "
                        + String.join(", ", Ctcae.VERSIONS.stream().sorted().toList())
                        + Suggestions.hint(v, Ctcae.VERSIONS));
                return false;
            }
            return true;
        }).orElse(d.version());
        return new Ctcae(version, a.enumValue("postEmbolisationSyndrome", PostEmbolisationSyndrome.class, INVALID)
                .orElse(d.postEmbolisationSyndrome()));
    }

    private Dose dose(MapReader a) {
        Optional<Node> node = a.get("maxPerVialMg");
        if (node.isEmpty()) {
            return Dose.DEFAULT;
        }
        if (!(node.get() instanceof MappingNode mapping)) {
            a.error(ErrorKind.WRONG_TYPE, "maxPerVialMg", "parameters.dose.maxPerVialMg must map drug codes to mg,"
                    + " e.g. {epirubicin: 80}");
            return Dose.DEFAULT;
        }
        List<String> codes = loadedDrugs.map(CodeList::codes).orElse(List.of());
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                source.error(ErrorKind.WRONG_TYPE, t.getKeyNode(), "a drug in parameters.dose.maxPerVialMg must be a code");
                continue;
            }
            Optional<String> code = codes.stream().filter(c -> c.equalsIgnoreCase(key.getValue())).findFirst();
            if (code.isEmpty()) {
                source.error(INVALID, key, "'" + key.getValue() + "' in parameters.dose.maxPerVialMg is not a code of"
                        + " code list " + LOADED_DRUG_LIST + Suggestions.hint(key.getValue(), codes));
                continue;
            }
            if (limits.containsKey(code.get())) {
                source.error(ErrorKind.DUPLICATE_KEY, key, "drug '" + key.getValue() + "' appears twice in"
                        + " parameters.dose.maxPerVialMg");
                continue;
            }
            a.decimal(t.getValueNode(), "maxPerVialMg." + key.getValue()).ifPresent(mg -> {
                if (mg.signum() <= 0 || mg.compareTo(BigDecimal.valueOf(1000)) > 0) {
                    source.error(INVALID, t.getValueNode(), "parameters.dose.maxPerVialMg." + key.getValue()
                            + " must be greater than 0 and at most 1000 mg, found " + mg.toPlainString());
                } else {
                    limits.put(code.get(), mg);
                }
            });
        }
        return new Dose(limits);
    }

    private Biomarker biomarker(MapReader a) {
        Biomarker d = Biomarker.DEFAULT;
        return new Biomarker(percent(a, "responseDeclinePct", 100).orElse(d.responseDeclinePct()),
                percent(a, "progressionRisePct", 1000).orElse(d.progressionRisePct()));
    }

    private Optional<BigDecimal> percent(MapReader a, String key, int max) {
        return a.decimal(key).filter(v -> {
            if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
                a.error(INVALID, key, "parameters.biomarker." + key + " must be greater than 0 and at most " + max
                        + " (%), found " + v.toPlainString());
                return false;
            }
            return true;
        });
    }

    private Subject subject(MapReader a) {
        return a.string("numberPattern").flatMap(text -> {
            try {
                return Optional.of(new Subject(SubjectNumberPattern.parse(text)));
            } catch (IllegalArgumentException e) {
                a.error(INVALID, "numberPattern", "parameters.subject.numberPattern: " + e.getMessage());
                return Optional.empty();
            }
        }).orElse(Subject.DEFAULT);
    }
}
