package org.tacecrf.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tacecrf.domain.response.Response;
import org.tacecrf.domain.response.ResponseParameters;

/** Measurements designed for a sequence of responses: in the bands the rules need, whatever the sequence. */
class LesionDesignerTest {

    @ParameterizedTest
    @ValueSource(strings = {"PR", "SD", "PD", "CR", "PR>PR>PD", "PR>SD>SD>PD", "SD>PR>CR>CR>PD", "CR>PD", "PD>PD", "SD>SD>SD"})
    void designsReproduceTheResponses(String path) {
        List<Response> responses = List.of(path.split(">")).stream().map(Response::valueOf).toList();
        for (long seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            LesionDesigner designer = new LesionDesigner(ResponseParameters.defaults(), random);
            LesionDesigner.Design base = designer.baseline(1 + random.nextInt(6), BigDecimal.valueOf(25 + random.nextInt(90)), null,
                    random.nextBoolean() ? "ONE_LOBE" : "BOTH_LOBES", 2);
            List<LocalDate> dates = new ArrayList<>();
            for (int k = 0; k < responses.size(); k++) {
                dates.add(LocalDate.of(2020, 1, 1).plusDays(35L * (k + 1)));
            }
            // the designer throws unless the response engine finds each designed response
            List<LesionDesigner.Scan> scans = designer.course(base, dates, responses);
            double baseline = base.viableSum().doubleValue();
            for (int k = 0; k < scans.size(); k++) {
                double r = scans.get(k).targets().stream().mapToDouble(m -> m.viable().doubleValue()).sum() / baseline;
                switch (responses.get(k)) {
                    case CR -> assertThat(r).isZero();
                    case PR -> assertThat(r).isLessThanOrEqualTo(0.7);
                    case SD -> assertThat(r).isGreaterThan(0.7);
                    default -> assertThat(r > 1.2 || !scans.get(k).newLesions().isEmpty()
                            || k > 0 && r > 0).isTrue();
                }
                scans.get(k).targets().forEach(m -> assertThat(m.longest()).isGreaterThanOrEqualTo(m.viable()));
            }
            assertThat(base.targets()).allMatch(t -> t.viable().doubleValue() >= 10);
        }
    }
}
