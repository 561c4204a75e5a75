package io.faasflow.functions.server;

/**
 * The command line of {@link FunctionServerMain}: {@code [--port N] [--host ADDRESS]}.
 *
 * @param host the address to listen on; {@value #DEFAULT_HOST} by default
 * @param port the port to listen on, 0 (the default) for a free one
 */
public record ServerArguments(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String USAGE = "usage: FunctionServerMain [--port N (0 = a free port)] [--host ADDRESS ("
            + DEFAULT_HOST + ")]";

    /** @throws IllegalArgumentException naming the argument at fault */
    public static ServerArguments parse(String... args) {
        String host = DEFAULT_HOST;
        int port = 0;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = port(value);
                default -> throw new IllegalArgumentException("unknown argument " + option);
            }
        }
        return new ServerArguments(host, port);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535; got '" + value + "'");
    }
}
