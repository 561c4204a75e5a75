package io.faasflow.functions;

import java.util.Collections;
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
