package io.faasflow.scheduler;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time from a record's creation (its producer timestamp, ms) to its arrival in this node's loop: the Kafka
 * hop of triggers and reports. Logged as mean and max per interval.
 */
final class DeliveryLag {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLag.class);

    private long count;
    private long sumMillis;
    private long maxMillis;
    private long lastLog = System.nanoTime();

    void record(long millis) {
        count++;
        sumMillis += millis;
        maxMillis = Math.max(maxMillis, millis);
    }

    void logEvery(Duration interval, int node) {
        if (System.nanoTime() - lastLog < interval.toNanos()) {
            return;
        }
        if (count > 0) {
            LOG.info("node {}: {} records arrived, mean lag {} ms, max {} ms", node, count,
                    String.format("%.2f", (double) sumMillis / count), maxMillis);
        }
        count = 0;
        sumMillis = 0;
        maxMillis = 0;
        lastLog = System.nanoTime();
    }
}
