package io.faasflow.ingress.kafka;

import io.faasflow.ingress.StartupException;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.rest.InvocationView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Brings the Kafka side up at application start: topics first, then the tailers feeding the function catalog,
 * the workflow registry and the results cache. Startup fails (and the process exits) when Kafka is unreachable
 * for {@value TopicInitializer#STARTUP_TIMEOUT_SECONDS} s or the topics do not fit; it returns once the
 * registry holds every workflow deployed before, so versions continue where they were.
 */
@Singleton
public class KafkaStartup {
    private static final Logger LOG = Logger.getLogger(KafkaStartup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(TopicInitializer.STARTUP_TIMEOUT_SECONDS);

    private final IngressSettings settings;
    private final KafkaClients clients;
    private final TopicInitializer topics;
    private final FunctionCatalog catalog;
    private final WorkflowRegistry registry;
    private final InvocationResults results;
    private final SubmittedInvocations submitted;
    private final DeadLetterWriter deadLetters;
    private final List<TopicTailer> tailers = new ArrayList<>();

    @Inject
    public KafkaStartup(IngressSettings settings, KafkaClients clients, TopicInitializer topics,
            FunctionCatalog catalog, WorkflowRegistry registry, InvocationResults results, SubmittedInvocations submitted,
            DeadLetterWriter deadLetters) {
        this.submitted = submitted;
        this.settings = settings;
        this.clients = clients;
        this.topics = topics;
        this.catalog = catalog;
        this.registry = registry;
        this.results = results;
        this.deadLetters = deadLetters;
    }

    void onStart(@Observes StartupEvent event) {
        topics.ensureTopics();
        try {
            start(settings.functionCatalogTopic(), "catalog", catalog::apply);
            TopicTailer definitions = start(settings.layout().definitions(), "definitions", registry::apply);
            TopicTailer resultTailer = start(settings.layout().results(), "results", results::apply);
            // Only the last time-out window: older invocations have their result, or never will from their nodes.
            long window = settings.invocationTimeout().plus(InvocationView.RESULT_GRACE).toMillis();
            TopicTailer invocations = new TopicTailer(settings.layout().invocations(),
                    clients.newConsumer("faasflow-ingress-invocations"), submitted::apply, deadLetters);
            tailers.add(invocations);
            invocations.start(TIMEOUT, System.currentTimeMillis() - window);
            if (!definitions.awaitCaughtUp(TIMEOUT)) {
                throw new StartupException("could not read " + settings.layout().definitions() + " within "
                        + TIMEOUT.toSeconds() + " s");
            }
            // Before answering for replayed submissions, know the results that exist: else a finished one would
            // read RUNNING, or NoResult, for a moment after a restart.
            if (!resultTailer.awaitCaughtUp(TIMEOUT)) {
                LOG.warnf("the results in %s were not all read within %d s; answers catch up as they are",
                        settings.layout().results(), TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while starting the topic readers", e);
        }
        LOG.infof("ingress ready on Kafka %s: %d nodes, topic prefix '%s'", settings.bootstrapServers(),
                settings.nodes(), settings.layout().prefix());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        for (TopicTailer tailer : tailers) {
            tailer.close();
        }
    }

    private TopicTailer start(String topic, String role,
            Consumer<ConsumerRecord<String, byte[]>> handler)
            throws InterruptedException {
        TopicTailer tailer = new TopicTailer(topic, clients.newConsumer("faasflow-ingress-" + role), handler, deadLetters);
        tailers.add(tailer);
        tailer.start(TIMEOUT);
        return tailer;
    }
}
