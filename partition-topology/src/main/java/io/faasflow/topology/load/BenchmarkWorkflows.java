package io.faasflow.topology.load;

import io.faasflow.topology.model.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 8 benchmark workflows of FaaSFlow, shipped unchanged on the classpath (Apache-2.0, see the NOTICE
 * beside them).
 */
public final class BenchmarkWorkflows {
    /** All eight, in the order the original deployed them. */
    public static final List<String> NAMES = List.of("video", "illgal_recognizer", "fileprocessing", "wordcount",
            "cycles", "epigenomics", "genome", "soykb");

    private static final String ROOT = "/io/faasflow/topology/benchmarks/";

    private BenchmarkWorkflows() {
    }

    /** The flat YAML text of a benchmark workflow. */
    public static String yaml(String name) {
        return resource(name, "flat_workflow.yaml");
    }

    /** The {@code function_info.yaml} text of a benchmark workflow. */
    public static String functionInfo(String name) {
        return resource(name, "function_info.yaml");
    }

    /** The parsed {@code function_info.yaml} of a benchmark workflow: its {@code max_containers}, above all. */
    public static FunctionInfo info(String name) {
        return FunctionInfo.parse(functionInfo(name), "benchmarks/" + name + "/function_info.yaml");
    }

    /** Sizes of the original's scheduler-scalability DAGs (genome of 10 to 200 functions). */
    public static final List<Integer> SCALABILITY_SIZES = List.of(10, 25, 50, 100, 200);

    /** The original's scheduler-scalability DAG of {@code functions} functions, as YAML text. */
    public static String scalabilityYaml(int functions) {
        if (!SCALABILITY_SIZES.contains(functions)) {
            throw new IllegalArgumentException("no scalability DAG of " + functions + " functions; known: " + SCALABILITY_SIZES);
        }
        try (InputStream in = BenchmarkWorkflows.class.getResourceAsStream("/io/faasflow/topology/scalability/" + functions + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkflowDefinition load(String name) {
        return new WorkflowLoader().parse(name, yaml(name), "benchmarks/" + name + "/flat_workflow.yaml");
    }

    private static String resource(String name, String file) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no benchmark workflow '" + name + "'; known: " + NAMES);
        }
        try (InputStream in = BenchmarkWorkflows.class.getResourceAsStream(ROOT + name + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("benchmark resource missing from the classpath: " + name + "/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
