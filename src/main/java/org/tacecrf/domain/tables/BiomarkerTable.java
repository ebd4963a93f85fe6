package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData.FormInstance;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.HeaderCell;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.stats.Correlation;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.domain.tables.AnalysedSubject.ProtocolPoint;

/**
 * Tumour-marker response against imaging response (table 4 of the layered-embolization paper): for
 * each marker of {@code analysis.biomarkers}, the patients with both responses, cross-tabulated as
 * n (%) of each imaging category, and Spearman's rho between the two ordered responses (imaging
 * CR &gt; PR &gt; SD &gt; PD; marker response &gt; stable &gt; progression, by the study's
 * biomarker thresholds) with the t-approximation p (SPSS NONPAR CORR; R {@code cor.test(method =
 * "spearman", exact = FALSE)}). A positive rho means that marker decline goes with better imaging
 * response. At a time point: the markers of that visit and its protocol response under the primary
 * criteria; for "best": the first follow-up markers with a response and the best overall response.
 */
final class BiomarkerTable {

    static final String ID = "biomarkers";
    private static final String FORM = "tumour_markers";
    private static final List<Response> IMAGING = List.of(Response.CR, Response.PR, Response.SD, Response.PD);
    private static final List<String> MARKER = List.of("RESPONSE", "STABLE", "PROGRESSION");

    private BiomarkerTable() {
    }

    static StudyTable build(AnalysisDataset d, String title) {
        AnalysisConfig.Biomarkers config = d.study().analysis().biomarkers();
        Criteria criteria = d.subjects().isEmpty() ? Criteria.MRECIST : d.subjects().get(0).summary().primaryCriteria();
        boolean best = AnalysisConfig.BEST.equals(config.timePoint());
        String when = best ? "best overall response" : "response at " + d.study().visit(config.timePoint())
                .map(VisitDef::label).map(l -> l.en()).orElse(config.timePoint());
        StudyTable.Builder t = Tables.start(d, ID, title, d.population(), d.n())
                .methods("Imaging " + when + " (" + criteria.displayName() + ") against tumour-marker response (decline"
                        + " of at least " + plain(d.study().parameters().biomarker().responseDeclinePct())
                        + "% from baseline; progression at a rise of at least "
                        + plain(d.study().parameters().biomarker().progressionRisePct()) + "%); n (%) of each imaging"
                        + " category.")
                .header(HeaderCell.of("Marker / imaging response"), HeaderCell.of("Marker response"),
                        HeaderCell.of("Marker stable"), HeaderCell.of("Marker progression"), HeaderCell.of("n"),
                        HeaderCell.of("Spearman's rho"), HeaderCell.of("P value"));
        TestNotes tests = new TestNotes();
        for (String marker : config.markers()) {
            List<Response> imaging = new ArrayList<>();
            List<String> markers = new ArrayList<>();
            for (AnalysedSubject s : d.subjects()) {
                Optional<Response> image = imaging(s, criteria, config.timePoint());
                Optional<String> m = marker(s, marker, config.timePoint(), d.study());
                if (image.isPresent() && m.isPresent()) {
                    imaging.add(image.get());
                    markers.add(m.get());
                }
            }
            Cell rho = Cell.empty();
            Cell p = Cell.empty();
            if (imaging.size() >= 3) {
                double[] x = imaging.stream().mapToDouble(BiomarkerTable::imagingRank).toArray();
                double[] y = markers.stream().mapToDouble(BiomarkerTable::markerRank).toArray();
                Correlation.Result r = Correlation.spearman(x, y);
                if (!Double.isNaN(r.estimate())) {
                    rho = Cell.number(r.estimate(), 2);
                    p = tests.p(r.pValue(), "Spearman rank correlation, t approximation");
                }
            }
            String label = d.study().item(FORM, marker).map(i -> i.label().en()).orElse(marker);
            t.row(0, label, Cell.empty(), Cell.empty(), Cell.empty(), Cell.count(imaging.size()), rho, p);
            for (Response category : IMAGING) {
                List<String> in = new ArrayList<>();
                for (int i = 0; i < imaging.size(); i++) {
                    if (imaging.get(i) == category) {
                        in.add(markers.get(i));
                    }
                }
                List<Cell> cells = new ArrayList<>();
                for (String m : MARKER) {
                    cells.add(Tables.countPercent(in.stream().filter(m::equals).count(), in.size()));
                }
                cells.add(Cell.count(in.size()));
                cells.add(Cell.empty());
                cells.add(Cell.empty());
                t.row(1, category.label() + " (" + category.name() + ")", Tables.cells(cells));
            }
        }
        tests.addTo(t);
        return t.build();
    }

    private static Optional<Response> imaging(AnalysedSubject s, Criteria criteria, String timePoint) {
        Response r;
        if (AnalysisConfig.BEST.equals(timePoint)) {
            r = s.response(criteria).best();
        } else {
            r = s.response(criteria).protocol().stream().filter(p -> p.visitId().equals(timePoint))
                    .filter(ProtocolPoint::assessed).map(ProtocolPoint::response).findFirst().orElse(null);
        }
        if (r == Response.NON_CR_NON_PD) {
            r = Response.SD;
        }
        return Optional.ofNullable(r).filter(IMAGING::contains);
    }

    private static Optional<String> marker(AnalysedSubject s, String marker, String timePoint, StudyDefinition study) {
        boolean best = AnalysisConfig.BEST.equals(timePoint);
        for (FormInstance f : s.forms(FORM)) {
            boolean at = best ? study.visit(f.visit().visitId()).map(v -> v.type() == org.tacecrf.domain.study.VisitType
                    .FOLLOW_UP).orElse(false) : f.visit().visitId().equals(timePoint);
            if (!at) {
                continue;
            }
            Optional<String> r = f.first(marker + "_response").map(StoredValue::text).filter(MARKER::contains);
            if (r.isPresent() || !best) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static double imagingRank(Response r) {
        return switch (r) {
            case CR -> 4;
            case PR -> 3;
            case SD -> 2;
            default -> 1;
        };
    }

    private static double markerRank(String m) {
        return switch (m) {
            case "RESPONSE" -> 3;
            case "STABLE" -> 2;
            default -> 1;
        };
    }

    private static String plain(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
