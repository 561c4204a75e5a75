package io.faasflow.functions.fileprocessing;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fileprocessing's {@code start}: makes the Markdown document the other functions work on and writes it to
 * output {@code file}. The original read a baked-in 29.6 MB {@code sample.md}; this one generates
 * {@link MarkdownDocument}'s deterministic document, titled with input {@code filename} (the invocation's
 * {@code filename} field; whitespace runs become single spaces).
 *
 * <p>The number of lines is field {@value #LINES_FIELD} of the invocation's input, an integer from 1 to
 * {@value #MAX_LINES}; without it, {@value #DEFAULT_LINES}, the original's line count, which makes about
 * 29.6 MB (148 bytes per line).
 */
public final class FileprocessingStart implements WorkflowFunction {
    public static final String SOURCE = "fileprocessing/start";
    public static final String LINES_FIELD = "lines";
    public static final int DEFAULT_LINES = MarkdownDocument.ORIGINAL_LINES;
    /** Ten times the original: about 296 MB, still within one store value. */
    public static final int MAX_LINES = 10 * DEFAULT_LINES;
    private static final int MAX_TITLE_CHARS = 255;

    @Override
    public void run(FunctionContext context) {
        context.put("file", MarkdownDocument.generate(title(context), lines(context)));
    }

    private static String title(FunctionContext context) {
        String title = new String(context.fetch("filename"), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (title.isEmpty() || title.length() > MAX_TITLE_CHARS) {
            throw new IllegalArgumentException("function " + context.spec().name() + ": input 'filename' must be"
                    + " 1 to " + MAX_TITLE_CHARS + " characters besides surrounding whitespace; got " + title.length());
        }
        return title;
    }

    private static int lines(FunctionContext context) {
        Optional<byte[]> given = context.invocationInput(LINES_FIELD);
        if (given.isEmpty()) {
            return DEFAULT_LINES;
        }
        String text = new String(given.get(), StandardCharsets.UTF_8).trim();
        int lines = text.matches("\\d{1,9}") ? Integer.parseInt(text) : -1;
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("function " + context.spec().name() + ": invocation input field '"
                    + LINES_FIELD + "' must be an integer from 1 to " + MAX_LINES + "; got '" + abbreviate(text) + "'");
        }
        return lines;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
