package io.faasflow.scheduler.runtime;

/**
 * The containers of one pool key at one moment.
 *
 * @param containers containers that exist or are being started, busy or idle
 * @param idle containers waiting for a run
 * @param waiting runs queued for a container
 */
public record PoolKeyState(int containers, int idle, int waiting) {
    public static final PoolKeyState EMPTY = new PoolKeyState(0, 0, 0);
}
