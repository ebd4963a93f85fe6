package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tacecrf.domain.response.Criteria;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisVariable;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;
import org.tacecrf.domain.tables.AnalysedSubject.ProtocolPoint;

/**
 * One row per subject with what the tables use, at the cut-off, for analysis in other software
 * (R, SPSS, SAS): subject, site and arm; each analysis variable (its number, or its level code; a
 * continuous variable with cut-offs gives both, the level as {@code <id>_level}); sessions; each
 * endpoint as months and event (1) or censoring (0); best overall response and the response at each
 * protocol time point under each criteria. Missing values are empty. Adverse events are a second
 * table, one row per event.
 */
public final class SubjectLevelData {

    private SubjectLevelData() {
    }

    /** Column names followed by one row per subject. */
    public static List<List<String>> subjects(AnalysisDataset d) {
        AnalysisConfig a = d.study().analysis();
        List<String> header = new ArrayList<>(List.of("subject", "site", "arm", "treated", "sessions"));
        for (AnalysisVariable v : a.variables()) {
            header.add(v.id());
            if (v.numeric() && v.categorised()) {
                header.add(v.id() + "_level");
            }
        }
        for (Endpoint e : a.survival().endpoints()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            header.add(name + "_months");
            header.add(name + "_event");
        }
        for (ResponseCriteria rc : a.response().criteria()) {
            String c = rc.name().toLowerCase(Locale.ROOT);
            header.add("bor_" + c);
            for (String visit : a.response().timePoints()) {
                header.add(visit + "_" + c);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (AnalysedSubject s : d.subjects()) {
            List<String> row = new ArrayList<>(List.of(s.facts().number(), s.facts().siteId(),
                    s.armId() == null ? "" : s.armId(), s.treated() ? "1" : "0", String.valueOf(s.sessions().size())));
            for (AnalysisVariable v : a.variables()) {
                if (v.numeric()) {
                    double x = VariableReader.number(v, s);
                    row.add(Double.isNaN(x) ? "" : plain(x));
                    if (v.categorised()) {
                        row.add(orEmpty(VariableReader.level(v, s)));
                    }
                } else if (v.multiple()) {
                    row.add(String.join("|", VariableReader.levels(v, s)));
                } else {
                    row.add(orEmpty(VariableReader.level(v, s)));
                }
            }
            for (Endpoint e : a.survival().endpoints()) {
                s.survival(e).ifPresentOrElse(t -> {
                    row.add(Double.toString(t.months()));
                    row.add(t.event() ? "1" : "0");
                }, () -> {
                    row.add("");
                    row.add("");
                });
            }
            for (ResponseCriteria rc : a.response().criteria()) {
                Criteria c = rc == ResponseCriteria.RECIST_1_1 ? Criteria.RECIST_1_1 : Criteria.MRECIST;
                Response best = s.response(c).best();
                row.add(best == null ? "" : best.name());
                for (String visit : a.response().timePoints()) {
                    row.add(s.response(c).protocol().stream().filter(p -> p.visitId().equals(visit) && p.assessed())
                            .map(ProtocolPoint::response).findFirst().map(r -> r == null ? "NE" : r.name()).orElse(""));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Column names followed by one row per adverse event of a treated subject. */
    public static List<List<String>> adverseEvents(AnalysisDataset d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("subject", "arm", "term", "grade", "onset", "session"));
        for (AnalysedSubject s : d.subjects()) {
            if (!s.treated()) {
                continue;
            }
            for (AdverseEventTable.Event e : AdverseEventTable.events(s, d.study())) {
                rows.add(List.of(s.facts().number(), s.armId() == null ? "" : s.armId(), e.term(),
                        String.valueOf(e.grade()), e.onset() == null ? "" : e.onset().toString(),
                        e.session() == null ? "" : String.valueOf(e.session())));
            }
        }
        return rows;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : Double.toString(x);
    }
}
