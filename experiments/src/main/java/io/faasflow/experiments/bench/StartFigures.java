package io.faasflow.experiments.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The summary of one runtime's cold and warm samples, in milliseconds.
 *
 * @param coldStart the pool's cold start time: container (JVM) start, READY, {@code /init}
 * @param coldFirstRun what the caller waited for the first run: queue wait, cold start, run and HTTP
 * @param warmRun what the caller waited for a run on a warm container
 * @param warmReply the pool's time from sending a warm {@code /run} to its reply
 * @param warmFunction the no-op's own time inside the server on a warm run
 */
public record StartFigures(boolean measured, Percentiles coldStart, Percentiles coldFirstRun, Percentiles warmRun,
        Percentiles warmReply, Percentiles warmFunction) {

    static StartFigures of(List<ContainerSample> cold, List<ContainerSample> warm) {
        return new StartFigures(true, of(cold, ContainerSample::startMillis), of(cold, ContainerSample::totalMillis),
                of(warm, ContainerSample::totalMillis), of(warm, ContainerSample::runMillis),
                of(warm, ContainerSample::functionMillis));
    }

    private static Percentiles of(List<ContainerSample> samples, ToDoubleFunction<ContainerSample> figure) {
        return Percentiles.of(samples.stream().map(sample -> figure.applyAsDouble(sample)).toList());
    }

    /** Prints p50, p99 and max of every figure, labelled with the runtime; returns this. */
    StartFigures print(String runtime, PrintStream out) {
        line(out, runtime, "cold start (start + READY + /init)", coldStart);
        line(out, runtime, "cold first run, caller waited", coldFirstRun);
        line(out, runtime, "warm run, caller waited", warmRun);
        line(out, runtime, "warm run, /run reply", warmReply);
        line(out, runtime, "warm run, function inside server", warmFunction);
        return this;
    }

    private static void line(PrintStream out, String runtime, String label, Percentiles figure) {
        out.println(String.format(Locale.ROOT, "%-8s %-36s n=%-4d p50=%9.3f ms  p99=%9.3f ms  max=%9.3f ms",
                runtime, label, figure.count(), figure.p50(), figure.p99(), figure.max()));
    }
}
