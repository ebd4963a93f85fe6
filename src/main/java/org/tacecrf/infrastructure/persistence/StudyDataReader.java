package org.tacecrf.infrastructure.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tacecrf.domain.casebook.ItemKey;
import org.tacecrf.domain.casebook.StoredValue;
import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.study.CriterionKind;
import org.tacecrf.domain.study.EligibilityCriterion;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.tables.ScreeningEntry;
import org.tacecrf.domain.tables.SubjectFacts;

/**
 * Reads the casebooks of a whole study for the study tables in a few queries (subjects, visits,
 * forms, item values, screening log and answers), one pass each, instead of one query per subject.
 * Plain JDBC, so the same code serves the running application (through its data source) and the
 * command line against a stopped installation.
 */
public final class StudyDataReader {

    /** A subject's facts and its typed values. */
    public record Casebook(SubjectFacts facts, SubjectData data) {
    }

    private final Connection connection;
    private final String studyId;
    private final Set<String> siteIds;

    /**
     * @param siteIds the sites to read, or null for every site of the study
     */
    public StudyDataReader(Connection connection, String studyId, Collection<String> siteIds) {
        this.connection = connection;
        this.studyId = studyId;
        this.siteIds = siteIds == null ? null : Set.copyOf(siteIds);
    }

    /** Every subject of the sites with all of its data. */
    public List<Casebook> casebooks() throws SQLException {
        Map<Long, SubjectFacts> subjects = new LinkedHashMap<>();
        try (PreparedStatement s = prepare("select s.id, s.subject_number, s.site_id, s.arm_id, s.status,"
                + " s.enrolment_date, s.locked from subject s where s.study_id = ?" + sites("s") + " order by s.id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                subjects.put(rs.getLong(1), new SubjectFacts(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getBoolean(7)));
            }
        }
        Map<Long, SubjectData.VisitInstance> visits = new HashMap<>();
        Map<Long, List<SubjectData.VisitInstance>> visitsBySubject = new HashMap<>();
        try (PreparedStatement s = prepare("select v.id, v.subject_id, v.visit_id, v.repeat_key, v.visit_date"
                + " from visit v join subject s on s.id = v.subject_id where s.study_id = ?" + sites("s")
                + " order by v.id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                SubjectData.VisitInstance v = new SubjectData.VisitInstance(rs.getLong(1), rs.getString(3),
                        rs.getInt(4), date(rs.getDate(5)));
                visits.put(v.id(), v);
                visitsBySubject.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(v);
            }
        }
        Map<Long, Map<ItemKey, StoredValue>> values = new HashMap<>();
        try (PreparedStatement s = prepare("select i.form_ref, i.group_id, i.group_repeat, i.item_id, i.value_text,"
                + " i.value_number, i.value_date, i.entered_value, i.entered_unit, i.value_datetime from item_data i"
                + " join subject s on s.id = i.subject_id where s.study_id = ?" + sites("s"));
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(
                        new ItemKey(rs.getString(2), rs.getInt(3), rs.getString(4)),
                        new StoredValue(rs.getString(5), rs.getBigDecimal(6), date(rs.getDate(7)), rs.getString(8),
                                rs.getString(9), rs.getObject(10, LocalDateTime.class)));
            }
        }
        Map<Long, List<SubjectData.FormInstance>> formsBySubject = new HashMap<>();
        try (PreparedStatement s = prepare("select f.id, f.subject_id, f.visit_ref, f.form_id, f.repeat_key, f.state"
                + " from form_data f join subject s on s.id = f.subject_id where s.study_id = ?" + sites("s")
                + " order by f.id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                formsBySubject.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new SubjectData.FormInstance(
                        id, visits.get(rs.getLong(3)), rs.getString(4), rs.getInt(5), "COMPLETE".equals(rs.getString(6)),
                        values.getOrDefault(id, Map.of())));
            }
        }
        List<Casebook> out = new ArrayList<>(subjects.size());
        subjects.forEach((id, facts) -> out.add(new Casebook(facts, new SubjectData(id,
                visitsBySubject.getOrDefault(id, List.of()), formsBySubject.getOrDefault(id, List.of())))));
        return out;
    }

    /**
     * The screening log of the sites, with the criteria each patient failed: an inclusion criterion
     * answered no, an exclusion criterion answered yes.
     */
    public List<ScreeningEntry> screening(StudyDefinition study) throws SQLException {
        Map<String, CriterionKind> kinds = study.eligibility().stream()
                .collect(Collectors.toMap(EligibilityCriterion::id, EligibilityCriterion::kind));
        Map<Long, List<String>> failed = new HashMap<>();
        try (PreparedStatement s = prepare("select a.screening_id, a.criterion_id, a.answer from screening_answer a"
                + " join screening s on s.id = a.screening_id where s.study_id = ?" + sites("s"));
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                CriterionKind kind = kinds.get(rs.getString(2));
                String answer = rs.getString(3);
                boolean fails = kind == CriterionKind.INCLUSION && "NO".equals(answer)
                        || kind == CriterionKind.EXCLUSION && "YES".equals(answer);
                if (fails) {
                    failed.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<ScreeningEntry> out = new ArrayList<>();
        try (PreparedStatement s = prepare("select s.id, s.site_id, s.screened_on, s.outcome, s.outcome_reason"
                + " from screening s where s.study_id = ?" + sites("s") + " order by s.id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new ScreeningEntry(rs.getString(2), rs.getDate(3).toLocalDate(),
                        ScreeningEntry.Outcome.valueOf(rs.getString(4)), rs.getString(5),
                        failed.getOrDefault(rs.getLong(1), List.of())));
            }
        }
        return out;
    }

    private String sites(String alias) {
        if (siteIds == null) {
            return "";
        }
        if (siteIds.isEmpty()) {
            return " and 1 = 0";
        }
        return " and " + alias + ".site_id in (" + siteIds.stream().map(x -> "?").collect(Collectors.joining(", "))
                + ")";
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        s.setFetchSize(1000);
        s.setString(1, studyId);
        if (siteIds != null) {
            int i = 2;
            for (String site : siteIds.stream().sorted().toList()) {
                s.setString(i++, site);
            }
        }
        return s;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
