package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.scheduler.state.FunctionState;
import io.faasflow.scheduler.state.FunctionStatus;
import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.scheduler.state.StateStore;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationFailure;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The worker-side scheduling logic of one node: accepts invocations, counts finished parents of the
 * functions it hosts, runs them when ready, triggers local successors in-process and remote ones with one
 * event, and (on an invocation's home node) completes the invocation once every function has reported.
 * Called only from the node's event loop thread; every handler tolerates redelivery.
 */
public final class NodeEngine {
    /** What became of an invocation record. */
    public enum Acceptance {
        ACCEPTED,
        FORWARDED,
        /** Its workflow is not (yet) known here: retry later. */
        UNKNOWN_WORKFLOW
    }

    private final int node;
    private final DeploymentRegistry registry;
    private final StateStore store;
    private final Effects effects;

    public NodeEngine(int node, DeploymentRegistry registry, StateStore store, Effects effects) {
        this.node = node;
        this.registry = registry;
        this.store = store;
        this.effects = effects;
    }

    /**
     * An invocation record arrived. The event loop names records produced without an id after their place in
     * Kafka; one that still has none (a direct call) gets a random id.
     */
    public Acceptance onInvocation(InvocationRecord record) {
        Optional<Deployment> found = registry.latest(record.workflow());
        if (found.isEmpty()) {
            return Acceptance.UNKNOWN_WORKFLOW;
        }
        Deployment deployment = found.get();
        InvocationRecord identified = record.id() == null || record.id().isBlank()
                ? record.withId(UUID.randomUUID().toString())
                : record;
        int entry = deployment.plan().entryNode();
        if (entry != node) {
            effects.forwardInvocation(entry, identified);
            return Acceptance.FORWARDED;
        }
        String id = identified.id();
        if (store.isFinished(id)) {
            return Acceptance.ACCEPTED;
        }
        Optional<InvocationState> existing = store.get(id);
        if (existing.isPresent()) {
            // A redelivery: re-sending start triggers is harmless, a started function ignores them.
            if (existing.get().inputsStored) {
                triggerStarts(existing.get(), deployment);
            }
            return Acceptance.ACCEPTED;
        }
        InvocationState state = new InvocationState(id, deployment.name(), deployment.version(), node, identified.submittedAt());
        state.startedAt = System.currentTimeMillis();
        state.input = identified.input();
        store.put(state);
        storeInputs(state, deployment);
        return Acceptance.ACCEPTED;
    }

    private void storeInputs(InvocationState state, Deployment deployment) {
        Map<String, byte[]> values;
        try {
            values = GlobalInputs.resolve(deployment, state.input);
        } catch (GlobalInputs.MissingInputException e) {
            fail(state, deployment, null, "MissingInput", e.getMessage(), 0);
            return;
        }
        if (values.isEmpty()) {
            onGlobalInputsStored(state.id, null);
        } else {
            effects.storeGlobalInputs(deployment, state.id, values);
        }
    }

    /** On the entry node: the global inputs are stored ({@code error} null) or could not be. */
    public void onGlobalInputsStored(String invocation, String error) {
        Optional<InvocationState> found = store.get(invocation);
        if (found.isEmpty() || found.get().inputsStored) {
            return;
        }
        InvocationState state = found.get();
        Deployment deployment = deployment(state.workflow, state.version);
        if (error != null) {
            fail(state, deployment, null, "StorageFailed", "storing global inputs failed: " + error, 0);
            return;
        }
        state.inputsStored = true;
        state.input = null;
        store.markDirty(state);
        triggerStarts(state, deployment);
    }

    private void triggerStarts(InvocationState state, Deployment deployment) {
        for (String start : deployment.plan().startFunctions()) {
            trigger(new TriggerEvent(state.id, deployment.name(), deployment.version(), start, null, node, state.submittedAt));
        }
    }

    /** Routes a trigger to the node hosting its function: handled here when local, else sent. */
    public void trigger(TriggerEvent event) {
        Deployment deployment = deployment(event.workflow(), event.version());
        int target = deployment.plan().nodeOf(event.function());
        if (target != node) {
            effects.send(target, event);
            return;
        }
        if (store.isFinished(event.invocation())) {
            return;
        }
        InvocationState state = store.get(event.invocation()).orElseGet(() -> {
            InvocationState created = new InvocationState(event.invocation(), event.workflow(), event.version(),
                    event.home(), event.submittedAt());
            store.put(created);
            return created;
        });
        FunctionState function = state.function(event.function());
        if (event.parent() != null) {
            (event.skip() ? function.skippedParents : function.finishedParents).add(event.parent());
        }
        store.markDirty(state);
        int parents = deployment.graph().predecessors(event.function()).size();
        java.util.Set<String> resolved = new java.util.TreeSet<>(function.finishedParents);
        resolved.addAll(function.skippedParents);
        if (function.status != FunctionStatus.WAITING || resolved.size() < parents) {
            return;
        }
        // A join runs when at least one parent ran; when none did (every branch into it untaken), it is skipped.
        if (parents == 0 || !function.finishedParents.isEmpty()) {
            start(state, deployment, event.function());
        } else {
            long now = MicroClock.nowMicros();
            function.status = FunctionStatus.SKIPPED;
            function.startMicros = now;
            function.endMicros = now;
            announce(state, deployment, event.function());
        }
    }

    private void start(InvocationState state, Deployment deployment, String functionName) {
        FunctionState function = state.function(functionName);
        function.status = FunctionStatus.RUNNING;
        function.attempts++;
        store.markDirty(state);
        FunctionSpec spec = deployment.definition().require(functionName);
        if (spec.next().type() == EdgeType.SWITCH) {
            if (spec.kind() != FunctionKind.TASK) {
                effects.evaluateSwitch(deployment, state.id, functionName);
            } else {
                long now = MicroClock.nowMicros();
                onFunctionEnded(state.id, functionName, now, now, new FunctionError("Unsupported",
                        "a switch must be a VIRTUAL node; a function with code cannot choose a branch"));
            }
            return;
        }
        if (spec.next().type() == EdgeType.FOREACH) {
            long now = MicroClock.nowMicros();
            onFunctionEnded(state.id, functionName, now, now, unsupported(spec));
            return;
        }
        if (spec.kind() != FunctionKind.TASK) {
            long now = MicroClock.nowMicros();
            onFunctionEnded(state.id, functionName, now, now, null);
            return;
        }
        effects.runFunction(deployment, state.id, functionName, function.attempts);
    }

    private static FunctionError unsupported(FunctionSpec spec) {
        return new FunctionError("Unsupported", "next.type " + spec.next().type().yamlName()
                + " is not supported by this version of the node scheduler");
    }

    /** A run of a hosted function ended; {@code error} is null on success. */
    public void onFunctionEnded(String invocation, String functionName, long startMicros, long endMicros, FunctionError error) {
        onFunctionEnded(invocation, functionName, startMicros, endMicros, error, Map.of());
    }

    /** A run of a hosted function ended, having stored outputs of the given sizes; {@code error} is null on success. */
    public void onFunctionEnded(String invocation, String functionName, long startMicros, long endMicros, FunctionError error,
            Map<String, Long> outputBytes) {
        if (store.isFinished(invocation)) {
            // The invocation ended (it failed elsewhere) while this run went on: drop what the run stored.
            effects.removeData(invocation, outputBytes.keySet().stream().map(key -> functionName + "/" + key).toList());
            return;
        }
        Optional<InvocationState> found = store.get(invocation);
        if (found.isEmpty()) {
            return;
        }
        InvocationState state = found.get();
        FunctionState function = state.function(functionName);
        if (function.status != FunctionStatus.RUNNING) {
            return;
        }
        function.status = error == null ? FunctionStatus.SUCCEEDED : FunctionStatus.FAILED;
        function.startMicros = startMicros;
        function.endMicros = endMicros;
        function.outputBytes.putAll(outputBytes);
        if (error != null) {
            function.errorType = error.type();
            function.errorMessage = error.message();
        }
        store.markDirty(state);
        announce(state, deployment(state.workflow, state.version), functionName);
    }

    /**
     * A switch's conditions were evaluated: {@code branch} is the index of the first true one, -1 for none;
     * {@code error} is null unless evaluation failed.
     */
    public void onSwitchEvaluated(String invocation, String functionName, long startMicros, long endMicros, int branch,
            FunctionError error) {
        store.get(invocation).ifPresent(state -> state.function(functionName).chosenBranch = branch);
        onFunctionEnded(invocation, functionName, startMicros, endMicros, error);
    }

    /** Tells successors and the home node that a function ended or was skipped. Safe to repeat. */
    private void announce(InvocationState state, Deployment deployment, String functionName) {
        FunctionState function = state.function(functionName);
        boolean succeeded = function.status == FunctionStatus.SUCCEEDED;
        boolean skipped = function.status == FunctionStatus.SKIPPED;
        if (succeeded || skipped) {
            FunctionSpec spec = deployment.definition().require(functionName);
            boolean isSwitch = spec.next().type() == EdgeType.SWITCH;
            List<String> successors = spec.successors();
            for (int i = 0; i < successors.size(); i++) {
                // An untaken branch, or anything after a skipped function, hears a skip: joins then fire.
                boolean skip = skipped || (isSwitch && i != function.chosenBranch);
                trigger(new TriggerEvent(state.id, state.workflow, state.version, successors.get(i), functionName,
                        state.home, state.submittedAt, skip));
            }
        }
        ReportEvent report = new ReportEvent(state.id, functionName, node, function.startMicros, function.endMicros,
                succeeded || skipped, function.errorType, function.errorMessage, function.attempts, function.outputBytes,
                skipped);
        if (state.home == node) {
            onReport(report);
        } else {
            effects.send(state.home, report);
        }
    }

    /** On the home node: one function ended somewhere. */
    public void onReport(ReportEvent report) {
        if (store.isFinished(report.invocation())) {
            return;
        }
        Optional<InvocationState> found = store.get(report.invocation());
        if (found.isEmpty()) {
            return;
        }
        InvocationState state = found.get();
        Deployment deployment = deployment(state.workflow, state.version);
        if (report.skipped()) {
            state.skipped.add(report.function());
        } else {
            state.reports.put(report.function(), new FunctionTiming(report.node(), report.startMicros() / 1000,
                    report.endMicros() / 1000, report.startMicros(), report.endMicros()));
        }
        if (report.outputBytes() != null) {
            report.outputBytes().forEach((key, bytes) -> state.outputBytes.put(report.function() + "/" + key, bytes));
        }
        store.markDirty(state);
        if (!report.succeeded()) {
            fail(state, deployment, report.function(), report.errorType(), report.errorMessage(), report.attempts());
        } else if (state.reports.size() + state.skipped.size() == deployment.definition().functions().size()) {
            complete(state, deployment, InvocationStatus.SUCCEEDED, null);
        }
    }

    private void fail(InvocationState state, Deployment deployment, String function, String type, String message, int attempts) {
        state.failedFunction = function;
        state.failureType = type;
        state.failureMessage = message;
        state.failureAttempts = attempts;
        store.markDirty(state);
        complete(state, deployment, InvocationStatus.FAILED, new InvocationFailure(function, type, message, attempts));
    }

    private void complete(InvocationState state, Deployment deployment, InvocationStatus status, InvocationFailure failure) {
        long finishedAt = state.reports.values().stream().mapToLong(FunctionTiming::end).max().orElse(System.currentTimeMillis());
        CompletableFuture<?> published = effects.publishResult(new InvocationResult(state.id, state.workflow, status,
                failure, state.submittedAt, state.startedAt, finishedAt, state.reports, state.outputBytes,
                List.copyOf(state.skipped)));
        FinishEvent finish = new FinishEvent(state.id, state.workflow, state.version);
        for (int target : deployment.plan().usedNodes()) {
            if (target != node) {
                effects.send(target, finish);
            }
        }
        // The home node's end marker is written only once the result is acknowledged: a crash in between
        // restores the state, and resume() completes the invocation again.
        finish(finish, published);
    }

    /** The invocation ended: drop this node's data and state of it. */
    public void onFinish(FinishEvent finish) {
        finish(finish, CompletableFuture.completedFuture(null));
    }

    private void finish(FinishEvent finish, CompletableFuture<?> durable) {
        if (store.isFinished(finish.invocation())) {
            return;
        }
        Deployment deployment = deployment(finish.workflow(), finish.version());
        effects.removeData(finish.invocation(), keysStoredBy(deployment));
        store.finish(finish.invocation(), durable);
    }

    /**
     * A trigger for a deployment this node never learnt of (its definition is gone): the function cannot run,
     * so its home node hears of a failure instead of waiting for ever.
     */
    public void onUndeliverable(TriggerEvent trigger) {
        ReportEvent failure = new ReportEvent(trigger.invocation(), trigger.function(), node, MicroClock.nowMicros(),
                MicroClock.nowMicros(), false, "UnknownDeployment", "node " + node + " has no deployment "
                + trigger.workflow() + " v" + trigger.version(), 0, Map.of());
        if (trigger.home() == node) {
            onReport(failure);
        } else {
            effects.send(trigger.home(), failure);
        }
    }

    /** Storage keys this node writes for an invocation: outputs of hosted functions, and global inputs if entry. */
    private List<String> keysStoredBy(Deployment deployment) {
        List<String> keys = new ArrayList<>();
        for (DataRef ref : deployment.graph().readers().keySet()) {
            boolean global = ref.producer().equals(InputSpec.GLOBAL_PRODUCER);
            int writer = global ? deployment.plan().entryNode() : deployment.plan().nodeOf(ref.producer());
            if (writer == node) {
                keys.add(ref.storageKey());
            }
        }
        for (FunctionSpec function : deployment.definition().functions()) {
            if (deployment.plan().nodeOf(function.name()) == node) {
                for (String output : function.outputs().keySet()) {
                    String key = new DataRef(function.name(), output).storageKey();
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    /**
     * After a restart: re-runs functions that were running when the node stopped and re-announces the
     * ends of finished ones (their successors and the home node may not have heard).
     */
    public void resume(InvocationState state) {
        Optional<Deployment> deployment = registry.version(state.workflow, state.version);
        if (deployment.isEmpty()) {
            for (String function : state.functions.keySet()) {
                onUndeliverable(new TriggerEvent(state.id, state.workflow, state.version, function, null, state.home,
                        state.submittedAt));
            }
            return;
        }
        if (state.home == node && state.failureType != null) {
            // The invocation had failed, but its result was not acknowledged before the node stopped.
            fail(state, deployment.get(), state.failedFunction, state.failureType, state.failureMessage, state.failureAttempts);
            return;
        }
        if (state.home == node
                && state.reports.size() + state.skipped.size() == deployment.get().definition().functions().size()) {
            // Every function had reported, but the result was not acknowledged before the node stopped.
            complete(state, deployment.get(), InvocationStatus.SUCCEEDED, null);
            return;
        }
        if (state.home == node && !state.inputsStored) {
            storeInputs(state, deployment.get());
        }
        for (Map.Entry<String, FunctionState> entry : new ArrayList<>(state.functions.entrySet())) {
            FunctionStatus status = entry.getValue().status;
            if (status == FunctionStatus.RUNNING) {
                entry.getValue().status = FunctionStatus.WAITING;
                start(state, deployment.get(), entry.getKey());
            } else if (status == FunctionStatus.SUCCEEDED || status == FunctionStatus.FAILED
                    || status == FunctionStatus.SKIPPED) {
                announce(state, deployment.get(), entry.getKey());
            }
        }
    }

    /** Whether the deployment an event names is known here yet. */
    public boolean knows(String workflow, long version) {
        return registry.version(workflow, version).isPresent();
    }

    private Deployment deployment(String workflow, long version) {
        return registry.version(workflow, version).orElseThrow(() -> new IllegalStateException(
                "node " + node + " has not read deployment " + workflow + " v" + version));
    }
}
