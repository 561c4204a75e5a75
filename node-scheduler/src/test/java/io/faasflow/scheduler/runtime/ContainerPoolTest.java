package io.faasflow.scheduler.runtime;

import static io.faasflow.scheduler.runtime.Specs.await;
import static io.faasflow.scheduler.runtime.Specs.ok;
import static io.faasflow.scheduler.runtime.Specs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool's semantics with in-process containers: no services, no processes. */
class ContainerPoolTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ContainerSpec SPEC = spec("f");
    private static final PoolKey KEY = SPEC.key();

    /** Runs whose invocation has a gate block in their container until it opens. */
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    /** Invocations in the order their runs began, with the container that ran each. */
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private ContainerPool pool;

    private InProcessRuntime.Handler gatedHandler() {
        return (container, call) -> {
            served.add(call.invocation());
            CountDownLatch gate = gates.get(call.invocation());
            if (gate != null) {
                gate.await();
            }
            return ok();
        };
    }

    private InProcessRuntime runtime(InProcessRuntime.StartHook hook) {
        return new InProcessRuntime(hook, gatedHandler());
    }

    private ContainerPool pool(InProcessRuntime runtime, int limit) {
        pool = new ContainerPool(runtime, PoolSettings.DEFAULTS.withDefaultMaxContainers(limit));
        return pool;
    }

    private CountDownLatch gate(String invocation) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(invocation, gate);
        return gate;
    }

    private Future<PooledReply> submit(String invocation) {
        return callers.submit(() -> pool.run(SPEC, RunCall.single(invocation), TIMEOUT));
    }

    private PooledReply run(String invocation) throws InterruptedException {
        return pool.run(SPEC, RunCall.single(invocation), TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        gates.values().forEach(CountDownLatch::countDown);
        if (pool != null) {
            pool.close();
        }
        callers.shutdownNow();
    }

    @Test
    void shouldServeQueuedRequestsInArrivalOrderAtALimitOfOne() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        CountDownLatch first = gate("r0");
        List<Future<PooledReply>> replies = new ArrayList<>();
        replies.add(submit("r0"));
        await("r0 runs", () -> served.contains("r0"));
        for (int i = 1; i < 5; i++) {
            replies.add(submit("r" + i));
            int queued = i;
            await(queued + " requests wait", () -> pool.state(KEY).waiting() == queued);
        }
        first.countDown();
        for (Future<PooledReply> reply : replies) {
            assertTrue(reply.get(10, TimeUnit.SECONDS).reply().succeeded());
        }
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), served, "served in arrival order");
        assertEquals(1, runtime.started().size(), "one container at the limit of 1");
        PoolCounters counters = pool.counters();
        assertEquals(1, counters.coldStarts());
        assertEquals(4, counters.warmStarts());
        assertEquals(new PoolKeyState(1, 1, 0), pool.state(KEY));
        assertTrue(replies.get(4).get().queueWait().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void shouldKeepAContainerThatRefusesARequestAndFreeTheSlotOfOneThatThrowsAnError() throws Exception {
        InProcessRuntime runtime = new InProcessRuntime((spec, attempt) -> { }, (container, call) -> {
            switch (call.invocation()) {
                case "refused" -> throw new ContainerRefusedException("HTTP 400: bad element");
                case "broken" -> throw new StackOverflowError("client broke");
                default -> {
                    return ok();
                }
            }
        });
        pool(runtime, 1);
        assertThrows(ContainerRefusedException.class, () -> run("refused"));
        PooledReply after = run("fine");
        assertFalse(after.cold(), "the container that refused a request served the next one");
        assertThrows(StackOverflowError.class, () -> run("broken"));
        PooledReply replaced = run("fine-again");
        assertTrue(replaced.cold(), "the container whose run threw an Error was removed; its slot served a new one");
        assertEquals(2, runtime.started().size());
        assertEquals(new PoolKeyState(1, 1, 0), pool.state(KEY));
    }

    @Test
    void shouldReuseTheWarmContainerForASecondRun() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 4);
        PooledReply first = run("a");
        PooledReply second = run("b");
        assertTrue(first.cold());
        assertFalse(second.cold(), "no cold start for the second run");
        assertEquals(Duration.ZERO, second.startTime());
        assertEquals(first.containerId(), second.containerId());
        assertEquals(1, pool.counters().coldStarts());
        assertEquals(1, pool.counters().warmStarts());
        assertEquals(1, runtime.started().size());
    }

    @Test
    void shouldReclaimAnIdleContainerAfterTheIdleTimeout() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool = new ContainerPool(runtime, PoolSettings.DEFAULTS.withIdleTimeout(Duration.ofMillis(100), Duration.ofMillis(20)));
        PooledReply first = run("a");
        await("the idle container is reclaimed", () -> pool.counters().reclaimed() == 1);
        assertTrue(runtime.started().get(0).isClosed(), "the reclaimed container was stopped");
        assertEquals(PoolKeyState.EMPTY, pool.state(KEY));
        assertEquals(0, pool.size());
        PooledReply next = run("b");
        assertTrue(next.cold(), "a run after the reclaim starts a new container");
        assertNotEquals(first.containerId(), next.containerId());
    }

    @Test
    void shouldReplaceAContainerKilledMidRunAndSucceedOnRetry() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        gate("victim");
        Future<PooledReply> victim = submit("victim");
        await("the victim runs", () -> served.contains("victim"));
        InProcessContainer killed = runtime.started().get(0);
        killed.kill();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> victim.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ContainerDiedException.class, failure.getCause());
        assertTrue(killed.isClosed(), "the dead container was closed");
        assertEquals(PoolKeyState.EMPTY, pool.state(KEY), "its slot was freed");

        gates.remove("victim");
        PooledReply retry = run("victim");
        assertTrue(retry.reply().succeeded());
        assertTrue(retry.cold());
        assertNotEquals(killed.id(), retry.containerId(), "the retry ran on a new container");
        assertEquals(1, pool.counters().died());
    }

    @Test
    void shouldServeTheNextWaiterWithANewContainerWhenTheBusyOneDies() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        gate("victim");
        Future<PooledReply> victim = submit("victim");
        await("the victim runs", () -> served.contains("victim"));
        Future<PooledReply> next = submit("next");
        await("the next request waits", () -> pool.state(KEY).waiting() == 1);
        runtime.started().get(0).kill();
        assertInstanceOf(ContainerDiedException.class,
                assertThrows(ExecutionException.class, () -> victim.get(10, TimeUnit.SECONDS)).getCause());
        PooledReply reply = next.get(10, TimeUnit.SECONDS);
        assertTrue(reply.cold(), "the waiter cold-started a replacement");
        assertEquals(runtime.started().get(1).id(), reply.containerId());
    }

    @Test
    void shouldNotLeakTheSlotOfAFailedColdStart() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> {
            if (attempt == 1) {
                throw new IllegalStateException("image missing");
            }
        });
        pool(runtime, 1);
        ContainerStartException failure = assertThrows(ContainerStartException.class, () -> run("a"));
        assertTrue(failure.getMessage().contains("image missing"), failure.getMessage());
        assertEquals(PoolKeyState.EMPTY, pool.state(KEY));
        PooledReply reply = run("b");
        assertTrue(reply.cold());
        assertEquals(1, pool.counters().failedStarts());
        assertEquals(1, pool.counters().coldStarts());
    }

    @Test
    void shouldWakeTheNextWaiterWhenAColdStartFails() throws Exception {
        CountDownLatch startMayFail = new CountDownLatch(1);
        InProcessRuntime runtime = runtime((spec, attempt) -> {
            if (attempt == 1) {
                startMayFail.await();
                throw new IllegalStateException("no memory left");
            }
        });
        pool(runtime, 1);
        Future<PooledReply> first = submit("a");
        await("the first cold start is under way", () -> runtime.startAttempts() == 1);
        Future<PooledReply> second = submit("b");
        await("the second request waits", () -> pool.state(KEY).waiting() == 1);
        startMayFail.countDown();
        assertInstanceOf(ContainerStartException.class,
                assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS)).getCause());
        assertTrue(second.get(10, TimeUnit.SECONDS).cold(), "the waiter got the freed slot");
    }

    @Test
    void shouldReuseTheMostRecentlyReleasedIdleContainer() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 2);
        CountDownLatch gateA = gate("a");
        CountDownLatch gateB = gate("b");
        Future<PooledReply> a = submit("a");
        await("a runs", () -> served.contains("a"));
        Future<PooledReply> b = submit("b");
        await("b runs", () -> served.contains("b"));
        // b's container is released first, a's last: most-recently-used order must pick a's, although it is the
        // older container and the longer idle one would be b's.
        gateB.countDown();
        String containerOfB = b.get(10, TimeUnit.SECONDS).containerId();
        gateA.countDown();
        String containerOfA = a.get(10, TimeUnit.SECONDS).containerId();
        assertNotEquals(containerOfA, containerOfB);
        assertEquals(new PoolKeyState(2, 2, 0), pool.state(KEY));
        PooledReply next = run("c");
        assertFalse(next.cold());
        assertEquals(containerOfA, next.containerId());
    }

    @Test
    void shouldLetAWaiterLeaveTheQueueWhenItsWaitRunsOut() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        CountDownLatch busy = gate("busy");
        Future<PooledReply> running = submit("busy");
        await("busy runs", () -> served.contains("busy"));
        PoolWaitTimeoutException timeout = assertThrows(PoolWaitTimeoutException.class,
                () -> pool.run(SPEC, RunCall.single("late"), Duration.ofMillis(50), TIMEOUT));
        assertTrue(timeout.getMessage().contains("wf@1/f"), timeout.getMessage());
        assertEquals(0, pool.state(KEY).waiting(), "the waiter left the queue");
        busy.countDown();
        running.get(10, TimeUnit.SECONDS);
        assertFalse(run("after").cold(), "the container went back to the pool, not to the departed waiter");
        assertEquals(1, pool.counters().waitTimeouts());
    }

    @Test
    void shouldRemoveAContainerThatDoesNotAnswerInTime() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        gate("slow");
        assertThrows(ContainerTimeoutException.class,
                () -> pool.run(SPEC, RunCall.single("slow"), Duration.ofMillis(50)));
        assertTrue(runtime.started().get(0).isClosed());
        assertEquals(PoolKeyState.EMPTY, pool.state(KEY));
        assertEquals(1, pool.counters().died());
    }

    @Test
    void shouldKeepAContainerWhoseFunctionFailed() throws Exception {
        InProcessRuntime runtime = new InProcessRuntime((container, call) -> {
            throw new IllegalArgumentException("bad input " + call.invocation());
        });
        pool(runtime, 1);
        PooledReply failed = run("a");
        assertEquals("IllegalArgumentException", failed.reply().errorType());
        assertEquals("bad input a", failed.reply().errorMessage());
        assertFalse(run("b").cold(), "a failing function does not cost its container");
        assertEquals(0, pool.counters().died());
    }

    @Test
    void shouldRemoveTheContainerOfAnInterruptedRun() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        gate("stopped");
        Future<PooledReply> stopped = submit("stopped");
        await("the run is going on", () -> served.contains("stopped"));
        stopped.cancel(true);
        await("the container is removed", () -> pool.counters().abandoned() == 1);
        assertTrue(runtime.started().get(0).isClosed());
        await("its slot is freed", () -> pool.state(KEY).containers() == 0);
        assertTrue(run("next").cold());
    }

    @Test
    void shouldPrewarmWithinTheLimitAndServeWarm() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 2);
        assertEquals(2, pool.prewarm(SPEC, 3), "no more than the limit");
        assertEquals(new PoolKeyState(2, 2, 0), pool.state(KEY));
        assertFalse(run("a").cold());
        PoolCounters counters = pool.counters();
        assertEquals(2, counters.prewarmed());
        assertEquals(0, counters.coldStarts());
        assertEquals(1, counters.warmStarts());
    }

    @Test
    void shouldKeepKeysApart() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        gate("busy");
        submit("busy");
        await("busy runs", () -> served.contains("busy"));
        PooledReply other = pool.run(spec("g"), RunCall.single("other"), Duration.ofMillis(500), TIMEOUT);
        assertTrue(other.cold(), "another function has a limit of its own");
        assertEquals("g", runtime.started().get(1).spec().function());
    }

    @Test
    void shouldStopEverythingAndFailWaitersOnClose() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 1);
        gate("busy");
        Future<PooledReply> busy = submit("busy");
        await("busy runs", () -> served.contains("busy"));
        Future<PooledReply> waiting = submit("waiting");
        await("a request waits", () -> pool.state(KEY).waiting() == 1);
        pool.close();
        assertInstanceOf(IllegalStateException.class,
                assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS)).getCause());
        assertInstanceOf(ContainerDiedException.class,
                assertThrows(ExecutionException.class, () -> busy.get(10, TimeUnit.SECONDS)).getCause());
        assertTrue(runtime.started().get(0).isClosed());
        assertEquals(0, pool.size());
        assertThrows(IllegalStateException.class, () -> run("after"));
    }

    @Test
    void shouldAskEveryContainerToForgetAnInvocation() throws Exception {
        InProcessRuntime runtime = runtime((spec, attempt) -> { });
        pool(runtime, 2);
        pool.prewarm(SPEC, 2);
        pool.forget("done");
        await("both containers forgot", () -> runtime.started().stream().allMatch(c -> c.forgotten().contains("done")));
    }

    @Test
    void shouldCompleteManyConcurrentRunsWithinTheLimit() throws Exception {
        InProcessRuntime runtime = new InProcessRuntime((container, call) -> {
            Thread.sleep(1);
            return ok();
        });
        pool(runtime, 3);
        List<Future<PooledReply>> replies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replies.add(submit("i" + i));
        }
        for (Future<PooledReply> reply : replies) {
            assertTrue(reply.get(20, TimeUnit.SECONDS).reply().succeeded());
        }
        assertTrue(runtime.started().size() <= 3, "never more than the limit: " + runtime.started().size());
        PoolCounters counters = pool.counters();
        assertEquals(200, counters.coldStarts() + counters.warmStarts());
    }
}
