package io.faasflow.topology.load;

/**
 * One thing wrong with a workflow definition, located as precisely as the YAML allows.
 *
 * @param function the function at fault, or null for a workflow-level problem
 * @param field the field path within the function (e.g. {@code next.nodes}, {@code input.file.size})
 * @param message what is wrong, in words
 */
public record DefinitionProblem(String function, String field, String message) {

    public String describe() {
        StringBuilder text = new StringBuilder();
        if (function != null) {
            text.append("function '").append(function).append("', ");
        }
        text.append("field '").append(field).append("': ").append(message);
        return text.toString();
    }
}
