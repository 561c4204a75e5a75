package io.faasflow.experiments.bench;

import io.faasflow.scheduler.runtime.ContainerPool;
import io.faasflow.scheduler.runtime.ContainerRuntime;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.PoolSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Cold starts: each sample is a fresh pool of one container (no pre-warming) and a first run on it, for a
 * deployment version of its own. One unrecorded cold start first loads the caller's own classes (pool, HTTP
 * client, JSON), which a running scheduler has loaded long before.
 */
final class ColdStarts {
    private ColdStarts() {
    }

    /**
     * @param specs the spec of each deployment version
     * @return {@code count} cold samples; each pool, and so its container, is closed before the next sample
     */
    static List<ContainerSample> measure(ContainerRuntime runtime, LongFunction<ContainerSpec> specs, int count)
            throws InterruptedException {
        List<ContainerSample> samples = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            ContainerSample sample = once(runtime, specs.apply(i + 1L), "cold-" + i);
            if (i > 0) {
                samples.add(sample);
            }
        }
        return samples;
    }

    private static ContainerSample once(ContainerRuntime runtime, ContainerSpec spec, String invocation)
            throws InterruptedException {
        try (ContainerPool pool = new ContainerPool(runtime, PoolSettings.DEFAULTS.withDefaultMaxContainers(1))) {
            return PoolRunner.run(pool, spec, invocation, true);
        }
    }
}
