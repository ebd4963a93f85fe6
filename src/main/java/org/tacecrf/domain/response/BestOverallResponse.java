package org.tacecrf.domain.response;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Best overall response (BOR) of a subject under one criteria (RECIST 1.1 section 4.4; clinical
 * rules 1.9-1.10).
 * <p>
 * Time points count from the reference date (start of study treatment) up to the first
 * progression, and not after the last eligible date (e.g. start of a new anticancer therapy).
 * Time points on or after the first progression date are replaced by a single PD on that date, so
 * a new lesion confirmed later takes away the response seen on the scan where it first appeared.
 * Ranking: CR &gt; PR &gt; SD &gt; Non-CR/Non-PD &gt; PD &gt; NE.
 * <ul>
 *   <li>SD and Non-CR/Non-PD count only when documented at least {@code sdMinDays} after the
 *       reference date; earlier ones count as NE (so BOR is PD when PD follows, NE otherwise).</li>
 *   <li>Without confirmation, a CR or PR counts as soon as it is seen.</li>
 *   <li>With confirmation, a CR counts when a later CR at least {@code confirmMinDays} after it
 *       follows with only CR or NE between; a PR when a later CR or PR follows likewise with only
 *       CR, PR or NE between; at most {@code maxNeBetweenConfirmation} NE time points in between. An
 *       unconfirmed CR or PR counts as SD (Non-CR/Non-PD for non-target-only disease) under the SD
 *       duration rule. A PR, SD or Non-CR/Non-PD following a CR is treated as PD, as in the RECIST
 *       1.1 confirmation table (disease back after a genuine CR); {@link #crFollowedByLesserResponse()}
 *       flags it so the CR can be queried and re-read as PR if small lesions were there all along.</li>
 * </ul>
 *
 * @param response                   best overall response; NE when nothing qualifies
 * @param responseDate               first date the best response was documented; null when the BOR is NE
 * @param confirmationDate           date of the confirming assessment of a confirmed CR/PR
 * @param confirmationRequired       whether confirmation was applied
 * @param firstProgressionDate       first progression date among the counted time points
 * @param objectiveResponse          BOR is CR or PR (ORR flag)
 * @param diseaseControl             BOR is CR, PR or SD (and Non-CR/Non-PD if the study counts it) (DCR flag)
 * @param crFollowedByLesserResponse a CR was followed by PR, SD or Non-CR/Non-PD
 */
public record BestOverallResponse(
        Response response,
        LocalDate responseDate,
        LocalDate confirmationDate,
        boolean confirmationRequired,
        LocalDate firstProgressionDate,
        boolean objectiveResponse,
        boolean diseaseControl,
        boolean crFollowedByLesserResponse) {

    private record Point(LocalDate date, Response response, boolean targetDisease) {
    }

    /** BOR with no last eligible date. */
    public static BestOverallResponse derive(List<? extends DatedResponse> timePoints, LocalDate referenceDate,
                                             ResponseParameters parameters) {
        return derive(timePoints, referenceDate, null, parameters);
    }

    /**
     * @param timePoints       a subject's time-point responses under one criteria, any order
     * @param referenceDate    start of study treatment; SD duration is measured from it
     * @param lastEligibleDate time points after this date do not count (e.g. new anticancer therapy); may be null
     */
    public static BestOverallResponse derive(List<? extends DatedResponse> timePoints, LocalDate referenceDate,
                                             LocalDate lastEligibleDate, ResponseParameters parameters) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        List<DatedResponse> eligible = timePoints.stream()
                .<DatedResponse>map(t -> t)
                .filter(t -> !t.date().isBefore(referenceDate))
                .filter(t -> lastEligibleDate == null || !t.date().isAfter(lastEligibleDate))
                .sorted(Comparator.comparing(DatedResponse::date))
                .toList();
        LocalDate firstProgression = ResponseHistory.firstProgressionDate(eligible).orElse(null);

        List<Point> points = new ArrayList<>();
        for (DatedResponse t : eligible) {
            if (firstProgression != null && !t.date().isBefore(firstProgression)) {
                break;
            }
            points.add(new Point(t.date(), t.overall(), t.targetDisease()));
        }
        if (firstProgression != null) {
            points.add(new Point(firstProgression, Response.PD, eligible.get(0).targetDisease()));
        }

        boolean crFollowedByLesser = false;
        if (parameters.confirmationRequired()) {
            crFollowedByLesser = treatLesserAfterCrAsProgression(points);
        }

        Response best = Response.NE;
        LocalDate bestDate = null;
        LocalDate confirmation = null;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Response counted = p.response();
            LocalDate confirmedBy = null;
            if (counted == Response.CR || counted == Response.PR) {
                if (parameters.confirmationRequired()) {
                    confirmedBy = confirmation(points, i, parameters);
                    if (confirmedBy == null) {
                        counted = p.targetDisease() ? Response.SD : Response.NON_CR_NON_PD;
                    }
                }
            }
            if ((counted == Response.SD || counted == Response.NON_CR_NON_PD)
                    && ChronoUnit.DAYS.between(referenceDate, p.date()) < parameters.sdMinDays()) {
                counted = Response.NE;
            }
            if (counted.betterThan(best)) {
                best = counted;
                bestDate = p.date();
                confirmation = confirmedBy;
            }
        }
        boolean control = best == Response.CR || best == Response.PR || best == Response.SD
                || (best == Response.NON_CR_NON_PD && parameters.nonCrNonPdCountsForDiseaseControl());
        return new BestOverallResponse(best, bestDate, confirmation, parameters.confirmationRequired(),
                firstProgression, best.isObjectiveResponse(), control, crFollowedByLesser);
    }

    /**
     * RECIST 1.1 confirmation table: after a genuine CR, any disease seen later is progression.
     * Replaces a PR, SD or Non-CR/Non-PD following a CR (NE ignored) by PD and drops what follows.
     */
    private static boolean treatLesserAfterCrAsProgression(List<Point> points) {
        Response last = null;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (last == Response.CR && (p.response() == Response.PR || p.response() == Response.SD
                    || p.response() == Response.NON_CR_NON_PD)) {
                points.set(i, new Point(p.date(), Response.PD, p.targetDisease()));
                points.subList(i + 1, points.size()).clear();
                return true;
            }
            if (p.response() != Response.NE) {
                last = p.response();
            }
        }
        return false;
    }

    /** Date of the assessment confirming the CR/PR at {@code index}, or null. */
    private static LocalDate confirmation(List<Point> points, int index, ResponseParameters parameters) {
        Point first = points.get(index);
        boolean cr = first.response() == Response.CR;
        int neBetween = 0;
        for (int j = index + 1; j < points.size(); j++) {
            Point next = points.get(j);
            Response r = next.response();
            boolean confirming = cr ? r == Response.CR : r == Response.CR || r == Response.PR;
            if (confirming && ChronoUnit.DAYS.between(first.date(), next.date()) >= parameters.confirmMinDays()) {
                return next.date();
            }
            if (r == Response.NE) {
                if (++neBetween > parameters.maxNeBetweenConfirmation()) {
                    return null;
                }
            } else if (!confirming) {
                return null;
            }
        }
        return null;
    }
}
