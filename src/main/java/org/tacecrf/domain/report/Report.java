package org.tacecrf.domain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tacecrf.domain.report.figure.Chart;

/**
 * A statistical report: a title page (study name, report title, data cut-off, when and by what it was
 * generated, methods) followed by tables and figures in order. A report without a study name has no
 * title page. {@code generated} is given by the caller (e.g. "2024-04-02 10:15 UTC, TACE eCRF 0.1")
 * so that the same data always renders the same bytes.
 */
public record Report(String studyName, String title, LocalDate dataCutOff, String generated, String methods,
        List<ReportItem> items) {

    public Report {
        studyName = studyName == null ? "" : studyName.strip();
        title = title == null ? "" : title.strip();
        generated = generated == null ? "" : generated.strip();
        methods = methods == null ? "" : methods.strip();
        items = List.copyOf(items);
        Set<String> ids = new HashSet<>();
        for (ReportItem item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("Two report items share the id " + item.id() + ".");
            }
        }
    }

    /** Tables only, without a title page. */
    public static Report ofTables(List<StudyTable> tables) {
        return new Report("", "", null, "", "", tables.stream().<ReportItem>map(ReportItem.Table::new).toList());
    }

    public static Builder builder(String studyName, String title) {
        return new Builder(studyName, title);
    }

    public boolean hasTitlePage() {
        return !studyName.isEmpty();
    }

    /** The methods text split into paragraphs at blank lines. */
    public List<String> methodsParagraphs() {
        return methods.isEmpty() ? List.of()
                : List.of(methods.split("\\R\\s*\\R")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Collects the parts of a report. */
    public static final class Builder {
        private final String studyName;
        private final String title;
        private LocalDate dataCutOff;
        private String generated;
        private String methods;
        private final List<ReportItem> items = new ArrayList<>();

        private Builder(String studyName, String title) {
            this.studyName = studyName;
            this.title = title;
        }

        public Builder dataCutOff(LocalDate date) {
            this.dataCutOff = date;
            return this;
        }

        public Builder generated(String text) {
            this.generated = text;
            return this;
        }

        /** Statistical methods; paragraphs separated by blank lines. */
        public Builder methods(String text) {
            this.methods = text;
            return this;
        }

        public Builder table(StudyTable table) {
            items.add(new ReportItem.Table(table));
            return this;
        }

        public Builder figure(String id, String title, String caption, Chart chart, int width, int height) {
            items.add(new ReportItem.Figure(id, title, caption, chart, width, height));
            return this;
        }

        public Report build() {
            return new Report(studyName, title, dataCutOff, generated, methods, items);
        }
    }
}
