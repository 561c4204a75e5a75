package io.faasflow.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.kafka.RecordPublisher;
import io.faasflow.ingress.kafka.Submission;
import io.faasflow.ingress.kafka.SubmittedInvocations;
import io.faasflow.ingress.kafka.WorkflowRegistry;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.UntrustedJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Starts invocations: writes an {@link InvocationRecord} keyed by a new id straight to the partition of the
 * workflow's entry node, and remembers it (bounded, least recently used dropped) until its result arrives.
 */
@Singleton
public class InvocationSubmitter {
    private final IngressSettings settings;
    private final WorkflowRegistry registry;
    private final RecordPublisher publisher;
    private final SubmittedInvocations submitted;
    private final UntrustedJson inputReader;

    @Inject
    public InvocationSubmitter(IngressSettings settings, WorkflowRegistry registry, RecordPublisher publisher,
            SubmittedInvocations submitted) {
        this.settings = settings;
        this.registry = registry;
        this.publisher = publisher;
        this.submitted = submitted;
        this.inputReader = new UntrustedJson(settings.inputLimits());
    }

    /**
     * @param body a JSON object of global inputs; null or blank for none
     * @return the new invocation's record, acknowledged by Kafka
     * @throws NotFoundException when no workflow of that name is deployed
     * @throws InvalidRequestException when the body is not a JSON object or is shaped beyond a limit
     * @throws PayloadTooLargeException when the body is over the input size limits
     */
    public InvocationRecord submit(String workflow, byte[] body) {
        DeployedWorkflow deployed = registry.find(workflow).orElseThrow(() -> NotFoundException.workflow(workflow));
        if (deployed.plan().nodes() != settings.nodes()) {
            throw new InvalidRequestException("workflow", "'" + workflow + "' was planned for "
                    + deployed.plan().nodes() + " nodes but the cluster has " + settings.nodes() + "; deploy it again");
        }
        ObjectNode input = InvocationInput.parse(body, inputReader);
        InvocationRecord record = new InvocationRecord(UUID.randomUUID().toString(), workflow, input,
                System.currentTimeMillis());
        int partition = settings.layout().partitionOf(deployed.plan().entryNode());
        publisher.publish(settings.layout().invocations(), partition, record.id(), record);
        submitted.record(new Submission(record.id(), workflow, record.submittedAt(), deployed.plan().entryNode()));
        return record;
    }
}
