package io.faasflow.storage.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free TCP ports on the loopback interface for services started by tests and the embedded cluster.
 *
 * <p>The port is free when this method returns; another process may still take it before the caller binds it,
 * so callers start their service right away.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * Returns a TCP port that was free on 127.0.0.1 a moment ago.
     *
     * @return a port number between 1 and 65535
     * @throws UncheckedIOException if no socket can be bound
     */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
