package io.faasflow.scheduler.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each container as a function server in a child JVM ({@code io.faasflow.functions.server.FunctionServerMain}
 * on the scheduler's own JDK and classpath), for machines without Docker. The server listens on a free
 * loopback port that it announces on its standard output; its output goes to one log file per container, or
 * to the scheduler's standard error. The memory limit becomes the child's heap limit.
 */
public final class ProcessRuntime implements ContainerRuntime {
    /** Longest a server may take to announce its port. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    /** Longest {@code /init} may take: it loads the function, which may load a model or a dictionary. */
    public static final Duration INIT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Path logDirectory;
    private final String java;
    private final String classPath;
    private final HttpClient http;
    private final AtomicLong launched = new AtomicLong();

    private ProcessRuntime(Path logDirectory) {
        this.logDirectory = logDirectory;
        this.java = ChildJvmCommand.currentJava();
        this.classPath = ChildJvmCommand.currentClassPath();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * A runtime whose servers write their output to
     * {@code <directory>/node<node>-<workflow>-v<version>-<function>-<n>.log}.
     *
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static ProcessRuntime loggingTo(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the function server log directory " + directory, e);
        }
        return new ProcessRuntime(directory);
    }

    /** A runtime whose servers write their output to the scheduler's standard error. */
    public static ProcessRuntime inheritingOutput() {
        return new ProcessRuntime(null);
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Container start(ContainerSpec spec) throws InterruptedException {
        ProcessContainer container = launch(spec);
        try {
            container.initialise(spec, INIT_TIMEOUT);
            return container;
        } catch (ContainerException e) {
            container.close();
            throw new ContainerStartException("cold start of " + spec.key() + " failed at /init: " + e.getMessage()
                    + container.logTail(), e);
        } catch (InterruptedException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /**
     * Starts a server and waits for it to listen, without initialising it: it answers {@code /status} with
     * {@code "ready"} and takes no run yet.
     */
    ProcessContainer launch(ContainerSpec spec) throws InterruptedException {
        Path log = logDirectory == null ? null : logDirectory.resolve(logName(spec, launched.incrementAndGet()));
        List<String> command = ChildJvmCommand.of(java, classPath, spec.memoryLimitBytes());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(log == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ContainerStartException("cannot start a function server for " + spec.key() + " with " + java
                    + ": " + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(process, log);
        try {
            process.getOutputStream().close();
            OutputStream sink = log == null ? System.err
                    : Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ServerOutput output = ServerOutput.watch(process.getInputStream(), sink, log != null,
                    "function-server-" + process.pid() + "-stdout");
            int port = output.awaitPort(READY_TIMEOUT);
            return new ProcessContainer(child, port, http);
        } catch (TimeoutException e) {
            child.stop();
            throw new ContainerStartException("function server for " + spec.key() + " (" + child.describe()
                    + ") did not announce its port within " + READY_TIMEOUT.toSeconds() + " s" + child.logTail());
        } catch (ExecutionException e) {
            child.awaitExit(Duration.ofSeconds(2));
            child.stop();
            throw new ContainerStartException("function server for " + spec.key() + " (" + child.describe()
                    + ") never became ready: " + e.getCause().getMessage() + child.logTail(), e.getCause());
        } catch (IOException e) {
            child.stop();
            throw new ContainerStartException("cannot write the log of the function server for " + spec.key()
                    + " to " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            child.stop();
            throw e;
        }
    }

    private static String logName(ContainerSpec spec, long sequence) {
        String name = "node" + spec.node() + "-" + spec.deployment().name() + "-v" + spec.deployment().version() + "-"
                + spec.function() + "-" + sequence;
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log";
    }

    @Override
    public void close() {
        http.close();
    }
}
