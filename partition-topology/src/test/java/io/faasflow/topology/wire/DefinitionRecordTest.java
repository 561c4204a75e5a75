package io.faasflow.topology.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.PlacementPlanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DefinitionRecordTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsADeploymentAndADeletionByTheirShape() throws IOException {
        String yaml = "functions:\n- name: a\n  source: synthetic\n";
        var plan = PlacementPlanner.raw().plan(new WorkflowLoader().parse("w", yaml, "test"), 2);
        DeployedWorkflow deployed = new DeployedWorkflow("w", 1, yaml, true, plan, 5);
        assertEquals(deployed, DefinitionRecord.read(WireJson.write(deployed)));

        WorkflowDeletion deletion = new WorkflowDeletion("w", 2, 9);
        DefinitionRecord read = DefinitionRecord.read(WireJson.write(deletion));
        assertInstanceOf(WorkflowDeletion.class, read);
        assertEquals(deletion, read);
    }

    @Test
    void namesWhatARecordLacks() {
        IllegalArgumentException deployment = assertThrows(IllegalArgumentException.class,
                () -> DefinitionRecord.read(utf8("{\"name\": \"w\", \"version\": 1}")));
        assertTrue(deployment.getMessage().contains("needs name, yaml and plan"), deployment.getMessage());
        IllegalArgumentException deletion = assertThrows(IllegalArgumentException.class,
                () -> DefinitionRecord.read(utf8("{\"version\": 2, \"deletedAt\": 1}")));
        assertTrue(deletion.getMessage().contains("needs name"), deletion.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DefinitionRecord.read(utf8("[1]")));
        assertThrows(IOException.class, () -> DefinitionRecord.read(utf8("{\"name\": ")));
    }
}
