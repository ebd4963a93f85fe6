package org.tacecrf.interfaces.web.analysis;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import org.tacecrf.application.analysis.Analysis;
import org.tacecrf.application.analysis.AnalysisDownloads;
import org.tacecrf.application.analysis.AnalysisService;
import org.tacecrf.application.analysis.Download;
import org.tacecrf.application.analysis.DownloadFormat;
import org.tacecrf.domain.report.ReportItem;
import org.tacecrf.interfaces.web.LayoutBacking;
import org.tacecrf.interfaces.web.support.Messages;

/**
 * The analysis page: the user chooses the data cut-off, whether to use locked casebooks only and the
 * tables, computes them, reads them with their figures on the page and downloads each table (CSV,
 * XLSX), each figure (SVG, PNG) and the whole report (HTML, PDF) of what was computed.
 */
@Named
@ViewScoped
public class AnalysisBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A table the user may choose. */
    public record Choice(String id, String title) implements Serializable {
    }

    /** A computed figure ready for the page. */
    public record FigureView(String id, String title, String caption, String svg) implements Serializable {
    }

    @Inject
    private transient AnalysisService service;
    @Inject
    private transient LayoutBacking layout;

    private String studyId;
    private LocalDate cutOff;
    private boolean lockedOnly;
    private List<String> selected = new ArrayList<>();
    private List<Choice> tablesOffered = List.of();
    // the computed result holds charts, which are not serializable; it lives as long as the view
    private transient Analysis analysis;
    private List<StudyTableView> tables = List.of();
    private List<FigureView> figures = List.of();

    @PostConstruct
    void init() {
        studyId = layout.getStudyId();
        if (studyId != null) {
            tablesOffered = service.catalogue(studyId).stream().filter(e -> !e.figure())
                    .map(e -> new Choice(e.id(), e.title())).toList();
            selected = new ArrayList<>(tablesOffered.stream().map(Choice::id).toList());
        }
    }

    /** Computes the chosen tables with their figures. */
    public void compute() {
        if (studyId == null) {
            return;
        }
        if (selected.isEmpty()) {
            Messages.error(null, "analysis.error.noTable");
            return;
        }
        analysis = service.run(studyId, cutOff, lockedOnly, selected);
        List<StudyTableView> t = analysis.result().tables().stream().map(StudyTableView::of).toList();
        List<FigureView> f = new ArrayList<>();
        for (ReportItem.Figure figure : analysis.result().figures()) {
            f.add(new FigureView(figure.id(), figure.title(), figure.caption(), AnalysisDownloads.figureSvg(figure)));
        }
        tables = t;
        figures = f;
        Messages.info("analysis.computed", analysis.patients(), t.size(), f.size());
    }

    /** A table (csv, xlsx) or figure (svg, png) of the computed result. */
    public StreamedContent download(String id, String format) {
        DownloadFormat f = DownloadFormat.parse(format).orElseThrow();
        Download d = f.forFigures() ? AnalysisDownloads.figure(current(), id, f) : AnalysisDownloads.table(current(), id, f);
        service.recordDownload(current(), id, f.extension(), false);
        return stream(d);
    }

    /** Every computed table and figure as one report (html, pdf). */
    public StreamedContent report(String format) {
        DownloadFormat f = DownloadFormat.parse(format).orElseThrow();
        Download d = AnalysisDownloads.report(current(), f, Instant.now());
        service.recordDownload(current(), "report", f.extension(), false);
        return stream(d);
    }

    private Analysis current() {
        if (analysis == null) {
            // the view outlived its computed result (e.g. after a restart): compute it again
            analysis = service.run(studyId, cutOff, lockedOnly, selected);
        }
        return analysis;
    }

    private static StreamedContent stream(Download d) {
        return DefaultStreamedContent.builder().name(d.fileName()).contentType(d.contentType())
                .contentLength((long) d.content().length).stream(() -> new ByteArrayInputStream(d.content())).build();
    }

    public boolean isComputed() {
        return !tables.isEmpty();
    }

    public String getStudyId() { return studyId; }
    public LocalDate getCutOff() { return cutOff; }
    public void setCutOff(LocalDate cutOff) { this.cutOff = cutOff; }
    public boolean isLockedOnly() { return lockedOnly; }
    public void setLockedOnly(boolean lockedOnly) { this.lockedOnly = lockedOnly; }
    public List<String> getSelected() { return selected; }
    public void setSelected(List<String> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
    public List<Choice> getTablesOffered() { return tablesOffered; }
    public List<StudyTableView> getTables() { return tables; }
    public List<FigureView> getFigures() { return figures; }
    public LocalDate getToday() { return LocalDate.now(); }
}
