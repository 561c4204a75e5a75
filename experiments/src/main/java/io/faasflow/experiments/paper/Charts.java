package io.faasflow.experiments.paper;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts (900x500, white background) for the experiment reports. */
public final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final String TIMEOUT_MARK = " (timeout)";
    /** More categories than this, or a label longer than {@link #LONG_LABEL}, and category labels are rotated. */
    private static final int MANY_CATEGORIES = 6;
    private static final int LONG_LABEL = 14;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Writes a grouped bar chart.
     *
     * @param file the PNG to write; missing parent folders are created
     * @param values per category (the outer keys, in iteration order, e.g. workflows), per series (the inner keys,
     *     in order of first appearance, e.g. systems), the bar's value. A null value (a time-out) draws no bar and
     *     marks its category's label with "(timeout)"; a missing key or a value that is not finite draws no bar.
     * @return {@code file}
     */
    public static Path bars(Path file, String title, String valueAxis, Map<String, Map<String, Double>> values) {
        Set<String> series = new LinkedHashSet<>();
        values.values().forEach(bars -> series.addAll(bars.keySet()));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean longLabels = false;
        for (Map.Entry<String, Map<String, Double>> category : values.entrySet()) {
            Map<String, Double> bars = category.getValue();
            String label = category.getKey() + (bars.values().stream().anyMatch(Objects::isNull) ? TIMEOUT_MARK : "");
            longLabels |= label.length() > LONG_LABEL;
            for (String name : series) {
                dataset.addValue(finite(bars.get(name)), name, label);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, dataset, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        theme().apply(chart);
        CategoryAxis categories = chart.getCategoryPlot().getDomainAxis();
        categories.setMaximumCategoryLabelLines(2);
        if (values.size() > MANY_CATEGORIES || longLabels) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return save(file, chart);
    }

    /**
     * Writes an XY line chart with a shape at every point.
     *
     * @param file the PNG to write; missing parent folders are created
     * @param series per series name (in iteration order), its points x to y; a null y (e.g. a time-out) draws
     *     no point and breaks the line there
     * @return {@code file}
     */
    public static Path lines(Path file, String title, String xAxis, String yAxis,
            Map<String, SortedMap<Double, Double>> series) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Map.Entry<String, SortedMap<Double, Double>> points : series.entrySet()) {
            XYSeries line = new XYSeries(points.getKey(), true, false);
            // A null y is kept, not dropped: the renderer then leaves a gap instead of joining its neighbours.
            points.getValue().forEach((x, y) -> line.add(x, finite(y)));
            dataset.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, dataset, PlotOrientation.VERTICAL,
                true, false, false);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        return save(file, chart);
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("faasflow");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(Color.LIGHT_GRAY);
        theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static Path save(Path file, JFreeChart chart) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }
}
