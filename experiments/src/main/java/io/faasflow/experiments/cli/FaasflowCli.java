package io.faasflow.experiments.cli;

import io.faasflow.experiments.bench.PartitionerBenchmarkRunner;
import io.faasflow.experiments.bench.PartitionerFootprint;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.topology.wire.WireJson;
import io.faasflow.experiments.bench.StorageBenchmark;
import io.faasflow.experiments.bench.TriggerLatencyBenchmark;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.demo.Demo;
import io.faasflow.topology.load.WorkflowDefinitionException;
import io.faasflow.topology.partition.PartitionerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code ./faasflow} command line: {@code up} starts an embedded cluster until Ctrl-C, {@code demo}
 * starts one with 3 nodes, runs five benchmark workflows once and prints their figures.
 */
public final class FaasflowCli {
    private static final String USAGE = """
            usage: faasflow up [--nodes N] [--port P] [--scale-limit S] [--runtime-scale X] [--size-scale Y]
                   faasflow demo [--warmups N] [--scale-limit S] [--runtime-scale X] [--size-scale Y]
                   faasflow plan FILE --nodes N [--scale-limit S] [--raw] [--json]
                   faasflow replan NAME [--url http://127.0.0.1:8080]
                   faasflow bench-trigger [--invocations N] [--nodes N]
                   faasflow bench-storage [--iterations N]
                   faasflow bench-partitioner [--quick]
            """;

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
                case "plan" -> PlanCommand.run(Path.of(arguments.positional()), arguments.integer("nodes", 7),
                        arguments.integer("scale-limit", PartitionerConfig.DEFAULTS.scaleLimit()), arguments.flag("raw"),
                        arguments.flag("json"), System.out);
                case "replan" -> System.out.println(WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                        new IngressClient(arguments.options().getOrDefault("url", "http://127.0.0.1:8080"))
                                .replan(arguments.positional())));
                case "bench-trigger" -> benchTrigger(arguments, home, work);
                case "bench-partitioner" -> {
                    System.out.println("wrote " + PartitionerBenchmarkRunner.run(work, arguments.flag("quick")));
                    PartitionerFootprint.run(work, System.out);
                }
                case "bench-storage" -> StorageBenchmark.run(home, work, arguments.integer("iterations", 200), System.out);
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

    private static void up(CliArguments arguments, Path home, Path work) throws InterruptedException {
        ClusterOptions options = new ClusterOptions(arguments.integer("nodes", 3), arguments.integer("port", 8080), home,
                work, "", arguments.decimal("runtime-scale", 1.0), arguments.decimal("size-scale", 1.0), true,
                arguments.integer("scale-limit", ClusterOptions.DEFAULT_SCALE_LIMIT));
        System.out.println("starting " + options.nodes() + " nodes (logs in " + work + ") ...");
        LocalCluster cluster = LocalCluster.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.out.println("stopping ...");
            cluster.close();
            stopped.countDown();
        }));
        System.out.println("faasflow is up: ingress " + cluster.ingressUrl() + ", Kafka " + cluster.bootstrapServers()
                + ", CouchDB " + cluster.couchUrl());
        System.out.println("press Ctrl-C to stop");
        stopped.await();
    }

    private static void benchTrigger(CliArguments arguments, Path home, Path work) throws InterruptedException {
        ClusterOptions options = new ClusterOptions(arguments.integer("nodes", 3), 0, home, work, "", 0, 0, true,
                ClusterOptions.DEFAULT_SCALE_LIMIT);
        try (LocalCluster cluster = LocalCluster.start(options)) {
            TriggerLatencyBenchmark.run(cluster, arguments.integer("invocations", 300), System.out);
        }
    }

    private static int demo(CliArguments arguments, Path home, Path work) throws InterruptedException {
        ClusterOptions options = new ClusterOptions(3, 0, home, work, "", arguments.decimal("runtime-scale", 0.1),
                arguments.decimal("size-scale", 0.01), true,
                // Five workflows of 12-150 scale units each on 3 nodes need more than the paper's 120 per node.
                arguments.integer("scale-limit", 300));
        System.out.println("starting a 3-node cluster (logs in " + work + ") ...");
        try (LocalCluster cluster = LocalCluster.start(options)) {
            System.out.println("cluster ready at " + cluster.ingressUrl() + "; runtimes x" + options.runtimeScale()
                    + ", sizes x" + options.sizeScale());
            int warmups = arguments.integer("warmups", 2);
            System.out.println("each workflow runs " + warmups + " warm-up invocations, then the one reported");
            int failed = Demo.run(cluster, warmups, System.out);
            return failed == 0 ? 0 : 1;
        }
    }
}
