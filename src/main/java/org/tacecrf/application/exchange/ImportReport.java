package org.tacecrf.application.exchange;

import java.util.List;

import org.tacecrf.domain.exchange.ExchangeProblem;
import org.tacecrf.model.exchange.ImportJob;

/**
 * What an import found or did: the job and file, how the file was read, counts, every problem
 * (row, column, value, reason) and the values that change, before and after. Lists are capped for
 * very large files ({@link #MAX_LISTED}); the counts are always complete.
 *
 * @param encoding        how a CSV file was decoded (e.g. "GB18030 (GBK)"), or null
 * @param records         form records in the file
 * @param subjectsCreated subjects the file creates
 * @param subjectsUpdated existing subjects whose data change
 * @param formsChanged    form instances created or changed
 * @param formsUnchanged  form instances the file leaves as they are (a re-import changes nothing)
 * @param valuesChanged   item values entered, changed or cleared (calculated values included)
 * @param queries         soft edit-check failures that raise (or will raise) a query
 * @param errors          all errors (problems that refuse the file)
 * @param warnings        all warnings
 */
public record ImportReport(Long jobId, ImportJob.Status status, String fileName, String sha256, String format, String encoding,
                           String formId, int records, int subjectsCreated, int subjectsUpdated, int formsChanged,
                           int formsUnchanged, int valuesChanged, int queries, int errors, int warnings, List<ExchangeProblem> problems,
                           List<ValueChange> changes) {

    /** Problems and changes listed in full up to this many; counts stay exact. */
    public static final int MAX_LISTED = 5000;

    public ImportReport {
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
    }

    /** One value that changes. */
    public record ValueChange(int row, String subjectNumber, String visit, String form, String item, String column, String before,
                              String after, boolean calculated) {
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Whether the lists were cut at {@link #MAX_LISTED}. */
    public boolean truncated() {
        return errors + warnings > problems.size() || valuesChanged > changes.size();
    }

    public boolean committed() {
        return status == ImportJob.Status.COMMITTED;
    }
}
