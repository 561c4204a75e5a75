package io.faasflow.experiments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay tool against a real 3-node cluster, through Kafka only (the ingress only deploys). */
class ReplayIT {
    private static final String PREFIX = "replay-" + Long.toHexString(System.nanoTime()) + ".";
    private static LocalCluster cluster;
    private static Path work;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createTempDirectory("faasflow-replay");
        Path home = Path.of(System.getProperty("faasflow.home", "..")).toAbsolutePath().normalize();
        cluster = LocalCluster.start(new ClusterOptions(3, 0, home, work, PREFIX, 1.0, 0.001, true,
                ClusterOptions.DEFAULT_SCALE_LIMIT, SchedulingMode.WORKER));
        IngressClient ingress = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
        ingress.deploy("noop", "functions:\n- name: only\n  source: noop\n  runtime: 0\n", true);
        ingress.deploy("pair", """
                functions:
                - name: first
                  source: noop
                  runtime: 0
                  next: {type: pass, nodes: [second]}
                - name: second
                  source: noop
                  runtime: 0
                """, true);
        ingress.deploy("slow", "functions:\n- name: nap\n  source: nap\n  runtime: 1.5\n", true);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static KafkaInvoker invoker() {
        return KafkaInvoker.connect(cluster.bootstrapServers(), PREFIX);
    }

    @Test
    void closedLoopMatchesEveryResultToItsInvocationOnce() throws Exception {
        try (KafkaInvoker invoker = invoker()) {
            ReplayRun run = new Replayer(invoker, new ReplayOptions(2, Duration.ofSeconds(20), Duration.ofSeconds(4)), null)
                    .closedLoop(List.of(new ReplayTarget("noop", null), new ReplayTarget("pair", null)), 4);
            ReplaySummary summary = ReplaySummary.of(run);
            assertEquals(4, summary.warmups());
            assertTrue(summary.all().count() > 20, "measured " + summary.all().count());
            assertEquals(summary.all().count(), summary.all().succeeded(), summary.toString());
            assertUniqueAndMatched(run);
            assertEquals(Set.of("noop", "pair"), summary.workflows().keySet());
            run.measured().forEach(record -> assertEquals(record.completion().target().workflow(),
                    record.completion().result().workflow()));
        }
    }

    @Test
    void fixedRateIsSentWithinFivePercentOfTheRequestedRate() throws Exception {
        try (KafkaInvoker invoker = invoker()) {
            ArrivalRate rate = ArrivalRate.parse("40/s");
            ReplayRun run = new Replayer(invoker, new ReplayOptions(1, Duration.ofSeconds(20), Duration.ofSeconds(5)), null)
                    .openLoop(OpenLoopArrivals.fixedRate(rate, Duration.ofSeconds(5), List.of(new ReplayTarget("noop", null))),
                            "fixed", rate);
            ReplaySummary summary = ReplaySummary.of(run);
            assertEquals(200, summary.all().count());
            assertEquals(200, summary.all().succeeded(), summary.toString());
            assertEquals(40, summary.sentRatePerSecond(), 40 * 0.05);
            assertUniqueAndMatched(run);
        }
    }

    @Test
    void poissonArrivalsAreSentWithinFivePercentOfTheRequestedRate() throws Exception {
        try (KafkaInvoker invoker = invoker()) {
            ArrivalRate rate = ArrivalRate.parse("3000/min");
            List<Arrival> arrivals = OpenLoopArrivals.poisson(rate, Duration.ofSeconds(8), 5, List.of(new ReplayTarget("noop", null)));
            ReplayRun run = new Replayer(invoker, new ReplayOptions(0, Duration.ofSeconds(20), Duration.ofSeconds(8)), null)
                    .openLoop(arrivals, "poisson", rate);
            ReplaySummary summary = ReplaySummary.of(run);
            assertEquals(arrivals.size(), summary.all().count());
            assertEquals(summary.all().count(), summary.all().succeeded(), summary.toString());
            assertEquals(50, summary.sentRatePerSecond(), 50 * 0.05);
            assertUniqueAndMatched(run);
        }
    }

    @Test
    void traceOffsetsAreHonoured() throws Exception {
        Path trace = work.resolve("trace.csv");
        Files.writeString(trace, """
                offset_ms,workflow,input
                0,noop,{}
                150,pair,{"n": 1}
                400,noop
                1000,pair,"{""n"": 2}"
                1600,noop,{}
                """);
        try (KafkaInvoker invoker = invoker()) {
            ReplayRun run = new Replayer(invoker, new ReplayOptions(0, Duration.ofSeconds(20), null), null)
                    .openLoop(TraceFile.read(trace), "trace", null);
            List<ReplayRecord> measured = run.measured().stream()
                    .sorted(java.util.Comparator.comparingLong(ReplayRecord::scheduledNanos)).toList();
            assertEquals(List.of(0L, 150L, 400L, 1000L, 1600L),
                    measured.stream().map(record -> record.scheduledNanos() / 1_000_000).toList());
            for (ReplayRecord record : measured) {
                long lateness = record.sentNanos() - record.scheduledNanos();
                assertTrue(lateness >= 0 && lateness < 20_000_000, "sent " + lateness / 1e6 + " ms after its offset");
                assertTrue(record.completion().succeeded(), record.toString());
            }
            assertEquals(List.of("noop", "pair", "noop", "pair", "noop"),
                    measured.stream().map(record -> record.completion().result().workflow()).toList());
            assertUniqueAndMatched(run);
        }
    }

    @Test
    void redeliveredAndForeignResultsAreNeverCounted() throws Exception {
        TopicLayout layout = new TopicLayout(PREFIX, cluster.nodes());
        try (KafkaInvoker invoker = invoker(); ResultRepeater repeater = new ResultRepeater(layout)) {
            IngressClient ingress = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
            String foreign = ingress.invoke("noop", "{}");
            ReplayRun run = new Replayer(invoker, new ReplayOptions(0, Duration.ofSeconds(20), Duration.ofSeconds(2)), null)
                    .closedLoop(List.of(new ReplayTarget("noop", null)), 2);
            ingress.awaitFinished(foreign, Duration.ofSeconds(20));
            ReplaySummary summary = ReplaySummary.of(run);
            assertEquals(summary.all().count(), summary.all().succeeded());
            assertEquals(summary.all().count(), run.measured().size());
            assertUniqueAndMatched(run);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (invoker.duplicateResults() < summary.all().count() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(summary.all().count(), invoker.duplicateResults(), "every result was delivered twice");
            assertTrue(invoker.foreignResults() >= 1, "the ingress's invocation is not the replay's");
        }
    }

    @Test
    void anInvocationWithoutResultInTimeIsTimedOutAndItsLateResultIgnored() throws Exception {
        try (KafkaInvoker invoker = invoker()) {
            ReplayRun run = new Replayer(invoker, new ReplayOptions(0, Duration.ofMillis(500), null), null)
                    .openLoop(List.of(new Arrival(0, "slow", null)), "one slow", null);
            ReplaySummary summary = ReplaySummary.of(run);
            assertEquals(1, summary.all().timedOut());
            assertEquals("CLIENT_TIMEOUT", run.measured().getFirst().completion().status());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (invoker.lateResults() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, invoker.lateResults());
            assertEquals(1, ReplaySummary.of(run).all().count());
        }
    }

    @Test
    void anUndeployedWorkflowIsRefusedBeforeAnythingIsSent() {
        try (KafkaInvoker invoker = invoker()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Replayer(invoker,
                    new ReplayOptions(0, Duration.ofSeconds(5), Duration.ofSeconds(1)), null)
                    .closedLoop(List.of(new ReplayTarget("nope", null)), 1));
            assertTrue(e.getMessage().contains("[nope]") && e.getMessage().contains("noop"), e.getMessage());
        }
    }

    private static void assertUniqueAndMatched(ReplayRun run) {
        Set<String> ids = new HashSet<>();
        for (ReplayRecord record : run.records()) {
            assertTrue(ids.add(record.completion().id()), "counted twice: " + record.completion().id());
            assertNotNull(record.completion().result(), record.toString());
            assertEquals(record.completion().id(), record.completion().result().id());
        }
    }

    /** Produces every result once more, as a redelivery after a lost acknowledgement would. */
    private static final class ResultRepeater implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final KafkaProducer<String, byte[]> producer;
        private final Thread thread;
        private final Set<String> repeated = new HashSet<>();
        private volatile boolean running = true;

        ResultRepeater(TopicLayout layout) {
            consumer = KafkaClients.consumer(cluster.bootstrapServers(), null, "result-repeater");
            producer = KafkaClients.producer(cluster.bootstrapServers(), "result-repeater");
            List<TopicPartition> partitions = java.util.stream.IntStream.range(0, layout.nodes())
                    .mapToObj(p -> new TopicPartition(layout.results(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = Thread.ofPlatform().name("result-repeater").start(() -> {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        if (repeated.add(record.key())) {
                            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value()));
                        }
                    }
                }
                consumer.close();
            });
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
            producer.close();
        }
    }
}
