package io.faasflow.scheduler.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record on the {@code function-events} topic, sent to the partition of the node that must act on it.
 * Every event names its invocation; handling one twice has no further effect.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TriggerEvent.class, name = "trigger"),
    @JsonSubTypes.Type(value = ReportEvent.class, name = "report"),
    @JsonSubTypes.Type(value = FinishEvent.class, name = "finish"),
    @JsonSubTypes.Type(value = RunRequestEvent.class, name = "run"),
    @JsonSubTypes.Type(value = RunEndedEvent.class, name = "ended"),
    @JsonSubTypes.Type(value = CancelEvent.class, name = "cancel"),
})
public sealed interface NodeEvent permits TriggerEvent, ReportEvent, FinishEvent, RunRequestEvent, RunEndedEvent,
        CancelEvent {

    String invocation();
}
