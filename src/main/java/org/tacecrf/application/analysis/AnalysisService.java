package org.tacecrf.application.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.casebook.StudyAccess;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.AnalysisDataset;
import org.tacecrf.domain.tables.AnalysisReport;
import org.tacecrf.domain.tables.ScreeningEntry;
import org.tacecrf.domain.tables.StudyTables;
import org.tacecrf.domain.tables.SubjectRecord;
import org.tacecrf.infrastructure.persistence.DatabaseMigration;
import org.tacecrf.infrastructure.persistence.StudyDataReader;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.user.Role;

/**
 * The study tables for investigators, monitors and data managers: computed over the subjects of the
 * sites the user may see, from all of their casebook data read in a few queries, at the data
 * cut-off chosen and, if asked, from locked casebooks only. Every download is recorded in the audit
 * trail (what was exported, at which cut-off, over how many patients).
 */
@Stateless
public class AnalysisService {

    /** Roles that may see the study tables. */
    private static final Role[] ROLES = {Role.INVESTIGATOR, Role.MONITOR, Role.DATA_MANAGER};

    @Inject
    private StudyAccess access;
    @Inject
    private AuditTrail audit;
    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    private DataSource dataSource;

    /** The tables and figures the study produces, numbered. */
    public List<StudyTables.Entry> catalogue(String studyId) {
        return StudyTables.catalogue(study(studyId));
    }

    /**
     * Computes the chosen tables (every table when {@code ids} is empty) with their figures.
     *
     * @param cutOff     last day of data used, or null for all data
     * @param lockedOnly use only locked casebooks
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Analysis run(String studyId, LocalDate cutOff, boolean lockedOnly, Collection<String> ids) {
        StudyDefinition study = study(studyId);
        List<StudyTables.Entry> catalogue = StudyTables.catalogue(study);
        for (String id : ids) {
            if (catalogue.stream().noneMatch(e -> e.id().equals(id))) {
                throw new NoSuchElementException("Study " + studyId + " has no table or figure " + id + ".");
            }
        }
        if (cutOff != null && cutOff.isAfter(LocalDate.now().plusYears(1))) {
            throw new ValidationFailure(FieldError.of("cutOff", "analysis.error.cutOffFuture"));
        }
        AnalysisDataset dataset = dataset(study, cutOff, lockedOnly);
        return new Analysis(study.id(), study.title().en(), cutOff, lockedOnly, dataset.n(),
                AnalysisReport.methods(dataset), StudyTables.build(dataset, ids));
    }

    /** One table file, computed and recorded in the audit trail as an export through the API. */
    public Download table(String studyId, String tableId, LocalDate cutOff, boolean lockedOnly, DownloadFormat format) {
        Analysis a = run(studyId, cutOff, lockedOnly, List.of(tableId));
        Download d = AnalysisDownloads.table(a, tableId, format);
        recordExport(a, tableId, format, AuditSource.API);
        return d;
    }

    /**
     * One figure file (SVG or PNG), computed and recorded as an export through the API; empty when
     * there are no data to draw it.
     */
    public Optional<Download> figure(String studyId, String figureId, LocalDate cutOff, boolean lockedOnly,
                                     DownloadFormat format) {
        Analysis a = run(studyId, cutOff, lockedOnly, List.of(figureId));
        if (a.result().figure(figureId).isEmpty()) {
            return Optional.empty();
        }
        Download d = AnalysisDownloads.figure(a, figureId, format);
        recordExport(a, figureId, format, AuditSource.API);
        return Optional.of(d);
    }

    /** The whole report (HTML or PDF), computed and recorded as an export through the API. */
    public Download report(String studyId, LocalDate cutOff, boolean lockedOnly, DownloadFormat format) {
        Analysis a = run(studyId, cutOff, lockedOnly, List.of());
        Download d = AnalysisDownloads.report(a, format, Instant.now());
        recordExport(a, "report", format, AuditSource.API);
        return d;
    }

    /**
     * Records an export of tables computed earlier: a download from the analysis page, or a table
     * read as JSON through the API.
     *
     * @param format the file format or "json"
     */
    public void recordDownload(Analysis a, String item, String format, boolean api) {
        study(a.studyId());
        recordExport(a, item, format, api ? AuditSource.API : AuditSource.FORM);
    }

    private void recordExport(Analysis a, String item, DownloadFormat format, AuditSource source) {
        recordExport(a, item, format.extension(), source);
    }

    private void recordExport(Analysis a, String item, String format, AuditSource source) {
        audit.record(access.user().actor(), AuditEntry.of("EXPORT_TABLES", "STUDY", a.studyId())
                .study(a.studyId(), null)
                .values(null, item + " as " + format + ", cut-off " + (a.cutOff() == null ? "none"
                        : a.cutOff()) + (a.lockedOnly() ? ", locked casebooks only" : "") + ", " + a.patients()
                        + " patients")
                .source(source, "study tables"));
    }

    /** The study, after checking the user's role and access to it (nurses are refused: 403 on pages and API). */
    private StudyDefinition study(String studyId) {
        access.user().requireAnyRole(ROLES);
        StudyDefinition study = access.study(studyId);
        access.requireUnblinded(studyId);
        return study;
    }

    private AnalysisDataset dataset(StudyDefinition study, LocalDate cutOff, boolean lockedOnly) {
        boolean allSites = access.user().seesAllSites(study.id());
        Set<String> sites = allSites ? null : access.user().siteIds(study.id());
        try (Connection c = dataSource.getConnection()) {
            StudyDataReader reader = new StudyDataReader(c, study.id(), sites);
            List<SubjectRecord> records = reader.casebooks().stream()
                    .map(cb -> SubjectRecord.derive(study, cb.facts(), cb.data())).toList();
            List<ScreeningEntry> screening = reader.screening(study);
            return AnalysisDataset.of(study, cutOff, lockedOnly, records, screening);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the casebooks of study " + study.id(), e);
        }
    }
}
