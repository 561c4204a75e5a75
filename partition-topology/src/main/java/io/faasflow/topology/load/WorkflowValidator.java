package io.faasflow.topology.load;

import io.faasflow.topology.expr.ExpressionException;
import io.faasflow.topology.expr.ExpressionParser;
import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph-level checks of a parsed workflow: unique names, known successors, switch shape, acyclicity, and
 * inputs that name an existing producer, output key and (for functions) a predecessor.
 */
public final class WorkflowValidator {

    /** Returns every problem found; empty when the workflow is valid. */
    public List<DefinitionProblem> validate(WorkflowDefinition workflow) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, FunctionSpec> byName = new HashMap<>();
        for (FunctionSpec function : workflow.functions()) {
            if (byName.putIfAbsent(function.name(), function) != null) {
                problems.add(new DefinitionProblem(function.name(), "name", "duplicate function name"));
            }
        }
        for (FunctionSpec function : workflow.functions()) {
            checkNext(function, byName, problems);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        WorkflowGraph graph = new WorkflowGraph(workflow);
        if (graph.topologicalOrder().isEmpty()) {
            for (String function : graph.functionsOnCycles()) {
                problems.add(new DefinitionProblem(function, "next.nodes", "is on a cycle (a workflow must be a DAG)"));
            }
            return problems;
        }
        Map<String, BitSet> ancestors = graph.ancestors();
        for (FunctionSpec function : workflow.functions()) {
            for (InputSpec input : function.inputs().values()) {
                checkInput(workflow, function, input, byName, graph, ancestors, problems);
            }
        }
        return problems;
    }

    private static void checkNext(FunctionSpec function, Map<String, FunctionSpec> byName, List<DefinitionProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (String successor : function.successors()) {
            if (!byName.containsKey(successor)) {
                problems.add(new DefinitionProblem(function.name(), "next.nodes", "unknown successor '" + successor + "'"));
            } else if (successor.equals(function.name())) {
                problems.add(new DefinitionProblem(function.name(), "next.nodes", "names the function itself (a cycle)"));
            } else if (!seen.add(successor)) {
                problems.add(new DefinitionProblem(function.name(), "next.nodes", "names '" + successor + "' twice"));
            }
        }
        boolean isSwitch = function.next().type() == EdgeType.SWITCH;
        if (isSwitch && function.next().conditions().size() != function.successors().size()) {
            problems.add(new DefinitionProblem(function.name(), "next.conditions",
                    "switch has " + function.next().conditions().size() + " conditions but "
                            + function.successors().size() + " nodes; they must align one to one"));
        }
        if (isSwitch) {
            for (int i = 0; i < function.next().conditions().size(); i++) {
                String condition = function.next().conditions().get(i);
                try {
                    ExpressionParser.parse(condition);
                } catch (ExpressionException e) {
                    problems.add(new DefinitionProblem(function.name(), "next.conditions[" + i + "]",
                            "is not a valid condition: " + e.getMessage()));
                }
            }
        }
        if (!isSwitch && !function.next().conditions().isEmpty()) {
            problems.add(new DefinitionProblem(function.name(), "next.conditions",
                    "only a switch takes conditions; next.type is " + function.next().type().yamlName()));
        }
        if (!function.successors().isEmpty() && function.next().nodes().isEmpty()) {
            problems.add(new DefinitionProblem(function.name(), "next.nodes", "is empty"));
        }
    }

    private static void checkInput(WorkflowDefinition workflow, FunctionSpec function, InputSpec input,
            Map<String, FunctionSpec> byName, WorkflowGraph graph, Map<String, BitSet> ancestors,
            List<DefinitionProblem> problems) {
        String field = "input." + input.name() + ".value";
        if (input.isGlobal()) {
            // The generated scientific workflows read global inputs they never list under global_input;
            // the input's own declared size stands in for it.
            return;
        }
        FunctionSpec producer = byName.get(input.producer());
        if (producer == null) {
            problems.add(new DefinitionProblem(function.name(), field + ".function",
                    "unknown producer '" + input.producer() + "'"));
            return;
        }
        // A producer without an output block (the original's examples) leaves its keys undeclared.
        if (!producer.outputs().isEmpty() && !producer.outputs().containsKey(input.parameter())) {
            problems.add(new DefinitionProblem(function.name(), field + ".parameter",
                    "producer '" + producer.name() + "' declares no output '" + input.parameter() + "'"));
            return;
        }
        if (!ancestors.get(function.name()).get(graph.position(producer.name()))) {
            problems.add(new DefinitionProblem(function.name(), field + ".function",
                    "producer '" + producer.name() + "' is not a predecessor, so its output may not exist yet"));
        }
    }
}
