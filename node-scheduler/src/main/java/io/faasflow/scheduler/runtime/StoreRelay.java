package io.faasflow.scheduler.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay from an address function containers can reach (the gateway of their Docker network) to a store the
 * scheduler reaches on loopback: the node's Redis, the CouchDB stand-in. It lets containers stay off the host's
 * network while the stores listen on 127.0.0.1 only; it listens on the gateway address alone, which only that
 * network's containers reach. One virtual thread per direction of each connection.
 */
final class StoreRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRelay.class);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private StoreRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on {@code listen} (a free port) and relays every connection to {@code target}. */
    static StoreRelay start(InetAddress listen, InetSocketAddress target) {
        try {
            ServerSocket server = new ServerSocket(0, 64, listen);
            StoreRelay relay = new StoreRelay(server, target);
            Thread.ofVirtual().name("relay-" + target.getPort()).start(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot relay " + listen.getHostAddress() + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket inbound = server.accept();
                Thread.ofVirtual().start(() -> connect(inbound));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("relay to {} stopped accepting: {}", target, e.toString());
                }
                return;
            }
        }
    }

    private void connect(Socket inbound) {
        open.add(inbound);
        try (Socket outbound = new Socket()) {
            open.add(outbound);
            outbound.connect(target, 5_000);
            outbound.setTcpNoDelay(true);
            inbound.setTcpNoDelay(true);
            Thread back = Thread.ofVirtual().start(() -> pump(outbound, inbound));
            pump(inbound, outbound);
            back.join();
        } catch (IOException e) {
            LOG.debug("relayed connection to {} ended: {}", target, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(inbound);
            open.remove(inbound);
        }
    }

    /** Copies until {@code from} ends, then half-closes {@code to} so the other side sees the end too. */
    private static void pump(Socket from, Socket to) {
        // Not closing the streams: that would close the socket, and with it the other direction.
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            out.flush();
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        open.forEach(StoreRelay::closeQuietly);
    }
}
