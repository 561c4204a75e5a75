package io.faasflow.functions.wordcount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Wordcount's {@code start}: makes the books to count and hands them on. Writes output {@code filename}, the
 * JSON array of book names (the foreach list: one {@code count} run per book), and output {@code file}, every
 * book in one {@link BookArchive}. The books are {@link BookGenerator}'s, about 3.4 MB in all, so the same
 * number of books always gives the same bytes.
 *
 * <p>The number of books is field {@value #FILES_FIELD} of the invocation's input, a non-negative integer at
 * most {@value #MAX_FILES}; without it, {@value #DEFAULT_FILES}, as the original's 8 baked-in book files.
 */
public final class WordcountStart implements WorkflowFunction {
    public static final String SOURCE = "wordcount/start";
    public static final String FILES_FIELD = "files";
    public static final int DEFAULT_FILES = 8;
    /** Each book becomes a function run; more would only exhaust the node. */
    public static final int MAX_FILES = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws JsonProcessingException {
        int files = files(context);
        List<String> names = new ArrayList<>(files);
        SequencedMap<String, byte[]> books = new LinkedHashMap<>();
        for (int book = 0; book < files; book++) {
            String name = BookGenerator.name(book);
            names.add(name);
            books.put(name, BookGenerator.text(book, files));
        }
        context.put("filename", JSON.writeValueAsBytes(names));
        context.put("file", BookArchive.write(books));
    }

    private static int files(FunctionContext context) {
        Optional<byte[]> given = context.invocationInput(FILES_FIELD);
        if (given.isEmpty()) {
            return DEFAULT_FILES;
        }
        String text = new String(given.get(), StandardCharsets.UTF_8).trim();
        int files = -1;
        if (text.matches("\\d{1,9}")) {
            files = Integer.parseInt(text);
        }
        if (files < 0 || files > MAX_FILES) {
            throw new IllegalArgumentException("function " + context.spec().name() + ": invocation input field '"
                    + FILES_FIELD + "' must be an integer from 0 to " + MAX_FILES + "; got '" + abbreviate(text) + "'");
        }
        return files;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
