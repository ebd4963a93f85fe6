package org.tacecrf.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

class PdfReportTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void titlePageThenOnePagePerTableAndFigureWithPageNumbers() throws Exception {
        byte[] pdf = render(new PdfReport(), HtmlReportTest.report());
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(6);
            PdfTextExtractor text = new PdfTextExtractor(reader);
            String title = text.getTextFromPage(1);
            assertThat(title).contains("TACE-2 <DEB vs cTACE>", "Interim statistical report", "Data cut-off: 2024-03-31",
                    "Categorical data: Pearson chi-square & Fisher.", "Page 1 of 6");
            String baseline = text.getTextFromPage(2);
            assertThat(baseline).contains("Baseline characteristics", "DEB-TACE (n=45)", "Characteristic",
                    "60.3 ± 14.0", "Pearson chi-square without continuity correction", "<0.001", "Page 2 of 6",
                    "TACE-2 <DEB vs cTACE> · data cut-off 2024-03-31");
            assertThat(text.getTextFromPage(3)).contains("Cox regression for overall survival",
                    "0.41 (0.24-0.70)", "Univariate analysis", "Ref");
            assertThat(text.getTextFromPage(4)).contains("Pain </td><script>alert(1)</script>", "2 (6.1%)");
            assertThat(text.getTextFromPage(5)).contains("Figure 1. Overall survival", "Page 5 of 6");
            assertThat(text.getTextFromPage(6)).contains("Figure 2. Response by time point", "Page 6 of 6");
        } finally {
            reader.close();
        }
    }

    @Test
    void tablesAloneWithBuiltInFontOnly() throws Exception {
        byte[] pdf = render(new PdfReport(PdfFonts.builtIn()), List.of(Tables.baseline()));
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Baseline characteristics",
                    "ECOG PS", "64.4", "Page 1 of 1");
        } finally {
            reader.close();
        }
    }

    @Test
    void wideTableGetsALandscapePage() throws Exception {
        StudyTable.Builder wide = StudyTable.builder("T9", "Laboratory values before and after TACE");
        String[] columns = new String[14];
        Cell[] cells = new Cell[13];
        columns[0] = "Parameter";
        for (int i = 1; i < 14; i++) {
            columns[i] = "Visit " + i + " (n=33)";
            cells[i - 1] = Cell.meanSd(5683.2, 10257.7, 1);
        }
        byte[] pdf = render(new PdfReport(), List.of(wide.columns(columns).row("PIVKA-II, mAU/mL", cells).build()));
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getPageSizeWithRotation(1).getWidth())
                    .isGreaterThan(reader.getPageSizeWithRotation(1).getHeight());
        } finally {
            reader.close();
        }
    }

    @Test
    void chineseTextPrintsWhenACjkFontIsInstalled() throws Exception {
        PdfFonts fonts = PdfFonts.system();
        assumeTrue(fonts.canDisplay("后续治疗"), "no CJK font installed (e.g. Debian fonts-wqy-microhei)");
        byte[] pdf = render(new PdfReport(fonts), List.of(Tables.cox()));
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("后续治疗");
        } finally {
            reader.close();
        }
    }

    @Test
    void configuredFontFilesComeFirstAndMissingOnesAreSkipped() {
        PdfFonts fonts = PdfFonts.of(List.of(Path.of("/nonexistent/font.ttf")));
        assertThat(fonts.canDisplay("Age, years ± SD")).isTrue();
        assertThat(PdfFonts.builtIn().faces()).isEmpty();
        assertThat(PdfFonts.builtIn().canDisplay("对照组")).isFalse();
    }

    private static byte[] render(PdfReport renderer, Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(report, out);
        return out.toByteArray();
    }

    private static byte[] render(PdfReport renderer, List<StudyTable> tables) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(tables, out);
        return out.toByteArray();
    }
}
