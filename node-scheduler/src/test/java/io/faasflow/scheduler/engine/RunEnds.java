package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import java.util.Map;

/** Ends of runs, as a function runner would report them. */
final class RunEnds {
    private RunEnds() {
    }

    static RunEndedEvent succeeded(RunRequestEvent run) {
        return succeeded(run, Map.of(), Map.of());
    }

    static RunEndedEvent succeeded(RunRequestEvent run, Map<String, Long> outputBytes, Map<String, Integer> keyCounts) {
        return new RunEndedEvent(run.invocation(), run.workflow(), run.version(), run.function(), run.element(),
                run.attempt(), 0, 10, 20, null, null, outputBytes, keyCounts, -1);
    }

    static RunEndedEvent failed(RunRequestEvent run, String type, String message) {
        return new RunEndedEvent(run.invocation(), run.workflow(), run.version(), run.function(), run.element(),
                run.attempt(), 0, 10, 20, type, message, Map.of(), Map.of(), -1);
    }

    /** The same end, as a try that spent the given nanoseconds storing and reading data. */
    static RunEndedEvent withDataTimes(RunEndedEvent end, long putNanos, long fetchNanos) {
        return new RunEndedEvent(end.invocation(), end.workflow(), end.version(), end.function(), end.element(),
                end.attempt(), end.node(), end.startMicros(), end.endMicros(), end.errorType(), end.errorMessage(),
                end.outputBytes(), end.keyCounts(), end.branch(), putNanos, fetchNanos);
    }

    static RunEndedEvent chose(RunRequestEvent run, int branch) {
        return new RunEndedEvent(run.invocation(), run.workflow(), run.version(), run.function(), run.element(),
                run.attempt(), 0, 20, 21, null, null, Map.of(), Map.of(), branch);
    }

    static RunEndedEvent switchFailed(RunRequestEvent run, String type, String message) {
        return new RunEndedEvent(run.invocation(), run.workflow(), run.version(), run.function(), run.element(),
                run.attempt(), 0, 20, 21, type, message, Map.of(), Map.of(), -1);
    }
}
