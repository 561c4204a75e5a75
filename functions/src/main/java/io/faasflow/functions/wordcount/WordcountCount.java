package io.faasflow.functions.wordcount;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;

/**
 * Wordcount's {@code count}, one run per book: reads its element of {@code filename} (a book name) and the
 * {@link BookArchive} {@code file}, counts that book's words ({@link WordCounter}) and writes output
 * {@code wordcount}, a JSON object of word to count.
 */
public final class WordcountCount implements WorkflowFunction {
    public static final String SOURCE = "wordcount/count";

    @Override
    public void run(FunctionContext context) {
        String book = new String(context.fetch("filename"), StandardCharsets.UTF_8);
        byte[] text = BookArchive.find(context.fetch("file"), book).orElseThrow(() -> new IllegalArgumentException(
                "function " + context.spec().name() + ": input 'file' holds no book '" + book + "' (named by input 'filename')"));
        context.put("wordcount", WordCountJson.write(WordCounter.count(text)));
    }
}
