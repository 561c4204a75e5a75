package io.faasflow.experiments.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which switch branch an invocation must have taken, as functions that must have run and functions that must
 * have been skipped; a run that took another branch is reported as failed rather than under a wrong label.
 */
public record BranchExpectation(Set<String> mustRun, Set<String> mustSkip) {
    /** No expectation: any branch is right. */
    public static final BranchExpectation ANY = new BranchExpectation(Set.of(), Set.of());

    public BranchExpectation {
        mustRun = Set.copyOf(mustRun);
        mustSkip = Set.copyOf(mustSkip);
    }

    /** What contradicts the expectation in a finished invocation's status JSON, if anything. */
    public Optional<String> violation(JsonNode status) {
        List<String> skipped = new ArrayList<>();
        status.path("skipped").forEach(name -> skipped.add(name.asText()));
        List<String> problems = new ArrayList<>();
        for (String function : mustRun) {
            if (!status.path("functions").has(function)) {
                problems.add(function + " did not run");
            }
        }
        for (String function : mustSkip) {
            if (!skipped.contains(function)) {
                problems.add(function + " was not skipped");
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("took another switch branch than expected: " + String.join(", ", problems));
    }
}
