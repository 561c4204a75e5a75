package io.faasflow.storage.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisServerProcessTest {

    @Test
    void shouldAnswerPingWhileRunningAndReleasePortWhenClosed(@TempDir Path workDir) throws IOException {
        long started = System.nanoTime();
        RedisServerProcess redis = RedisServerProcess.start(workDir);
        System.out.printf("redis-server ready in %d ms on port %d%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), redis.port());
        int port = redis.port();
        try (redis) {
            assertEquals("redis://127.0.0.1:" + port, redis.uri());
            assertEquals("+PONG", ping(port));
        }
        assertTrue(canBind(port), "port " + port + " still taken after close");
    }

    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII);
        }
    }

    static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
