package io.faasflow.scheduler.state.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.faasflow.scheduler.state.InvocationState;

/**
 * A changelog record: the live state of an invocation, or a marker that it ended at {@code finishedAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StateRecord(InvocationState state, Long finishedAt) {
}
