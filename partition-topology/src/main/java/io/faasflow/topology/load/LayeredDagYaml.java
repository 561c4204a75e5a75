package io.faasflow.topology.load;

/** Generates a layered DAG (for tests and benchmarks) in flat YAML: {@code width} functions per layer, each reading two of the layer above. */
public final class LayeredDagYaml {
    private LayeredDagYaml() {
    }

    public static String generate(int functions, int width) {
        StringBuilder yaml = new StringBuilder("functions:\n");
        for (int i = 0; i < functions; i++) {
            yaml.append("- name: f").append(i).append('\n')
                    .append("  source: synthetic\n  runtime: 0.01\n  scale: 1\n  mem_usage: 0.25\n");
            if (i >= width) {
                yaml.append("  input:\n");
                for (int parent : parents(i, width)) {
                    yaml.append("    in").append(parent).append(": {type: normal, value: {function: f").append(parent)
                            .append(", parameter: out}, size: 100}\n");
                }
            }
            yaml.append("  output:\n    out: {type: normal, size: 100}\n");
            int[] children = children(i, width, functions);
            if (children.length > 0) {
                yaml.append("  next:\n    type: parallel\n    nodes: [");
                for (int c = 0; c < children.length; c++) {
                    yaml.append(c == 0 ? "" : ", ").append('f').append(children[c]);
                }
                yaml.append("]\n");
            }
        }
        return yaml.toString();
    }

    private static int[] parents(int i, int width) {
        int layerStart = (i / width - 1) * width;
        int a = layerStart + (i % width);
        int b = layerStart + ((i + 1) % width);
        return a == b ? new int[] {a} : new int[] {a, b};
    }

    private static int[] children(int i, int width, int functions) {
        int nextLayer = (i / width + 1) * width;
        if (nextLayer >= functions) {
            return new int[0];
        }
        int a = nextLayer + (i % width);
        int b = nextLayer + ((i - 1 + width) % width);
        java.util.List<Integer> result = new java.util.ArrayList<>();
        if (a < functions) {
            result.add(a);
        }
        if (b < functions && b != a) {
            result.add(b);
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }
}
