package org.tacecrf.application.casebook;

import java.time.LocalDate;
import java.util.List;

import org.tacecrf.domain.casebook.VisitSchedule;
import org.tacecrf.domain.study.FormDef;
import org.tacecrf.domain.study.StudyDefinition;
import org.tacecrf.domain.study.VisitDef;
import org.tacecrf.model.casebook.Subject;

/**
 * A subject's casebook as a matrix: one row per visit occurrence, one cell per form the visit
 * collects, each cell with its state. Rows for repeating visits appear as they are added.
 */
public record CasebookView(StudyDefinition study, Subject subject, List<Row> rows, List<VisitDef> addableVisits) {

    /** The state of a form cell, in the order of the legend. */
    public enum CellState { NOT_STARTED, IN_PROGRESS, COMPLETE, OPEN_QUERIES, VERIFIED, SIGNED, LOCKED }

    /** One visit occurrence. */
    public record Row(VisitDef visit, long visitRef, int repeatKey, LocalDate date, VisitSchedule.Expected expected,
                      VisitSchedule.WindowStatus windowStatus, List<Cell> cells) {

        public String label() {
            return visit.repeating() ? visit.label().en() + " " + repeatKey : visit.label().en();
        }
    }

    /** One form instance (or the place for one) in a row. */
    public record Cell(FormDef form, boolean mandatory, Long formDataId, int repeatKey, CellState state, int openQueries,
                       boolean verified, boolean signed, boolean locked, String summary) {
    }
}
