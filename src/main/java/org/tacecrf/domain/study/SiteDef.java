package org.tacecrf.domain.study;

import java.util.Objects;

/**
 * A participating centre.
 *
 * @param id                    short site code used in subject numbers, e.g. {@code ZJU}
 * @param subjectNumberPattern  the site's pattern, or the study default when the site names none
 * @param enrolmentTarget       planned number of subjects, or null when not set
 */
public record SiteDef(String id, LocalizedText name, SubjectNumberPattern subjectNumberPattern,
                      Integer enrolmentTarget, SourceLocation location) {

    public SiteDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subjectNumberPattern, "subjectNumberPattern");
    }
}
