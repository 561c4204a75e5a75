package io.faasflow.scheduler;

import io.faasflow.functions.BuiltInFunctions;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one node scheduler until SIGTERM. Settings come from {@code -Dfaasflow.*} system properties, else from
 * environment variables such as {@code FAASFLOW_NODE} (see {@link NodeSchedulerConfig}); prints
 * {@code NODE_READY <node>} once it consumes its partitions.
 */
public final class NodeSchedulerMain {
    private NodeSchedulerMain() {
    }

    public static void main(String[] args) throws Exception {
        NodeSchedulerConfig config;
        try {
            config = NodeSchedulerConfig.from(NodeSchedulerConfig.withEnvironment(System.getProperties(), System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("node scheduler: " + e.getMessage());
            System.exit(2);
            return;
        }
        NodeScheduler scheduler = new NodeScheduler(config, BuiltInFunctions.registry(config.scale()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                scheduler.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        try {
            scheduler.start();
        } catch (IllegalArgumentException e) {
            System.err.println("node scheduler: " + e.getMessage());
            System.exit(2);
        }
        stopped.await();
    }
}
