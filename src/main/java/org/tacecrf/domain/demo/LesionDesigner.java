package org.tacecrf.domain.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.tacecrf.domain.response.Assessment;
import org.tacecrf.domain.response.Baseline;
import org.tacecrf.domain.response.BaselineLesion;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.LesionLocation;
import org.tacecrf.domain.response.LiverSegment;
import org.tacecrf.domain.response.NewLesion;
import org.tacecrf.domain.response.NonTargetObservation;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.response.ResponseEngine;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.response.TargetMeasurement;
import org.tacecrf.domain.response.TimePointResponse;

/**
 * Designs lesion measurements backwards from the mRECIST response each scan must show, then
 * checks the design with the {@link ResponseEngine} (the same engine the casebook derives
 * responses with), so a designed PR is a PR by the rules and not by a typed-in category.
 * <p>
 * With {@code r} the sum of viable (arterially enhancing) target diameters over its baseline:
 * CR is {@code r = 0} with no enhancing non-target; PR keeps {@code r} at most 0.62 (a fall of at
 * least 38 %, inside the 30 % threshold), or 0.645-0.685 when stable disease follows, so the later
 * rise stays under 20 % of the nadir; SD keeps {@code r} from 0.73 up to 15 % above the nadir; PD
 * raises the sum 25-60 % over the nadir (and at least 6 mm) or shows a new typical nodule of
 * 12-30 mm. Longest diameters (RECIST 1.1) shrink little, as necrotic tumour keeps its size.
 */
final class LesionDesigner {

    private static final List<String> RIGHT = List.of("S5", "S6", "S7", "S8");
    private static final List<String> LEFT = List.of("S2", "S3", "S4");

    /** A baseline lesion: target or non-target, its segment, longest and viable diameters. */
    record Lesion(String id, boolean target, String segment, BigDecimal longest, BigDecimal viable) {
    }

    /** The baseline lesions and the total of all diameters (for the baseline form's tumour burden). */
    record Design(List<Lesion> lesions, BigDecimal largest, BigDecimal sumAll) {

        List<Lesion> targets() {
            return lesions.stream().filter(Lesion::target).toList();
        }

        List<Lesion> nonTargets() {
            return lesions.stream().filter(l -> !l.target()).toList();
        }

        BigDecimal viableSum() {
            return targets().stream().map(Lesion::viable).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One target's measurement at a scan. */
    record Measure(String id, BigDecimal longest, BigDecimal viable) {
    }

    /** A new nodule seen on a scan. */
    record NewNodule(String id, String segment, BigDecimal size) {
    }

    /**
     * One designed scan.
     *
     * @param nonTargetEnhancing whether the non-target lesions still enhance (null without non-targets)
     */
    record Scan(LocalDate date, Response response, List<Measure> targets, Boolean nonTargetEnhancing,
                List<NewNodule> newLesions) {
    }

    private final ResponseParameters parameters;
    private final Random random;

    LesionDesigner(ResponseParameters parameters, Random random) {
        this.parameters = parameters;
        this.random = random;
    }

    /**
     * Baseline lesions: up to {@code maxTargets} targets (the largest {@code largest} mm), the other
     * nodules as one non-target entry.
     *
     * @param sum the sum of all diameters when the publication gives it instead of the largest
     */
    Design baseline(int lesionCount, BigDecimal largest, BigDecimal sum, String distribution, int maxTargets) {
        int count = Math.max(1, lesionCount);
        int targets = Math.min(count, maxTargets);
        BigDecimal first;
        if (largest != null) {
            first = largest;
        } else if (sum != null) {
            first = count == 1 ? sum : mm(sum.doubleValue() * (0.5 + 0.25 * random.nextDouble()));
        } else {
            throw new CohortSpecException("the baseline needs largest_diameter_mm or sum_diameters_mm");
        }
        boolean both = "BOTH_LOBES".equals(distribution);
        List<String> segments = new ArrayList<>(both ? RIGHT : random.nextDouble() < 0.75 ? RIGHT : LEFT);
        Collections.shuffle(segments, random);
        List<Lesion> lesions = new ArrayList<>();
        double remaining = sum == null ? 0 : sum.doubleValue() - first.doubleValue();
        for (int i = 0; i < targets; i++) {
            BigDecimal ld;
            if (i == 0) {
                ld = first;
            } else if (sum != null) {
                ld = mm(Math.max(12, Math.min(first.doubleValue(), remaining * (count == targets ? 1.0 : 0.5 + 0.3 * random.nextDouble()))));
                remaining -= ld.doubleValue();
            } else {
                ld = mm(Math.max(12, first.doubleValue() * (0.35 + 0.45 * random.nextDouble())));
            }
            String segment = both && i == 1 ? LEFT.get(random.nextInt(LEFT.size())) : segments.get(i % segments.size());
            BigDecimal viable = mm(Math.max(10.5, ld.doubleValue() * (0.78 + 0.2 * random.nextDouble())));
            lesions.add(new Lesion(String.format("T%02d", i + 1), true, segment, ld, viable.min(ld)));
        }
        BigDecimal total = lesions.stream().map(Lesion::longest).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (count > targets) {
            double others = sum != null ? Math.max(10, remaining) : (count - targets) * (8 + 14 * random.nextDouble());
            String segment = both ? LEFT.get(random.nextInt(LEFT.size())) : segments.get(segments.size() - 1);
            lesions.add(new Lesion("NT01", false, segment, mm(others), null));
            total = total.add(mm(others));
        }
        return new Design(List.copyOf(lesions), first, sum != null ? sum : total.setScale(0, RoundingMode.HALF_UP));
    }

    /**
     * Measurements for scans on {@code dates} showing {@code responses} (CR, PR, SD, PD; nothing after
     * PD), checked with the response engine.
     */
    List<Scan> course(Design base, List<LocalDate> dates, List<Response> responses) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Scan> scans = attempt(base, dates, responses);
            if (reproduces(base, scans)) {
                return scans;
            }
        }
        throw new IllegalStateException("no lesion measurements reproduce the responses " + responses);
    }

    /** The same scans as another reader measures them: each diameter within a millimetre, same responses. */
    List<Scan> secondReader(Design base, List<Scan> first) {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Scan> scans = new ArrayList<>();
            for (Scan s : first) {
                List<Measure> targets = s.targets().stream().map(m -> new Measure(m.id(), jitter(m.longest()),
                        m.viable().signum() == 0 ? BigDecimal.ZERO : jitter(m.viable()))).map(LesionDesigner::consistent).toList();
                scans.add(new Scan(s.date(), s.response(), targets, s.nonTargetEnhancing(), s.newLesions()));
            }
            if (reproduces(base, scans)) {
                return scans;
            }
        }
        return first;
    }

    private List<Scan> attempt(Design base, List<LocalDate> dates, List<Response> responses) {
        BigDecimal b = base.viableSum();
        double nadir = 1.0;
        double previous = 1.0;
        Response before = null;
        boolean nonTargets = !base.nonTargets().isEmpty();
        List<Scan> scans = new ArrayList<>();
        for (int k = 0; k < responses.size(); k++) {
            Response response = responses.get(k);
            Response next = k + 1 < responses.size() ? responses.get(k + 1) : null;
            double r;
            List<NewNodule> newLesions = List.of();
            boolean enhancing = true;
            switch (response) {
                case CR -> {
                    r = 0;
                    enhancing = false;
                }
                case PR -> {
                    if (before == Response.CR) {
                        throw new CohortSpecException("a partial response cannot follow a complete response");
                    }
                    double hi = Math.min(0.62, nadir * 1.15);
                    double lo = 0.12;
                    if (next == Response.SD) {
                        lo = 0.645;
                        hi = Math.min(0.685, nadir * 1.15);
                    } else if (before == Response.PR) {
                        lo = Math.max(lo, previous * 0.75);
                        hi = Math.min(hi, previous);
                    }
                    r = uniform(lo, hi);
                }
                case SD -> {
                    if (before == Response.CR) {
                        throw new CohortSpecException("stable disease cannot follow a complete response");
                    }
                    double lo = 0.73;
                    double hi = Math.min(1.12, nadir * 1.15);
                    if (before == Response.SD) {
                        lo = Math.max(lo, previous * 0.96);
                        hi = Math.min(hi, previous * 1.06);
                    }
                    if (hi < lo) {
                        throw new CohortSpecException("stable disease cannot follow a nadir of " + Math.round(nadir * 100) + " %");
                    }
                    r = uniform(lo, hi);
                }
                case PD -> {
                    boolean bySum = nadir > 0 && nadir * b.doubleValue() * 0.25 >= 6 && random.nextBoolean();
                    if (bySum) {
                        r = nadir * uniform(1.25, 1.6);
                    } else {
                        r = before == null ? uniform(0.8, 1.05) : previous;
                        newLesions = List.of(new NewNodule("N01", RIGHT.get(random.nextInt(RIGHT.size())),
                                mm(12 + 18 * random.nextDouble())));
                    }
                    enhancing = before != Response.CR || r > 0;
                }
                default -> throw new CohortSpecException("a scan is designed as CR, PR, SD or PD, not " + response);
            }
            List<Measure> targets = split(base, r);
            scans.add(new Scan(dates.get(k), response, targets, nonTargets ? enhancing : null, newLesions));
            double actual = sum(targets).doubleValue() / b.doubleValue();
            nadir = Math.min(nadir, actual);
            previous = actual;
            before = response;
        }
        return scans;
    }

    /** Viable diameters summing to r × baseline, each target's share near its baseline share. */
    private List<Measure> split(Design base, double r) {
        List<Lesion> targets = base.targets();
        BigDecimal total = mm(base.viableSum().doubleValue() * r);
        double[] weights = new double[targets.size()];
        double w = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = targets.get(i).viable().doubleValue() * (0.9 + 0.2 * random.nextDouble());
            w += weights[i];
        }
        List<Measure> out = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO;
        for (int i = 0; i < targets.size(); i++) {
            Lesion t = targets.get(i);
            BigDecimal viable = i == targets.size() - 1 ? total.subtract(used).max(BigDecimal.ZERO)
                    : mm(total.doubleValue() * weights[i] / w);
            used = used.add(viable);
            double shrink = r > 1.0 ? Math.max(1.02, r * 0.9) : 0.82 + 0.18 * random.nextDouble();
            BigDecimal longest = mm(t.longest().doubleValue() * shrink).max(viable);
            out.add(new Measure(t.id(), longest, viable));
        }
        return out;
    }

    /** Whether the engine finds the designed response at every scan (mRECIST). */
    private boolean reproduces(Design base, List<Scan> scans) {
        List<TimePointResponse> computed = ResponseEngine.evaluateAll(Criteria.MRECIST, parameters, engineBaseline(base, scans),
                scans.stream().map(s -> assessment(base, s)).toList());
        for (int i = 0; i < scans.size(); i++) {
            if (computed.get(i).overall() != scans.get(i).response()) {
                return false;
            }
        }
        return true;
    }

    private static Baseline engineBaseline(Design base, List<Scan> scans) {
        LocalDate first = scans.isEmpty() ? LocalDate.of(2000, 1, 1) : scans.get(0).date().minusDays(60);
        List<BaselineLesion> lesions = new ArrayList<>();
        for (Lesion l : base.lesions()) {
            BaselineLesion.Builder b = l.target() ? BaselineLesion.target(l.id(), liver(l.segment()))
                    : BaselineLesion.nonTarget(l.id(), liver(l.segment()));
            b.longestDiameter(l.longest().doubleValue()).arterialEnhancement(true);
            if (l.viable() != null) {
                b.viableDiameter(l.viable().doubleValue());
            }
            lesions.add(b.build());
        }
        return new Baseline(first, lesions);
    }

    private static Assessment assessment(Design base, Scan s) {
        List<TargetMeasurement> targets = s.targets().stream()
                .map(m -> TargetMeasurement.of(m.id(), m.longest().doubleValue(), m.viable().doubleValue())).toList();
        List<NonTargetObservation> nonTargets = base.nonTargets().stream()
                .map(l -> NonTargetObservation.present(l.id(), Boolean.TRUE.equals(s.nonTargetEnhancing()))).toList();
        List<NewLesion> newLesions = s.newLesions().stream().map(n -> new NewLesion(n.id(), liver(n.segment()),
                n.size().doubleValue(), true, false, false, null, s.date())).toList();
        return Assessment.of(s.date(), targets, nonTargets, newLesions);
    }

    static LesionLocation liver(String segment) {
        return LesionLocation.liver(switch (segment) {
            case "S1" -> LiverSegment.I;
            case "S2" -> LiverSegment.II;
            case "S3" -> LiverSegment.III;
            case "S4" -> LiverSegment.IV;
            case "S5" -> LiverSegment.V;
            case "S6" -> LiverSegment.VI;
            case "S7" -> LiverSegment.VII;
            default -> LiverSegment.VIII;
        });
    }

    private static BigDecimal sum(List<Measure> targets) {
        return targets.stream().map(Measure::viable).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal jitter(BigDecimal value) {
        return mm(Math.max(0.5, value.doubleValue() + (random.nextDouble() * 2 - 1)));
    }

    private static Measure consistent(Measure m) {
        return new Measure(m.id(), m.longest().max(m.viable()), m.viable());
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    static BigDecimal mm(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
