package io.faasflow.functions.server;

import java.lang.System.Logger.Level;
import sun.misc.Signal;

/**
 * Runs a {@link FunctionServer} as a process (in a container, or as a child of the node scheduler). Prints
 * exactly one line to stdout, {@code FUNCTION_SERVER_READY <port>}, once it listens; logs go to stderr. SIGTERM
 * stops it with exit status 0, and so does the end of the process that started it: a node scheduler killed with
 * SIGKILL leaves no function server behind.
 */
public final class FunctionServerMain {
    /** The line the process runtime waits for; the port follows it after a space. */
    public static final String READY = "FUNCTION_SERVER_READY";

    private static final System.Logger LOG = System.getLogger(FunctionServerMain.class.getName());

    private FunctionServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerArguments arguments;
        try {
            arguments = ServerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ServerArguments.USAGE);
            System.exit(2);
            return;
        }
        FunctionServer server;
        try {
            server = FunctionServer.start(arguments.host(), arguments.port());
        } catch (RuntimeException e) {
            System.err.println("function server: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "function-server-shutdown"));
        // The JVM's own SIGTERM handling exits with 143; a stop on request is a clean exit for the runtime.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            LOG.log(Level.INFO, "the process that started this function server ended; stopping");
            System.exit(0);
        }));
        LOG.log(Level.INFO, "function server listening on " + server.address());
        System.out.println(READY + " " + server.port());
        System.out.flush();
        server.awaitClosed();
    }
}
