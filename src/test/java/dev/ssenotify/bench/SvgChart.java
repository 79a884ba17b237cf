package dev.ssenotify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain line chart as SVG text, so the report needs no plotting library. */
final class SvgChart {

    record Line(String label, String color, boolean dashed, double[] values) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart line(String label, String color, boolean dashed, double[] values) {
        lines.add(new Line(label, color, dashed, values));
        return this;
    }

    String render() {
        int points = 1;
        double max = 0;
        for (Line l : lines) {
            points = Math.max(points, l.values().length);
            for (double v : l.values()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(WIDTH / 2.0, 22, "middle", 15, escape(title)));
        for (int i = 0; i <= 5; i++) {
            double y = TOP + plotH - plotH * i / 5.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            s.append(text(LEFT - 6, y + 4, "end", 11, format(top * i / 5)));
        }
        int step = Math.max(1, points / 10);
        for (int i = 0; i < points; i += step) {
            s.append(text(x(i, points, plotW), TOP + plotH + 16, "middle", 11, Integer.toString(i + 1)));
        }
        s.append(text(LEFT + plotW / 2.0, HEIGHT - 12, "middle", 12, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + plotH / 2.0, TOP + plotH / 2.0, escape(yLabel)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, TOP, plotW, plotH));
        for (int li = 0; li < lines.size(); li++) {
            Line l = lines.get(li);
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < l.values().length; i++) {
                double v = l.values()[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double y = TOP + plotH - (top == 0 ? 0 : plotH * v / top);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        x(i, points, plotW), y));
            }
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    path, l.color(), l.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            double ly = TOP + 10 + li * 18;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    LEFT + plotW + 10, ly, LEFT + plotW + 34, ly, l.color(), l.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            s.append(text(LEFT + plotW + 40, ly + 4, "start", 11, escape(l.label())));
        }
        return s.append("</svg>\n").toString();
    }

    static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= max) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double x(int i, int points, int plotW) {
        return LEFT + (points == 1 ? plotW / 2.0 : plotW * i / (double) (points - 1));
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, content);
    }

    private static String format(double v) {
        return v >= 10 || v == 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
