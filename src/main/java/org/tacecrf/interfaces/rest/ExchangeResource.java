package org.tacecrf.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tacecrf.application.exchange.ExchangeSettings;
import org.tacecrf.application.exchange.ExportFormat;
import org.tacecrf.application.exchange.ExportService;
import org.tacecrf.application.exchange.ImportReport;
import org.tacecrf.application.exchange.ImportRequest;
import org.tacecrf.application.exchange.ImportService;
import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.model.exchange.ImportJob;

/**
 * Import templates, exports and imports of a study. Downloads stream; imports take the file as
 * the request body and answer with the full report (every problem with row, column, value and
 * reason; the values that change, before and after).
 */
@Path("studies/{studyId}")
@RequestScoped
public class ExchangeResource {

    private static final String FORM = "{formId: [A-Za-z0-9_]+}";
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    @Inject
    private ExportService exports;
    @Inject
    private ImportService imports;
    @Inject
    private ExchangeSettings settings;

    /** An import report as JSON. */
    public record ReportJson(Long jobId, String status, String fileName, String sha256, String format, String encoding, String form,
                             int records, int subjectsCreated, int subjectsUpdated, int formsChanged, int formsUnchanged,
                             int valuesChanged, int queries, int errors, int warnings, boolean truncated, List<ProblemJson> problems,
                             List<ChangeJson> changes) {

        static ReportJson of(ImportReport r) {
            return new ReportJson(r.jobId(), r.status().name(), r.fileName(), r.sha256(), r.format(), r.encoding(), r.formId(), r.records(),
                    r.subjectsCreated(), r.subjectsUpdated(), r.formsChanged(), r.formsUnchanged(), r.valuesChanged(), r.queries(),
                    r.errors(), r.warnings(), r.truncated(), r.problems().stream().map(ProblemJson::of).toList(),
                    r.changes().stream().map(c -> new ChangeJson(c.row(), c.subjectNumber(), c.visit(), c.form(), c.item(), c.column(),
                            c.before(), c.after(), c.calculated())).toList());
        }
    }

    /** One problem of an import file. */
    public record ProblemJson(String severity, int row, String column, String value, String code, String message) {

        static ProblemJson of(ExchangeProblem p) {
            return new ProblemJson(p.error() ? "error" : "warning", p.row(), p.column(), p.value(), p.messageKey(), p.englishText());
        }
    }

    /** One value an import changes. */
    public record ChangeJson(int row, String subject, String visit, String form, String item, String column, String before, String after,
                             boolean calculated) {
    }

    /** One import as recorded. */
    public record JobJson(long id, String mode, String status, String fileName, String sha256, String form, String user, String started,
                          int records, int subjectsCreated, int formsChanged, int valuesChanged, int errors, String message) {

        static JobJson of(ImportJob j) {
            return new JobJson(j.getId(), j.getMode().name(), j.getStatus().name(), j.getFileName(), j.getFileSha256(), j.getFormId(),
                    j.getUsername(), j.getStartedAt().toString(), j.getRecords(), j.getSubjectsCreated(), j.getFormsChanged(),
                    j.getValuesChanged(), j.getErrors(), j.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------- templates

    @GET
    @Path("templates/" + FORM + ".{format: csv|xlsx}")
    @Operation(summary = "Import template of a form (CSV header row, or workbook with the data dictionary)")
    public Response template(@PathParam("studyId") String studyId, @PathParam("formId") String formId, @PathParam("format") String format) {
        exports.checkTemplate(studyId, formId);
        ExportFormat kind = format.equals("xlsx") ? ExportFormat.XLSX : ExportFormat.CSV;
        StreamingOutput body = out -> exports.template(studyId, formId, kind, false, out);
        return download(body, kind.mediaType(), studyId + "_" + formId + "_template." + kind.extension());
    }

    @GET
    @Path("templates/" + FORM + "/dictionary.csv")
    @Operation(summary = "Data dictionary of a form's template: labels, types, units, codes, ranges, date formats")
    public Response dictionary(@PathParam("studyId") String studyId, @PathParam("formId") String formId) {
        exports.checkTemplate(studyId, formId);
        StreamingOutput body = out -> exports.template(studyId, formId, ExportFormat.CSV, true, out);
        return download(body, ExportFormat.CSV.mediaType(), studyId + "_" + formId + "_dictionary.csv");
    }

    // -------------------------------------------------------------------------------------- exports

    @GET
    @Path("exports/forms/" + FORM + ".{format: csv|xlsx|zip|sps|R}")
    @Operation(summary = "A form's data, one row per form instance (csv, xlsx with dictionary, zip with csv, dictionary, SPSS and R syntax)")
    public Response exportForm(@PathParam("studyId") String studyId, @PathParam("formId") String formId, @PathParam("format") String format,
                               @Parameter(description = "include identifying items (only for roles allowed to)")
                               @QueryParam("identifying") @DefaultValue("false") boolean identifying) {
        exports.checkExport(studyId, identifying);
        ExportFormat kind = format(format);
        exports.checkTemplate(studyId, formId);
        StreamingOutput body = out -> exports.form(studyId, formId, kind, identifying, out);
        return download(body, kind.mediaType(), studyId + "_" + formId + "_" + today() + "." + kind.extension());
    }

    @GET
    @Path("exports/analysis.{format: csv|xlsx|zip|sps|R}")
    @Operation(summary = "The wide analysis data set: one row per subject with baseline covariates, responses and endpoints")
    public Response exportAnalysis(@PathParam("studyId") String studyId, @PathParam("format") String format,
                                   @QueryParam("identifying") @DefaultValue("false") boolean identifying) {
        exports.checkExport(studyId, identifying);
        ExportFormat kind = format(format);
        StreamingOutput body = out -> exports.analysis(studyId, kind, identifying, out);
        return download(body, kind.mediaType(), studyId + "_analysis_" + today() + "." + kind.extension());
    }

    @GET
    @Path("exports/odm.xml")
    @Produces("application/xml")
    @Operation(summary = "CDISC ODM 1.3.2: metadata, admin data and clinical data (snapshot), or with audit=true every change as a transaction")
    public Response exportOdm(@PathParam("studyId") String studyId, @QueryParam("audit") @DefaultValue("false") boolean audit,
                              @QueryParam("identifying") @DefaultValue("false") boolean identifying) {
        exports.checkExport(studyId, identifying);
        StreamingOutput body = out -> exports.odm(studyId, audit, identifying, out);
        return download(body, "application/xml", studyId + "_odm_" + (audit ? "audit_" : "") + today() + ".xml");
    }

    // -------------------------------------------------------------------------------------- imports

    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a CSV, XLSX or ODM file (request body): mode=preview checks and reports, mode=commit writes all or nothing")
    public Response importFile(@PathParam("studyId") String studyId,
                               @Parameter(description = "form of a CSV or XLSX file; not needed for ODM") @QueryParam("form") String formId,
                               @QueryParam("mode") @DefaultValue("preview") String mode,
                               @Parameter(description = "reason for changes to forms already complete") @QueryParam("reason") String reason,
                               @QueryParam("fileName") String fileName, @HeaderParam("X-File-Name") String headerFileName,
                               InputStream body) throws IOException {
        if (!mode.equals("preview") && !mode.equals("commit")) {
            throw new BadRequestException("mode is preview or commit");
        }
        // Read one byte more than allowed: the service then refuses the file as too large.
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.importLimits().maxBytes() + 1));
        // Read on (to a bound) so the client finishes sending and gets the report rather than a reset connection.
        long drained = 0;
        for (long n; drained < DRAIN_LIMIT && (n = body.skip(DRAIN_LIMIT - drained)) > 0; ) {
            drained += n;
        }
        ImportRequest request = new ImportRequest(studyId, blankToNull(formId), fileName != null ? fileName : headerFileName, content, reason);
        ImportReport report = mode.equals("commit") ? imports.commit(request, null) : imports.preview(request, null);
        int status = report.status() == ImportJob.Status.FAILED ? 500 : report.hasErrors() ? 422 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ReportJson.of(report)).build();
    }

    @GET
    @Path("imports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Imports of the study, newest first")
    public List<JobJson> importHistory(@PathParam("studyId") String studyId) {
        return imports.history(studyId).stream().map(JobJson::of).toList();
    }

    private static ExportFormat format(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> ExportFormat.XLSX;
            case "zip" -> ExportFormat.ZIP;
            case "sps" -> ExportFormat.SPSS;
            case "r" -> ExportFormat.R;
            default -> ExportFormat.CSV;
        };
    }

    private static Response download(StreamingOutput body, String mediaType, String fileName) {
        return Response.ok(body, mediaType + (mediaType.startsWith("text/") ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private static String today() {
        return LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
