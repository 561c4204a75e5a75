package io.faasflow.experiments.bench;

import io.faasflow.scheduler.runtime.ContainerPool;
import io.faasflow.scheduler.runtime.ContainerRuntime;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.PoolSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm starts: one pool limited to one container; a first, cold run and one warm-up run are not recorded,
 * then sequential runs each reuse the same warm container.
 */
final class WarmRuns {
    private WarmRuns() {
    }

    /** @return {@code count} warm samples */
    static List<ContainerSample> measure(ContainerRuntime runtime, ContainerSpec spec, int count)
            throws InterruptedException {
        List<ContainerSample> samples = new ArrayList<>();
        try (ContainerPool pool = new ContainerPool(runtime, PoolSettings.DEFAULTS.withDefaultMaxContainers(1))) {
            PoolRunner.run(pool, spec, "warm-start", true);
            PoolRunner.run(pool, spec, "warm-up", false);
            for (int i = 0; i < count; i++) {
                samples.add(PoolRunner.run(pool, spec, "warm-" + i, false));
            }
        }
        return samples;
    }
}
