package io.faasflow.experiments.demo;

/**
 * One invocation of a demo workflow: its figures when it succeeded on the expected branch, else why not.
 *
 * @param report null when the run failed
 * @param failure null when the run succeeded
 */
public record RunOutcome(DemoWorkflow workflow, InvocationReport report, String failure) {

    public static RunOutcome succeeded(DemoWorkflow workflow, InvocationReport report) {
        return new RunOutcome(workflow, report, null);
    }

    public static RunOutcome failed(DemoWorkflow workflow, String failure) {
        return new RunOutcome(workflow, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
