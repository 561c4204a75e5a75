package io.faasflow.topology.load;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a workflow's {@code function_info.yaml} says about running it: the container limit per function
 * ({@code max_containers}) and the function names it lists. faasflow takes the limit at deployment
 * ({@code POST /workflows/{name}?max_containers=N}); the original's per-function image names are not used,
 * since one function server image serves every function.
 *
 * @param workflow the {@code workflow} field
 * @param maxContainers the {@code max_containers} field, at least 1
 * @param functions the {@code name} of each entry of {@code functions}
 */
public record FunctionInfo(String workflow, int maxContainers, List<String> functions) {

    public FunctionInfo {
        functions = List.copyOf(functions);
    }

    /**
     * @param source names the file in error messages
     * @throws WorkflowDefinitionException naming the field at fault
     */
    public static FunctionInfo parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw invalid(source, "(document)", "is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> document)) {
            throw invalid(source, "(document)", "must be a mapping with workflow, functions and max_containers");
        }
        if (!(document.get("workflow") instanceof String workflow) || workflow.isBlank()) {
            throw invalid(source, "workflow", "must be a workflow name");
        }
        if (!(document.get("max_containers") instanceof Integer max) || max < 1) {
            throw invalid(source, "max_containers", "must be a whole number of at least 1; got " + document.get("max_containers"));
        }
        if (!(document.get("functions") instanceof List<?> entries)) {
            throw invalid(source, "functions", "must be a list of {name, image, ...} entries");
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !(entry.get("name") instanceof String name) || name.isBlank()) {
                throw invalid(source, "functions[" + i + "].name", "must be a function name");
            }
            names.add(name);
        }
        return new FunctionInfo(workflow, max, names);
    }

    private static WorkflowDefinitionException invalid(String source, String field, String message) {
        return new WorkflowDefinitionException(source, List.of(new DefinitionProblem("(function_info)", field, message)));
    }
}
