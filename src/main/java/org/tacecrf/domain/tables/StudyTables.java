package org.tacecrf.domain.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.study.AnalysisConfig;
import org.tacecrf.domain.study.AnalysisConfig.Endpoint;
import org.tacecrf.domain.study.AnalysisConfig.Table;
import org.tacecrf.domain.study.AnalysisVariable;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.StudyParameters.ResponseCriteria;

/**
 * The study tables and figures of a study, as its {@code analysis:} section asks: the catalogue
 * (ids and numbered titles, known before any data is read) and the tables and figures built from an
 * {@link AnalysisDataset}. Table and figure numbers follow the catalogue, so a table keeps its number
 * whichever others are chosen.
 */
public final class StudyTables {

    /**
     * A table or figure the study produces.
     *
     * @param id     stable id used in URLs and file names, e.g. "baseline", "cox-os", "km-os"
     * @param title  numbered title, e.g. "Table 2. Baseline characteristics"
     * @param kind   the table kind of the study file it belongs to
     * @param figure whether it is a figure
     */
    public record Entry(String id, String title, Table kind, boolean figure) {
    }

    /** Built tables and figures, in catalogue order. */
    public record Result(List<StudyTable> tables, List<ReportItem.Figure> figures) {
        public Result {
            tables = List.copyOf(tables);
            figures = List.copyOf(figures);
        }

        public Optional<StudyTable> table(String id) {
            return tables.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        public Optional<ReportItem.Figure> figure(String id) {
            return figures.stream().filter(f -> f.id().equals(id)).findFirst();
        }
    }

    private StudyTables() {
    }

    /** Every table and figure of the study, numbered. */
    public static List<Entry> catalogue(StudyDefinition study) {
        AnalysisConfig a = study.analysis();
        List<Entry> tables = new ArrayList<>();
        List<Entry> figures = new ArrayList<>();
        for (Table kind : Table.values()) {
            if (!a.produces(kind)) {
                continue;
            }
            switch (kind) {
                case CONSORT -> tables.add(table(tables, ConsortTable.ID, "Patient flow (CONSORT)", kind));
                case BASELINE -> tables.add(table(tables, BaselineTable.ID, "Baseline characteristics", kind));
                case EXPOSURE -> tables.add(table(tables, ExposureTable.ID, "Treatment exposure", kind));
                case RESPONSE -> {
                    for (ResponseCriteria c : a.response().criteria()) {
                        tables.add(table(tables, ResponseTable.id(c), "Tumour response (" + c.label() + ")", kind));
                        figures.add(figure(figures, ResponseTable.figureId(c), "Tumour response by time point ("
                                + c.label() + ")", kind));
                    }
                }
                case SURVIVAL -> {
                    tables.add(table(tables, SurvivalTable.ID, "Survival", kind));
                    for (Endpoint e : a.survival().endpoints()) {
                        figures.add(figure(figures, SurvivalTable.figureId(e), e.label()
                                + (study.arms().size() > 1 ? " by arm" : ""), kind));
                    }
                }
                case SUBGROUPS -> {
                    tables.add(table(tables, SubgroupTable.ID, "Survival by subgroup", kind));
                    for (Endpoint e : a.survival().subgroupEndpoints()) {
                        for (String id : a.subgroups()) {
                            AnalysisVariable v = a.requireVariable(id);
                            figures.add(figure(figures, SubgroupTable.figureId(e, id), e.label() + " by "
                                    + v.label().en(), kind));
                        }
                    }
                }
                case COX -> {
                    for (Endpoint e : a.cox().endpoints()) {
                        tables.add(table(tables, CoxTable.id(e), "Cox regression of "
                                + e.label().toLowerCase(Locale.ROOT), kind));
                    }
                }
                case ADVERSE_EVENTS -> {
                    tables.add(table(tables, AdverseEventTable.PATIENTS, "Adverse events per patient", kind));
                    tables.add(table(tables, AdverseEventTable.SESSIONS, "Adverse events per TACE session", kind));
                }
                case LAB_CHANGE -> tables.add(table(tables, LabChangeTable.ID,
                        "Laboratory values before and after TACE", kind));
                case QOL -> tables.add(table(tables, QolTable.ID,
                        "Quality of life (EORTC QLQ-C30) before and after treatment", kind));
                case BIOMARKERS -> tables.add(table(tables, BiomarkerTable.ID,
                        "Tumour-marker response and imaging response", kind));
            }
        }
        List<Entry> out = new ArrayList<>(tables);
        out.addAll(figures);
        return out;
    }

    private static Entry table(List<Entry> before, String id, String title, Table kind) {
        return new Entry(id, "Table " + (before.size() + 1) + ". " + title, kind, false);
    }

    private static Entry figure(List<Entry> before, String id, String title, Table kind) {
        return new Entry(id, "Figure " + (before.size() + 1) + ". " + title, kind, true);
    }

    /** Every table and figure. */
    public static Result build(AnalysisDataset d) {
        return build(d, List.of());
    }

    /**
     * The chosen tables with the figures of their kinds (a figure may be chosen by its own id too);
     * every table and figure when {@code ids} is empty.
     *
     * @throws IllegalArgumentException for an id the study does not produce
     */
    public static Result build(AnalysisDataset d, Collection<String> ids) {
        List<Entry> catalogue = catalogue(d.study());
        Set<String> known = new LinkedHashSet<>();
        catalogue.forEach(e -> known.add(e.id()));
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("Study " + d.study().id() + " has no table or figure " + id + ".");
            }
        }
        Set<Table> kinds = new LinkedHashSet<>();
        catalogue.stream().filter(e -> ids.contains(e.id()) && !e.figure()).forEach(e -> kinds.add(e.kind()));
        List<StudyTable> tables = new ArrayList<>();
        List<ReportItem.Figure> figures = new ArrayList<>();
        for (Entry e : catalogue) {
            boolean wanted = ids.isEmpty() || ids.contains(e.id()) || e.figure() && kinds.contains(e.kind());
            if (!wanted) {
                continue;
            }
            if (e.figure()) {
                ReportItem.Figure f = figure(d, e);
                if (f != null) {
                    figures.add(f);
                }
            } else {
                tables.add(table(d, e));
            }
        }
        return new Result(tables, figures);
    }

    private static StudyTable table(AnalysisDataset d, Entry e) {
        String id = e.id();
        AnalysisConfig a = d.study().analysis();
        for (ResponseCriteria c : a.response().criteria()) {
            if (id.equals(ResponseTable.id(c))) {
                return ResponseTable.build(d, c, e.title());
            }
        }
        for (Endpoint endpoint : a.cox().endpoints()) {
            if (id.equals(CoxTable.id(endpoint))) {
                return CoxTable.build(d, endpoint, e.title());
            }
        }
        return switch (id) {
            case ConsortTable.ID -> ConsortTable.build(d, e.title());
            case BaselineTable.ID -> BaselineTable.build(d, e.title());
            case ExposureTable.ID -> ExposureTable.build(d, e.title());
            case SurvivalTable.ID -> SurvivalTable.build(d, e.title());
            case SubgroupTable.ID -> SubgroupTable.build(d, e.title());
            case AdverseEventTable.PATIENTS -> AdverseEventTable.patients(d, e.title());
            case AdverseEventTable.SESSIONS -> AdverseEventTable.sessions(d, e.title());
            case LabChangeTable.ID -> LabChangeTable.build(d, e.title());
            case QolTable.ID -> QolTable.build(d, e.title());
            case BiomarkerTable.ID -> BiomarkerTable.build(d, e.title());
            default -> throw new IllegalStateException("no builder for table " + id);
        };
    }

    private static ReportItem.Figure figure(AnalysisDataset d, Entry e) {
        AnalysisConfig a = d.study().analysis();
        for (ResponseCriteria c : a.response().criteria()) {
            if (e.id().equals(ResponseTable.figureId(c))) {
                return ResponseTable.figure(d, c, e.title());
            }
        }
        for (Endpoint endpoint : a.survival().endpoints()) {
            if (e.id().equals(SurvivalTable.figureId(endpoint))) {
                return SurvivalTable.figure(d, endpoint, e.title());
            }
        }
        for (Endpoint endpoint : a.survival().subgroupEndpoints()) {
            for (String variable : a.subgroups()) {
                if (e.id().equals(SubgroupTable.figureId(endpoint, variable))) {
                    return SubgroupTable.figure(d, endpoint, variable, e.title());
                }
            }
        }
        throw new IllegalStateException("no builder for figure " + e.id());
    }
}
