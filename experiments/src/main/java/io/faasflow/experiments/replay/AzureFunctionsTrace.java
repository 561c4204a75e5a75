package io.faasflow.experiments.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Azure Functions 2019 public trace's invocation counts ({@code invocations_per_function_md.anon.dNN.csv}):
 * a header {@code HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440} and one row per function with its
 * invocation count in each minute of the day. Sampled to arrivals: each minute's count spread uniformly at
 * random over that minute. Row {@code r} of the rows read invokes target {@code r mod targets}.
 *
 * @param firstMinute first minute column to replay, 1-based as the header numbers them
 * @param minutes how many minutes from there
 * @param maxFunctions rows (functions) to read, from the top
 * @param timeScale how much faster than real time: a trace minute lasts {@code 60 s / timeScale}
 * @param seed seed of the spread within each minute
 */
public record AzureFunctionsTrace(int firstMinute, int minutes, int maxFunctions, double timeScale, long seed) {
    private static final int FIRST_COUNT_COLUMN = 4;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    public AzureFunctionsTrace {
        if (firstMinute < 1 || minutes < 1 || maxFunctions < 1) {
            throw new IllegalArgumentException("Azure trace window must have first minute >= 1, minutes >= 1 and"
                    + " functions >= 1; got " + firstMinute + ", " + minutes + ", " + maxFunctions);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("--time-scale must be a positive number; got " + timeScale);
        }
    }

    /** @throws IllegalArgumentException naming the file and line at fault */
    public List<Arrival> read(Path file, List<ReplayTarget> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an Azure trace replay needs at least one --workflow to map its functions to");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Arrival> arrivals = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String header = reader.readLine();
            int firstColumn = firstCountColumn(file, header);
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null && row < maxFunctions) {
                if (line.isBlank()) {
                    continue;
                }
                ReplayTarget target = targets.get(row % targets.size());
                String[] fields = line.split(",", -1);
                for (int minute = 0; minute < minutes; minute++) {
                    int column = firstColumn + minute;
                    long count = count(file, row + 2, fields, column);
                    for (long n = 0; n < count; n++) {
                        double within = random.nextDouble() * MINUTE_NANOS;
                        arrivals.add(new Arrival(Math.round((minute * (double) MINUTE_NANOS + within) / timeScale), target));
                    }
                }
                row++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Azure trace " + file + ": " + e.getMessage(), e);
        }
        arrivals.sort(Comparator.comparingLong(Arrival::offsetNanos));
        return List.copyOf(arrivals);
    }

    private int firstCountColumn(Path file, String header) {
        if (header == null) {
            throw new IllegalArgumentException(file + ": empty file; expected the header HashOwner,HashApp,HashFunction,Trigger,1,...");
        }
        String[] columns = header.split(",", -1);
        if (columns.length <= FIRST_COUNT_COLUMN || !columns[FIRST_COUNT_COLUMN].strip().equals("1")) {
            throw new IllegalArgumentException(file + ":1: expected the header HashOwner,HashApp,HashFunction,Trigger,1,...;"
                    + " got '" + (header.length() > 80 ? header.substring(0, 80) + "..." : header) + "'");
        }
        int last = firstMinute + minutes - 1;
        if (last > columns.length - FIRST_COUNT_COLUMN) {
            throw new IllegalArgumentException(file + ": minutes " + firstMinute + "-" + last + " asked, but the trace has "
                    + (columns.length - FIRST_COUNT_COLUMN));
        }
        return FIRST_COUNT_COLUMN + firstMinute - 1;
    }

    private static long count(Path file, int line, String[] fields, int column) {
        if (column >= fields.length) {
            throw new IllegalArgumentException(file + ":" + line + ": the row has " + fields.length + " fields, no minute column "
                    + (column - FIRST_COUNT_COLUMN + 1));
        }
        String text = fields[column].strip();
        try {
            long count = text.isEmpty() ? -1 : Long.parseLong(text);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": minute " + (column - FIRST_COUNT_COLUMN + 1)
                    + " must be a count of invocations; got '" + text + "'");
        }
    }
}
