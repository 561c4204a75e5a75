package io.faasflow.scheduler.runtime;

import java.nio.file.Path;
import java.util.List;

/** The command line that starts a function server in a child JVM of the scheduler's own JDK and classpath. */
final class ChildJvmCommand {
    static final String SERVER_MAIN = "io.faasflow.functions.server.FunctionServerMain";
    private static final long MIB = 1024 * 1024;

    private ChildJvmCommand() {
    }

    /** The {@code java} launcher running this JVM. */
    static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's classpath; it holds the function server since the scheduler depends on {@code functions}. */
    static String currentClassPath() {
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || classPath.isBlank()) {
            throw new IllegalStateException("java.class.path is empty: the process runtime cannot give its "
                    + "function servers a classpath");
        }
        return classPath;
    }

    /**
     * @param memoryLimitBytes the container's memory limit, taken as the heap limit
     * @return the command of a server that listens on a free loopback port and announces it
     */
    static List<String> of(String java, String classPath, long memoryLimitBytes) {
        return List.of(java,
                "-Xmx" + Math.max(1, memoryLimitBytes / MIB) + "m",
                // Like a container at its memory limit, a server out of memory dies; the pool replaces it.
                "-XX:+ExitOnOutOfMemoryError",
                // A server runs one function at a time in a small heap: a parallel collector would only add
                // GC threads per CPU to every one of the node's servers.
                "-XX:+UseSerialGC",
                "-cp", classPath,
                SERVER_MAIN,
                "--port", "0",
                "--host", "127.0.0.1");
    }
}
