package io.faasflow.experiments.chaos;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.experiments.demo.DemoWorkflow;
import io.faasflow.experiments.demo.DemoWorkflows;
import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./faasflow chaos}: a closed loop over the 8 benchmark workflows on a supervised local cluster while a
 * seeded schedule of faults hits every process (in the manner of Kafka's system tests, which copy records while
 * brokers and clients are hard-killed and then compare input with output), then a report of what became of every
 * invocation. The run fails when any accepted invocation was lost.
 */
public final class ChaosRun {
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);
    /** The home node ends an invocation by its timeout; this leaves room for its restarts and the broker's. */
    private static final Duration DEADLINE = INVOCATION_TIMEOUT.plusSeconds(90);
    private static final Pattern RESTARTED = Pattern.compile("(\\d+) runs restarted");

    private ChaosRun() {
    }

    /** @return 0 when no accepted invocation was lost, 1 otherwise */
    public static int run(ChaosSettings settings, PrintStream out) throws InterruptedException, IOException {
        ClusterOptions options = new ClusterOptions(ChaosSettings.NODES, 0, settings.home(), settings.work(), "", 0.05,
                0.001, true, 1000, SchedulingMode.WORKER)
                .withSchedulerProperties(Map.of(
                        NodeSchedulerConfig.INVOCATION_TIMEOUT_CONFIG, Long.toString(INVOCATION_TIMEOUT.toSeconds()),
                        NodeSchedulerConfig.FUNCTION_TIMEOUT_CONFIG, "20"))
                .withSupervision(settings.work().resolve("kafka"))
                .withBrokers(settings.brokers());
        out.println("chaos: starting a supervised cluster of " + ChaosSettings.NODES + " nodes (logs in " + settings.work() + ")");
        long started = System.currentTimeMillis();
        try (LocalCluster cluster = LocalCluster.start(options)) {
            IngressClient client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
            List<DemoWorkflow> workflows = deployAll(client);
            List<Fault> schedule = FaultSchedule.of(ChaosSettings.NODES, settings.brokers(), settings.rounds(), settings.seed(), 5_000,
                    settings.gapMillis(), 12_000);
            out.println("chaos: " + schedule.size() + " faults, one every " + settings.gapMillis() / 1000 + " s; at least "
                    + settings.invocations() + " invocations by " + ChaosSettings.CLIENTS + " clients");
            FaultInjector injector = new FaultInjector(cluster, schedule, out);
            ClosedLoop loop = new ClosedLoop(client, workflows, settings.invocations(), DEADLINE, injector::done);
            injector.start();
            List<Outcome> outcomes = loop.run(ChaosSettings.CLIENTS);
            ChaosReport report = new ChaosReport(settings, outcomes, injector.injected(), cluster.restarts(),
                    resultsPerId(cluster), runsRestarted(settings.work()), (System.currentTimeMillis() - started) / 1000);
            report.write(settings.out());
            out.print(report.markdown());
            out.println("chaos: report in " + settings.out().resolve(settings.reportName() + ".md"));
            return report.count("LOST") == 0 ? 0 : 1;
        }
    }

    private static List<DemoWorkflow> deployAll(IngressClient client) throws InterruptedException {
        Map<String, DemoWorkflow> byDeployment = new LinkedHashMap<>();
        for (DemoWorkflow workflow : DemoWorkflows.all()) {
            byDeployment.putIfAbsent(workflow.deployment() + " " + workflow.input(), workflow);
            client.deploy(workflow.deployment(), workflow.yaml(), true);
        }
        List<DemoWorkflow> workflows = new ArrayList<>(byDeployment.values());
        for (DemoWorkflow workflow : workflows) {
            String status = client.awaitFinished(client.invoke(workflow.deployment(), workflow.input()), Duration.ofMinutes(2))
                    .path("status").asText();
            if (!status.equals("SUCCEEDED")) {
                throw new IllegalStateException("before any fault, " + workflow.label() + " ended " + status);
            }
        }
        return workflows;
    }

    /** How many records each invocation id has on {@code workflow-results}. */
    private static Map<String, Integer> resultsPerId(LocalCluster cluster) {
        TopicLayout layout = new TopicLayout(cluster.topicPrefix(), cluster.nodes());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int node = 0; node < cluster.nodes(); node++) {
            partitions.add(new TopicPartition(layout.results(), node));
        }
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(cluster.bootstrapServers(), null, "chaos-results")) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> counts.merge(record.key(), 1, Integer::sum));
            }
        }
        return counts;
    }

    /** Runs the restarted schedulers started again, summed from their "N runs restarted" log lines. */
    private static long runsRestarted(Path work) throws IOException {
        long total = 0;
        try (Stream<Path> logs = Files.list(work.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("node-")).toList()) {
                Matcher matcher = RESTARTED.matcher(Files.readString(log));
                while (matcher.find()) {
                    total += Long.parseLong(matcher.group(1));
                }
            }
        }
        return total;
    }
}
