package io.faasflow.experiments.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Counters of a running replay and the progress line printed from them once a second: on a terminal the line
 * is rewritten in place, otherwise a new line is printed every 5 seconds.
 */
final class ReplayProgress implements AutoCloseable {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong latencyMicrosSum = new AtomicLong();
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService printer;
    private final IntSupplier inFlight;
    private long ticks;

    ReplayProgress(PrintStream out, IntSupplier inFlight) {
        this.out = out;
        this.inFlight = inFlight;
        this.printer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replay-progress").factory());
        if (out != null) {
            printer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    void sent() {
        sent.incrementAndGet();
    }

    void ended(Completion completion) {
        if (completion.succeeded()) {
            succeeded.incrementAndGet();
            latencyMicrosSum.addAndGet(Math.round(completion.latencyMillis() * 1000));
        } else if (completion.timedOut()) {
            timedOut.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    private void tick() {
        ticks++;
        if (!terminal && ticks % 5 != 0) {
            return;
        }
        long ok = succeeded.get();
        String line = String.format(Locale.ROOT, "[%4ds] sent %d, succeeded %d, failed %d, timed out %d, in flight %d, mean %s",
                (System.nanoTime() - startNanos) / 1_000_000_000L, sent.get(), ok, failed.get(), timedOut.get(),
                inFlight.getAsInt(), ok == 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", latencyMicrosSum.get() / 1000.0 / ok));
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void close() {
        printer.shutdownNow();
        if (out != null && terminal) {
            out.println();
        }
    }
}
