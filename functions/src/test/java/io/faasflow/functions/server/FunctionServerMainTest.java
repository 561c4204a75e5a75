package io.faasflow.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@link FunctionServerMain} as a child process, as the process runtime does. */
class FunctionServerMainTest {

    private static ProcessBuilder functionServer(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FunctionServerMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void shouldPrintTheReadyLineServeStatusAndExitCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.log");
        Process process = functionServer("--port", "0").redirectError(stderr.toFile()).start();
        try {
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<String> ready = new CompletableFuture<>();
            // Read stdout to its end on one thread: the ready line first, then anything else it prints.
            Thread reader = Thread.ofVirtual().start(() -> readLines(process.getInputStream(), lines, ready));
            String line = ready.get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.matches("FUNCTION_SERVER_READY [1-9]\\d*"),
                    "first line: " + line + "; stderr: " + Files.readString(stderr));
            int port = Integer.parseInt(line.substring(line.indexOf(' ') + 1));

            ServerCalls.Answer status = new ServerCalls(port).get("/status");
            assertEquals(200, status.status(), status.body());
            assertEquals(new StatusResponse("ready", null, 0), status.as(StatusResponse.class));

            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
            assertEquals(0, process.exitValue(), "exit status; stderr: " + Files.readString(stderr));
            reader.join(10_000);
            assertEquals(List.of(line), lines, "stdout");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldExitWithUsageOnABadArgument() throws Exception {
        Process process = functionServer("--port", "http").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("--port must be a number from 0 to 65535; got 'http'"), output);
    }

    private static void readLines(InputStream stdout, List<String> lines, CompletableFuture<String> first) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                first.complete(line);
            }
        } catch (IOException e) {
            first.completeExceptionally(e);
        } finally {
            first.complete(null);
        }
    }

    @Test
    void shouldStopWhenTheProcessThatStartedItIsKilled(@TempDir Path dir) throws Exception {
        // A shell stands for the node scheduler: it starts the server, prints its pid, and is then killed -9.
        String server = String.join(" ", functionServer("--port", "0").command().stream()
                .map(part -> "'" + part.replace("'", "'\\''") + "'").toList());
        Process parent = new ProcessBuilder("bash", "-c", server + " > /dev/null 2> " + dir.resolve("stderr.log")
                + " & echo $!; wait").start();
        long serverPid = Long.parseLong(new BufferedReader(new InputStreamReader(
                parent.getInputStream())).readLine().trim());
        ProcessHandle child = ProcessHandle.of(serverPid).orElseThrow();
        Thread.sleep(3_000);
        assertTrue(child.isAlive(), "the server runs while its parent does");
        parent.destroyForcibly().waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean stopped = !child.isAlive();
        child.destroyForcibly();
        assertTrue(stopped, "the orphaned function server must stop by itself");
    }
}
