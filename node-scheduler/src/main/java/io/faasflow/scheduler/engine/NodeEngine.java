package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.event.CancelEvent;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.scheduler.intake.RejectedRecordException;
import io.faasflow.scheduler.state.ForeachProgress;
import io.faasflow.scheduler.state.FunctionState;
import io.faasflow.scheduler.state.FunctionStatus;
import io.faasflow.scheduler.state.HostedRuns;
import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.scheduler.state.StateStore;
import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.Names;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationFailure;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.topology.wire.RecordLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The scheduling logic of one node. In worker mode (faasflow's design) each node counts the finished parents
 * of the functions it hosts, runs them when ready, triggers local successors in-process and remote ones with
 * one event, and the invocation's entry node completes it once every function has reported. In master mode
 * (the paper's baseline) the master node does all counting and completing, and asks hosting nodes to run each
 * function with a run request whose end comes back to it. Called only from the node's event loop thread;
 * every handler tolerates redelivery.
 */
public final class NodeEngine {
    /** What became of an invocation record. */
    public enum Acceptance {
        ACCEPTED,
        FORWARDED,
        /** Its workflow is not (yet) known here: retry later. */
        UNKNOWN_WORKFLOW
    }

    /** Errors that the same try would meet again: no retry. */
    private static final Set<String> PERMANENT_ERRORS = Set.of("NoImplementation", "Unsupported", "NoElements",
            "UnknownDeployment", "RunRefused");
    private static final int MAX_LISTED_FUNCTIONS = 10;

    private final int node;
    private final DeploymentRegistry registry;
    private final StateStore store;
    private final Effects effects;
    private final EngineSettings settings;
    private final EarlyCancels earlyCancels = new EarlyCancels();

    public NodeEngine(int node, DeploymentRegistry registry, StateStore store, Effects effects, EngineSettings settings) {
        this.node = node;
        this.registry = registry;
        this.store = store;
        this.effects = effects;
        this.settings = settings;
    }

    /** The node that accepts, completes and reports an invocation of the deployment. */
    private int homeOf(Deployment deployment) {
        return settings.mode() == SchedulingMode.MASTER ? settings.masterNode() : deployment.plan().entryNode();
    }

    /** The node that counts a function's parents and decides its runs. */
    private int controllerOf(Deployment deployment, String function) {
        return settings.mode() == SchedulingMode.MASTER ? settings.masterNode() : deployment.plan().nodeOf(function);
    }

    /**
     * An invocation record arrived. The event loop names records produced without an id after their place in
     * Kafka; one that still has none (a direct call) gets a random id.
     */
    public Acceptance onInvocation(InvocationRecord record) {
        Optional<Deployment> found = registry.forInvocation(record.workflow(), record.submittedAt());
        if (found.isEmpty()) {
            return Acceptance.UNKNOWN_WORKFLOW;
        }
        Deployment deployment = found.get();
        InvocationRecord identified = record.id() == null || record.id().isBlank()
                ? record.withId(UUID.randomUUID().toString())
                : record;
        int home = homeOf(deployment);
        if (home != node) {
            effects.forwardInvocation(home, identified);
            return Acceptance.FORWARDED;
        }
        String id = identified.id();
        if (store.isFinished(id)) {
            return Acceptance.ACCEPTED;
        }
        Optional<InvocationState> existing = store.get(id);
        if (existing.isPresent() && existing.get().startedAt == 0) {
            // Its events came first (a restarted home node read a report before the record that was not committed
            // yet): the record starts it now, or it would never store its inputs nor time out.
            InvocationState known = existing.get();
            known.startedAt = System.currentTimeMillis();
            known.input = identified.input();
            if (known.submittedAt <= 0) {
                known.submittedAt = identified.submittedAt();
            }
            store.markDirty(known);
            startOrExpire(known, deployment);
            return Acceptance.ACCEPTED;
        }
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
        if (earlyCancels.take(id)) {
            end(state, deployment, InvocationStatus.CANCELLED, new InvocationFailure(null, "Cancelled",
                    "cancelled on request before it started", 0));
            return Acceptance.ACCEPTED;
        }
        startOrExpire(state, deployment);
        return Acceptance.ACCEPTED;
    }

    private void startOrExpire(InvocationState state, Deployment deployment) {
        if (isOverdue(state, state.startedAt)) {
            // Accepted long ago, read only now: its home node was down past the deadline the client was promised.
            expire(state, "submitted at " + java.time.Instant.ofEpochMilli(state.submittedAt) + " but taken by node "
                    + node + " only " + (state.startedAt - state.submittedAt) / 1000 + " s later, past the time-out of "
                    + settings.invocationTimeout().toSeconds() + " s (was its scheduler down?)");
            return;
        }
        storeInputs(state, deployment);
    }

    private void storeInputs(InvocationState state, Deployment deployment) {
        GlobalInputs.Stored inputs;
        try {
            inputs = GlobalInputs.resolve(deployment, state.input, node);
        } catch (GlobalInputs.MissingInputException e) {
            fail(state, deployment, null, "MissingInput", e.getMessage(), 0);
            return;
        }
        state.inputKeys.addAll(inputs.values().keySet());
        store.markDirty(state);
        if (inputs.values().isEmpty()) {
            onGlobalInputsStored(state.id, List.of(), null);
        } else {
            effects.storeGlobalInputs(state.id, inputs.values(), inputs.destinations());
        }
    }

    /** On the home node: the global inputs ({@code keys}) are stored ({@code error} null) or could not be. */
    public void onGlobalInputsStored(String invocation, java.util.Collection<String> keys, String error) {
        if (store.isFinished(invocation)) {
            // Ended (cancelled) while the inputs were being written: remove them again, now that they are there.
            effects.removeData(invocation, keys);
            return;
        }
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

    /** Routes a trigger to the node that schedules its function: handled here when that is this node, else sent. */
    public void trigger(TriggerEvent event) {
        Deployment deployment = deployment(event.workflow(), event.version());
        int target = controllerOf(deployment, event.function());
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
            if (event.elements() != null) {
                function.parentElements.put(event.parent(), event.elements());
            }
        }
        store.markDirty(state);
        int parents = deployment.graph().predecessors(event.function()).size();
        Set<String> resolved = new TreeSet<>(function.finishedParents);
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
        function.attempts = 1;
        store.markDirty(state);
        FunctionSpec spec = deployment.definition().require(functionName);
        if (spec.next().type() == EdgeType.SWITCH && spec.kind() == FunctionKind.TASK) {
            endWithoutRun(state, deployment, functionName, "Unsupported",
                    "a switch must be a VIRTUAL node; a function with code cannot choose a branch");
            return;
        }
        if (spec.kind() != FunctionKind.TASK && spec.next().type() != EdgeType.SWITCH) {
            long now = MicroClock.nowMicros();
            onRunEnded(new RunEndedEvent(state.id, state.workflow, state.version, functionName, -1, 1, node, now, now,
                    null, null, Map.of(), Map.of(), -1));
            return;
        }
        Optional<String> producer = foreachProducerOf(deployment, functionName);
        if (producer.isEmpty()) {
            dispatch(state, deployment, functionName, -1);
            return;
        }
        Integer elements = function.parentElements.get(producer.get());
        if (elements == null) {
            endWithoutRun(state, deployment, functionName, "NoElements", "foreach producer " + producer.get()
                    + " stored no keys list that " + functionName + " reads through an input of type key");
            return;
        }
        function.foreach = new ForeachProgress(elements);
        if (elements == 0) {
            long now = MicroClock.nowMicros();
            function.foreach.firstStartMicros = now;
            function.foreach.lastEndMicros = now;
            succeed(state, deployment, functionName, function);
            return;
        }
        for (int element = 0; element < elements; element++) {
            dispatch(state, deployment, functionName, element);
        }
    }

    private void endWithoutRun(InvocationState state, Deployment deployment, String functionName, String type, String message) {
        long now = MicroClock.nowMicros();
        onRunEnded(new RunEndedEvent(state.id, state.workflow, state.version, functionName, -1,
                state.function(functionName).attempts, node, now, now, type, message, Map.of(), Map.of(), -1));
    }

    /** The predecessor whose {@code next} is a foreach over this function, if any. */
    private static Optional<String> foreachProducerOf(Deployment deployment, String function) {
        return deployment.graph().predecessors(function).stream()
                .filter(parent -> deployment.definition().require(parent).next().type() == EdgeType.FOREACH)
                .findFirst();
    }

    /** Starts the current try of one run of a function, here or (master mode) on its host. */
    private void dispatch(InvocationState state, Deployment deployment, String functionName, int element) {
        FunctionState function = state.function(functionName);
        RunRequestEvent run = new RunRequestEvent(state.id, state.workflow, state.version, functionName, element,
                function.attemptOf(element), Map.copyOf(function.parentElements));
        int host = deployment.plan().nodeOf(functionName);
        if (host == node) {
            runHere(deployment, run);
        } else {
            effects.send(host, run);
        }
    }

    private void runHere(Deployment deployment, RunRequestEvent run) {
        FunctionSpec spec = deployment.definition().require(run.function());
        if (spec.next().type() == EdgeType.SWITCH) {
            effects.evaluateSwitch(deployment, run);
        } else {
            effects.runFunction(deployment, run, settings.timeoutOf(spec.policy()));
        }
    }

    /** Master mode, on a hosting node: the master asks for one try of a hosted function. */
    public void onRunRequest(RunRequestEvent run) {
        if (store.isFinished(run.invocation())) {
            return;
        }
        Deployment deployment = deployment(run.workflow(), run.version());
        InvocationState state = store.get(run.invocation()).orElseGet(() -> {
            InvocationState created = new InvocationState(run.invocation(), run.workflow(), run.version(),
                    homeOf(deployment), 0);
            store.put(created);
            return created;
        });
        HostedRuns runs = state.hosted.computeIfAbsent(run.function(), name -> new HostedRuns());
        if (!runs.request(run.element(), run.attempt())) {
            return;
        }
        runs.elementCounts.putAll(run.elementCounts());
        store.markDirty(state);
        runHere(deployment, run);
    }

    /** A try of a function ended on this node: applied here, or sent to the master that scheduled it. */
    public void onLocalRunEnded(RunEndedEvent end) {
        Optional<Deployment> deployment = registry.version(end.workflow(), end.version());
        if (store.isFinished(end.invocation())) {
            // The invocation ended (failed, cancelled) while this run went on: drop what the run stored.
            deployment.ifPresent(known -> effects.removeData(end.invocation(),
                    StoredKeys.outputsOf(known.definition().require(end.function()), end.element())));
            // The run may have cached the invocation's lists again after the finish dropped them.
            effects.stopRuns(end.invocation());
            return;
        }
        if (deployment.isEmpty()) {
            return;
        }
        int controller = controllerOf(deployment.get(), end.function());
        if (controller == node) {
            onRunEnded(end);
            return;
        }
        store.get(end.invocation()).ifPresent(state -> {
            HostedRuns runs = state.hosted.get(end.function());
            if (runs != null) {
                runs.markEnded(end.element(), end.attempt());
                store.markDirty(state);
            }
        });
        effects.send(controller, end);
    }

    /** On the node that schedules the function: one try of one of its runs ended. Applied once. */
    public void onRunEnded(RunEndedEvent end) {
        if (store.isFinished(end.invocation())) {
            return;
        }
        Optional<InvocationState> found = store.get(end.invocation());
        if (found.isEmpty()) {
            return;
        }
        InvocationState state = found.get();
        FunctionState function = state.function(end.function());
        boolean perElement = end.element() >= 0 && function.foreach != null;
        if (function.status != FunctionStatus.RUNNING || function.attemptOf(end.element()) != end.attempt()
                || (perElement && function.foreach.hasEnded(end.element()))) {
            return;
        }
        Deployment deployment = deployment(state.workflow, state.version);
        FunctionSpec spec = deployment.definition().require(end.function());
        if (!end.succeeded()) {
            int allowed = settings.attemptsOf(spec.policy());
            if (end.attempt() < allowed && !PERMANENT_ERRORS.contains(end.errorType())) {
                int next = end.attempt() + 1;
                function.setAttempt(end.element(), next);
                store.markDirty(state);
                effects.schedule(end.invocation(), settings.backoffBefore(spec.policy(), next),
                        engine -> engine.retry(end.invocation(), end.function(), end.element(), next));
                return;
            }
            function.status = FunctionStatus.FAILED;
            function.startMicros = end.startMicros();
            function.endMicros = end.endMicros();
            function.attempts = end.attempt();
            function.errorType = end.errorType();
            function.errorMessage = end.errorMessage();
            addDataTimes(function, end);
            store.markDirty(state);
            announce(state, deployment, end.function());
            return;
        }
        end.outputBytes().forEach((key, bytes) -> function.outputBytes.merge(key, bytes, Long::sum));
        function.keyCounts.putAll(end.keyCounts());
        addDataTimes(function, end);
        if (!perElement) {
            function.startMicros = end.startMicros();
            function.endMicros = end.endMicros();
            function.chosenBranch = end.branch();
            succeed(state, deployment, end.function(), function);
            return;
        }
        function.foreach.markEnded(end.element(), end.startMicros(), end.endMicros());
        store.markDirty(state);
        if (function.foreach.allEnded()) {
            succeed(state, deployment, end.function(), function);
        }
    }

    /** Counts a try that ended its run: tries that were retried do not count. */
    private static void addDataTimes(FunctionState function, RunEndedEvent end) {
        function.putNanos += end.putNanos();
        function.fetchNanos += end.fetchNanos();
    }

    private void succeed(InvocationState state, Deployment deployment, String functionName, FunctionState function) {
        function.status = FunctionStatus.SUCCEEDED;
        if (function.foreach != null) {
            function.startMicros = function.foreach.firstStartMicros;
            function.endMicros = function.foreach.lastEndMicros;
            function.attempts = function.foreach.maxAttempt();
        }
        store.markDirty(state);
        announce(state, deployment, functionName);
    }

    /** After a failed try's backoff: starts the next try if the run still waits for it. */
    public void retry(String invocation, String functionName, int element, int attempt) {
        if (store.isFinished(invocation)) {
            return;
        }
        store.get(invocation).ifPresent(state -> {
            FunctionState function = state.function(functionName);
            if (function.status == FunctionStatus.RUNNING && function.attemptOf(element) == attempt) {
                dispatch(state, deployment(state.workflow, state.version), functionName, element);
            }
        });
    }

    /** Tells successors and the home node that a function ended or was skipped. Safe to repeat. */
    private void announce(InvocationState state, Deployment deployment, String functionName) {
        FunctionState function = state.function(functionName);
        boolean succeeded = function.status == FunctionStatus.SUCCEEDED;
        boolean skipped = function.status == FunctionStatus.SKIPPED;
        if (succeeded || skipped) {
            FunctionSpec spec = deployment.definition().require(functionName);
            boolean isSwitch = spec.next().type() == EdgeType.SWITCH;
            boolean isForeach = spec.next().type() == EdgeType.FOREACH;
            List<String> successors = spec.successors();
            List<TriggerEvent> local = new ArrayList<>();
            for (int i = 0; i < successors.size(); i++) {
                // An untaken branch, or anything after a skipped function, hears a skip: joins then fire.
                boolean skip = skipped || (isSwitch && i != function.chosenBranch);
                Integer elements = null;
                if (!skip && isForeach) {
                    elements = listLength(deployment, successors.get(i), functionName, function);
                } else if (!skip && function.foreach != null) {
                    elements = function.foreach.count;
                }
                TriggerEvent event = new TriggerEvent(state.id, state.workflow, state.version, successors.get(i),
                        functionName, state.home, state.submittedAt, skip, elements);
                // Remote triggers leave first: local successors started first would take the cores before the send.
                if (controllerOf(deployment, event.function()) == node) {
                    local.add(event);
                } else {
                    trigger(event);
                }
            }
            local.forEach(this::trigger);
        }
        // The node the function ran on: in master mode that is its host, not this (the master).
        ReportEvent report = new ReportEvent(state.id, functionName, deployment.plan().nodeOf(functionName),
                function.startMicros, function.endMicros,
                succeeded || skipped, function.errorType, function.errorMessage, function.attempts, function.outputBytes,
                skipped, function.putNanos, function.fetchNanos);
        if (state.home == node) {
            onReport(report);
        } else {
            effects.send(state.home, report);
        }
    }

    /** The length of the keys list of {@code producer} that foreach function {@code target} runs over; null if none. */
    private static Integer listLength(Deployment deployment, String target, String producer, FunctionState produced) {
        for (InputSpec input : deployment.definition().require(target).inputs().values()) {
            if ("key".equals(input.type()) && producer.equals(input.producer())) {
                return produced.keyCounts.get(input.parameter());
            }
        }
        return null;
    }

    /**
     * On the home node: one function ended somewhere. Returns false when the invocation is not known here yet:
     * the home restarted from a state older than the report, and the invocation record, replayed on another
     * topic, has not come back; the caller keeps the report and offers it again.
     */
    public boolean onReport(ReportEvent report) {
        if (store.isFinished(report.invocation())) {
            return true;
        }
        Optional<InvocationState> found = store.get(report.invocation());
        if (found.isEmpty()) {
            return false;
        }
        InvocationState state = found.get();
        if (state.endStatus != null) {
            return true;
        }
        Deployment deployment = deployment(state.workflow, state.version);
        if (deployment.definition().function(report.function()).isEmpty()) {
            throw new RejectedRecordException("field 'function': " + state.workflow + " v" + state.version
                    + " of invocation " + state.id + " has no function '" + Names.shown(report.function()) + "'");
        }
        if (report.skipped()) {
            state.skipped.add(report.function());
        } else {
            state.reports.put(report.function(), new FunctionTiming(report.node(), report.startMicros() / 1000,
                    report.endMicros() / 1000, report.startMicros(), report.endMicros(), report.attempts(),
                    report.putNanos() / 1000, report.fetchNanos() / 1000));
        }
        if (report.outputBytes() != null) {
            report.outputBytes().forEach((key, bytes) -> state.outputBytes.put(report.function() + "/" + key, bytes));
        }
        store.markDirty(state);
        if (!report.succeeded()) {
            fail(state, deployment, report.function(), report.errorType(), report.errorMessage(), report.attempts());
        } else if (state.reports.size() + state.skipped.size() == deployment.definition().functions().size()) {
            end(state, deployment, InvocationStatus.SUCCEEDED, null);
        }
        return true;
    }

    /** On every node: a request to cancel; the home node ends the invocation, the others wait for its finish. */
    public void onCancel(CancelEvent cancel) {
        if (store.isFinished(cancel.invocation())) {
            return;
        }
        Optional<InvocationState> found = store.get(cancel.invocation());
        if (found.isEmpty()) {
            earlyCancels.remember(cancel.invocation());
            return;
        }
        InvocationState state = found.get();
        if (state.home == node && state.endStatus == null) {
            end(state, deployment(state.workflow, state.version), InvocationStatus.CANCELLED,
                    new InvocationFailure(null, "Cancelled", "cancelled on request", 0));
        }
    }

    /** Ends, as TIMED_OUT, the invocations this node is home of that outlived the invocation timeout. */
    public void expireInvocations() {
        long now = System.currentTimeMillis();
        List<InvocationState> expired = store.all().stream()
                .filter(state -> state.home == node && state.endStatus == null && isOverdue(state, now))
                .toList();
        for (InvocationState state : expired) {
            try {
                expire(state);
            } catch (RuntimeException e) {
                endAfterError(state, null, "expiring it failed: " + e);
            }
        }
    }

    /**
     * Whether the invocation's time is up at {@code now}. Its time runs from its submission ({@code submittedAt},
     * set by the ingress), so that the hours its home node was down count; from when the home node took it when
     * the record gave no submission time, or one later than that (a producer's clock is not trusted to extend it).
     */
    private boolean isOverdue(InvocationState state, long now) {
        boolean submitted = state.submittedAt > 0 && (state.startedAt == 0 || state.submittedAt < state.startedAt);
        long since = submitted ? state.submittedAt : state.startedAt;
        // A home state built from events alone, before its invocation record was read, counts from its submission.
        return since > 0 && now - since > settings.invocationTimeout().toMillis();
    }

    private void expire(InvocationState state) {
        expire(state, "not finished within " + settings.invocationTimeout().toMillis() / 1000.0 + " s");
    }

    private void expire(InvocationState state, String why) {
        Deployment deployment = deployment(state.workflow, state.version);
        List<String> unfinished = deployment.definition().functions().stream().map(FunctionSpec::name)
                .filter(name -> !state.reports.containsKey(name) && !state.skipped.contains(name)).toList();
        String listed = unfinished.size() <= MAX_LISTED_FUNCTIONS ? unfinished.toString()
                : unfinished.subList(0, MAX_LISTED_FUNCTIONS) + " and " + (unfinished.size() - MAX_LISTED_FUNCTIONS) + " more";
        end(state, deployment, InvocationStatus.TIMED_OUT, new InvocationFailure(null, "InvocationTimeout",
                why + "; unfinished: " + listed, 0));
    }

    private void fail(InvocationState state, Deployment deployment, String function, String type, String message, int attempts) {
        end(state, deployment, InvocationStatus.FAILED, new InvocationFailure(function, type, message, attempts));
    }

    /**
     * Decides how the invocation ended, publishes its result, and tells every node to drop it. The decision is
     * kept in the state until the result is acknowledged, so a crash in between publishes the same end again.
     */
    private void end(InvocationState state, Deployment deployment, InvocationStatus status, InvocationFailure failure) {
        state.endStatus = status;
        if (failure != null) {
            state.failedFunction = failure.function();
            state.failureType = failure.type();
            state.failureMessage = failure.message();
            state.failureAttempts = failure.attempts();
        }
        // Nobody hears of the end before the changelog holds it: a crash before that decides it again from the same
        // state, one after only repeats it. Its result, the other nodes' finish and the removal of its data wait.
        CompletableFuture<?> decided = store.persistNow(state);
        long finishedAt = status == InvocationStatus.SUCCEEDED
                ? state.reports.values().stream().mapToLong(FunctionTiming::end).max().orElse(System.currentTimeMillis())
                : System.currentTimeMillis();
        InvocationResult result = new InvocationResult(state.id, state.workflow, status, failure, state.submittedAt,
                state.startedAt, finishedAt, state.reports, state.outputBytes, List.copyOf(state.skipped));
        FinishEvent finish = new FinishEvent(state.id, state.workflow, state.version);
        CompletableFuture<Void> published = new CompletableFuture<>();
        effects.whenDurable(state.id, decided, () -> {
            effects.publishResult(result).whenComplete((done, error) -> {
                if (error == null) {
                    published.complete(null);
                } else {
                    published.completeExceptionally(error);
                }
            });
            for (int target : deployment.plan().usedNodes()) {
                if (target != node) {
                    effects.send(target, finish);
                }
            }
        });
        finish(finish, published, decided);
    }

    /** The invocation ended: stop this node's runs of it, drop its data and state. */
    public void onFinish(FinishEvent finish) {
        CompletableFuture<?> done = CompletableFuture.completedFuture(null);
        finish(finish, done, done);
    }

    /**
     * @param durable completes when the result is acknowledged: then the end marker replaces the state
     * @param decided completes when the ending state is in the changelog: then the data may go
     */
    private void finish(FinishEvent finish, CompletableFuture<?> durable, CompletableFuture<?> decided) {
        if (store.isFinished(finish.invocation())) {
            return;
        }
        Deployment deployment = deployment(finish.workflow(), finish.version());
        effects.stopRuns(finish.invocation());
        java.util.Collection<String> keys = StoredKeys.of(deployment, node, store.get(finish.invocation()));
        if (decided.isDone() && !decided.isCompletedExceptionally()) {
            effects.removeData(finish.invocation(), keys);
        } else {
            effects.whenDurable(finish.invocation(), decided, () -> effects.removeData(finish.invocation(), keys));
        }
        store.finish(finish.invocation(), durable);
    }

    /**
     * A trigger for a deployment this node never learnt of (its definition is gone): the function cannot run,
     * so its home node hears of a failure instead of waiting for ever.
     */
    public void onUndeliverable(String invocation, String function, int home) {
        if (store.isFinished(invocation)) {
            return;
        }
        ReportEvent failure = new ReportEvent(invocation, function, node, MicroClock.nowMicros(),
                MicroClock.nowMicros(), false, "UnknownDeployment", "node " + node + " has no deployment of it", 0, Map.of());
        if (home == node) {
            onReport(failure);
        } else {
            effects.send(home, failure);
        }
    }

    /** Master mode, on a hosting node: a run request for a deployment this node never learnt of. */
    public void onUndeliverable(RunRequestEvent run) {
        long now = MicroClock.nowMicros();
        effects.send(settings.masterNode(), new RunEndedEvent(run.invocation(), run.workflow(), run.version(),
                run.function(), run.element(), run.attempt(), node, now, now, "UnknownDeployment",
                "node " + node + " has no deployment " + run.workflow() + " v" + run.version(), Map.of(), Map.of(), -1));
    }

    /**
     * After a restart: completes invocations whose end was decided but not acknowledged, re-arms the deadline,
     * restarts the runs that were going when the node stopped, and re-announces the ends of finished functions
     * (their successors and the home node may not have heard).
     */
    public int resume(InvocationState state) {
        Optional<Deployment> found = registry.version(state.workflow, state.version);
        if (found.isEmpty()) {
            if (state.home == node) {
                endWithoutDeployment(state);
            } else {
                for (String function : state.functions.keySet()) {
                    onUndeliverable(state.id, function, state.home);
                }
            }
            return 0;
        }
        Deployment deployment = found.get();
        if (state.home == node && state.endStatus != null) {
            end(state, deployment, state.endStatus, state.failureType == null ? null : new InvocationFailure(
                    state.failedFunction, state.failureType, state.failureMessage, state.failureAttempts));
            return 0;
        }
        if (state.home == node && state.reports.size() + state.skipped.size() == deployment.definition().functions().size()) {
            end(state, deployment, InvocationStatus.SUCCEEDED, null);
            return 0;
        }
        if (state.home == node && isOverdue(state, System.currentTimeMillis())) {
            // Down past its deadline: it ends now rather than run late (and the ingress has said so meanwhile).
            expire(state, "its time-out of " + settings.invocationTimeout().toSeconds() + " s passed while node " + node
                    + "'s scheduler was down");
            return 0;
        }
        if (state.home == node && state.startedAt > 0 && !state.inputsStored) {
            storeInputs(state, deployment);
        }
        int[] restarted = {0};
        state.hosted.forEach((function, runs) -> runs.requested.forEach((element, attempt) -> {
            if (runs.isRunning(element)) {
                restarted[0]++;
                runHere(deployment, new RunRequestEvent(state.id, state.workflow, state.version, function, element,
                        attempt, Map.copyOf(runs.elementCounts)));
            }
        }));
        for (Map.Entry<String, FunctionState> entry : new ArrayList<>(state.functions.entrySet())) {
            FunctionState function = entry.getValue();
            if (function.status == FunctionStatus.RUNNING) {
                restarted[0] += resumeRuns(state, deployment, entry.getKey(), function);
            } else if (function.status != FunctionStatus.WAITING) {
                announce(state, deployment, entry.getKey());
            }
        }
        return restarted[0];
    }

    private int resumeRuns(InvocationState state, Deployment deployment, String functionName, FunctionState function) {
        if (function.foreach == null) {
            dispatch(state, deployment, functionName, -1);
            return 1;
        }
        int dispatched = 0;
        for (int element = 0; element < function.foreach.count; element++) {
            if (!function.foreach.hasEnded(element)) {
                dispatch(state, deployment, functionName, element);
                dispatched++;
            }
        }
        return dispatched;
    }

    /**
     * The home node restarted without the deployment of an invocation it holds: it cannot reach the other nodes'
     * share of it, so it only reports the failure (their data expires by TTL) and drops its state.
     */
    private void endWithoutDeployment(InvocationState state) {
        String message = "node " + node + " has no deployment " + state.workflow + " v" + state.version;
        CompletableFuture<?> published = effects.publishResult(new InvocationResult(state.id, state.workflow,
                InvocationStatus.FAILED, new InvocationFailure(null, "UnknownDeployment", message, 0), state.submittedAt,
                state.startedAt, System.currentTimeMillis(), state.reports, state.outputBytes, List.copyOf(state.skipped)));
        store.finish(state.id, published);
    }

    /** Whether the deployment an event names is known here yet. */
    public boolean knows(String workflow, long version) {
        return registry.version(workflow, version).isPresent();
    }

    /** The deployment an event names, if known here yet. */
    public Optional<Deployment> findDeployment(String workflow, long version) {
        return registry.version(workflow, version);
    }

    /** Whether {@code workflow} was deployed and then deleted, with no later deployment. */
    public boolean isDeleted(String workflow) {
        return registry.latest(workflow).isEmpty() && registry.wasDeleted(workflow);
    }

    /** Whether this node holds or has ended the invocation. */
    public boolean knowsInvocation(String invocation) {
        return store.isFinished(invocation) || store.get(invocation).isPresent();
    }

    /**
     * Handling something of {@code invocation} threw instead of deciding: rather than stop the node, the invocation
     * fails with {@code InternalError} and {@code message}. Its home node ends it; another node tells the home through
     * a failed report of {@code function} (when known), and the home's finish removes it here.
     *
     * @param home the invocation's home as the event named it, or -1; the state's own home wins when it is here
     */
    public void failAfterError(String invocation, String function, int home, String message) {
        if (store.isFinished(invocation)) {
            return;
        }
        Optional<InvocationState> found = store.get(invocation);
        int homeNode = found.map(state -> state.home).orElse(home);
        String clipped = RecordLimits.clip(message);
        if (homeNode == node) {
            found.filter(state -> state.endStatus == null).ifPresent(state -> endAfterError(state, function, clipped));
        } else if (homeNode >= 0) {
            // A task without a function (a function end, a timer) threw: every function it hosts here fails, so the
            // home node learns of it now rather than at the invocation's time-out.
            List<String> failed = function != null ? List.of(function)
                    : found.map(this::runningHere).orElse(List.of());
            long now = MicroClock.nowMicros();
            for (String name : failed) {
                effects.send(homeNode, new ReportEvent(invocation, name, node, now, now, false, "InternalError", clipped,
                        0, Map.of()));
            }
        }
    }

    /** The functions of {@code state} running on this node: those it controls, and in master mode those it hosts. */
    private List<String> runningHere(InvocationState state) {
        Set<String> running = new TreeSet<>();
        state.functions.forEach((name, function) -> {
            if (function.status == FunctionStatus.RUNNING) {
                running.add(name);
            }
        });
        state.hosted.forEach((name, runs) -> {
            if (runs.requested.keySet().stream().anyMatch(runs::isRunning)) {
                running.add(name);
            }
        });
        return List.copyOf(running);
    }

    /** Finishing {@code invocation} here threw: its state is dropped all the same, its data left to expire. */
    public void dropAfterError(String invocation) {
        if (!store.isFinished(invocation)) {
            store.finish(invocation, CompletableFuture.completedFuture(null));
        }
    }

    private void endAfterError(InvocationState state, String function, String message) {
        InvocationFailure failure = new InvocationFailure(function, "InternalError", message, 0);
        Optional<Deployment> deployment = registry.version(state.workflow, state.version);
        if (deployment.isPresent()) {
            try {
                end(state, deployment.get(), InvocationStatus.FAILED, failure);
                return;
            } catch (RuntimeException e) {
                // Ending it the usual way failed too: publish the failure without telling the other nodes.
            }
        }
        CompletableFuture<?> published = effects.publishResult(new InvocationResult(state.id, state.workflow,
                InvocationStatus.FAILED, failure, state.submittedAt, state.startedAt, System.currentTimeMillis(),
                state.reports, state.outputBytes, List.copyOf(state.skipped)));
        store.finish(state.id, published);
    }

    private Deployment deployment(String workflow, long version) {
        return registry.version(workflow, version).orElseThrow(() -> new IllegalStateException(
                "node " + node + " has not read deployment " + workflow + " v" + version));
    }
}
