package io.faasflow.experiments.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code ./faasflow chaos [--quick] [--seed S] [--invocations N] [--brokers 1|3] [--out DIR]}. */
public final class ChaosCommand {
    private ChaosCommand() {
    }

    /**
     * @param options the command line's {@code --name value} options
     * @return the process exit code: 0 when nothing was lost
     */
    public static int run(boolean quick, Map<String, String> options, Path home, Path work, PrintStream out) throws Exception {
        long seed = Long.parseLong(options.getOrDefault("seed", "20261202"));
        int invocations = Integer.parseInt(options.getOrDefault("invocations", quick ? "150" : "1000"));
        Path dir = options.containsKey("out") ? Path.of(options.get("out")).toAbsolutePath()
                : quick ? work.resolve("results") : home.resolve("docs/results");
        int brokers = Integer.parseInt(options.getOrDefault("brokers", "1"));
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("--brokers must be 1 or 3; got " + brokers);
        }
        return ChaosRun.run(new ChaosSettings(home, work, dir, quick, seed, invocations, brokers), out);
    }
}
