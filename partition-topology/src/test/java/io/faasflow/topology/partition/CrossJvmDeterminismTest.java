package io.faasflow.topology.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The plans of all 8 benchmarks are byte-identical when computed in another JVM. */
class CrossJvmDeterminismTest {

    /** Prints every benchmark's plan JSON, one per line. Run in a child JVM by the test. */
    public static void main(String[] args) {
        System.out.print(allPlans());
    }

    static String allPlans() {
        StringBuilder out = new StringBuilder();
        for (String name : BenchmarkWorkflows.NAMES) {
            out.append(new String(WireJson.write(GroupingPartitionerTest.plan(name)), StandardCharsets.UTF_8)).append('\n');
        }
        return out.toString();
    }

    @Test
    void shouldGiveByteIdenticalPlansInAnotherJvm() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2", "-cp", System.getProperty("java.class.path"),
                CrossJvmDeterminismTest.class.getName())).redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        child.waitFor(60, TimeUnit.SECONDS);
        assertEquals(allPlans(), printed);
    }
}
