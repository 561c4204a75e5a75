package io.faasflow.functions.wordcount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Wordcount's {@code merge}: sums the word counts of every {@code count} run ({@code wordcount}, one per book
 * of the {@code filename} list) into output {@code result}, a JSON object of word to count ({@code {}} for no
 * books).
 */
public final class WordcountMerge implements WorkflowFunction {
    public static final String SOURCE = "wordcount/merge";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws IOException {
        String function = context.spec().name();
        JsonNode names = JSON.readTree(context.fetch("filename"));
        List<byte[]> counts = context.fetchAll("wordcount");
        if (names == null || !names.isArray() || names.size() != counts.size()) {
            throw new IllegalStateException("function " + function + ": input 'filename' lists "
                    + (names == null || !names.isArray() ? "no array" : names.size() + " books") + " but input"
                    + " 'wordcount' has " + counts.size() + " word counts");
        }
        SortedMap<String, Long> total = new TreeMap<>();
        for (int i = 0; i < counts.size(); i++) {
            String what = "function " + function + " input 'wordcount' element " + i;
            WordCountJson.read(counts.get(i), what).forEach((word, count) -> total.merge(word, count, Long::sum));
        }
        context.put("result", WordCountJson.write(total));
    }
}
