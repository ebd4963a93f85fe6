package org.tacecrf.application.reports;

import java.time.LocalDate;

/**
 * What every data-quality report filters on; null fields do not filter. The user's sites always
 * apply on top.
 */
public record ReportFilter(String studyId, String siteId, String visitId, String formId, LocalDate from, LocalDate to) {

    public static ReportFilter of(String studyId) {
        return new ReportFilter(studyId, null, null, null, null, null);
    }

    public boolean siteFilter() {
        return siteId != null && !siteId.isBlank();
    }

    public boolean visitFilter() {
        return visitId != null && !visitId.isBlank();
    }

    public boolean formFilter() {
        return formId != null && !formId.isBlank();
    }
}
