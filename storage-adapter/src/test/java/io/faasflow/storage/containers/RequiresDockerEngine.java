package io.faasflow.storage.containers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a Docker engine: skipped with a message when none answers, failed instead when
 * {@code FAASFLOW_REQUIRE_DOCKER=1} (as {@code .ci/run} sets).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerEngineCondition.class)
public @interface RequiresDockerEngine {
}
