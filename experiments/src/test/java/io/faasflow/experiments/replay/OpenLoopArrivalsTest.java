package io.faasflow.experiments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopArrivalsTest {
    private static final List<ReplayTarget> TWO = List.of(new ReplayTarget("a", null), new ReplayTarget("b", null));

    @Test
    void fixedRateSpacesArrivalsEvenlyAndAlternatesTargets() {
        List<Arrival> arrivals = OpenLoopArrivals.fixedRate(ArrivalRate.parse("40/s"), Duration.ofSeconds(5), TWO);
        assertEquals(200, arrivals.size());
        for (int i = 0; i < arrivals.size(); i++) {
            assertEquals(i * 25_000_000L, arrivals.get(i).offsetNanos());
            assertEquals(i % 2 == 0 ? "a" : "b", arrivals.get(i).target().workflow());
        }
    }

    @Test
    void perMinuteRatesAreConverted() {
        List<Arrival> arrivals = OpenLoopArrivals.fixedRate(ArrivalRate.parse("6/min"), Duration.ofMinutes(2), TWO);
        assertEquals(12, arrivals.size());
        assertEquals(10_000_000_000L, arrivals.get(1).offsetNanos());
    }

    @Test
    void poissonArrivalsHaveTheRequestedMeanRateAndExponentialGaps() {
        ArrivalRate rate = ArrivalRate.parse("100/s");
        List<Arrival> arrivals = OpenLoopArrivals.poisson(rate, Duration.ofSeconds(600), 7, TWO);
        double expected = 100 * 600;
        assertTrue(Math.abs(arrivals.size() - expected) / expected < 0.02, "count " + arrivals.size());
        // Exponential gaps: the share of gaps shorter than the mean is 1 - 1/e.
        long shortGaps = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            if (arrivals.get(i).offsetNanos() - arrivals.get(i - 1).offsetNanos() < rate.intervalNanos()) {
                shortGaps++;
            }
        }
        double share = shortGaps / (double) (arrivals.size() - 1);
        assertEquals(1 - Math.exp(-1), share, 0.01);
    }

    @Test
    void poissonArrivalsRepeatForTheSameSeed() {
        ArrivalRate rate = ArrivalRate.parse("20/s");
        assertEquals(OpenLoopArrivals.poisson(rate, Duration.ofSeconds(10), 3, TWO),
                OpenLoopArrivals.poisson(rate, Duration.ofSeconds(10), 3, TWO));
    }

    @Test
    void badRatesAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArrivalRate.parse("5/hour"));
        assertTrue(e.getMessage().contains("--rate") && e.getMessage().contains("5/hour"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArrivalRate.parse("0/s"));
        assertThrows(IllegalArgumentException.class, () -> OpenLoopArrivals.fixedRate(ArrivalRate.parse("1/s"),
                Duration.ofSeconds(1), List.of()));
    }
}
