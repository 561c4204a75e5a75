package io.faasflow.topology.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FunctionInfoTest {

    @Test
    void shouldReadTheLimitAndFunctionsOfEveryBenchmark() {
        assertEquals(30, BenchmarkWorkflows.info("video").maxContainers());
        assertEquals(60, BenchmarkWorkflows.info("wordcount").maxContainers());
        assertEquals(10, BenchmarkWorkflows.info("illgal_recognizer").maxContainers());
        assertEquals(java.util.List.of("start", "count", "merge"), BenchmarkWorkflows.info("wordcount").functions());
        for (String name : BenchmarkWorkflows.NAMES) {
            FunctionInfo info = BenchmarkWorkflows.info(name);
            assertTrue(info.maxContainers() >= 1, name);
            assertTrue(BenchmarkWorkflows.load(name).functions().stream()
                    .map(f -> f.name()).toList().containsAll(info.functions()), name);
        }
    }

    @Test
    void shouldNameTheFieldAtFault() {
        WorkflowDefinitionException missing = assertThrows(WorkflowDefinitionException.class,
                () -> FunctionInfo.parse("workflow: w\nfunctions: []\n", "w/function_info.yaml"));
        assertTrue(missing.getMessage().contains("max_containers"), missing.getMessage());
        assertTrue(missing.getMessage().contains("w/function_info.yaml"), missing.getMessage());
        WorkflowDefinitionException zero = assertThrows(WorkflowDefinitionException.class,
                () -> FunctionInfo.parse("workflow: w\nmax_containers: 0\nfunctions: []\n", "f"));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        WorkflowDefinitionException name = assertThrows(WorkflowDefinitionException.class,
                () -> FunctionInfo.parse("workflow: w\nmax_containers: 2\nfunctions:\n- {image: x}\n", "f"));
        assertTrue(name.getMessage().contains("functions[0].name"), name.getMessage());
    }
}
