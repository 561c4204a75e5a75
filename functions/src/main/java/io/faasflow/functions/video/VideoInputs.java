package io.faasflow.functions.video;

import io.faasflow.functions.FunctionContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads and checks the video workflow's inputs; every error names the function and the field. */
final class VideoInputs {
    /** Invocation field: length of the generated video in whole seconds. */
    static final String DURATION_FIELD = "duration_s";
    static final int DEFAULT_DURATION_S = 6;
    static final int MAX_DURATION_S = 600;
    /** The most segments split cuts a video into: each one is a transcode run. */
    static final int MAX_SEGMENTS = 100;

    private VideoInputs() {
    }

    /** How an invocation field is named in errors. */
    static String field(FunctionContext context, String field) {
        return "function " + context.spec().name() + ": invocation input field '" + field + "'";
    }

    /** How a declared input is named in errors. */
    static String input(FunctionContext context, String input) {
        return "function " + context.spec().name() + ": input '" + input + "'";
    }

    /** The non-blank text of an invocation field the invocation must give. */
    static String requiredField(FunctionContext context, String name) {
        return optionalField(context, name).orElseThrow(() -> new IllegalArgumentException(field(context, name)
                + " is required but the invocation does not give it"));
    }

    /** The text of an invocation field, empty when the invocation does not give it; a blank one is an error. */
    static Optional<String> optionalField(FunctionContext context, String name) {
        return context.invocationInput(name).map(value -> nonBlank(value, field(context, name)));
    }

    /** The non-blank text of a declared input. */
    static String requiredInput(FunctionContext context, String name) {
        return nonBlank(context.fetch(name), input(context, name));
    }

    /** {@code true} or {@code false}, as JSON or Python writes them. */
    static boolean flag(String text, String what) {
        return switch (text.strip()) {
            case "true", "True" -> true;
            case "false", "False" -> false;
            default -> throw new IllegalArgumentException(what + " must be true or false; got '" + abbreviate(text) + "'");
        };
    }

    /** Seconds as a positive decimal number such as {@code 2} or {@code 1.5}. */
    static BigDecimal seconds(String text, String what) {
        String value = text.strip();
        if (!value.matches("\\d{1,6}(\\.\\d{1,6})?") || new BigDecimal(value).signum() <= 0) {
            throw new IllegalArgumentException(what + " must be a positive number of seconds such as 2 or 1.5; got '"
                    + abbreviate(text) + "'");
        }
        return new BigDecimal(value);
    }

    /** The invocation's {@value #DURATION_FIELD}: whole seconds from 1 to {@value #MAX_DURATION_S}, default {@value #DEFAULT_DURATION_S}. */
    static int durationSeconds(FunctionContext context) {
        Optional<String> given = optionalField(context, DURATION_FIELD);
        if (given.isEmpty()) {
            return DEFAULT_DURATION_S;
        }
        String text = given.get();
        int seconds = text.matches("\\d{1,4}") ? Integer.parseInt(text) : -1;
        if (seconds < 1 || seconds > MAX_DURATION_S) {
            throw new IllegalArgumentException(field(context, DURATION_FIELD) + " must be a whole number of seconds from"
                    + " 1 to " + MAX_DURATION_S + "; got '" + abbreviate(text) + "'");
        }
        return seconds;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String nonBlank(byte[] value, String what) {
        String text = new String(value, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return text;
    }
}
