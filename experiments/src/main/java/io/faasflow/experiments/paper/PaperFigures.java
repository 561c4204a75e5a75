package io.faasflow.experiments.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results the FaaSFlow artifact publishes ({@code test/asplos/<experiment>/expected_results/}), read from the
 * copies under {@code io/faasflow/experiments/paper/expected/} on the class path. A value is a {@code Double}, null
 * where the paper reports {@code timeout}. A missing resource or a malformed line is an
 * {@link IllegalStateException} naming the resource and the line.
 */
final class PaperFigures {
    private static final String FOLDER = "/io/faasflow/experiments/paper/expected/";
    private static final String TIMEOUT = "timeout";
    /** A line of component_overhead.txt, e.g. {@code mem_usage: 47.12 MB}. */
    private static final Pattern USAGE = Pattern.compile("(\\w+):\\s*(\\S+)\\s+(\\S+)");

    private PaperFigures() {
    }

    /**
     * One value per workflow of a {@code ,workflow,<quantity>} file, e.g. {@code byWorkflow("data_overhead",
     * "optimized.csv")} (seconds per request).
     *
     * @return workflow to value (null: timeout), in file order; unmodifiable
     */
    static Map<String, Double> byWorkflow(String experiment, String file) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Row row : table(experiment, file, "workflow", 3)) {
            if (values.containsKey(row.text(1))) {
                throw row.error("workflow " + row.text(1) + " appears twice");
            }
            values.put(row.text(1), row.value(2));
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * The tail latency (s) per request rate (requests per minute) of a {@code ,rpm,tail_latency} file, e.g.
     * {@code byRate("genvid_tail_latency", "optimized_genome_50MB.csv")}.
     *
     * @return rpm to latency (null: timeout), ascending; unmodifiable
     */
    static SortedMap<Double, Double> byRate(String experiment, String file) {
        SortedMap<Double, Double> values = new TreeMap<>();
        for (Row row : table(experiment, file, "rpm", 3)) {
            double rpm = row.number(1);
            if (values.containsKey(rpm)) {
                throw row.error("rate " + row.text(1) + " appears twice");
            }
            values.put(rpm, row.value(2));
        }
        return Collections.unmodifiableSortedMap(values);
    }

    /**
     * The graph scheduler's cost per workflow size (scheduler_scalability.csv).
     *
     * @return rows of {functions, core-seconds, peak memory in MB}, in file order (10 to 200 functions)
     */
    static List<double[]> schedulerScalability() {
        List<double[]> rows = new ArrayList<>();
        for (Row row : table("scheduler_scalability", "scheduler_scalability.csv", "node", 4)) {
            rows.add(new double[] {row.number(1), row.number(2), row.number(3)});
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * The footprint of one worker engine (component_overhead.txt).
     *
     * @return {@code memory_mb} (MB) and {@code cpu_cores} (cores); unmodifiable
     */
    static Map<String, Double> componentOverhead() {
        String resource = resource("component_overhead", "component_overhead.txt");
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> lines = lines(resource);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Matcher usage = USAGE.matcher(lines.get(i).strip());
            boolean matches = usage.matches();
            Row row = new Row(resource, i + 1, matches ? new String[] {usage.group(2)} : new String[0]);
            if (!matches) {
                throw row.error("expected '<name>: <number> <unit>'");
            }
            String key = switch (usage.group(1) + " " + usage.group(3)) {
                case "mem_usage MB" -> "memory_mb";
                case "cpu_usage core" -> "cpu_cores";
                default -> throw row.error("unknown figure '" + usage.group(1) + "' in " + usage.group(3));
            };
            if (values.put(key, row.number(0)) != null) {
                throw row.error(usage.group(1) + " appears twice");
            }
        }
        if (values.size() != 2) {
            throw new IllegalStateException(resource + ": expected mem_usage and cpu_usage, found " + values.keySet());
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * The scheduling overhead per workflow (schedule_overhead/{@code <controlMode>}.csv). The file already holds one
     * figure per workflow, the mean over its requests (after 2 warm-ups), in seconds; this gives it in ms.
     *
     * @param controlMode {@code "WorkerSP"} (FaaSFlow) or {@code "MasterSP"} (the master-worker baseline)
     * @return workflow to mean overhead in ms per request (null: timeout), in file order; unmodifiable
     */
    static Map<String, Double> scheduleOverheadMillis(String controlMode) {
        Map<String, Double> millis = new LinkedHashMap<>();
        byWorkflow("schedule_overhead", controlMode + ".csv")
                .forEach((workflow, seconds) -> millis.put(workflow, seconds == null ? null : seconds * 1000));
        return Collections.unmodifiableMap(millis);
    }

    /** The data rows of a CSV whose header is {@code ,<key>,...} with {@code columns} columns (pandas' index first). */
    private static List<Row> table(String experiment, String file, String key, int columns) {
        String resource = resource(experiment, file);
        List<String> lines = lines(resource);
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Row row = new Row(resource, i + 1, lines.get(i).strip().split(",", -1));
            if (row.cells.length != columns) {
                throw row.error("expected " + columns + " columns, found " + row.cells.length);
            }
            if (header && !row.text(1).equals(key)) {
                throw row.error("expected the header's second column to be '" + key + "'");
            }
            if (!header) {
                rows.add(row);
            }
            header = false;
        }
        if (header) {
            throw new IllegalStateException(resource + ": empty, no header");
        }
        return rows;
    }

    private static String resource(String experiment, String file) {
        return FOLDER + experiment + "/" + file;
    }

    private static List<String> lines(String resource) {
        InputStream in = PaperFigures.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
    }

    /** One line of a resource, split in cells, for values and errors that say where they come from. */
    private record Row(String resource, int line, String[] cells) {
        String text(int column) {
            return cells[column].strip();
        }

        /** A number or {@code timeout} (null). */
        Double value(int column) {
            return text(column).equals(TIMEOUT) ? null : number(column);
        }

        double number(int column) {
            try {
                double value = Double.parseDouble(text(column));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("'" + text(column) + "' is not a number");
        }

        IllegalStateException error(String problem) {
            return new IllegalStateException(resource + " line " + line + ": " + problem);
        }
    }
}
