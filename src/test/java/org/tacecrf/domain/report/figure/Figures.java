package org.tacecrf.domain.report.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Figures shaped like the seed papers' overall-survival and response figures, shared by tests. */
public final class Figures {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Figures() {
    }

    /** Two arms over 24 months with censoring, a band for one arm, medians and numbers at risk. */
    public static KmFigure overallSurvival() {
        KmCurve deb = KmCurve.builder("DEB-TACE + sorafenib")
                .step(0, 1).step(2.1, 0.95).step(4.0, 0.88).step(7.5, 0.76).step(11.0, 0.62).step(18.6, 0.49)
                .step(21.0, 0.38)
                .censor(5.0, 0.88).censor(13.2, 0.62).censor(23.5, 0.38)
                .band(0, 1, 1).band(2.1, 0.88, 1).band(4.0, 0.78, 0.98).band(7.5, 0.63, 0.89).band(11.0, 0.47, 0.77)
                .band(18.6, 0.33, 0.65).band(21.0, 0.22, 0.55)
                .atRisk(42, 38, 31, 22, 9).median(18.6)
                .build();
        KmCurve control = KmCurve.builder("DEB-TACE <alone> & 对照组")
                .step(0, 1).step(1.5, 0.92).step(3.2, 0.81).step(6.0, 0.69).step(9.4, 0.58).step(12.7, 0.47)
                .step(16.0, 0.30).step(20.0, 0.17)
                .censor(8.0, 0.69).censor(14.0, 0.47).censor(22.0, 0.17)
                .atRisk(48, 40, 27, 15, 4).median(12.7)
                .build();
        return KmFigure.builder().curve(deb).curve(control)
                .xTitle("Time since first TACE (months)").yTitle("Overall survival (%)")
                .xAxis(24, 6).annotation("Log-rank p = 0.004")
                .build();
    }

    /** mRECIST response at 1 and 3 months, stacked percentages. */
    public static BarFigure response() {
        return BarFigure.stackedPercent(List.of("1 month (n=88)", "3 months (n=85)"),
                List.of(BarFigure.Series.of("CR", 9.1, 12.9), BarFigure.Series.of("PR", 64.8, 56.5),
                        BarFigure.Series.of("SD", 21.6, 20.0), BarFigure.Series.of("PD", 4.5, 10.6)),
                "Assessment time point");
    }

    /** A straight line of an SVG drawing, with its stroke colour and whether it is dashed. */
    public record SvgLine(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        double length() {
            return Math.hypot(x2 - x1, y2 - y1);
        }

        boolean vertical() {
            return Math.abs(x1 - x2) < 1e-6;
        }

        boolean horizontal() {
            return Math.abs(y1 - y2) < 1e-6;
        }
    }

    private static final Pattern LINE = Pattern.compile("<line ([^>]*)/>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=['\"]([^'\"]*)['\"]");
    private static final Pattern STROKE = Pattern.compile("(?:^|;)stroke:([^;]+)");
    private static final String GUIDE_GREY = "rgb(110,110,110)";

    /** Every {@code <line>} of an SVG drawing, in drawing order. */
    public static List<SvgLine> lines(String svg) {
        List<SvgLine> lines = new ArrayList<>();
        Matcher m = LINE.matcher(svg);
        while (m.find()) {
            java.util.Map<String, String> a = new java.util.HashMap<>();
            Matcher attr = ATTRIBUTE.matcher(m.group(1));
            while (attr.find()) {
                a.put(attr.group(1), attr.group(2));
            }
            String style = a.getOrDefault("style", "");
            Matcher stroke = STROKE.matcher(style);
            lines.add(new SvgLine(Double.parseDouble(a.get("x1")), Double.parseDouble(a.get("y1")),
                    Double.parseDouble(a.get("x2")), Double.parseDouble(a.get("y2")),
                    stroke.find() ? stroke.group(1).strip() : "", style.contains("stroke-dasharray")));
        }
        return lines;
    }

    /**
     * The censor marks a Kaplan-Meier chart drew: "+" crosses, each a solid vertical and horizontal
     * line of the mark size ({@link KaplanMeierChart}: 0.7 font sizes) crossing at their centres;
     * returned as the vertical stroke of each cross, in drawing order.
     */
    public static List<SvgLine> censorMarks(String svg, ChartStyle style) {
        double size = style.fontSize() * 0.7;
        List<SvgLine> solid = lines(svg).stream().filter(l -> !l.dashed() && Math.abs(l.length() - size) < 1e-6)
                .toList();
        return solid.stream().filter(SvgLine::vertical).filter(v -> solid.stream().anyMatch(h -> h.horizontal()
                && h.colour().equals(v.colour()) && Math.abs((h.x1() + h.x2()) / 2 - v.x1()) < 1e-6
                && Math.abs((v.y1() + v.y2()) / 2 - h.y1()) < 1e-6)).toList();
    }

    /** The dashed grey median guides: a vertical line per median, then one horizontal line at 50 %. */
    public static List<SvgLine> medianGuides(String svg) {
        return lines(svg).stream().filter(l -> l.dashed() && l.colour().equals(GUIDE_GREY)).toList();
    }
}
