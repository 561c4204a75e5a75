package io.faasflow.experiments.cli;

import io.faasflow.experiments.cluster.SchedulingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** {@code command --name value ...}, with typed lookups that name the option at fault. */
record CliArguments(String command, List<String> positionals, Map<String, String> options) {
    /** Options that stand alone, without a value. */
    private static final Set<String> FLAGS = Set.of("raw", "json", "quick", "clean");

    static CliArguments parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                positionals.add(args[i]);
            } else if (FLAGS.contains(args[i].substring(2))) {
                options.put(args[i].substring(2), "true");
            } else if (i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
        }
        return new CliArguments(args[0], List.copyOf(positionals), options);
    }

    String positional() {
        if (positionals.size() != 1) {
            throw new IllegalArgumentException(command + " takes one argument; got " + positionals);
        }
        return positionals.get(0);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int integer(String name, int absent) {
        String value = options.get(name);
        try {
            return value == null ? absent : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer; got '" + value + "'");
        }
    }

    /** {@code --scheduling worker|master}; WORKER when absent. */
    SchedulingMode scheduling() {
        String value = options.get("scheduling");
        try {
            return value == null ? SchedulingMode.WORKER : SchedulingMode.fromProperty(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scheduling must be worker or master; got '" + value + "'");
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
