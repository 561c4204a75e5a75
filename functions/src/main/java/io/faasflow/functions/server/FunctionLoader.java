package io.faasflow.functions.server;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.storage.StorageConfig;
import io.faasflow.topology.load.WorkflowDefinitionException;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.util.Optional;
import java.util.function.Function;

/**
 * Does the work of {@code POST /init}: parses the workflow, finds the function and its implementation, and
 * connects storage, in that order, so a request that is refused leaves no connection open.
 */
final class FunctionLoader {
    private final Function<StorageConfig, StorageAdapter> connector;
    private final Function<SyntheticScale, FunctionRegistry> registries;

    /**
     * @param connector opens the storage adapter ({@link StorageAdapter#connect} outside tests)
     * @param registries builds the registry for the scales of the init request
     */
    FunctionLoader(Function<StorageConfig, StorageAdapter> connector,
            Function<SyntheticScale, FunctionRegistry> registries) {
        this.connector = connector;
        this.registries = registries;
    }

    /**
     * Loads the function an init request names; the request must have passed {@link InitRequest#validate}.
     *
     * @throws InvalidRequestException when the YAML does not load, names no such function, the function is not
     *     a task, or it has no implementation in a deployment that is not synthetic
     * @throws HttpFailure 503 when storage cannot be reached
     */
    LoadedFunction load(InitRequest request) {
        DeployedWorkflow deployment = request.deployment();
        WorkflowDefinition definition = parse(deployment);
        FunctionSpec spec = taskOf(definition, request);
        SyntheticScale scale = new SyntheticScale(request.runtimeScale(), request.sizeScale());
        FunctionRegistry registry = registries.apply(scale);
        Implementation implementation = Implementation.resolve(registry, deployment.name(), spec,
                deployment.synthetic()).orElseThrow(() -> new InvalidRequestException("function", "is "
                        + spec.name() + ", whose source '" + spec.source() + "' has no implementation (looked up "
                        + Implementation.candidates(deployment.name(), spec, false) + ") and " + deployment.name()
                        + " v" + deployment.version() + " was not deployed as synthetic"));
        WorkflowGraph graph = new WorkflowGraph(definition);
        StorageAdapter storage = connect(request.storage());
        return new LoadedFunction(request, spec, graph, implementation,
                other -> Implementation.resolve(registry, deployment.name(), other, deployment.synthetic()), storage,
                deployment.synthetic() ? Optional.of(scale) : Optional.empty());
    }

    private static WorkflowDefinition parse(DeployedWorkflow deployment) {
        try {
            return new WorkflowLoader().parse(deployment.name(), deployment.yaml(),
                    "deployed workflow " + deployment.name() + " v" + deployment.version());
        } catch (WorkflowDefinitionException e) {
            throw new InvalidRequestException("deployment.yaml", "is not a valid workflow: " + e.getMessage());
        }
    }

    private static FunctionSpec taskOf(WorkflowDefinition definition, InitRequest request) {
        FunctionSpec spec = definition.function(request.function()).orElseThrow(() -> new InvalidRequestException(
                "function", "is '" + request.function() + "', which names no function of " + definition.name()
                        + "; its functions are "
                        + definition.functions().stream().map(FunctionSpec::name).toList()));
        if (spec.kind() != FunctionKind.TASK) {
            throw new InvalidRequestException("function", "is " + spec.name() + ", whose source " + spec.source()
                    + " runs no code: the scheduler handles it, no function server does");
        }
        return spec;
    }

    private StorageAdapter connect(StorageSettings settings) {
        StorageConfig config = settings.toConfig();
        try {
            return connector.apply(config);
        } catch (RuntimeException e) {
            throw new HttpFailure(HttpFailure.UNAVAILABLE, "storage: cannot connect to Redis at " + config.redisUri()
                    + " and CouchDB at " + config.couchUrl() + " (database " + config.database() + "): "
                    + e.getMessage(), e);
        }
    }
}
