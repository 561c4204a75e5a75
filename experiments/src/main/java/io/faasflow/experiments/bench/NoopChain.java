package io.faasflow.experiments.bench;

/** The flat YAML of a chain of no-op functions {@code f0 -> f1 -> ...}, each running the built-in {@code noop}. */
public final class NoopChain {
    private NoopChain() {
    }

    public static String yaml(int length) {
        StringBuilder yaml = new StringBuilder("functions:\n");
        for (int i = 0; i < length; i++) {
            yaml.append("- name: f").append(i).append("\n  source: noop\n  runtime: 0\n");
            if (i + 1 < length) {
                yaml.append("  next: {type: pass, nodes: [f").append(i + 1).append("]}\n");
            }
        }
        return yaml.toString();
    }
}
