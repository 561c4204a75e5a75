package io.faasflow.experiments.paper;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.ShapedStoreNetwork;
import io.faasflow.experiments.replay.Arrival;
import io.faasflow.experiments.replay.KafkaInvoker;
import io.faasflow.experiments.replay.ReplayOptions;
import io.faasflow.experiments.replay.ReplayRun;
import io.faasflow.experiments.replay.ReplayTarget;
import io.faasflow.experiments.replay.Replayer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.faasflow.scheduler.NodeSchedulerConfig;

/**
 * The embedded cluster of one {@link Configuration} with the 8 workflows deployed in it, driven through Kafka
 * by the replay tool.
 */
public final class ExperimentCluster implements AutoCloseable {
    /** Eight deployments of 18-150 scale units each need more than the paper's 120 per node on a few nodes. */
    private static final int SCALE_LIMIT = 300;
    private final Configuration configuration;
    private final LocalCluster cluster;
    private final KafkaInvoker invoker;
    private final ShapedStoreNetwork network;
    private final PrintStream progress;
    private final Duration invocationTimeout;

    private ExperimentCluster(Configuration configuration, LocalCluster cluster, KafkaInvoker invoker,
            ShapedStoreNetwork network, PrintStream progress, Duration invocationTimeout) {
        this.invocationTimeout = invocationTimeout;
        this.configuration = configuration;
        this.cluster = cluster;
        this.invoker = invoker;
        this.network = network;
        this.progress = progress;
    }

    /**
     * @param network the namespace the store runs in when an experiment caps its bandwidth; null for loopback
     * @param progress where replays print their progress; null for nowhere
     */
    public static ExperimentCluster start(Configuration configuration, ExperimentSettings settings,
            ShapedStoreNetwork network, PrintStream progress) throws InterruptedException {
        ClusterOptions options = new ClusterOptions(settings.nodes(), 0, settings.home(),
                settings.work().resolve(configuration.fileTag()), "", settings.runtimeScale(), settings.sizeScale(), true,
                SCALE_LIMIT, configuration.scheduling()).withStoreNetwork(network)
                .withSchedulerProperties(Map.of(NodeSchedulerConfig.INVOCATION_TIMEOUT_CONFIG,
                        Long.toString(invocationTimeout(settings).toSeconds())));
        LocalCluster cluster = LocalCluster.start(options);
        try {
            IngressClient ingress = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
            for (PaperWorkflow workflow : PaperWorkflows.all()) {
                ingress.deploy(workflow.deployment(), workflow.yaml(), true, configuration.placement());
            }
            KafkaInvoker invoker = KafkaInvoker.connect(cluster.bootstrapServers(), "");
            ExperimentCluster started = new ExperimentCluster(configuration, cluster, invoker, network, progress,
                    invocationTimeout(settings));
            try {
                started.warmUp(Duration.ofSeconds(settings.quick() ? 8 : 20));
            } catch (RuntimeException | InterruptedException e) {
                invoker.close();
                throw e;
            }
            return started;
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Runs the 8 workflows at once for {@code duration}, unmeasured: a fresh cluster's JVMs interpret and compile
     * for their first seconds, which the original's long-running Python processes did not pay in its figures.
     */
    private void warmUp(Duration duration) throws InterruptedException {
        if (progress != null) {
            progress.println(configuration.label() + ": warming the cluster up for " + duration.toSeconds() + " s");
        }
        new Replayer(invoker, new ReplayOptions(0, Duration.ofSeconds(60), duration), null)
                .closedLoop(PaperWorkflows.all().stream().map(PaperWorkflow::target).toList(), PaperWorkflows.ORDER.size());
    }

    /**
     * How long an invocation may run in the cluster: twice the client's time-out (60 s on the paper's clock), at
     * least 10 s, so that invocations a replay gave up on stop loading the cluster soon after.
     */
    private static Duration invocationTimeout(ExperimentSettings settings) {
        return Duration.ofSeconds(Math.max(10, (long) Math.ceil(settings.scaled(Duration.ofSeconds(120)).toMillis() / 1000.0)));
    }

    /** Waits until every invocation a replay gave up on has ended in the cluster, by its time-out at the latest. */
    public void drain() throws InterruptedException {
        Thread.sleep(invocationTimeout.toMillis() + 1000);
    }

    public Configuration configuration() {
        return configuration;
    }

    public LocalCluster local() {
        return cluster;
    }

    /** The store's network namespace; null when the cluster's store is on loopback. */
    public ShapedStoreNetwork network() {
        return network;
    }

    /** Closed loops: each target gets one client that invokes it again as soon as its last invocation ended. */
    public ReplayRun closedLoop(List<ReplayTarget> targets, int warmups, Duration duration, Duration timeout)
            throws InterruptedException {
        return new Replayer(invoker, new ReplayOptions(warmups, timeout, duration), progress)
                .closedLoop(targets, targets.size());
    }

    public ReplayRun openLoop(List<Arrival> arrivals, String description, int warmups, Duration timeout)
            throws InterruptedException {
        return new Replayer(invoker, new ReplayOptions(warmups, timeout, null), progress).openLoop(arrivals, description, null);
    }

    @Override
    public void close() {
        invoker.close();
        cluster.close();
    }
}
