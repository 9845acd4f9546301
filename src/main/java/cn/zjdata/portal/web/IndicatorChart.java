package cn.zjdata.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * An indicator's figures as a line chart drawn on the server (SVG, no script): actuals as a solid line,
 * each plan's targets as a dashed line from that plan's baseline, baselines as grey dots. Every point
 * carries its own text (year, kind, value, source) for screen readers and tooltips, and the page shows
 * the same figures as a table beside the chart.
 */
public record IndicatorChart(int width, int height, List<Tick> xTicks, List<Tick> yTicks, List<Line> lines,
                             List<Point> points, Frame frame) {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    static final int LEFT = 72;
    static final int RIGHT = 20;
    static final int TOP = 16;
    static final int BOTTOM = 36;

    /** The plotting area. */
    public record Frame(double left, double top, double right, double bottom) {
    }

    /** An axis label at (x, y). */
    public record Tick(double x, double y, String label) {
        public String xs() {
            return fmt(x);
        }

        public String ys() {
            return fmt(y);
        }
    }

    /** A line, as an SVG path. */
    public record Line(String cssClass, String d) {
    }

    /** A figure on the chart. */
    public record Point(double x, double y, String kind, String label) {
        public String xs() {
            return fmt(x);
        }

        public String ys() {
            return fmt(y);
        }

        public String cssClass() {
            return "point-" + kind;
        }
    }

    /** One figure to draw: its year, kind (baseline / target / actual), value, plan, and its spoken label. */
    public record Figure(int period, String kind, BigDecimal value, String plan, String label) {
    }

    /** The chart of these figures, or null when there is nothing to draw. */
    public static IndicatorChart of(List<Figure> figures, Function<BigDecimal, String> axisLabel) {
        List<Figure> drawn = figures.stream().filter(f -> f.value() != null).toList();
        if (drawn.isEmpty()) {
            return null;
        }
        int minYear = drawn.stream().mapToInt(Figure::period).min().orElseThrow();
        int maxYear = drawn.stream().mapToInt(Figure::period).max().orElseThrow();
        if (minYear == maxYear) {
            minYear--;
            maxYear++;
        }
        double maxValue = drawn.stream().mapToDouble(f -> f.value().doubleValue()).max().orElseThrow();
        double minValue = Math.min(0, drawn.stream().mapToDouble(f -> f.value().doubleValue()).min().orElseThrow());
        double step = niceStep((maxValue - minValue) / 4);
        double top = Math.max(step, Math.ceil(maxValue / step) * step);
        double bottom = Math.floor(minValue / step) * step;

        Frame frame = new Frame(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        int fromYear = minYear;
        int toYear = maxYear;
        Function<Integer, Double> x = year -> frame.left() + (frame.right() - frame.left()) * (year - fromYear) / (double) (toYear - fromYear);
        Function<Double, Double> y = v -> frame.bottom() - (frame.bottom() - frame.top()) * (v - bottom) / (top - bottom);

        List<Tick> yTicks = new ArrayList<>();
        for (double v = bottom; v <= top + step / 2; v += step) {
            yTicks.add(new Tick(frame.left() - 8, y.apply(v), axisLabel.apply(BigDecimal.valueOf(v).stripTrailingZeros())));
        }
        List<Tick> xTicks = new ArrayList<>();
        int yearStep = Math.max(1, (toYear - fromYear + 7) / 8);
        for (int year = fromYear; year <= toYear; year += yearStep) {
            xTicks.add(new Tick(x.apply(year), frame.bottom() + 20, String.valueOf(year)));
        }

        List<Line> lines = new ArrayList<>();
        List<Figure> actuals = drawn.stream().filter(f -> f.kind().equals("actual"))
                .sorted(Comparator.comparingInt(Figure::period)).toList();
        Map<Integer, Figure> onePerYear = new LinkedHashMap<>();
        actuals.forEach(f -> onePerYear.putIfAbsent(f.period(), f));
        if (onePerYear.size() > 1) {
            lines.add(new Line("series-actual", path(new ArrayList<>(onePerYear.values()), x, y)));
        }
        Map<String, List<Figure>> plans = new LinkedHashMap<>();
        drawn.stream().filter(f -> f.plan() != null && !f.kind().equals("actual"))
                .sorted(Comparator.comparingInt(Figure::period))
                .forEach(f -> plans.computeIfAbsent(f.plan(), p -> new ArrayList<>()).add(f));
        plans.values().forEach(planFigures -> {
            if (planFigures.size() > 1 && planFigures.stream().anyMatch(f -> f.kind().equals("target"))) {
                lines.add(new Line("series-target", path(planFigures, x, y)));
            }
        });
        List<Point> points = drawn.stream()
                .sorted(Comparator.comparing((Figure f) -> f.kind().equals("actual")).thenComparingInt(Figure::period))
                .map(f -> new Point(x.apply(f.period()), y.apply(f.value().doubleValue()), f.kind(), f.label()))
                .toList();
        return new IndicatorChart(WIDTH, HEIGHT, xTicks, yTicks, lines, points, frame);
    }

    private static String path(List<Figure> figures, Function<Integer, Double> x, Function<Double, Double> y) {
        StringBuilder d = new StringBuilder();
        for (Figure f : figures) {
            d.append(d.isEmpty() ? "M" : " L").append(fmt(x.apply(f.period()))).append(' ')
                    .append(fmt(y.apply(f.value().doubleValue())));
        }
        return d.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least the raw step. */
    static double niceStep(double raw) {
        if (raw <= 0 || Double.isNaN(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[]{1, 2, 2.5, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
