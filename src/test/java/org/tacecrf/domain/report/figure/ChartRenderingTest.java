package org.tacecrf.domain.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartRenderingTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void kaplanMeierSvgIsWellFormedAndNamesGroupsAndNumbersAtRisk() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KaplanMeierChart.render(Figures.overallSurvival(), ImageFormat.SVG, 800, 600, out);
        List<String> texts = texts(parse(out.toByteArray()));
        assertThat(texts).contains("DEB-TACE + sorafenib", "DEB-TACE <alone> & 对照组", "Number at risk",
                "Log-rank p = 0.004", "Overall survival (%)", "Time since first TACE (months)");
        // numbers at risk in order for each arm, tick labels 0-24 by 6 and 0-100 by 20
        assertThat(texts).containsSubsequence("42", "38", "31", "22", "9");
        assertThat(texts).containsSubsequence("48", "40", "27", "15", "4");
        assertThat(texts).contains("0", "6", "12", "18", "24", "20", "40", "60", "80", "100");
    }

    @Test
    void kaplanMeierDrawsACensorMarkAtEachCensoringTimeOnItsCurve() {
        // three censoring times per arm, each drawn as a "+" in its arm's colour at the curve's level
        ChartStyle style = ChartStyle.forSize(800, 600);
        String svg = svg(Figures.overallSurvival(), 800, 600);
        List<Figures.SvgLine> marks = Figures.censorMarks(svg, style);
        assertThat(marks).hasSize(6);
        String deb = rgb(style.lineColour(0));
        String control = rgb(style.lineColour(1));
        List<Figures.SvgLine> debMarks = marks.stream().filter(m -> m.colour().equals(deb)).toList();
        List<Figures.SvgLine> controlMarks = marks.stream().filter(m -> m.colour().equals(control)).toList();
        assertThat(debMarks).hasSize(3);
        assertThat(controlMarks).hasSize(3);
        // later censoring times lie further right and, as survival falls, lower (larger y)
        assertThat(debMarks).extracting(Figures.SvgLine::x1).isSorted();
        assertThat(debMarks).extracting(m -> (m.y1() + m.y2()) / 2).isSorted();
        // the first control mark (8 months, 69 %) lies right of and below the first DEB mark (5 months, 88 %)
        assertThat(controlMarks.get(0).x1()).isGreaterThan(debMarks.get(0).x1());
        assertThat(controlMarks.get(0).y1()).isGreaterThan(debMarks.get(0).y1());

        KmFigure hidden = bothArms().showCensors(false).build();
        assertThat(Figures.censorMarks(svg(hidden, 800, 600), style)).isEmpty();
        // a censoring time beyond the axis is not drawn
        KmFigure shortAxis = KmFigure.builder().curve(KmCurve.builder("x").step(0, 1).step(4, 0.5).censor(6, 0.5)
                .censor(30, 0.5).build()).xAxis(12, 3).build();
        assertThat(Figures.censorMarks(svg(shortAxis, 800, 600), style)).hasSize(1);
    }

    @Test
    void kaplanMeierDrawsMedianGuidesOnlyWhenAsked() {
        List<Figures.SvgLine> guides = Figures.medianGuides(svg(Figures.overallSurvival(), 800, 600));
        // medians 18.6 and 12.7 months: a drop line from 50 % to the axis for each, one line across at 50 %
        List<Figures.SvgLine> drops = guides.stream().filter(Figures.SvgLine::vertical).toList();
        List<Figures.SvgLine> across = guides.stream().filter(Figures.SvgLine::horizontal).toList();
        assertThat(drops).hasSize(2);
        assertThat(across).hasSize(1);
        Figures.SvgLine fifty = across.get(0);
        double longest = Math.max(drops.get(0).x1(), drops.get(1).x1());
        assertThat(fifty.x2()).isEqualTo(longest);                       // the 50 % line ends at the longer median
        assertThat(drops).allSatisfy(d -> assertThat(d.y1()).isEqualTo(fifty.y1()));
        assertThat(drops.get(0).x1()).isGreaterThan(drops.get(1).x1());  // 18.6 right of 12.7

        KmFigure none = bothArms().showMedians(false).build();
        assertThat(Figures.medianGuides(svg(none, 800, 600))).isEmpty();
        // a curve that never reaches 50 % has no median and no guide
        KmFigure noMedian = KmFigure.builder().curve(KmCurve.builder("x").step(0, 1).step(4, 0.8).censor(10, 0.8)
                .build()).xAxis(12, 3).build();
        assertThat(Figures.medianGuides(svg(noMedian, 800, 600))).isEmpty();
    }

    @Test
    void kaplanMeierPngHasTheRequestedSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KaplanMeierChart.render(Figures.overallSurvival(), ImageFormat.PNG, 900, 640, out);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(640);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
        assertThat(darkPixels(image)).isGreaterThan(2000); // axes, curves and text were drawn
        BufferedImage scaled = ChartOutput.image(new KaplanMeierChart(Figures.overallSurvival()), 400, 300, 2.0);
        assertThat(scaled.getWidth()).isEqualTo(800);
    }

    @Test
    void barChartInBothFormatsFromTheSameDrawing() throws Exception {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        BarChart.render(Figures.response(), ImageFormat.SVG, 640, 480, svg);
        List<String> texts = texts(parse(svg.toByteArray()));
        assertThat(texts).contains("CR", "PR", "SD", "PD", "1 month (n=88)", "3 months (n=85)", "64.8", "56.5",
                "Patients (%)");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BarChart.render(new BarFigure(List.of("1 month", "3 months"),
                List.of(BarFigure.Series.of("ORR", 76.2, 80.0), BarFigure.Series.of("DCR", 100, 97.5)),
                BarLayout.GROUPED, "Response", "", "Patients (%)", true, 1), ImageFormat.PNG, 500, 400, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void inlineSvgUsesTheGivenIdPrefixAndHasNoXmlDeclaration() {
        String svg = ChartOutput.svgElement(new KaplanMeierChart(Figures.overallSurvival()), 600, 450, "fig2-");
        assertThat(svg).startsWith("<svg").doesNotContain("<?xml").contains("fig2-");
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> KmCurve.builder("x").step(0, 1).step(2, 0.5).step(3, 0.6).build())
                .hasMessageContaining("rises");
        assertThatThrownBy(() -> KmFigure.builder().curve(KmCurve.builder("x").step(0, 1).step(5, 0.5)
                .atRisk(10, 5).build()).xAxis(12, 3).build())
                .hasMessageContaining("2 numbers at risk for 5 risk times");
        assertThatThrownBy(() -> ChartOutput.write(new KaplanMeierChart(Figures.overallSurvival()), ImageFormat.PNG,
                50, 50, new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chosenTimeAxisForMonths() {
        KmFigure f = KmFigure.builder().curve(KmCurve.builder("x").step(0, 1).step(20, 0.4).censor(31, 0.4).build())
                .build();
        assertThat(f.axisStep()).isEqualTo(6);
        assertThat(f.xTicks()).containsExactly(0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0);
        assertThat(f.effectiveRiskTimes()).isEqualTo(f.xTicks());
    }

    @Test
    void groupsDifferInLinePatternNotOnlyColour() {
        ChartStyle style = ChartStyle.forSize(800, 600);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] dash = ((BasicStroke) style.groupStroke(i)).getDashArray();
            patterns.add(dash == null ? "solid" : Arrays.toString(dash));
        }
        assertThat(patterns).doesNotHaveDuplicates();
        // colours differ in lightness too, so grey-scale print keeps them apart
        List<Integer> greys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Color c = style.lineColour(i);
            greys.add((int) Math.round(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()));
        }
        assertThat(greys).doesNotHaveDuplicates();
    }

    /** The two arms of {@link Figures#overallSurvival()} on its axis, to switch a detail off. */
    private static KmFigure.Builder bothArms() {
        KmFigure.Builder b = KmFigure.builder().xAxis(24, 6);
        Figures.overallSurvival().curves().forEach(b::curve);
        return b;
    }

    private static String svg(KmFigure figure, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            KaplanMeierChart.render(figure, ImageFormat.SVG, width, height, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
