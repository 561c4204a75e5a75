package io.faasflow.scheduler;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.scheduler.definition.DefinitionReader;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.engine.EmbeddedExecutor;
import io.faasflow.scheduler.engine.FunctionRunner;
import io.faasflow.scheduler.engine.NodeEngine;
import io.faasflow.scheduler.engine.PooledExecutor;
import io.faasflow.scheduler.engine.TryExecutor;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.intake.DeadLetters;
import io.faasflow.scheduler.kafka.Fencing;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.scheduler.kafka.KafkaEffects;
import io.faasflow.scheduler.kafka.SendFailures;
import io.faasflow.scheduler.kafka.TopicBootstrap;
import io.faasflow.scheduler.runtime.ContainerPool;
import io.faasflow.scheduler.runtime.ContainerRuntime;
import io.faasflow.scheduler.runtime.ContainerSettings;
import io.faasflow.scheduler.runtime.DockerRuntime;
import io.faasflow.scheduler.runtime.FunctionStorage;
import io.faasflow.scheduler.runtime.RuntimeSelector;
import io.faasflow.scheduler.runtime.StorageSettings;
import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.scheduler.state.internal.ChangelogStateStore;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.CatalogEntry;
import io.faasflow.topology.wire.WireJson;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker node's scheduler: restores its state from the changelog, then runs the event loop over
 * partition {@code node} of {@code workflow-invocations} and {@code function-events}. Consumes nothing else
 * on the trigger path.
 */
public final class NodeScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeScheduler.class);

    private final NodeSchedulerConfig config;
    private final TopicLayout layout;
    private final FunctionRegistry functions;
    private final DeploymentRegistry deployments = new DeploymentRegistry();
    private final LoopInbox inbox = new LoopInbox();
    private final SchedulerHealth health;
    private HealthServer healthServer;
    /** Exit status of a scheduler fenced off by a newer one of its node. */
    public static final int FENCED_EXIT = 75;

    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final Thread loopThread;
    private StorageSettings functionStorage;

    public NodeScheduler(NodeSchedulerConfig config, FunctionRegistry functions) {
        this.config = config;
        this.layout = config.layout();
        this.functions = functions;
        this.health = new SchedulerHealth(config.node());
        this.loopThread = Thread.ofPlatform().name("node-" + config.node() + "-loop").unstarted(this::runSafely);
    }

    /**
     * Prepares topics, checks the function user, reads deployments and starts the event loop thread.
     *
     * @throws IllegalArgumentException when {@code faasflow.function-couchdb-url} logs in as an admin or not at all
     */
    public void start() throws InterruptedException {
        ReadyFile.removeLeftOver(config.readyFile());
        if (!config.containers().embedded()) {
            functionStorage = FunctionStorage.resolve(config.storage(), config.containers().functionCouchUrl(),
                    NodeSchedulerConfig.FUNCTION_COUCHDB_CONFIG, Duration.ofSeconds(60));
        }
        healthServer = HealthServer.start(config.healthHost(), config.healthPort(), health);
        if (healthServer != null && healthServer.port() > 0) {
            LOG.info("node {}: health at http://{}:{}/health/ready", config.node(), config.healthHost(), healthServer.port());
        }
        try (Admin admin = KafkaClients.admin(config.kafka())) {
            TopicBootstrap.ensure(admin, layout, config.topicReplicationFactor());
        }
        loopThread.start();
    }

    private void runSafely() {
        try {
            run();
        } catch (Throwable e) {
            if (Fencing.isFenced(e)) {
                LOG.error("node {}: fenced off: another scheduler of node {} took over its transactional id {} (or this"
                        + " one was paused for more than {}); it has written nothing since, and stops: {}", config.node(),
                        config.node(), transactionalId(), KafkaClients.TRANSACTION_TIMEOUT, e.toString());
                System.exit(FENCED_EXIT);
            }
            LOG.error("node {} scheduler stopped on an error", config.node(), e);
            System.exit(70);
        }
    }

    private void run() throws InterruptedException {
        String id = "faasflow-node-" + config.node();
        try (StorageAdapter storage = StorageAdapter.connect(config.storage());
                KafkaProducer<String, byte[]> producer = KafkaClients.fencedProducer(config.kafka(), id,
                        transactionalId());
                KafkaProducer<String, byte[]> sideProducer = KafkaClients.producer(config.kafka(), id + "-side");
                DeadLetters deadLetters = new DeadLetters(layout.deadLetters(), "node-" + config.node(), sideProducer);
                DefinitionReader definitions = new DefinitionReader(config.kafka(), layout.definitions(),
                        deployments, id + "-definitions", deadLetters);
                FunctionRunner runner = new FunctionRunner(config.node(), tryExecutor(storage), storage, this::onEnded)) {
            // From here on, a scheduler of this node that is still running somewhere can no longer write anything.
            producer.initTransactions();
            LOG.info("node {}: holds transactional id {}; an earlier scheduler of this node is fenced", config.node(),
                    transactionalId());
            definitions.start(Duration.ofSeconds(60));
            // The latest version of each workflow read so far, then each new one: older versions get no pre-warm.
            deployments.latestOfEach().forEach(runner::deployed);
            deployments.onAdded(runner::deployed);
            SendFailures failures = new SendFailures();
            ChangelogStateStore store = new ChangelogStateStore(new TopicPartition(layout.schedulerState(), config.node()),
                    failures, producer);
            try (KafkaConsumer<String, byte[]> restorer = KafkaClients.consumer(config.kafka(), null, id + "-restore")) {
                store.restore(restorer, Duration.ofMinutes(5));
            }
            KafkaEffects effects = new KafkaEffects(layout, producer, runner, storage, inbox, failures, config.keepData());
            NodeEngine engine = new NodeEngine(config.node(), deployments, store, effects, config.engine());
            publishCatalog(sideProducer);
            producer.beginTransaction();
            try (KafkaConsumer<String, byte[]> events = KafkaClients.consumer(config.kafka(), id, id)) {
                consumer = events;
                inbox.onPost(events::wakeup);
                events.assign(List.of(new TopicPartition(layout.invocations(), config.node()),
                        new TopicPartition(layout.functionEvents(), config.node())));
                EventLoop loop = new EventLoop(config.node(), layout, engine, store, events, producer, inbox, failures,
                        deadLetters, config.inputLimits());
                int resumed = store.all().size();
                int restartedRuns = 0;
                for (InvocationState state : List.copyOf(store.all())) {
                    try {
                        restartedRuns += engine.resume(state);
                    } catch (RuntimeException e) {
                        // A state this node cannot resume must not stop it at every start: that invocation fails.
                        LOG.error("node {}: resuming invocation {} failed; it fails", config.node(), state.id, e);
                        engine.failAfterError(state.id, null, -1, "node " + config.node() + ": resuming it failed: " + e);
                    }
                }
                LOG.info("node {} ready ({} scheduling, Kafka {}): {} invocations resumed, {} runs restarted, functions {}",
                        config.node(), config.engine().mode().name().toLowerCase(java.util.Locale.ROOT),
                        config.kafkaSecurity(), resumed, restartedRuns, functions.sources());
                System.out.println("NODE_READY " + config.node());
                ReadyFile ready = ReadyFile.write(config.readyFile());
                health.consuming();
                try {
                    while (running) {
                        loop.runOnce();
                        health.beat();
                    }
                    loop.commitLast();
                } finally {
                    health.stopped();
                    ready.remove();
                }
            } finally {
                effects.close();
            }
        }
    }

    /**
     * Where tries run, as {@code faasflow.runtime} says. A docker runtime first removes the containers that this
     * scheduler's owner id left behind (a crash leaves them running); process containers stop with their parent.
     */
    private TryExecutor tryExecutor(StorageAdapter storage) {
        ContainerSettings containers = config.containers();
        if (containers.embedded()) {
            LOG.info("node {}: functions run embedded, on virtual threads of the scheduler", config.node());
            return new EmbeddedExecutor(functions, storage, config.scale());
        }
        ContainerRuntime runtime = RuntimeSelector.select(containers.runtime(), containers.logDirectory(),
                containers.docker());
        if (runtime instanceof DockerRuntime docker) {
            docker.removeOwned(containers.ownerId());
        }
        ContainerPool pool = new ContainerPool(runtime, containers.pool(), spec -> spec.deployment().maxContainers());
        PooledExecutor executor = new PooledExecutor(config.node(), functions, pool, functionStorage,
                config.scale(), containers.memoryLimitBytes(), containers.ownerId(), containers.prewarm());
        return executor;
    }

    /** One per node and cluster (topic prefix): a second scheduler of the same node takes it over. */
    private String transactionalId() {
        return layout.prefix() + "faasflow-node-" + config.node();
    }

    private void onEnded(RunEndedEvent end) {
        inbox.post(end.invocation(), engine -> engine.onLocalRunEnded(end));
    }

    private void publishCatalog(KafkaProducer<String, byte[]> producer) {
        byte[] value = WireJson.write(new CatalogEntry(config.node(), List.copyOf(functions.sources())));
        producer.send(new ProducerRecord<>(layout.functionCatalog(),
                String.valueOf(config.node()), value));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> events = consumer;
        if (events != null) {
            events.wakeup();
        }
        loopThread.join(10_000);
        if (healthServer != null) {
            healthServer.close();
        }
    }
}
