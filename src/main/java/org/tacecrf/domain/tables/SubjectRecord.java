package org.tacecrf.domain.tables;

import java.util.Objects;

import org.tacecrf.domain.casebook.SubjectData;
import org.tacecrf.domain.casebook.derive.SubjectSummary;
import org.tacecrf.domain.study.StudyDefinition;

/**
 * One subject as the tables read it: the facts, the typed values of its casebook and the summary
 * derived from them.
 */
public record SubjectRecord(SubjectFacts facts, SubjectData data, SubjectSummary summary) {

    public SubjectRecord {
        Objects.requireNonNull(facts);
        Objects.requireNonNull(data);
        Objects.requireNonNull(summary);
        if (data.subjectId() != facts.id() || summary.subjectId() != facts.id()) {
            throw new IllegalArgumentException("The data and summary of subject " + facts.number()
                    + " belong to another subject.");
        }
    }

    /** The record with its summary derived from the data. */
    public static SubjectRecord derive(StudyDefinition study, SubjectFacts facts, SubjectData data) {
        return new SubjectRecord(facts, data, SubjectSummary.derive(study, data));
    }
}
