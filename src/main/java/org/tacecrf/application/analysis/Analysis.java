package org.tacecrf.application.analysis;

import java.time.LocalDate;
import java.util.Objects;

import org.tacecrf.domain.tables.StudyTables;

/**
 * The study tables and figures computed for one request.
 *
 * @param studyId    study
 * @param studyTitle its title, for the report's title page
 * @param cutOff     data cut-off, or null for all data
 * @param lockedOnly whether only locked casebooks were used
 * @param patients   patients in the analysis population
 * @param methods    the methods text of the report (population, cut-off rules, tests)
 * @param result     the tables and figures
 */
public record Analysis(String studyId, String studyTitle, LocalDate cutOff, boolean lockedOnly, int patients,
                       String methods, StudyTables.Result result) {

    public Analysis {
        Objects.requireNonNull(studyId);
        Objects.requireNonNull(result);
    }
}
