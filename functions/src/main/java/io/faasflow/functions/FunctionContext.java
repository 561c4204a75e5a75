package io.faasflow.functions;

import io.faasflow.topology.model.FunctionSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a running function sees: its invocation, its declaration, and its data. Not thread-safe across
 * invocations; one context serves one run.
 *
 * <p>Foreach: a function in {@code next.nodes} of a {@code next.type: foreach} function runs once per element of
 * its producer's {@code keys} output, and {@link #fetch} of its {@code key} inputs gives that element. A
 * successor of such a function (a merge) runs once; it reads the per-element outputs with {@link #fetchAll}.
 *
 * <p>Named data: besides its declared outputs, a function may store data under names its code chooses at run
 * time ({@link #putNamed}; e.g. one datum per file it cuts a video into), which any function of the invocation
 * reads by producer and name ({@link #fetchNamed}, {@link #fetchAllNamed}). The YAML declares no edge for them,
 * so the planner cannot place them: they go to the writer's node memory and to the shared store.
 */
public interface FunctionContext {

    String invocationId();

    String workflow();

    /** The function's declaration: name, runtime estimate, inputs and outputs. Never null. */
    FunctionSpec spec();

    /**
     * The value of a declared input, by argument name (the key under {@code input:} in the YAML). For an input of
     * type {@code key}: in a foreach run, this run's element of the list (a JSON string element as its bare UTF-8
     * text, any other element as its JSON text); otherwise the whole list as JSON.
     *
     * @throws IllegalArgumentException when the function declares no such input, or when the input is produced
     *     by a foreach function (it has one value per element: use {@link #fetchAll})
     * @throws IllegalStateException when this run's element is beyond the list
     * @throws io.faasflow.storage.StorageException when the datum is in neither store
     */
    byte[] fetch(String inputName);

    /**
     * Every value of a declared input: for an input produced by a foreach function, one value per element in
     * element order; for a {@code key} input, one value per list element (as {@link #fetch} gives an element);
     * otherwise a one-element list of {@link #fetch}.
     *
     * @throws IllegalArgumentException when the function declares no such input
     * @throws IllegalStateException when the producer is a foreach function whose element count this run was not given
     * @throws io.faasflow.storage.StorageException when a datum is in neither store
     */
    List<byte[]> fetchAll(String inputName);

    /**
     * The raw value of field {@code field} of the invocation's input object, declared as a global input or not:
     * a JSON string as its bare UTF-8 text, any other value as its JSON text. Empty when the invocation gave no
     * such field.
     *
     * @throws io.faasflow.storage.StorageException when a store fails (not when the field is absent)
     */
    Optional<byte[]> invocationInput(String field);

    /**
     * How many elements the workflow plans for a {@code keys} output of this function: the largest
     * {@code split_ratio} among the foreach functions it feeds. For functions that make up their lists (the
     * synthetic one); real functions put as many elements as their data has.
     *
     * @throws IllegalArgumentException when the function declares no output {@code keysOutput} of type {@code keys}
     * @throws IllegalStateException when the function feeds no foreach function
     */
    int plannedElements(String keysOutput);

    /**
     * Stores a declared output, by output key; the placement decides where it goes. The value of an output of
     * type {@code keys} must be a UTF-8 JSON array.
     *
     * @throws IllegalArgumentException when the function declares no such output, or a {@code keys} value is not
     *     a JSON array
     */
    void put(String outputKey, byte[] value);

    /**
     * Stores a datum under {@code name}, a name the code chooses rather than a declared output. It goes to this
     * node's memory and to the shared store (a reader on any node finds it) and is removed with the outputs when
     * the invocation ends. In a foreach run it is this run's value of {@code name} (see {@link #fetchAllNamed}).
     *
     * @throws IllegalArgumentException when {@code name} is blank, holds '/' or '@', or is a declared output key
     *     of this function (use {@link #put})
     */
    void putNamed(String name, byte[] value);

    /**
     * The datum function {@code function} of this workflow stored under {@code name} in this invocation
     * ({@link #putNamed}).
     *
     * @throws IllegalArgumentException when the workflow has no function {@code function}, or {@code name} is blank
     * @throws IllegalStateException when {@code function} is a foreach function (one value per run: use
     *     {@link #fetchAllNamed})
     * @throws io.faasflow.storage.StorageException when the datum is in neither store
     */
    byte[] fetchNamed(String function, String name);

    /**
     * Every value of the datum {@code function} stored under {@code name}: for a foreach function, one value per
     * run in element order; otherwise a one-element list of {@link #fetchNamed}.
     *
     * @throws IllegalArgumentException when the workflow has no function {@code function}, or {@code name} is blank
     * @throws IllegalStateException when {@code function} is a foreach function whose element count this run was
     *     not given (a merge is given those of the foreach functions before it)
     * @throws io.faasflow.storage.StorageException when a datum is in neither store
     */
    List<byte[]> fetchAllNamed(String function, String name);
}
