package io.faasflow.scheduler.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.WorkflowDeletion;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentRegistryTest {
    private static Deployment version(long version) {
        String yaml = "functions:\n- name: a\n  source: synthetic\n";
        var plan = PlacementPlanner.raw().plan(new WorkflowLoader().parse("w", yaml, "test"), 1);
        return Deployment.of(new DeployedWorkflow("w", version, yaml, true, plan, 0));
    }

    @Test
    void aDeletionHidesTheWorkflowFromNewInvocationsButKeepsItsVersions() {
        DeploymentRegistry registry = new DeploymentRegistry();
        registry.add(version(1));
        registry.delete(new WorkflowDeletion("w", 2, 1_000));
        assertTrue(registry.latest("w").isEmpty());
        assertTrue(registry.latestOfEach().isEmpty());
        assertTrue(registry.version("w", 1).isPresent(), "invocations running on version 1 still find it");
        assertTrue(registry.wasDeleted("w"));
        assertEquals(1, registry.forInvocation("w", 999).orElseThrow().version(),
                "an invocation submitted before the deletion still runs, on the version before it");
        assertTrue(registry.forInvocation("w", 1_000).isEmpty(), "one submitted after it does not");
        assertTrue(registry.forInvocation("w", 0).isEmpty(), "nor one that says nothing of its time");

        registry.add(version(3));
        assertEquals(3, registry.latest("w").orElseThrow().version(), "a later deployment serves again");
        assertEquals(List.of(3L), registry.latestOfEach().stream().map(Deployment::version).toList());
    }

    @Test
    void aDeletionReadBeforeAnOlderDeploymentStillHidesIt() {
        DeploymentRegistry registry = new DeploymentRegistry();
        registry.delete(new WorkflowDeletion("w", 2, 1_000));
        registry.add(version(1));
        assertTrue(registry.latest("w").isEmpty());
        assertFalse(new DeploymentRegistry().wasDeleted("w"));
    }
}
