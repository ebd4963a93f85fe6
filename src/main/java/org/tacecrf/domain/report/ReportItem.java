package org.tacecrf.domain.report;

import java.util.Objects;

import org.tacecrf.domain.report.figure.Chart;

/** A part of a {@link Report}: a table or a figure, each starting on its own page in print. */
public sealed interface ReportItem {

    /** The id used for anchors and file names (the table's id for tables). */
    String id();

    /** A study table. */
    record Table(StudyTable table) implements ReportItem {
        public Table {
            Objects.requireNonNull(table);
        }

        @Override
        public String id() {
            return table.id();
        }
    }

    /**
     * A figure: its id ("F1"), title ("Figure 1. Overall survival by arm"), a caption (what is shown,
     * which test, population), the chart, and its size in pixels (SVG) or points (PDF).
     */
    record Figure(String id, String title, String caption, Chart chart, int width, int height)
            implements ReportItem {
        public Figure {
            Objects.requireNonNull(id);
            Objects.requireNonNull(chart);
            title = title == null ? "" : title;
            caption = caption == null ? "" : caption;
            if (width < 100 || height < 100) {
                throw new IllegalArgumentException("A figure must be at least 100 wide and high.");
            }
        }
    }
}
