package org.tacecrf.domain.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in UTF-8 with a byte-order mark (so Excel shows Chinese text correctly), comma-separated,
 * quoted where needed (RFC 4180), one header row of column names. The file reads back unchanged
 * by the import and by the generated SPSS and R syntax.
 */
public final class CsvDatasetWriter implements DatasetWriter {

    private final Writer writer;
    private final CSVPrinter printer;

    public CsvDatasetWriter(OutputStream out) throws IOException {
        this.writer = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        this.writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    @Override
    public void header(List<Variable> variables) throws IOException {
        printer.printRecord(variables.stream().map(Variable::name).toList());
    }

    @Override
    public void row(List<String> values) throws IOException {
        printer.printRecord(values);
    }

    /** A plain table (a dictionary): header, rows, then each note in the first column after a blank line. */
    public void table(DictionaryTable table) throws IOException {
        printer.printRecord(table.header());
        for (List<String> row : table.rows()) {
            printer.printRecord(row);
        }
        if (!table.notes().isEmpty()) {
            printer.println();
            for (String note : table.notes()) {
                printer.printRecord(note);
            }
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** Keeps the caller's stream open (a zip entry or a response) when the CSV is finished. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
