package io.faasflow.experiments.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Arrival schedules of an open loop: a fixed rate, or a Poisson process of the same mean rate. Targets are
 * taken in turn, so with k targets each gets every k-th arrival.
 */
public final class OpenLoopArrivals {
    private OpenLoopArrivals() {
    }

    /** One arrival every {@code 1/rate}, the first at 0, all before {@code duration}. */
    public static List<Arrival> fixedRate(ArrivalRate rate, Duration duration, List<ReplayTarget> targets) {
        requireTargets(targets);
        List<Arrival> arrivals = new ArrayList<>();
        long end = duration.toNanos();
        for (long i = 0; ; i++) {
            long offset = Math.round(i * 1e9 / rate.perSecond());
            if (offset >= end) {
                return arrivals;
            }
            arrivals.add(new Arrival(offset, targets.get((int) (i % targets.size()))));
        }
    }

    /** Exponential gaps of mean {@code 1/rate} from {@code seed}, all before {@code duration}. */
    public static List<Arrival> poisson(ArrivalRate rate, Duration duration, long seed, List<ReplayTarget> targets) {
        requireTargets(targets);
        SplittableRandom random = new SplittableRandom(seed);
        List<Arrival> arrivals = new ArrayList<>();
        long end = duration.toNanos();
        double offset = 0;
        for (int i = 0; ; i++) {
            offset += -Math.log(1.0 - random.nextDouble()) * 1e9 / rate.perSecond();
            if (offset >= end) {
                return arrivals;
            }
            arrivals.add(new Arrival(Math.round(offset), targets.get(i % targets.size())));
        }
    }

    private static void requireTargets(List<ReplayTarget> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an open loop needs at least one workflow to invoke");
        }
    }
}
