package io.faasflow.experiments.replay;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a cluster through a {@link KafkaInvoker}: warm-ups first, one at a time per workflow, then the
 * measured phase in closed loop ({@link #closedLoop}) or open loop ({@link #openLoop}).
 */
public final class Replayer {
    private static final long SPIN_NANOS = 200_000;
    private final KafkaInvoker invoker;
    private final ReplayOptions options;
    private final PrintStream progressOut;

    /** @param progressOut where the progress line goes; null for none */
    public Replayer(KafkaInvoker invoker, ReplayOptions options, PrintStream progressOut) {
        this.invoker = invoker;
        this.options = options;
        this.progressOut = progressOut;
    }

    /** {@code clients} clients, client {@code i} invoking target {@code i mod targets} again as soon as one ends. */
    public ReplayRun closedLoop(List<ReplayTarget> targets, int clients) throws InterruptedException {
        if (clients < 1) {
            throw new IllegalArgumentException("--clients must be at least 1; got " + clients);
        }
        if (options.duration() == null) {
            throw new IllegalArgumentException("a closed loop needs --duration");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a closed loop needs at least one workflow to invoke");
        }
        invoker.requireDeployed(targets.stream().map(ReplayTarget::workflow).toList());
        List<ReplayRecord> records = Collections.synchronizedList(new ArrayList<>());
        try (ReplayProgress progress = new ReplayProgress(progressOut, invoker::inFlight)) {
            long start = warmUp(targets, records, progress);
            long end = start + options.duration().toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                ReplayTarget target = targets.get(i % targets.size());
                threads.add(Thread.ofVirtual().name("replay-client-" + i).start(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        progress.sent();
                        Completion completion = invoker.invoke(target, options.timeout()).join();
                        progress.ended(completion);
                        records.add(new ReplayRecord(false, -1, sent - start, completion));
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return new ReplayRun("closed loop, " + clients + " client(s)", null, start, List.copyOf(records),
                    invoker.duplicateResults(), invoker.lateResults(), invoker.foreignResults());
        }
    }

    /**
     * Sends each arrival at its offset after the start of the measured phase (offsets beyond
     * {@link ReplayOptions#duration()} are dropped), whether earlier ones ended or not, then waits for the last.
     *
     * @param description how the arrivals were made, for the summary
     * @param requestedRate the rate asked for, or null for a trace
     */
    public ReplayRun openLoop(List<Arrival> arrivals, String description, ArrivalRate requestedRate)
            throws InterruptedException {
        List<Arrival> chosen = options.duration() == null ? arrivals : arrivals.stream()
                .filter(arrival -> arrival.offsetNanos() < options.duration().toNanos()).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no arrival falls within the replay's duration");
        }
        List<ReplayTarget> targets = chosen.stream().map(Arrival::target)
                .collect(java.util.stream.Collectors.toMap(ReplayTarget::workflow, t -> t, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList();
        invoker.requireDeployed(targets.stream().map(ReplayTarget::workflow).toList());
        List<ReplayRecord> records = Collections.synchronizedList(new ArrayList<>());
        try (ReplayProgress progress = new ReplayProgress(progressOut, invoker::inFlight)) {
            long start = warmUp(targets, records, progress);
            List<CompletableFuture<Void>> ends = new ArrayList<>(chosen.size());
            for (Arrival arrival : chosen) {
                long due = start + arrival.offsetNanos();
                awaitInstant(due);
                long sent = System.nanoTime();
                progress.sent();
                ends.add(invoker.invoke(arrival.target(), options.timeout()).thenAccept(completion -> {
                    progress.ended(completion);
                    records.add(new ReplayRecord(false, arrival.offsetNanos(), sent - start, completion));
                }));
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).join();
            return new ReplayRun(description, requestedRate, start, List.copyOf(records), invoker.duplicateResults(),
                    invoker.lateResults(), invoker.foreignResults());
        }
    }

    /** Runs the warm-ups; returns the start of the measured phase. */
    private long warmUp(List<ReplayTarget> targets, List<ReplayRecord> records, ReplayProgress progress) {
        List<Completion> warmups = new ArrayList<>();
        for (ReplayTarget target : targets) {
            for (int i = 0; i < options.warmupsPerTarget(); i++) {
                progress.sent();
                Completion completion = invoker.invoke(target, options.timeout()).join();
                progress.ended(completion);
                warmups.add(completion);
            }
        }
        long start = System.nanoTime();
        for (Completion completion : warmups) {
            records.add(new ReplayRecord(true, -1, completion.sentNanos() - start, completion));
        }
        return start;
    }

    /** Parks until shortly before {@code due}, then spins: a parked thread wakes up to ~0.1 ms late. */
    private static void awaitInstant(long due) throws InterruptedException {
        long left;
        while ((left = due - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(left - SPIN_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        while (System.nanoTime() < due) {
            Thread.onSpinWait();
        }
    }
}
