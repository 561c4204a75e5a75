package io.faasflow.ingress;

import io.faasflow.topology.load.DefinitionProblem;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.PlacementPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that every task function of a workflow has an implementation on the node its plan puts it on, registered
 * as {@code <workflow>/<source>} or as {@code <source>} (the lookup order of the node schedulers). A pure
 * function of (definition, plan, catalog); virtual and END functions run no code and are not checked.
 */
public final class ImplementationCheck {

    private ImplementationCheck() {
    }

    /**
     * @param catalog function sources by node id, as registered by the node schedulers
     * @return one problem (field {@code source}) per task function whose source its node lacks; empty when all fit
     */
    public static List<DefinitionProblem> missing(WorkflowDefinition definition, PlacementPlan plan,
            Map<Integer, Set<String>> catalog) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (FunctionSpec function : definition.functions()) {
            if (function.kind() != FunctionKind.TASK) {
                continue;
            }
            int node = plan.nodeOf(function.name());
            Set<String> sources = catalog.get(node);
            if (sources == null) {
                problems.add(new DefinitionProblem(function.name(), "source", "'" + function.source()
                        + "' cannot run on node " + node + ": that node has not registered its functions"));
            } else if (!sources.contains(function.source())
                    && !sources.contains(definition.name() + "/" + function.source())) {
                problems.add(new DefinitionProblem(function.name(), "source", "'" + function.source()
                        + "' is not implemented on node " + node + " (it offers " + new TreeSet<>(sources)
                        + "); deploy with synthetic=true to run the synthetic function instead"));
            }
        }
        return problems;
    }
}
