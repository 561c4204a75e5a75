package io.faasflow.experiments.paper;

import io.faasflow.experiments.cluster.ShapedStoreNetwork;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./faasflow experiment NAME|all}: measures the chosen experiments in both configurations, one cluster
 * per configuration shared by all of them, then writes their reports and checks them. A failure of one
 * experiment is reported and the others go on.
 */
public final class ExperimentRunner {
    /** In the order they run on a cluster: the idle sample first, the bandwidth cap last. */
    public static final List<String> NAMES = List.of("scheduler-scalability", "component-overhead", "data-overhead",
            "scheduling-overhead", "e2e-latency", "tail-latency");

    private ExperimentRunner() {
    }

    private static Experiment create(String name) {
        return switch (name) {
            case "scheduler-scalability" -> new SchedulerScalabilityExperiment();
            case "component-overhead" -> new ComponentOverheadExperiment();
            case "data-overhead" -> new DataOverheadExperiment();
            case "scheduling-overhead" -> new SchedulingOverheadExperiment();
            case "e2e-latency" -> new E2eLatencyExperiment();
            case "tail-latency" -> new TailLatencyExperiment();
            default -> throw new IllegalArgumentException("no experiment '" + name + "'; choose one of " + NAMES + " or all");
        };
    }

    /** @return the problems found: failed measurements and figures missing from the reports; empty when all is well */
    public static List<String> run(String which, ExperimentSettings settings, PrintStream out) throws InterruptedException {
        List<Experiment> experiments = (which.equals("all") ? NAMES : List.of(which)).stream()
                .map(ExperimentRunner::create).toList();
        ReportText.use(settings);
        ExperimentSession session = new ExperimentSession(settings, out);
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        for (Experiment experiment : experiments.stream().filter(e -> !e.needsCluster()).toList()) {
            for (Configuration configuration : Configuration.values()) {
                measure(experiment, session, configuration, null, problems);
            }
        }
        List<Experiment> onCluster = experiments.stream().filter(Experiment::needsCluster).toList();
        if (!onCluster.isEmpty()) {
            boolean capped = onCluster.stream().anyMatch(Experiment::capsBandwidth);
            try (ShapedStoreNetwork network = capped ? ShapedStoreNetwork.create(Long.toString(ProcessHandle.current().pid())) : null) {
                for (Configuration configuration : Configuration.values()) {
                    out.println(configuration.label() + " (" + configuration.description() + "): starting a "
                            + settings.nodes() + "-node cluster ...");
                    try (ExperimentCluster cluster = ExperimentCluster.start(configuration, settings, network, out)) {
                        for (Experiment experiment : onCluster) {
                            measure(experiment, session, configuration, cluster, problems);
                        }
                    } catch (RuntimeException e) {
                        problems.add(configuration.label() + ": the cluster failed: " + e);
                    }
                }
            }
        }
        List<Path> written = new ArrayList<>();
        for (Experiment experiment : experiments) {
            ReportWriter writer = new ReportWriter(settings.out(), experiment.name());
            try {
                problems.addAll(experiment.report(writer));
            } catch (RuntimeException e) {
                problems.add(experiment.name() + ": its report failed: " + e);
                e.printStackTrace(out);
            }
            problems.addAll(missingFiles(experiment.name(), writer.written()));
            written.addAll(writer.written());
        }
        out.printf(Locale.ROOT, "%d experiment(s) in %.1f min; wrote %d files under %s%n", experiments.size(),
                (System.nanoTime() - start) / 6e10, written.size(), settings.out());
        problems.forEach(problem -> out.println("PROBLEM: " + problem));
        return problems;
    }

    private static void measure(Experiment experiment, ExperimentSession session, Configuration configuration,
            ExperimentCluster cluster, List<String> problems) throws InterruptedException {
        try {
            experiment.measure(session, configuration, cluster);
        } catch (RuntimeException e) {
            problems.add(experiment.name() + " in " + configuration.label() + " failed: " + e);
            e.printStackTrace(session.out());
        }
    }

    /** Every report needs its markdown, at least one CSV and one plot, none of them empty. */
    private static List<String> missingFiles(String name, List<Path> written) {
        List<String> problems = new ArrayList<>();
        for (String kind : List.of(".md", ".csv", ".png")) {
            if (written.stream().noneMatch(file -> file.toString().endsWith(kind))) {
                problems.add(name + ": wrote no " + kind + " file");
            }
        }
        for (Path file : written) {
            try {
                if (Files.size(file) == 0) {
                    problems.add(name + ": " + file + " is empty");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }
}
