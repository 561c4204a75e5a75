package io.faasflow.ingress;

import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.kafka.FunctionCatalog;
import io.faasflow.ingress.kafka.RecordPublisher;
import io.faasflow.ingress.kafka.WorkflowRegistry;
import io.faasflow.topology.load.DefinitionProblem;
import io.faasflow.topology.load.WorkflowDefinitionException;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
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

    @Inject
    public WorkflowDeployer(IngressSettings settings, FunctionCatalog catalog, WorkflowRegistry registry,
            RecordPublisher publisher) {
        this.settings = settings;
        this.catalog = catalog;
        this.registry = registry;
        this.publisher = publisher;
    }

    /**
     * @param placement {@code grouping} (default when null), {@code raw}, {@code contiguous} or {@code hash}
     * @throws WorkflowDefinitionException when the YAML is invalid or a function has no implementation
     * @throws UnavailableException when no node registered its functions yet (and not synthetic) or Kafka fails
     */
    public DeployedWorkflow deploy(String name, String yaml, boolean synthetic, String placement) {
        String source = "POST /workflows/" + name;
        PlacementPlanner planner = Placements.plannerByName(placement);
        WorkflowDefinition definition = new WorkflowLoader().parse(name, yaml, source);
        PlacementPlan plan = planner.plan(definition, settings.nodes());
        if (!synthetic) {
            Map<Integer, Set<String>> sources = catalog.snapshot().orElseThrow(() -> new UnavailableException(
                    "no node scheduler has registered its functions yet; retry later or deploy with synthetic=true"));
            List<DefinitionProblem> missing = ImplementationCheck.missing(definition, plan, sources);
            if (!missing.isEmpty()) {
                throw new WorkflowDefinitionException(source, missing);
            }
        }
        return publish(name, yaml, synthetic, plan);
    }

    /** Serialized so that two deployments of one name through this ingress never share a version. */
    private synchronized DeployedWorkflow publish(String name, String yaml, boolean synthetic, PlacementPlan plan) {
        DeployedWorkflow deployed = new DeployedWorkflow(name, registry.nextVersion(name), yaml, synthetic, plan,
                System.currentTimeMillis());
        publisher.publish(settings.layout().definitions(), null, name, deployed);
        registry.remember(deployed);
        return deployed;
    }
}
