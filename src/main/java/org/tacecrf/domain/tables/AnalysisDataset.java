package org.tacecrf.domain.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tacecrf.domain.casebook.derive.StudyParameterMapping;
import org.tacecrf.domain.response.ResponseParameters;
import org.tacecrf.domain.study.ArmDef;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * Everything the study tables are computed from: the study definition, the subjects (facts, typed
 * values and derived summary of each) and the screening log, seen at a data cut-off
 * ({@link DataCutOff}). Subjects enrolled after the cut-off and log entries screened after it are
 * left out; with {@code lockedOnly}, so are subjects whose casebook is not locked.
 */
public final class AnalysisDataset {

    private final StudyDefinition study;
    private final DataCutOff cutOff;
    private final boolean lockedOnly;
    private final List<AnalysedSubject> subjects;
    private final List<ScreeningEntry> screening;

    private AnalysisDataset(StudyDefinition study, DataCutOff cutOff, boolean lockedOnly, List<AnalysedSubject> subjects,
                            List<ScreeningEntry> screening) {
        this.study = study;
        this.cutOff = cutOff;
        this.lockedOnly = lockedOnly;
        this.subjects = List.copyOf(subjects);
        this.screening = List.copyOf(screening);
    }

    /**
     * @param cutOff     last day of data used; null for all data
     * @param lockedOnly use only subjects whose casebook is locked
     */
    public static AnalysisDataset of(StudyDefinition study, LocalDate cutOff, boolean lockedOnly,
                                     List<SubjectRecord> records, List<ScreeningEntry> screening) {
        Objects.requireNonNull(study);
        DataCutOff c = DataCutOff.at(cutOff);
        ResponseParameters parameters = StudyParameterMapping.response(study.parameters());
        List<AnalysedSubject> subjects = new ArrayList<>();
        for (SubjectRecord r : records) {
            if (c.includes(r.facts().enrolmentDate()) && (!lockedOnly || r.facts().locked())) {
                subjects.add(new AnalysedSubject(r, c, parameters));
            }
        }
        subjects.sort(java.util.Comparator.comparing(s -> s.facts().number()));
        List<ScreeningEntry> log = screening.stream().filter(e -> c.includes(e.screenedOn())).toList();
        return new AnalysisDataset(study, c, lockedOnly, subjects, log);
    }

    public StudyDefinition study() {
        return study;
    }

    public DataCutOff cutOff() {
        return cutOff;
    }

    /** The cut-off date, for table notes; empty without one. */
    public Optional<LocalDate> cutOffDate() {
        return cutOff.date();
    }

    public boolean lockedOnly() {
        return lockedOnly;
    }

    /** Subjects in subject-number order. */
    public List<AnalysedSubject> subjects() {
        return subjects;
    }

    public List<ScreeningEntry> screening() {
        return screening;
    }

    public int n() {
        return subjects.size();
    }

    /** "Enrolled patients" or "Enrolled patients with locked casebooks". */
    public String population() {
        return lockedOnly ? "Enrolled patients with locked casebooks" : "Enrolled patients";
    }

    /** Whether the study compares arms. */
    public boolean comparesArms() {
        return study.arms().size() > 1;
    }

    /**
     * One group per arm of the study, in the study's order (and "Arm not recorded" when a subject has
     * none); one group of everyone for a single-arm study.
     */
    public List<Group> arms() {
        if (!comparesArms()) {
            return List.of(total());
        }
        Map<String, List<AnalysedSubject>> byArm = new LinkedHashMap<>();
        study.arms().forEach(a -> byArm.put(a.id(), new ArrayList<>()));
        List<AnalysedSubject> unassigned = new ArrayList<>();
        for (AnalysedSubject s : subjects) {
            List<AnalysedSubject> list = s.armId() == null ? null : byArm.get(s.armId());
            (list == null ? unassigned : list).add(s);
        }
        List<Group> groups = new ArrayList<>();
        for (ArmDef a : study.arms()) {
            groups.add(new Group(a.id(), a.label().en(), byArm.get(a.id())));
        }
        if (!unassigned.isEmpty()) {
            groups.add(new Group("", "Arm not recorded", unassigned));
        }
        return groups;
    }

    /** All subjects as one group, "All patients". */
    public Group total() {
        return new Group(Group.TOTAL, comparesArms() ? "Total" : "All patients", subjects);
    }

    /** The arm groups followed by the total when the study compares arms; the total alone otherwise. */
    public List<Group> columns() {
        if (!comparesArms()) {
            return List.of(total());
        }
        List<Group> out = new ArrayList<>(arms());
        out.add(total());
        return out;
    }
}
