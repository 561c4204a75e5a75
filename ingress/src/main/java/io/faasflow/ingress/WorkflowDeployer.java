package io.faasflow.ingress;

import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.kafka.FunctionCatalog;
import io.faasflow.ingress.kafka.ObservedSizes;
import io.faasflow.ingress.kafka.RecordPublisher;
import io.faasflow.ingress.kafka.WorkflowRegistry;
import io.faasflow.topology.load.DefinitionProblem;
import io.faasflow.topology.load.WorkflowDefinitionException;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.Names;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.partition.Admission;
import io.faasflow.topology.partition.ClusterCapacity;
import io.faasflow.topology.partition.PartitionerConfig;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.RecordLimits;
import io.faasflow.topology.wire.WireJson;
import io.faasflow.topology.wire.WorkflowDeletion;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploys a workflow: parses and validates its flat YAML, plans placement over the cluster's nodes, checks the
 * node schedulers implement its functions (unless synthetic), and writes a new version to the definitions topic.
 */
@Singleton
public class WorkflowDeployer {
    private final IngressSettings settings;
    private final FunctionCatalog catalog;
    private final WorkflowRegistry registry;
    private final RecordPublisher publisher;
    private final ObservedSizes observed;

    @Inject
    public WorkflowDeployer(IngressSettings settings, FunctionCatalog catalog, WorkflowRegistry registry,
            RecordPublisher publisher, ObservedSizes observed) {
        this.observed = observed;
        this.settings = settings;
        this.catalog = catalog;
        this.registry = registry;
        this.publisher = publisher;
    }

    /**
     * @param placement {@code grouping} (default when null), {@code raw}, {@code contiguous} or {@code hash}
     * @param admission {@code overcommit} or {@code strict}; null for {@code faasflow.admission}
     * @param maxContainers containers per pool and node (the workflow's {@code max_containers}); null for the
     *     nodes' default
     * @throws InvalidRequestException when {@code name} is not a valid workflow name or {@code maxContainers} is below 1
     * @throws PayloadTooLargeException when the definition with its plan is over what the topics take
     * @throws WorkflowDefinitionException when the YAML is invalid or a function has no implementation
     * @throws UnavailableException when no node registered its functions yet (and not synthetic) or Kafka fails
     * @throws ConflictException when the admission is strict and the workflow does not fit what is left
     */
    public DeployedWorkflow deploy(String name, String yaml, boolean synthetic, String placement, Integer maxContainers,
            String admission) {
        Names.workflowProblem(name).ifPresent(problem -> {
            throw new InvalidRequestException("name", problem);
        });
        String source = "POST /workflows/" + name;
        if (maxContainers != null && maxContainers < 1) {
            throw new InvalidRequestException("max_containers", "query parameter of " + source
                    + " must be at least 1; got " + maxContainers);
        }
        Admission admitted;
        try {
            admitted = admission == null ? settings.admission() : Admission.parse("admission", admission);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("admission", "query parameter of " + source + ": " + e.getMessage());
        }
        WorkflowDefinition definition = new WorkflowLoader().parse(name, yaml, source);
        PlacementPlan plan = plan(name, placement, definition, admitted);
        if (!synthetic) {
            Map<Integer, Set<String>> sources = catalog.snapshot().orElseThrow(() -> new UnavailableException(
                    "no node scheduler has registered its functions yet; retry later or deploy with synthetic=true"));
            List<DefinitionProblem> missing = ImplementationCheck.missing(definition, plan, sources);
            if (!missing.isEmpty()) {
                throw new WorkflowDefinitionException(source, missing);
            }
        }
        return publish(name, yaml, synthetic, plan, maxContainers == null ? 0 : maxContainers);
    }

    /**
     * Re-partitions the deployed {@code name} from the output sizes observed in its finished invocations (p99 per
     * output; declared sizes where nothing was observed) with the strategy of its current plan, and publishes
     * the result as a new version. Running invocations keep the version they started on.
     *
     * @throws NotFoundException when {@code name} is not deployed
     * @throws ConflictException when no invocation of it has reported output sizes yet
     */
    public DeployedWorkflow replan(String name) {
        DeployedWorkflow current = registry.find(name).orElseThrow(() -> NotFoundException.workflow(name));
        Map<DataRef, Long> sizes = observed.p99(name);
        if (sizes.isEmpty()) {
            throw new ConflictException("no finished invocation of workflow '" + name + "' has reported output sizes yet");
        }
        WorkflowDefinition declared = new WorkflowLoader().parse(name, current.yaml(), "deployed workflow " + name);
        PlacementPlan plan = plan(name, current.plan().strategy(), declared.withOutputSizes(sizes), settings.admission());
        return publish(name, current.yaml(), current.synthetic(), plan, current.maxContainers());
    }

    /**
     * Plans on what the cluster has left: every other deployed workflow keeps the scale units its plan put on
     * each node (a redeployment of {@code name} releases its own). The sum does not depend on the order in
     * which the others were deployed, so the same set of deployments always gives the same plan.
     */
    private PlacementPlan plan(String name, String placement, WorkflowDefinition definition, Admission admission) {
        PartitionerConfig config = PartitionerConfig.DEFAULTS.withScaleLimit(settings.scaleLimit());
        double[] used = new double[settings.nodes()];
        for (DeployedWorkflow other : registry.all()) {
            if (other.name().equals(name) || other.plan().nodes() != settings.nodes()) {
                continue;
            }
            WorkflowDefinition deployed = new WorkflowLoader().parse(other.name(), other.yaml(), "deployed " + other.name());
            for (FunctionSpec function : deployed.functions()) {
                used[other.plan().nodeOf(function.name())] += function.scale();
            }
        }
        PlacementPlanner planner = Placements.plannerByName(placement, config, ClusterCapacity.after(used, config), admission);
        try {
            return planner.plan(definition, settings.nodes());
        } catch (IllegalArgumentException doesNotFit) {
            throw new ConflictException(doesNotFit.getMessage() + " (admission=strict, faasflow.scale-limit=" + settings.scaleLimit()
                    + ", other workflows deployed: " + registry.all().stream().map(DeployedWorkflow::name)
                    .filter(n -> !n.equals(name)).toList() + ")");
        }
    }

    /**
     * Deletes {@code name}: new invocations of it are refused (404 here, a FAILED result for a record produced
     * straight to Kafka), invocations already running finish on their version, and the capacity its plan took is
     * free for the next deployment.
     *
     * @throws NotFoundException when {@code name} is not deployed
     */
    public synchronized WorkflowDeletion delete(String name) {
        registry.find(name).orElseThrow(() -> NotFoundException.workflow(name));
        WorkflowDeletion deletion = new WorkflowDeletion(name, registry.nextVersion(name), System.currentTimeMillis());
        publisher.publish(settings.layout().definitions(), null, name + "@" + deletion.version(), deletion);
        registry.remember(deletion);
        return deletion;
    }

    /** Serialized so that two deployments of one name through this ingress never share a version. */
    private synchronized DeployedWorkflow publish(String name, String yaml, boolean synthetic, PlacementPlan plan,
            int maxContainers) {
        DeployedWorkflow deployed = new DeployedWorkflow(name, registry.nextVersion(name), yaml, synthetic, plan,
                System.currentTimeMillis(), maxContainers);
        int size = WireJson.write(deployed).length;
        if (size > RecordLimits.MAX_RECORD_BYTES) {
            throw new PayloadTooLargeException("body", "workflow '" + name + "' with its plan makes a definition record of "
                    + size + " bytes; the topics take at most " + RecordLimits.MAX_RECORD_BYTES + " (RecordLimits.MAX_RECORD_BYTES)");
        }
        // Keyed by name and version: compaction keeps every version, which running invocations may still need.
        publisher.publish(settings.layout().definitions(), null, name + "@" + deployed.version(), deployed);
        registry.remember(deployed);
        return deployed;
    }
}
