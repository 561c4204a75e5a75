package io.faasflow.scheduler.intake;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.CancelEvent;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.topology.model.Names;

/**
 * Checks a decoded {@code function-events} record at the edge, before the engine sees it: first its own fields
 * ({@link #check(NodeEvent)}), then, once its deployment is known here, the functions it names
 * ({@link #check(NodeEvent, Deployment)}). Anything can be written to the topic, so nothing is assumed.
 */
public final class EventCheck {
    /** Most runs one foreach may make: an event claiming more is forged (a real list that long would not fit a record). */
    public static final int MAX_ELEMENTS = 1_000_000;

    /** Most entries of a map an event carries (output sizes, key counts): state records must stay within the topics' limit. */
    public static final int MAX_MAP_ENTRIES = 10_000;

    private final int nodes;

    /** @param nodes the cluster's node count: nodes named by events must be in {@code 0..nodes-1} */
    public EventCheck(int nodes) {
        this.nodes = nodes;
    }

    /** @throws RejectedRecordException naming the first field at fault */
    public void check(NodeEvent event) {
        if (event == null) {
            throw new RejectedRecordException("the record is the JSON value null, not an event");
        }
        InvocationIds.check("invocation", event.invocation());
        switch (event) {
            case TriggerEvent trigger -> {
                workflow(trigger.workflow());
                function("function", trigger.function());
                if (trigger.parent() != null) {
                    function("parent", trigger.parent());
                }
                node("home", trigger.home());
                if (trigger.elements() != null) {
                    count("elements", trigger.elements());
                }
            }
            case RunRequestEvent run -> {
                workflow(run.workflow());
                function("function", run.function());
                run(run.element(), run.attempt());
                entries("elementCounts", run.elementCounts());
                if (run.elementCounts() != null) {
                    run.elementCounts().values().forEach(count -> count("elementCounts", count));
                }
            }
            case RunEndedEvent ended -> {
                workflow(ended.workflow());
                function("function", ended.function());
                run(ended.element(), ended.attempt());
                node("node", ended.node());
                entries("keyCounts", ended.keyCounts());
                entries("outputBytes", ended.outputBytes());
                if (ended.keyCounts() != null) {
                    ended.keyCounts().values().forEach(count -> count("keyCounts", count));
                }
            }
            case ReportEvent report -> {
                function("function", report.function());
                node("node", report.node());
                entries("outputBytes", report.outputBytes());
                if (report.attempts() < 0) {
                    throw new RejectedRecordException("field 'attempts' must not be negative; got " + report.attempts());
                }
            }
            case FinishEvent finish -> workflow(finish.workflow());
            case CancelEvent cancel -> { }
        }
    }

    /** @throws RejectedRecordException when the event names a function {@code deployment} lacks */
    public void check(NodeEvent event, Deployment deployment) {
        switch (event) {
            case TriggerEvent trigger -> {
                known(deployment, trigger.function());
                if (trigger.parent() != null && !deployment.graph().predecessors(trigger.function()).contains(trigger.parent())) {
                    throw new RejectedRecordException("field 'parent': '" + trigger.parent() + "' is not a predecessor of '"
                            + trigger.function() + "' in " + deployment.name() + " v" + deployment.version());
                }
            }
            case RunRequestEvent run -> known(deployment, run.function());
            case RunEndedEvent ended -> known(deployment, ended.function());
            case ReportEvent report -> known(deployment, report.function());
            case FinishEvent finish -> { }
            case CancelEvent cancel -> { }
        }
    }

    private static void known(Deployment deployment, String function) {
        if (deployment.definition().function(function).isEmpty()) {
            throw new RejectedRecordException("field 'function': " + deployment.name() + " v" + deployment.version()
                    + " has no function '" + Names.shown(function) + "'");
        }
    }

    private static void workflow(String name) {
        Names.workflowProblem(name).ifPresent(problem -> {
            throw new RejectedRecordException("field 'workflow' " + problem);
        });
    }

    private static void function(String field, String name) {
        if (name == null) {
            throw new RejectedRecordException("field '" + field + "' is missing");
        }
        if (name.length() > Names.MAX_LENGTH) {
            throw new RejectedRecordException("field '" + field + "' is " + name.length() + " characters long; "
                    + "function names have at most " + Names.MAX_LENGTH);
        }
    }

    private void node(String field, int node) {
        if (node < 0 || node >= nodes) {
            throw new RejectedRecordException("field '" + field + "' is " + node + ", outside the nodes 0.." + (nodes - 1));
        }
    }

    private static void entries(String field, java.util.Map<String, ?> map) {
        if (map == null) {
            return;
        }
        if (map.size() > MAX_MAP_ENTRIES) {
            throw new RejectedRecordException("field '" + field + "' has " + map.size() + " entries; at most "
                    + MAX_MAP_ENTRIES + " are accepted");
        }
        for (String key : map.keySet()) {
            if (key == null || key.length() > 1024) {
                throw new RejectedRecordException("field '" + field + "' has a key that is missing or over 1024 characters");
            }
        }
    }

    private static void count(String field, Integer count) {
        if (count == null || count < 0 || count > MAX_ELEMENTS) {
            throw new RejectedRecordException("field '" + field + "' must be a count of 0.." + MAX_ELEMENTS + "; got " + count);
        }
    }

    private static void run(int element, int attempt) {
        if (element < -1 || element >= MAX_ELEMENTS) {
            throw new RejectedRecordException("field 'element' must be -1 or an index; got " + element);
        }
        if (attempt < 1) {
            throw new RejectedRecordException("field 'attempt' must be at least 1; got " + attempt);
        }
    }
}
