package org.tacecrf.interfaces.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.tacecrf.application.analysis.Analysis;
import org.tacecrf.application.analysis.AnalysisService;
import org.tacecrf.application.analysis.Download;
import org.tacecrf.application.analysis.DownloadFormat;
import org.tacecrf.domain.report.Cell;
import org.tacecrf.domain.report.Footnote;
import org.tacecrf.domain.report.Row;
import org.tacecrf.domain.report.StudyTable;
import org.tacecrf.domain.report.TableValue;

/**
 * The study tables of a study for scripts: the catalogue, each table as JSON, CSV, XLSX, HTML or
 * PDF, each figure as SVG or PNG, and the whole report as HTML or PDF, at a chosen data cut-off and
 * optionally from locked casebooks only. Investigators, monitors and data managers only, over the
 * sites they may see; every file is recorded in the audit trail.
 */
@Path("studies/{studyId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StudyTablesResource {

    /** A table or figure of the catalogue, with the path to fetch it. */
    public record EntryJson(String id, String title, String kind, boolean figure, String href) {
    }

    /** A table as JSON: its note, column labels, rows of printed cells, footnotes and every number behind it. */
    public record TableJson(String id, String title, String subtitle, String population, Integer n,
                            LocalDate dataCutOff, boolean lockedOnly, String methods, List<String> columns,
                            List<RowJson> rows, List<FootnoteJson> footnotes, String source, List<ValueJson> values) {
    }

    /** A body row: label, indentation, and the printed text of each data cell (with footnote markers). */
    public record RowJson(String label, int level, boolean section, List<String> cells) {
    }

    public record FootnoteJson(String marker, String text) {
    }

    /** One number of the table in long form. */
    public record ValueJson(String row, String column, String statistic, double value, String text) {
    }

    @Inject
    private AnalysisService analysis;

    @GET
    @Path("tables")
    @Operation(summary = "The study tables and figures of the study")
    public List<EntryJson> catalogue(@PathParam("studyId") String studyId) {
        return analysis.catalogue(studyId).stream().map(e -> new EntryJson(e.id(), e.title(),
                e.kind().name().toLowerCase(java.util.Locale.ROOT), e.figure(),
                "/api/studies/" + studyId + (e.figure() ? "/figures/" : "/tables/") + e.id())).toList();
    }

    @GET
    @Path("tables/{tableId}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.TEXT_HTML, "application/pdf"})
    @Operation(summary = "One study table as json, csv, xlsx, html or pdf")
    public Response table(@PathParam("studyId") String studyId, @PathParam("tableId") String tableId,
                          @Parameter(description = "Data cut-off, yyyy-mm-dd; all data when absent")
                          @QueryParam("cutoff") String cutoff,
                          @QueryParam("lockedOnly") @DefaultValue("false") boolean lockedOnly,
                          @QueryParam("format") @DefaultValue("json") String format) {
        LocalDate date = date(cutoff);
        requireEntry(studyId, tableId, false);
        if ("json".equalsIgnoreCase(format)) {
            Analysis a = analysis.run(studyId, date, lockedOnly, List.of(tableId));
            StudyTable t = a.result().table(tableId).orElseThrow(NotFoundException::new);
            analysis.recordDownload(a, tableId, "json", true);
            return Response.ok(json(t, lockedOnly), MediaType.APPLICATION_JSON_TYPE).build();
        }
        DownloadFormat f = DownloadFormat.parse(format).filter(DownloadFormat::forTables)
                .orElseThrow(() -> new BadRequestException("format must be json, csv, xlsx, html or pdf"));
        return file(analysis.table(studyId, tableId, date, lockedOnly, f));
    }

    @GET
    @Path("figures/{figureId}")
    @Produces({"image/svg+xml", "image/png"})
    @Operation(summary = "One figure as svg or png")
    public Response figure(@PathParam("studyId") String studyId, @PathParam("figureId") String figureId,
                           @QueryParam("cutoff") String cutoff,
                           @QueryParam("lockedOnly") @DefaultValue("false") boolean lockedOnly,
                           @QueryParam("format") @DefaultValue("svg") String format) {
        DownloadFormat f = DownloadFormat.parse(format).filter(DownloadFormat::forFigures)
                .orElseThrow(() -> new BadRequestException("format must be svg or png"));
        LocalDate date = date(cutoff);
        requireEntry(studyId, figureId, true);
        return file(analysis.figure(studyId, figureId, date, lockedOnly, f)
                .orElseThrow(() -> new NotFoundException("There are no data to draw figure " + figureId + ".")));
    }

    @GET
    @Path("report")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    @Operation(summary = "Every table and figure as one html or pdf report")
    public Response report(@PathParam("studyId") String studyId, @QueryParam("cutoff") String cutoff,
                           @QueryParam("lockedOnly") @DefaultValue("false") boolean lockedOnly,
                           @QueryParam("format") @DefaultValue("html") String format) {
        DownloadFormat f = DownloadFormat.parse(format).filter(x -> x == DownloadFormat.HTML || x == DownloadFormat.PDF)
                .orElseThrow(() -> new BadRequestException("format must be html or pdf"));
        return file(analysis.report(studyId, date(cutoff), lockedOnly, f));
    }

    /** Unknown tables and figures are 404 (the catalogue also checks the caller's access to the study). */
    private void requireEntry(String studyId, String id, boolean figure) {
        if (analysis.catalogue(studyId).stream().noneMatch(e -> e.id().equals(id) && e.figure() == figure)) {
            throw new NotFoundException("Study " + studyId + " has no " + (figure ? "figure " : "table ") + id + ".");
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("cutoff must be a date written yyyy-mm-dd");
        }
    }

    private static Response file(Download d) {
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"").build();
    }

    static TableJson json(StudyTable t, boolean lockedOnly) {
        List<RowJson> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            rows.add(new RowJson(r.labelWithMarkers(), r.level(), r.isSection(),
                    r.cells().stream().map(Cell::textWithMarkers).toList()));
        }
        List<ValueJson> values = new ArrayList<>();
        for (TableValue v : t.values()) {
            if (Double.isFinite(v.value())) {
                values.add(new ValueJson(v.rowLabel(), v.columnLabel(), v.statistic(), v.value(), v.text()));
            }
        }
        return new TableJson(t.id(), t.title(), t.subtitle(), t.note().population(), t.note().n(),
                t.note().dataCutOff(), lockedOnly, t.note().methods(), t.columnLabels(), rows,
                t.footnotes().stream().map((Footnote f) -> new FootnoteJson(f.marker(), f.text())).toList(), t.source(),
                values);
    }
}
