package io.faasflow.experiments.cli;

import io.faasflow.experiments.bench.PartitionerBenchmarkRunner;
import io.faasflow.experiments.bench.PartitionerFootprint;
import io.faasflow.experiments.bench.SchedulingComparison;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.topology.wire.WireJson;
import io.faasflow.experiments.bench.StorageBenchmark;
import io.faasflow.experiments.bench.TriggerLatencyBenchmark;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.EmbeddedKafkaBroker;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.experiments.demo.Demo;
import io.faasflow.experiments.demo.DemoWorkflow;
import io.faasflow.experiments.demo.DemoWorkflows;
import io.faasflow.experiments.paper.ExperimentRunner;
import io.faasflow.experiments.paper.ExperimentSettings;
import io.faasflow.topology.load.WorkflowDefinitionException;
import io.faasflow.topology.partition.PartitionerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code ./faasflow} command line: {@code up} starts an embedded cluster until Ctrl-C, {@code demo}
 * starts one with 3 nodes, runs the 8 benchmark workflows once and prints their figures, and
 * {@code compare-scheduling} runs them on a WorkerSP cluster and then on a MasterSP one and compares overheads.
 */
public final class FaasflowCli {
    private static final String USAGE = """
            usage: faasflow up [--nodes N] [--port P] [--scale-limit S] [--runtime-scale X] [--size-scale Y]
                                  [--scheduling worker|master] [--runtime embedded|process|docker|auto] [--clean]
                   faasflow demo [--warmups N] [--scale-limit S] [--runtime-scale X] [--size-scale Y]
                                  [--scheduling worker|master] [--runtime embedded|process|docker|auto]
                   faasflow compare-scheduling [--warmups N] [--runs N] [--out DIR] [--scale-limit S]
                                  [--runtime-scale X] [--size-scale Y]
                   faasflow plan FILE --nodes N [--scale-limit S] [--raw] [--json]
                   faasflow replan NAME [--url http://127.0.0.1:8080]
                   faasflow bench-trigger [--invocations N] [--nodes N]
                   faasflow bench-storage [--iterations N]
                   faasflow bench-partitioner [--quick]
                   faasflow bench-containers [--cold N] [--warm N]
                   faasflow experiment NAME|all [--quick] [--nodes 7] [--out DIR] [--runtime-scale X] [--size-scale Y]
                       NAME is one of scheduler-scalability, component-overhead, data-overhead, scheduling-overhead,
                       e2e-latency, tail-latency
                   faasflow chaos [--quick] [--seed S] [--invocations N] [--brokers 1|3] [--out DIR]
            """ + ReplayCommand.USAGE;

    private FaasflowCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("faasflow: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Path home = Path.of(System.getProperty("faasflow.home", ".")).toAbsolutePath().normalize();
        Path work = home.resolve(".faasflow/run-" + ProcessHandle.current().pid());
        if (!arguments.command().equals("plan") && !arguments.command().equals("replan")) {
            Files.createDirectories(work);
        }
        try {
            switch (arguments.command()) {
                case "up" -> up(arguments, home, work);
                case "demo" -> System.exit(demo(arguments, home, work));
                case "compare-scheduling" -> System.exit(compareScheduling(arguments, home, work));
                case "plan" -> PlanCommand.run(Path.of(arguments.positional()), arguments.integer("nodes", 7),
                        arguments.integer("scale-limit", PartitionerConfig.DEFAULTS.scaleLimit()), arguments.flag("raw"),
                        arguments.flag("json"), System.out);
                case "replan" -> System.out.println(WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        new IngressClient(arguments.options().getOrDefault("url", "http://127.0.0.1:8080"),
                                ApiTokenFile.read(home, System.getenv()))
                                .replan(arguments.positional())));
                case "replay" -> System.exit(replay(arguments, work));
                case "experiment" -> System.exit(experiment(arguments, home, work));
                case "chaos" -> System.exit(io.faasflow.experiments.chaos.ChaosCommand.run(arguments.flag("quick"),
                        arguments.options(), home, work, System.out));
                case "bench-trigger" -> benchTrigger(arguments, home, work);
                case "bench-partitioner" -> {
                    System.out.println("wrote " + PartitionerBenchmarkRunner.run(work, arguments.flag("quick")));
                    PartitionerFootprint.run(work, System.out);
                }
                case "bench-storage" -> StorageBenchmark.run(home, work, arguments.integer("iterations", 200), System.out);
                case "bench-containers" -> io.faasflow.experiments.bench.ContainerStartBenchmark.run(home, work,
                        arguments.integer("cold", 20), arguments.integer("warm", 200), System.out);
                default -> {
                    System.err.println("faasflow: unknown command '" + arguments.command() + "'");
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        } catch (WorkflowDefinitionException | IllegalArgumentException | IngressClient.IngressException e) {
            System.err.println("faasflow: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Runs a supervised cluster until Ctrl-C. Kafka runs in a process of its own and keeps its data in
     * {@code .faasflow/kafka} across runs (deployments, results and scheduler state survive a restart of up);
     * {@code --clean} starts it empty.
     */
    private static void up(CliArguments arguments, Path home, Path work) throws InterruptedException {
        Path kafkaDir = home.resolve(".faasflow/kafka");
        if (arguments.flag("clean")) {
            EmbeddedKafkaBroker.deleteData(kafkaDir);
        }
        ClusterOptions options = FunctionRuntimeOption.apply(arguments, new ClusterOptions(arguments.integer("nodes", 3),
                arguments.integer("port", 8080), home, work, "", arguments.decimal("runtime-scale", 1.0),
                arguments.decimal("size-scale", 1.0), true,
                arguments.integer("scale-limit", ClusterOptions.DEFAULT_SCALE_LIMIT), arguments.scheduling()), home)
                .withSupervision(kafkaDir)
                .withApiToken(ApiTokenFile.forUp(System.getenv()));
        System.out.println("starting " + options.nodes() + " nodes, " + options.scheduling().property()
                + "-side scheduling, functions " + runtimeOf(options) + " (logs in " + work + ", Kafka's data in "
                + kafkaDir + ") ...");
        LocalCluster cluster;
        try {
            cluster = LocalCluster.start(options);
        } catch (IllegalStateException e) {
            System.err.println("faasflow up: " + e.getMessage());
            System.err.println("(Kafka's data from earlier runs is in " + kafkaDir + "; ./faasflow up --clean starts empty)");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.out.println("stopping ...");
            cluster.close();
            stopped.countDown();
        }));
        Path tokenFile = ApiTokenFile.write(home, cluster.apiToken());
        System.out.println("faasflow is up: ingress " + cluster.ingressUrl() + ", Kafka " + cluster.bootstrapServers()
                + ", CouchDB " + cluster.couchUrl());
        System.out.println("API token (send it as 'Authorization: Bearer <token>'; also in " + tokenFile + "): "
                + cluster.apiToken());
        System.out.println("every process, its pid and ports: " + work.resolve("cluster.json")
                + " (a process that dies is started again)");
        System.out.println("press Ctrl-C to stop");
        stopped.await();
    }

    private static int replay(CliArguments arguments, Path work) throws InterruptedException {
        try {
            return ReplayCommand.run(arguments, work, System.out);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("faasflow replay: " + e.getMessage());
            return 2;
        }
    }

    private static int experiment(CliArguments arguments, Path home, Path work) throws InterruptedException {
        boolean quick = arguments.flag("quick");
        Path out = arguments.options().containsKey("out") ? Path.of(arguments.options().get("out")).toAbsolutePath()
                : quick ? work.resolve("results") : home.resolve("docs/results");
        ExperimentSettings settings = new ExperimentSettings(home, work, out, quick, arguments.integer("nodes", 7),
                arguments.decimal("runtime-scale", 0.1), arguments.decimal("size-scale", quick ? 0.001 : 0.01));
        List<String> problems = ExperimentRunner.run(arguments.positional(), settings, System.out);
        System.out.println(problems.isEmpty() ? "every experiment wrote its files, with a figure or a time-out for every workflow"
                : problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }

    private static void benchTrigger(CliArguments arguments, Path home, Path work) throws InterruptedException {
        ClusterOptions options = new ClusterOptions(arguments.integer("nodes", 3), 0, home, work, "", 0, 0, true,
                ClusterOptions.DEFAULT_SCALE_LIMIT, SchedulingMode.WORKER);
        try (LocalCluster cluster = LocalCluster.start(options)) {
            TriggerLatencyBenchmark.run(cluster, arguments.integer("invocations", 300), System.out);
        }
    }

    private static int demo(CliArguments arguments, Path home, Path work) throws InterruptedException {
        ClusterOptions options = FunctionRuntimeOption.apply(arguments,
                demoCluster(arguments, home, work, arguments.scheduling()), home);
        List<DemoWorkflow> workflows = DemoWorkflows.all();
        int warmups = nonNegative(arguments, "warmups", 2);
        System.out.println("starting a 3-node cluster, " + options.scheduling().property() + "-side scheduling, functions "
                + runtimeOf(options) + " (logs in " + work + ") ...");
        try (LocalCluster cluster = LocalCluster.start(options)) {
            System.out.println("cluster ready at " + cluster.ingressUrl() + "; runtimes x" + options.runtimeScale()
                    + ", sizes x" + options.sizeScale());
            System.out.println("each workflow runs " + warmups + " warm-up invocations, then the one reported");
            int failed = Demo.run(cluster, workflows, warmups, System.out);
            return failed == 0 ? 0 : 1;
        }
    }

    private static int compareScheduling(CliArguments arguments, Path home, Path work) throws InterruptedException {
        if (arguments.options().containsKey("scheduling")) {
            throw new IllegalArgumentException("compare-scheduling runs both worker and master; drop --scheduling");
        }
        int warmups = nonNegative(arguments, "warmups", 2);
        int runs = arguments.integer("runs", 5);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1; got " + runs);
        }
        Path results = arguments.options().containsKey("out") ? Path.of(arguments.options().get("out"))
                : work.resolve("results");
        List<DemoWorkflow> workflows = DemoWorkflows.all();
        int failed = SchedulingComparison.run(mode -> demoCluster(arguments, home, work.resolve(mode.property()), mode),
                workflows, warmups, runs, results, System.out);
        return failed == 0 ? 0 : 1;
    }

    /** The cluster of {@code demo} and {@code compare-scheduling}: 3 nodes, scaled synthetic runtimes and sizes. */
    private static ClusterOptions demoCluster(CliArguments arguments, Path home, Path work, SchedulingMode scheduling) {
        return new ClusterOptions(3, 0, home, work, "", arguments.decimal("runtime-scale", 0.1),
                arguments.decimal("size-scale", 0.01), true,
                // Eight deployments of 18-150 scale units each on 3 nodes need more than the paper's 120 per node.
                arguments.integer("scale-limit", 300), scheduling);
    }

    private static String runtimeOf(ClusterOptions options) {
        String runtime = options.schedulerProperties().get(io.faasflow.scheduler.NodeSchedulerConfig.RUNTIME_CONFIG);
        return "embedded".equals(runtime) ? "embedded in the schedulers" : "in " + runtime + " containers";
    }

    private static int nonNegative(CliArguments arguments, String name, int absent) {
        int value = arguments.integer(name, absent);
        if (value < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative; got " + value);
        }
        return value;
    }
}
