package io.faasflow.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.experiments.replay.ArrivalRate;
import io.faasflow.experiments.replay.AzureFunctionsTrace;
import io.faasflow.experiments.replay.KafkaInvoker;
import io.faasflow.experiments.replay.OpenLoopArrivals;
import io.faasflow.experiments.replay.ReplayFiles;
import io.faasflow.experiments.replay.ReplayOptions;
import io.faasflow.experiments.replay.ReplayRun;
import io.faasflow.experiments.replay.ReplaySummary;
import io.faasflow.experiments.replay.ReplayTarget;
import io.faasflow.experiments.replay.Replayer;
import io.faasflow.experiments.replay.TraceFile;
import io.faasflow.topology.wire.WireJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code ./faasflow replay}: one replay against the cluster at {@code --bootstrap}, written to {@code --out}. */
final class ReplayCommand {
    static final String USAGE = """
                   faasflow replay --bootstrap HOST:PORT [--topic-prefix P] MODE [--workflow W[,W...]] [--input JSON]
                                  [--duration 60s] [--warmup N] [--timeout 60s] [--out DIR]
                       MODE is one of: --closed CLIENTS | --rate N/s|N/min | --poisson N/s|N/min [--seed S]
                                  | --trace FILE.csv | --azure FILE.csv [--minutes FROM-TO] [--functions N] [--time-scale X]
            """;
    private static final Set<String> MODES = Set.of("closed", "rate", "poisson", "trace", "azure");

    private ReplayCommand() {
    }

    static int run(CliArguments arguments, Path work, PrintStream out) throws InterruptedException {
        String bootstrap = required(arguments, "bootstrap");
        List<String> modes = MODES.stream().filter(arguments::flag).sorted().toList();
        if (modes.size() != 1) {
            throw new IllegalArgumentException("replay needs exactly one of --closed, --rate, --poisson, --trace, --azure; got "
                    + (modes.isEmpty() ? "none" : modes));
        }
        String mode = modes.get(0);
        ReplayOptions options = new ReplayOptions(arguments.integer("warmup", 0),
                duration(arguments, "timeout", Duration.ofSeconds(60)),
                mode.equals("trace") || mode.equals("azure") ? optionalDuration(arguments, "duration") : duration(arguments, "duration", Duration.ofSeconds(60)));
        Path folder = arguments.options().containsKey("out") ? Path.of(arguments.options().get("out")) : work.resolve("replay");
        try (KafkaInvoker invoker = KafkaInvoker.connect(bootstrap, arguments.options().getOrDefault("topic-prefix", ""))) {
            Replayer replayer = new Replayer(invoker, options, System.err);
            ReplayRun run = switch (mode) {
                case "closed" -> replayer.closedLoop(targets(arguments), arguments.integer("closed", 1));
                case "rate" -> {
                    ArrivalRate rate = ArrivalRate.parse("rate", arguments.options().get("rate"));
                    yield replayer.openLoop(OpenLoopArrivals.fixedRate(rate, options.duration(), targets(arguments)),
                            "open loop, fixed rate " + rate.describe(), rate);
                }
                case "poisson" -> {
                    ArrivalRate rate = ArrivalRate.parse("poisson", arguments.options().get("poisson"));
                    long seed = arguments.integer("seed", 1);
                    yield replayer.openLoop(OpenLoopArrivals.poisson(rate, options.duration(), seed, targets(arguments)),
                            "open loop, Poisson arrivals at " + rate.describe() + ", seed " + seed, rate);
                }
                case "trace" -> replayer.openLoop(TraceFile.read(Path.of(arguments.options().get("trace"))),
                        "trace " + arguments.options().get("trace"), null);
                default -> {
                    int[] minutes = minutes(arguments.options().getOrDefault("minutes", "1-1"));
                    AzureFunctionsTrace azure = new AzureFunctionsTrace(minutes[0], minutes[1] - minutes[0] + 1,
                            arguments.integer("functions", Integer.MAX_VALUE), arguments.decimal("time-scale", 1.0),
                            arguments.integer("seed", 1));
                    yield replayer.openLoop(azure.read(Path.of(arguments.options().get("azure")), targets(arguments)),
                            "Azure Functions trace " + arguments.options().get("azure") + ", minutes " + minutes[0] + "-"
                                    + minutes[1] + " at x" + azure.timeScale(), null);
                }
            };
            ReplaySummary summary = ReplaySummary.of(run);
            print(summary, out);
            out.println("wrote " + ReplayFiles.write(folder, "replay", run, summary));
            return summary.all().failed() + summary.all().timedOut() == 0 ? 0 : 1;
        }
    }

    private static void print(ReplaySummary summary, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d invocations in %.1f s (%d warm-ups before): %d succeeded, %d failed, %d timed out%n",
                summary.mode(), summary.all().count(), summary.measuredSeconds(), summary.warmups(), summary.all().succeeded(),
                summary.all().failed(), summary.all().timedOut());
        if (summary.requestedRatePerSecond() != null && summary.sentRatePerSecond() != null) {
            out.printf(Locale.ROOT, "rate: asked %.3f/s, sent %.3f/s%n", summary.requestedRatePerSecond(), summary.sentRatePerSecond());
        }
        if (summary.all().p50Millis() != null) {
            out.printf(Locale.ROOT, "latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f; throughput %.2f/s%n",
                    summary.all().p50Millis(), summary.all().p90Millis(), summary.all().p99Millis(), summary.all().maxMillis(),
                    summary.throughputPerSecond());
        }
    }

    private static List<ReplayTarget> targets(CliArguments arguments) {
        String workflows = required(arguments, "workflow");
        ObjectNode input = input(arguments.options().get("input"));
        return Arrays.stream(workflows.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> new ReplayTarget(name, input)).toList();
    }

    private static ObjectNode input(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = WireJson.mapper().readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("--input must be a JSON object; got " + node.getNodeType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--input is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(CliArguments arguments, String name) {
        String value = arguments.options().get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("replay needs --" + name);
        }
        return value;
    }

    private static Duration optionalDuration(CliArguments arguments, String name) {
        return arguments.options().containsKey(name) ? duration(arguments, name, null) : null;
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m} or a bare number of seconds. */
    static Duration duration(CliArguments arguments, String name, Duration absent) {
        String text = arguments.options().get(name);
        if (text == null) {
            return absent;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(value.endsWith("s") ? value.substring(0, value.length() - 1) : value) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 500ms, 30s or 2m; got '" + text + "'");
        }
    }

    private static int[] minutes(String text) {
        String[] parts = text.split("-", -1);
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (parts.length > 2 || to < from) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--minutes must be FROM-TO with FROM <= TO, e.g. 600-660; got '" + text + "'");
        }
    }
}
