package io.faasflow.topology.load;

import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.OutputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads from a SnakeYAML tree that record a {@link DefinitionProblem} instead of throwing. */
final class YamlReader {
    private final List<DefinitionProblem> problems;

    YamlReader(List<DefinitionProblem> problems) {
        this.problems = problems;
    }

    void problem(String function, String field, String message) {
        problems.add(new DefinitionProblem(function, field, message));
    }

    /**
     * A value as an error message shows it: a scalar cut to a readable length, a collection only by its kind.
     * Aliases can make a small document a huge (shared) structure, so no collection is ever printed.
     */
    static String shown(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        String text = String.valueOf(value);
        return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 80) + "...' (" + text.length() + " characters)";
    }

    String string(String function, String field, Object value, boolean required) {
        if (value == null) {
            if (required) {
                problem(function, field, "is missing");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(function, field, "must be a string");
            return null;
        }
        return String.valueOf(value);
    }

    double nonNegativeNumber(String function, String field, Object value, double absent) {
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Number number)) {
            problem(function, field, "must be a number; got " + shown(value));
            return absent;
        }
        double result = number.doubleValue();
        if (result < 0 || Double.isNaN(result) || Double.isInfinite(result)) {
            problem(function, field, "must not be negative; got " + shown(value));
            return absent;
        }
        return result;
    }

    Map<String, Object> mapping(String function, String field, Object value) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(function, field, "must be a mapping");
            return result;
        }
        map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
        return result;
    }

    List<String> stringList(String function, String field, Object value) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            problem(function, field, "must be a list");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String item = string(function, field + "[" + i + "]", list.get(i), true);
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    InputSpec input(String function, String field, String name, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            problem(function, field, "must be a mapping with 'type', 'value' and 'size'");
            return null;
        }
        KnownFields.check(this, function, field, map, KnownFields.INPUT);
        String type = string(function, field + ".type", map.get("type"), true);
        long size = (long) nonNegativeNumber(function, field + ".size", map.get("size"), 0);
        Object source = map.get("value");
        if (!(source instanceof Map<?, ?> sourceMap)) {
            problem(function, field + ".value", "must be a mapping with 'function' and 'parameter'");
            return null;
        }
        KnownFields.check(this, function, field + ".value", sourceMap, KnownFields.INPUT_SOURCE);
        String producer = string(function, field + ".value.function", sourceMap.get("function"), true);
        String parameter = string(function, field + ".value.parameter", sourceMap.get("parameter"), true);
        if (type == null || producer == null || parameter == null) {
            return null;
        }
        return new InputSpec(name, type, producer, parameter, size);
    }

    OutputSpec output(String function, String field, String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            problem(function, field, "must be a mapping with 'type' and 'size'");
            return null;
        }
        KnownFields.check(this, function, field, map, KnownFields.OUTPUT);
        String type = string(function, field + ".type", map.get("type"), true);
        long size = (long) nonNegativeNumber(function, field + ".size", map.get("size"), 0);
        return type == null ? null : new OutputSpec(key, type, size);
    }
}
