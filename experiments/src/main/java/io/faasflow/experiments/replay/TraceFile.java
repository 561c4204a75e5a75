package io.faasflow.experiments.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A replay trace: one invocation per line, {@code offset_ms,workflow,input}, where {@code offset_ms} is
 * milliseconds after the start (a decimal is allowed), and {@code input} is a JSON object holding the global
 * inputs: the rest of the line, optionally in double quotes with inner quotes doubled as CSV writes them. A
 * line of two fields invokes with no inputs. An optional first line {@code offset_ms,workflow,input} is the
 * header; blank lines and lines starting with {@code #} are skipped. Arrivals are sorted by offset.
 */
public final class TraceFile {
    private static final String HEADER = "offset_ms";

    private TraceFile() {
    }

    /** @throws IllegalArgumentException naming the file and line of the first malformed line */
    public static List<Arrival> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (arrivals.isEmpty() && line.startsWith(HEADER))) {
                continue;
            }
            try {
                arrivals.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (arrivals.isEmpty()) {
            throw new IllegalArgumentException(file + ": the trace holds no invocation");
        }
        arrivals.sort(Comparator.comparingLong(Arrival::offsetNanos));
        return List.copyOf(arrivals);
    }

    static Arrival parse(String line) {
        int first = line.indexOf(',');
        if (first < 0) {
            throw new IllegalArgumentException("expected offset_ms,workflow[,input]; got '" + line + "'");
        }
        int second = line.indexOf(',', first + 1);
        String offsetText = line.substring(0, first).strip();
        String workflow = (second < 0 ? line.substring(first + 1) : line.substring(first + 1, second)).strip();
        double offsetMillis;
        try {
            offsetMillis = Double.parseDouble(offsetText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset_ms must be a number of milliseconds; got '" + offsetText + "'");
        }
        if (!(offsetMillis >= 0) || Double.isInfinite(offsetMillis)) {
            throw new IllegalArgumentException("offset_ms must not be negative; got " + offsetText);
        }
        if (workflow.isEmpty()) {
            throw new IllegalArgumentException("the workflow field is empty");
        }
        ObjectNode input = second < 0 ? null : input(line.substring(second + 1).strip());
        return new Arrival(Math.round(offsetMillis * 1e6), workflow, input);
    }

    private static ObjectNode input(String field) {
        String json = field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
        if (json.isEmpty()) {
            return null;
        }
        try {
            JsonNode node = WireJson.mapper().readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("input must be a JSON object; got " + node.getNodeType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("input is not JSON: " + e.getOriginalMessage());
        }
    }
}
