package io.faasflow.functions.fileprocessing;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;

/**
 * Fileprocessing's {@code sentiment}: analyses the sentiment of the Markdown prose of input {@code file} with VADER
 * ({@link DocumentSentiment}) and writes output {@code score}, a {@link SentimentSummary} as JSON of about 200
 * bytes. The original ran NLTK's VADER and stored a constant 0 in its place.
 */
public final class FileprocessingSentiment implements WorkflowFunction {
    public static final String SOURCE = "fileprocessing/sentiment";

    @Override
    public void run(FunctionContext context) {
        String markdown = new String(context.fetch("file"), StandardCharsets.UTF_8);
        context.put("score", DocumentSentiment.of(markdown).toJson());
    }
}
