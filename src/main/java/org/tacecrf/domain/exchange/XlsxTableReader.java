package org.tacecrf.domain.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx workbook row by row (the SAX event model), so a large workbook
 * is never held in memory as cells. Numbers are read at full precision without the cell's display
 * format ({@code 3.50} shown as "3.5" is 3.5); cells formatted as dates become ISO dates
 * ({@code 2024-03-05}), whatever the regional date format of the workbook; text cells are read as
 * typed.
 */
public final class XlsxTableReader {

    private XlsxTableReader() {
    }

    public static TableReadResult read(byte[] content, ImportLimits limits) {
        Path file = null;
        try {
            // A package opened from a file reads its parts lazily; one opened from a stream is inflated in memory.
            file = Files.createTempFile("tace-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return TableReadResult.failed(ExchangeProblem.file("exchange.file.empty"));
                }
                Collector collector = new Collector(limits.maxRows());
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, collector, new IsoDateFormatter(), false));
                    parser.parse(new InputSource(sheet));
                } catch (TooManyRows e) {
                    return TableReadResult.failed(ExchangeProblem.file("exchange.file.tooManyRows", limits.maxRows()));
                }
                if (collector.header == null) {
                    return TableReadResult.failed(ExchangeProblem.file("exchange.file.empty"));
                }
                return new TableReadResult(new RawTable(collector.headerRow, collector.header, collector.rows), null, null, List.of());
            }
        } catch (Exception e) {
            return TableReadResult.failed(ExchangeProblem.file("exchange.xlsx.unreadable", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Stops reading at the row limit. */
    private static final class TooManyRows extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Collects the header and the non-blank rows, placing each cell by its column letter. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final List<RawTable.Row> rows = new ArrayList<>();
        private List<String> header;
        private int headerRow;
        private TreeMap<Integer, String> current;

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new TreeMap<>();
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference != null && formattedValue != null) {
                current.put((int) new CellReference(cellReference).getCol(), formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            List<String> cells = new ArrayList<>();
            int last = current.isEmpty() ? -1 : current.lastKey();
            for (int c = 0; c <= last; c++) {
                cells.add(current.getOrDefault(c, ""));
            }
            if (RawTable.blank(cells)) {
                return;
            }
            if (header == null) {
                header = cells.stream().map(RawTable::columnName).toList();
                headerRow = rowNum + 1;
                return;
            }
            if (rows.size() >= maxRows) {
                throw new TooManyRows();
            }
            rows.add(new RawTable.Row(rowNum + 1, cells));
        }
    }

    /** Date cells as ISO dates, numbers at full precision in plain notation. */
    private static final class IsoDateFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904Windowing);
                // A cell formatted with hours is a date-time even at midnight; otherwise midnight is a plain date.
                boolean hasTime = formatString != null && formatString.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]|\"[^\"]*\"", "").contains("h");
                return hasTime || !dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toString() : dateTime.toLocalDate().toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
