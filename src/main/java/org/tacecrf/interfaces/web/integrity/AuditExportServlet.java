package org.tacecrf.interfaces.web.integrity;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tacecrf.application.common.AccessDeniedException;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.integrity.AuditExportFormat;
import org.tacecrf.application.integrity.AuditFilter;
import org.tacecrf.application.integrity.AuditQueryService;

/**
 * Streams the filtered audit log as CSV or XLSX straight to the browser, so an export of the whole
 * trail never has to fit in memory. Under {@code /app/}, so only signed-in users reach it; the
 * service decides who may read the log.
 */
@WebServlet(AuditExportServlet.PATH)
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/app/audit-export";

    @Inject
    private transient AuditQueryService auditQuery;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditExportFormat format;
        AuditFilter filter;
        try {
            format = AuditExportFormat.valueOf(request.getParameter("format"));
            filter = new AuditFilter(request.getParameter("study"), date(request, "from"), date(request, "to"),
                    request.getParameter("user"), request.getParameter("action"), request.getParameter("entity"),
                    request.getParameter("subject"), request.getParameter("site"));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format must be CSV or XLSX; dates yyyy-mm-dd");
            return;
        }
        if (filter.studyId() == null || !auditQuery.canReadLog(filter.studyId())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String name = "audit-trail-" + filter.studyId() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(java.time.Instant.now())
                + "." + format.extension();
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        response.setHeader("Cache-Control", "no-store");
        try {
            auditQuery.export(filter, format, response.getOutputStream());
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (ValidationFailure e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private static LocalDate date(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}
