package io.faasflow.topology.load;

import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.ExecutionPolicy;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.Names;
import io.faasflow.topology.model.NextSpec;
import io.faasflow.topology.model.OutputSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads FaaSFlow's flat workflow YAML ({@code flat_workflow.yaml}) into a validated {@link WorkflowDefinition}.
 * Every problem found is reported at once, each naming the function and the field at fault.
 *
 * <p>{@code WorkflowDefinition wf = new WorkflowLoader().load(Path.of("genome/flat_workflow.yaml"), "genome");}
 */
public final class WorkflowLoader {
    /** The generated workflows alias their global inputs hundreds of times; the SnakeYAML default is 50. */
    private static final int MAX_ALIASES = 100_000;

    private final WorkflowValidator validator = new WorkflowValidator();

    /** Loads a file; the workflow is named by the caller. Throws {@link WorkflowDefinitionException}. */
    public WorkflowDefinition load(Path file, String workflowName) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new WorkflowDefinitionException(file.toString(),
                    new DefinitionProblem(null, "(file)", "cannot be read: " + e.getMessage()));
        }
        return parse(workflowName, text, file.toString());
    }

    /**
     * Parses YAML text.
     *
     * @param source how errors name the text (a file name, or e.g. {@code POST /workflows/genome})
     */
    public WorkflowDefinition parse(String workflowName, String yamlText, String source) {
        Object root = readYaml(yamlText, source);
        List<DefinitionProblem> problems = new ArrayList<>();
        YamlReader reader = new YamlReader(problems);
        if (!(root instanceof Map<?, ?> top)) {
            throw new WorkflowDefinitionException(source,
                    new DefinitionProblem(null, "(document)", "must be a mapping with a 'functions' list"));
        }
        KnownFields.check(reader, null, "", top, KnownFields.DOCUMENT);
        Map<String, InputSpec> globals = readGlobalInputs(reader, top.get("global_input"));
        List<FunctionSpec> functions = new ArrayList<>();
        // The original's own examples spell the key "fuctions"; they must load unchanged.
        Object functionList = top.containsKey("functions") ? top.get("functions") : top.get("fuctions");
        if (!(functionList instanceof List<?> entries) || entries.isEmpty()) {
            problems.add(new DefinitionProblem(null, "functions", "must be a non-empty list"));
        } else {
            for (int i = 0; i < entries.size(); i++) {
                FunctionSpec spec = readFunction(reader, entries.get(i), i);
                if (spec != null) {
                    functions.add(spec);
                }
            }
        }
        if (problems.isEmpty()) {
            WorkflowDefinition definition = new WorkflowDefinition(workflowName, functions, globals);
            problems.addAll(validator.validate(definition));
            if (problems.isEmpty()) {
                return definition;
            }
        }
        throw new WorkflowDefinitionException(source, problems);
    }

    private static Object readYaml(String yamlText, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (YAMLException e) {
            throw new WorkflowDefinitionException(source,
                    new DefinitionProblem(null, "(document)", "is not valid YAML: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            // SnakeYAML's constructors throw these for malformed tagged scalars, e.g. a !!binary that is not base64.
            throw new WorkflowDefinitionException(source,
                    new DefinitionProblem(null, "(document)", "is not valid YAML: " + e.getMessage()));
        }
    }

    private static Map<String, InputSpec> readGlobalInputs(YamlReader reader, Object node) {
        Map<String, InputSpec> globals = new LinkedHashMap<>();
        if (node == null) {
            return globals;
        }
        if (!(node instanceof Map<?, ?> map)) {
            reader.problem(null, "global_input", "must be a mapping");
            return globals;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String param = String.valueOf(entry.getKey());
            InputSpec input = reader.input(null, "global_input." + param, param, entry.getValue());
            if (input != null) {
                globals.put(param, input);
            }
        }
        return globals;
    }

    private static FunctionSpec readFunction(YamlReader reader, Object node, int index) {
        if (!(node instanceof Map<?, ?> map)) {
            reader.problem(null, "functions[" + index + "]", "must be a mapping");
            return null;
        }
        String name = reader.string(null, "functions[" + index + "].name", map.get("name"), true);
        if (name == null) {
            return null;
        }
        Optional<String> badName = Names.functionProblem(name);
        if (badName.isPresent()) {
            reader.problem(null, "functions[" + index + "].name", badName.get());
            return null;
        }
        KnownFields.check(reader, name, "", map, KnownFields.FUNCTION);
        String source = reader.string(name, "source", map.get("source"), true);
        double runtime = reader.nonNegativeNumber(name, "runtime", map.get("runtime"), 0.0);
        int scale = (int) reader.nonNegativeNumber(name, "scale", map.get("scale"), 0);
        double memUsage = reader.nonNegativeNumber(name, "mem_usage", map.get("mem_usage"), 0.0);
        int splitRatio = (int) reader.nonNegativeNumber(name, "split_ratio", map.get("split_ratio"), 1);
        Map<String, InputSpec> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : reader.mapping(name, "input", map.get("input")).entrySet()) {
            InputSpec input = reader.input(name, "input." + entry.getKey(), entry.getKey(), entry.getValue());
            if (input != null) {
                inputs.put(entry.getKey(), input);
            }
        }
        Map<String, OutputSpec> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : reader.mapping(name, "output", map.get("output")).entrySet()) {
            OutputSpec output = reader.output(name, "output." + entry.getKey(), entry.getKey(), entry.getValue());
            if (output != null) {
                outputs.put(entry.getKey(), output);
            }
        }
        NextSpec next = readNext(reader, name, map.get("next"));
        ExecutionPolicy policy = readPolicy(reader, name, map);
        if (source == null) {
            return null;
        }
        return new FunctionSpec(name, source, runtime, scale, memUsage, splitRatio, inputs, outputs, next, policy);
    }

    /** faasflow's own optional fields (the original has none): retries and the timeout of one try. */
    private static ExecutionPolicy readPolicy(YamlReader reader, String function, Map<?, ?> map) {
        Integer maxAttempts = null;
        if (map.get("max_attempts") != null) {
            double attempts = reader.nonNegativeNumber(function, "max_attempts", map.get("max_attempts"), 1);
            if (attempts < 1 || attempts != Math.rint(attempts)) {
                reader.problem(function, "max_attempts", "must be a whole number of at least 1; got "
                        + YamlReader.shown(map.get("max_attempts")));
            } else {
                maxAttempts = (int) attempts;
            }
        }
        Duration backoff = null;
        if (map.get("retry_backoff_ms") != null) {
            backoff = Duration.ofMillis(Math.round(reader.nonNegativeNumber(function, "retry_backoff_ms",
                    map.get("retry_backoff_ms"), 0)));
        }
        Duration timeout = null;
        if (map.get("timeout_s") != null) {
            double seconds = reader.nonNegativeNumber(function, "timeout_s", map.get("timeout_s"), 0);
            if (seconds <= 0) {
                reader.problem(function, "timeout_s", "must be positive; got " + YamlReader.shown(map.get("timeout_s")));
            } else {
                timeout = Duration.ofNanos(Math.round(seconds * 1e9));
            }
        }
        return new ExecutionPolicy(maxAttempts, backoff, timeout);
    }

    private static NextSpec readNext(YamlReader reader, String function, Object node) {
        if (node == null) {
            return NextSpec.none();
        }
        if (!(node instanceof Map<?, ?> map)) {
            reader.problem(function, "next", "must be a mapping with 'type' and 'nodes'");
            return NextSpec.none();
        }
        KnownFields.check(reader, function, "next", map, KnownFields.NEXT);
        String typeText = reader.string(function, "next.type", map.get("type"), true);
        EdgeType type = EdgeType.PASS;
        if (typeText != null) {
            type = EdgeType.parse(typeText).orElse(null);
            if (type == null) {
                reader.problem(function, "next.type", "must be one of pass, parallel, foreach, switch; got '" + typeText + "'");
                type = EdgeType.PASS;
            }
        }
        List<String> nodes = reader.stringList(function, "next.nodes", map.get("nodes"));
        List<String> conditions = reader.stringList(function, "next.conditions", map.get("conditions"));
        return new NextSpec(type, nodes, conditions);
    }
}
