package io.faasflow.topology.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowDefinitionException;
import io.faasflow.topology.load.WorkflowLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The YAML loader and validator on generated documents: mutations of the 8 benchmark workflows and documents
 * built from YAML's own building blocks. Whatever comes in, the loader returns a definition or throws
 * {@link WorkflowDefinitionException}, with a message in proportion to the document.
 */
class WorkflowLoaderFuzzTest {
    private static final String[] TOKENS = {"\n", "  ", "- ", ": ", "{", "}", "[", "]", ",", "&a ", "*a", "!!str ",
        "!!binary ", "? ", "|", ">", "'", "\"", "#", "---\n", "...\n", "name", "source", "next", "nodes", "type",
        "switch", "foreach", "pass", "input", "output", "value", "function", "parameter", "INPUT", "size", "1e400",
        "-1", "0", "null", "~", "true", "conditions", "INPUT.x == 1", "global_input", "functions", "\u0000", "\t",
        "%TAG ! tag:x,2000:\n", "<<: *a\n", "\\u"};

    @Property(tries = 10_000, seed = "20261202")
    void loaderThrowsOnlyDefinitionErrors(@ForAll("documents") String yaml) {
        try {
            new WorkflowLoader().parse("fuzzed", yaml, "fuzz");
        } catch (WorkflowDefinitionException e) {
            assertTrue(e.getMessage().length() <= 4 * yaml.length() + 20_000,
                    "an error message of " + e.getMessage().length() + " characters for a document of " + yaml.length());
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.oneOf(mutatedBenchmarks(), tokenSoup());
    }

    private static Arbitrary<String> mutatedBenchmarks() {
        Arbitrary<String> seeds = Arbitraries.of(BenchmarkWorkflows.NAMES).map(BenchmarkWorkflows::yaml);
        return seeds.flatMap(seed -> Arbitraries.integers().between(1, 6).flatMap(count ->
                Mutations.edits(seed.length(), TOKENS).list().ofSize(count)
                        .map(edits -> Mutations.apply(seed, edits))));
    }

    private static Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(60).map(tokens -> String.join("", tokens));
    }
}
