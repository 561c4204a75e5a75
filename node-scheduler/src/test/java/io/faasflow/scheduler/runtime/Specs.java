package io.faasflow.scheduler.runtime;

import io.faasflow.topology.wire.DeployedWorkflow;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Specs, replies and waiting for the runtime tests. */
final class Specs {
    static final StorageSettings STORAGE = new StorageSettings("redis://127.0.0.1:6379", "http://127.0.0.1:5984",
            "faasflow-data", 3600);

    private Specs() {
    }

    /** A spec of function {@code function} of workflow {@code wf} v1; pool tests need no real deployment. */
    static ContainerSpec spec(String function) {
        return ContainerSpec.of(0, new DeployedWorkflow("wf", 1, "functions: []\n", true, null, 0), function, STORAGE,
                1.0, 1.0, "test-owner");
    }

    static RunReply ok() {
        return new RunReply(1, 2, null, null, Map.of("out", 3L), Map.of());
    }

    /** Polls {@code condition} until it holds; fails the test after 10 s. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(2);
        }
    }
}
