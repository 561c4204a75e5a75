package io.faasflow.topology.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.model.WorkflowDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every flat workflow of the original artifact loads unchanged; the bundled copies equal the reference. */
class ReferenceWorkflowsLoadTest {

    static Path referenceRoot() {
        String home = System.getProperty("maven.multiModuleProjectDirectory", "..");
        Path root = Path.of(home).toAbsolutePath().resolve("../shared/faasflow-reference").normalize();
        if (!Files.isDirectory(root)) {
            root = Path.of("..").toAbsolutePath().resolve("../shared/faasflow-reference").normalize();
        }
        return root;
    }

    static Stream<Path> referenceWorkflowFiles() throws IOException {
        Path root = referenceRoot();
        assertTrue(Files.isDirectory(root), "the reference data is expected at " + root);
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> workflows = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("function_info.yaml"))
                    .sorted()
                    .toList();
            return workflows.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("referenceWorkflowFiles")
    void shouldLoadReferenceWorkflowUnchanged(Path file) {
        WorkflowDefinition workflow = new WorkflowLoader().load(file, file.getParent().getFileName().toString());
        assertFalse(workflow.functions().isEmpty(), file + " has functions");
    }

    @Test
    void shouldFindAllEightBenchmarksAmongTheReferenceFiles() throws IOException {
        long flatWorkflows = referenceWorkflowFiles().filter(p -> p.toString().contains("/benchmark/")).count();
        assertEquals(8, flatWorkflows);
    }

    @ParameterizedTest
    @MethodSource("benchmarkNames")
    void shouldBundleBenchmarksByteIdenticalToTheReference(String name) throws IOException {
        Path dir = referenceRoot().resolve("benchmark").resolve(name);
        if (!Files.isDirectory(dir)) {
            dir = referenceRoot().resolve("benchmark/generator").resolve(name);
        }
        assertEquals(Files.readString(dir.resolve("flat_workflow.yaml")), BenchmarkWorkflows.yaml(name));
        assertEquals(Files.readString(dir.resolve("function_info.yaml")), BenchmarkWorkflows.functionInfo(name));
        assertEquals(name, BenchmarkWorkflows.load(name).name());
    }

    static List<String> benchmarkNames() {
        return BenchmarkWorkflows.NAMES;
    }
}
