package io.faasflow.functions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Function implementations by the {@code source} name workflows refer to. Immutable once built. */
public final class FunctionRegistry {
    /** Source name of the synthetic function; also what runs for unimplemented sources in synthetic mode. */
    public static final String SYNTHETIC = "synthetic";

    private final Map<String, WorkflowFunction> functions;

    private FunctionRegistry(Map<String, WorkflowFunction> functions) {
        this.functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<WorkflowFunction> lookup(String source) {
        return Optional.ofNullable(functions.get(source));
    }

    /**
     * The registry names a function with this {@code source} may run, in the order to try them. A workflow's own
     * implementation is registered as {@code <workflow>/<source>}; a generic built-in as {@code <source>}. A
     * synthetic deployment replaces the workflow's own implementations by the synthetic function (its figures
     * are the declared runtimes and sizes), but still runs generic built-ins such as {@code fill}.
     */
    public static List<String> candidates(String workflow, String source, boolean synthetic) {
        return synthetic ? List.of(source, SYNTHETIC) : List.of(workflow + "/" + source, source);
    }

    /** The first of {@link #candidates} that is registered, with its implementation. */
    public Optional<Map.Entry<String, WorkflowFunction>> resolve(String workflow, String source, boolean synthetic) {
        for (String name : candidates(workflow, source, synthetic)) {
            WorkflowFunction function = functions.get(name);
            if (function != null) {
                return Optional.of(Map.entry(name, function));
            }
        }
        return Optional.empty();
    }

    /** Every registered source name, sorted. */
    public Set<String> sources() {
        return functions.keySet();
    }

    /** Collects registrations; a source may be registered once. */
    public static final class Builder {
        private final Map<String, WorkflowFunction> functions = new TreeMap<>();

        public Builder register(String source, WorkflowFunction function) {
            if (functions.putIfAbsent(source, function) != null) {
                throw new IllegalArgumentException("source '" + source + "' is registered twice");
            }
            return this;
        }

        public FunctionRegistry build() {
            return new FunctionRegistry(functions);
        }
    }
}
