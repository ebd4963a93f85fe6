package org.tacecrf.domain.study;

import java.util.Objects;

/** A treatment arm; its id is the code stored in the enrolment form's {@code arm} item. */
public record ArmDef(String id, LocalizedText label, LocalizedText description, SourceLocation location) {

    public ArmDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
