package io.faasflow.functions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Function implementations by the {@code source} name workflows refer to. Immutable once built. */
public final class FunctionRegistry {
    /** Source name of the synthetic function; also what runs for unimplemented sources in synthetic mode. */
    public static final String SYNTHETIC = "synthetic";

    private final Map<String, Supplier<WorkflowFunction>> functions;

    private FunctionRegistry(Map<String, Supplier<WorkflowFunction>> functions) {
        this.functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<WorkflowFunction> lookup(String source) {
        return Optional.ofNullable(functions.get(source)).map(Supplier::get);
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
        return resolveName(workflow, source, synthetic).map(name -> Map.entry(name, functions.get(name).get()));
    }

    /** The first of {@link #candidates} that is registered, without making its function. */
    public Optional<String> resolveName(String workflow, String source, boolean synthetic) {
        return candidates(workflow, source, synthetic).stream().filter(functions::containsKey).findFirst();
    }

    /** Every registered source name, sorted. */
    public Set<String> sources() {
        return functions.keySet();
    }

    /** Collects registrations; a source may be registered once. */
    public static final class Builder {
        private final Map<String, Supplier<WorkflowFunction>> functions = new TreeMap<>();

        public Builder register(String source, WorkflowFunction function) {
            java.util.Objects.requireNonNull(function, "function");
            return registerLazily(source, () -> function);
        }

        /** Registers a function made on its first lookup, once: its classes load only if it is used. */
        public Builder registerLazily(String source, Supplier<? extends WorkflowFunction> factory) {
            Supplier<WorkflowFunction> once = new Once(factory);
            if (functions.putIfAbsent(source, once) != null) {
                throw new IllegalArgumentException("source '" + source + "' is registered twice");
            }
            return this;
        }

        public FunctionRegistry build() {
            return new FunctionRegistry(functions);
        }
    }

    /** Makes a function on the first call and returns that one ever after; thread-safe. */
    private static final class Once implements Supplier<WorkflowFunction> {
        private final Supplier<? extends WorkflowFunction> factory;
        private volatile WorkflowFunction made;

        Once(Supplier<? extends WorkflowFunction> factory) {
            this.factory = factory;
        }

        @Override
        public WorkflowFunction get() {
            WorkflowFunction function = made;
            if (function == null) {
                synchronized (this) {
                    function = made;
                    if (function == null) {
                        function = java.util.Objects.requireNonNull(factory.get(), "a function factory returned null");
                        made = function;
                    }
                }
            }
            return function;
        }
    }
}
