package io.faasflow.experiments.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void shouldHitEveryProcessEachRoundInASeededOrder() {
        List<Fault> faults = FaultSchedule.of(3, 1, 2, 7, 5_000, 10_000, 12_000);
        assertEquals(16, faults.size());
        Set<String> killed = faults.stream().filter(f -> f.kind() == Fault.Kind.KILL).map(Fault::target)
                .collect(Collectors.toSet());
        assertTrue(killed.containsAll(Set.of("node-0", "node-1", "node-2", "redis-0", "redis-1", "couchdb", "ingress", "kafka")),
                killed.toString());
        assertEquals(2, faults.stream().filter(f -> f.kind() == Fault.Kind.PAUSE && f.holdMillis() == 12_000).count());
        for (int i = 0; i < faults.size(); i++) {
            assertEquals(5_000 + i * 10_000L, faults.get(i).atMillis());
        }
        assertEquals(faults, FaultSchedule.of(3, 1, 2, 7, 5_000, 10_000, 12_000));
        assertNotEquals(faults, FaultSchedule.of(3, 1, 2, 8, 5_000, 10_000, 12_000));
    }

    @Test
    void killsOneBrokerOfSeveralEachRound() {
        List<Fault> faults = FaultSchedule.of(3, 3, 2, 7, 5_000, 10_000, 12_000);
        List<String> brokers = faults.stream().map(Fault::target).filter(target -> target.startsWith("kafka")).toList();
        assertEquals(2, brokers.size(), brokers.toString());
        brokers.forEach(target -> org.junit.jupiter.api.Assertions.assertTrue(target.matches("kafka-[012]"), target));
    }
}
