package io.faasflow.topology.load;

import java.util.List;

/**
 * A workflow definition that cannot be accepted. Carries the source it came from (a file name or a request
 * description) and every problem found, each naming its function and field.
 */
public final class WorkflowDefinitionException extends RuntimeException {
    private final String source;
    private final List<DefinitionProblem> problems;

    public WorkflowDefinitionException(String source, List<DefinitionProblem> problems) {
        super(buildMessage(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public WorkflowDefinitionException(String source, DefinitionProblem problem) {
        this(source, List.of(problem));
    }

    public String source() {
        return source;
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String buildMessage(String source, List<DefinitionProblem> problems) {
        StringBuilder text = new StringBuilder(source).append(": ");
        if (problems.size() == 1) {
            return text.append(problems.get(0).describe()).toString();
        }
        text.append(problems.size()).append(" problems");
        for (DefinitionProblem problem : problems) {
            text.append("\n  - ").append(problem.describe());
        }
        return text.toString();
    }
}
