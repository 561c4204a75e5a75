package io.faasflow.storage.containers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** See {@link RequiresDockerEngine}. */
final class DockerEngineCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        String noEngine = "no Docker engine answers (tools/install-prerequisites.sh --with-docker installs and starts one)";
        if ("1".equals(System.getenv("FAASFLOW_REQUIRE_DOCKER"))) {
            throw new IllegalStateException(noEngine + ", and FAASFLOW_REQUIRE_DOCKER=1 asks for the Testcontainers suites to run");
        }
        String message = noEngine + ": the Testcontainers suites are skipped";
        System.err.println("SKIPPED " + context.getDisplayName() + ": " + message);
        return ConditionEvaluationResult.disabled(message);
    }
}
