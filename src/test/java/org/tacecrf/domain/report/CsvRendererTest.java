package org.tacecrf.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRendererTest {

    @Test
    void displayLayoutOfASmallTable() throws Exception {
        String csv = render(new CsvRenderer(CsvRenderer.Layout.DISPLAY, false), List.of(Tables.cox()));
        assertThat(csv).isEqualTo("""
                Cox regression for overall survival\r
                Variable,Patients,HR (95% CI),P value\r
                Univariate analysis\r
                Subsequent treatment 后续治疗,58 (65.9%),0.41 (0.24-0.70),0.001\r
                No subsequent treatment,30 (34.1%),Ref,\r
                """);
    }

    @Test
    void spansIndentsMarkersAndFootnotesWithByteOrderMark() throws Exception {
        String csv = render(CsvRenderer.forExcel(), List.of(Tables.baseline(), Tables.cox()));
        assertThat(csv).startsWith("\uFEFFBaseline characteristics\r\nBy treatment arm\r\n"
                + "Intention-to-treat population (N = 90); data cut-off 2024-03-31.\r\n"
                + "Characteristic,DEB-TACE (n=45),,cTACE (n=45),,P value\r\n"
                + "\"\",n,%,n,%,\r\n"
                + "\"Age, years\",60.3 ± 14.0,,59.7 ± 13.2,,0.417ᵇ\r\n"
                + "ECOG PS,,,,,<0.001ᵃ\r\n"
                + "\"  0\",29,64.4,20,44.4,\r\n" // leading spaces are quoted so readers keep them
                + "\"  1\",16,35.6,25,55.6,\r\n"
                + "ᵃ Pearson chi-square without continuity correction\r\n"
                + "ᵇ Student t-test\r\n"
                + "\"ECOG PS, Eastern Cooperative Oncology Group performance status.\"\r\n"
                + "\"TACE-2 eCRF, locked database\"\r\n"
                + "\r\n"
                + "Cox regression for overall survival\r\n");
    }

    @Test
    void valuesLayoutKeepsFullPrecision() throws Exception {
        String csv = render(new CsvRenderer(CsvRenderer.Layout.VALUES, false), List.of(Tables.cox()));
        assertThat(csv.split("\r\n")).containsExactly(
                "table,row,row_label,column,column_label,statistic,value,text",
                "T3,2,Subsequent treatment 后续治疗,1,Patients,n,58,58 (65.9%)",
                "T3,2,Subsequent treatment 后续治疗,1,Patients,N,88,58 (65.9%)",
                "T3,2,Subsequent treatment 后续治疗,1,Patients,percent,65.9090909090909,58 (65.9%)",
                "T3,2,Subsequent treatment 后续治疗,2,HR (95% CI),estimate,0.408,0.41 (0.24-0.70)",
                "T3,2,Subsequent treatment 后续治疗,2,HR (95% CI),lower,0.237,0.41 (0.24-0.70)",
                "T3,2,Subsequent treatment 后续治疗,2,HR (95% CI),upper,0.703,0.41 (0.24-0.70)",
                "T3,2,Subsequent treatment 后续治疗,3,P value,p,0.001,0.001",
                "T3,3,No subsequent treatment,1,Patients,n,30,30 (34.1%)",
                "T3,3,No subsequent treatment,1,Patients,N,88,30 (34.1%)",
                "T3,3,No subsequent treatment,1,Patients,percent,34.09090909090909,30 (34.1%)");
    }

    private static String render(TableRenderer renderer, List<StudyTable> tables) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(tables, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
