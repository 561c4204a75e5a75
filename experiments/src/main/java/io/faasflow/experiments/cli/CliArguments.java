package io.faasflow.experiments.cli;

import java.util.HashMap;
import java.util.Map;

/** {@code command --name value ...}, with typed lookups that name the option at fault. */
record CliArguments(String command, Map<String, String> options) {

    static CliArguments parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return new CliArguments(args[0], options);
    }

    int integer(String name, int absent) {
        String value = options.get(name);
        try {
            return value == null ? absent : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer; got '" + value + "'");
        }
    }

    double decimal(String name, double absent) {
        String value = options.get(name);
        try {
            return value == null ? absent : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number; got '" + value + "'");
        }
    }
}
