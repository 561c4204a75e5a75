package io.faasflow.experiments.paper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure per workflow in each configuration, ours beside the paper's, with the FaaSFlow/MasterSP ratio of
 * both. A null figure is a time-out; a workflow missing from {@code ours}, or a figure that is not finite, is a
 * problem the command reports.
 *
 * @param quantity what the figures are, e.g. {@code data overhead}
 * @param oursUnit unit of our figures, e.g. {@code s}
 * @param paperUnit unit of the paper's figures
 */
record WorkflowTable(String quantity, String oursUnit, String paperUnit, List<String> workflows,
        Map<Configuration, Map<String, Double>> ours, Map<Configuration, Map<String, Double>> paper) {

    static Map<Configuration, Map<String, Double>> paper(String experiment, String faasflowFile, String masterFile) {
        Map<Configuration, Map<String, Double>> paper = new EnumMap<>(Configuration.class);
        paper.put(Configuration.FAASFLOW, PaperFigures.byWorkflow(experiment, faasflowFile));
        paper.put(Configuration.MASTERSP, PaperFigures.byWorkflow(experiment, masterFile));
        return paper;
    }

    Double ours(Configuration configuration, String workflow) {
        return ours.getOrDefault(configuration, Map.of()).get(workflow);
    }

    private Double paperValue(Configuration configuration, String workflow) {
        Map<String, Double> values = paper.getOrDefault(configuration, Map.of());
        return values.containsKey(workflow) ? values.get(workflow) : Double.valueOf(Double.NaN);
    }

    String csvHeader() {
        return "workflow,faasflow_" + oursUnit + ",mastersp_" + oursUnit + ",ratio,paper_faasflow_" + paperUnit
                + ",paper_mastersp_" + paperUnit + ",paper_ratio";
    }

    List<String> csvRows() {
        List<String> rows = new ArrayList<>();
        for (String workflow : workflows) {
            Double f = ours(Configuration.FAASFLOW, workflow);
            Double m = ours(Configuration.MASTERSP, workflow);
            Double pf = paperValue(Configuration.FAASFLOW, workflow);
            Double pm = paperValue(Configuration.MASTERSP, workflow);
            rows.add(String.join(",", workflow, Figures.csv(f), Figures.csv(m), Figures.csv(Figures.ratio(f, m)),
                    Figures.csv(pf), Figures.csv(pm), Figures.csv(Figures.ratio(pf, pm))));
        }
        return rows;
    }

    String markdown() {
        StringBuilder table = new StringBuilder();
        table.append("| workflow | FaaSFlow, ours (").append(oursUnit).append(") | MasterSP, ours (").append(oursUnit)
                .append(") | ratio, ours | FaaSFlow, paper (").append(paperUnit).append(") | MasterSP, paper (")
                .append(paperUnit).append(") | ratio, paper |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (String workflow : workflows) {
            Double f = ours(Configuration.FAASFLOW, workflow);
            Double m = ours(Configuration.MASTERSP, workflow);
            Double pf = paperValue(Configuration.FAASFLOW, workflow);
            Double pm = paperValue(Configuration.MASTERSP, workflow);
            table.append("| ").append(workflow).append(" | ").append(Figures.text(f)).append(" | ").append(Figures.text(m))
                    .append(" | ").append(Figures.ratioText(f, m)).append(" | ").append(Figures.text(pf)).append(" | ")
                    .append(Figures.text(pm)).append(" | ").append(Figures.ratioText(pf, pm)).append(" |\n");
        }
        return table.toString();
    }

    /** Geometric mean of the FaaSFlow/MasterSP ratios over the workflows where both have a figure. */
    Double meanRatio(Map<Configuration, Map<String, Double>> figures) {
        double logSum = 0;
        int n = 0;
        for (String workflow : workflows) {
            Double f = figures.getOrDefault(Configuration.FAASFLOW, Map.of()).get(workflow);
            Double m = figures.getOrDefault(Configuration.MASTERSP, Map.of()).get(workflow);
            if (f != null && m != null && f > 0 && m > 0 && Double.isFinite(f) && Double.isFinite(m)) {
                logSum += Math.log(f / m);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    List<String> problems(String experiment) {
        List<String> problems = new ArrayList<>();
        for (Configuration configuration : Configuration.values()) {
            Map<String, Double> values = ours.getOrDefault(configuration, Map.of());
            for (String workflow : workflows) {
                if (!values.containsKey(workflow)) {
                    problems.add(experiment + ": " + configuration.label() + " has no " + quantity + " for " + workflow);
                } else if (values.get(workflow) != null && !Double.isFinite(values.get(workflow))) {
                    problems.add(experiment + ": " + configuration.label() + "'s " + quantity + " for " + workflow
                            + " is not a number (an invocation failed, or none succeeded and none timed out)");
                }
            }
        }
        return problems;
    }

    /** Writes {@code <prefix>.csv}, {@code <prefix>.png} (ours) and {@code <prefix>-ratio.png}; returns the markdown. */
    String write(ReportWriter writer, String prefix, String title) {
        writer.csv(prefix + ".csv", csvHeader(), csvRows());
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (String workflow : workflows) {
            Map<String, Double> pair = new LinkedHashMap<>();
            pair.put("FaaSFlow (ours)", Figures.plottable(ours(Configuration.FAASFLOW, workflow)));
            pair.put("MasterSP (ours)", Figures.plottable(ours(Configuration.MASTERSP, workflow)));
            bars.put(workflow, pair);
            Map<String, Double> ratio = new LinkedHashMap<>();
            ratio.put("ours", Figures.plottable(Figures.ratio(ours(Configuration.FAASFLOW, workflow), ours(Configuration.MASTERSP, workflow))));
            ratio.put("paper", Figures.plottable(Figures.ratio(paperValue(Configuration.FAASFLOW, workflow),
                    paperValue(Configuration.MASTERSP, workflow))));
            ratios.put(workflow, ratio);
        }
        writer.bars(prefix + ".png", title + " (ours)", quantity + " (" + oursUnit + ")", bars);
        writer.bars(prefix + "-ratio.png", title + ": FaaSFlow / MasterSP", "ratio", ratios);
        return markdown() + "\n" + writer.image(prefix + ".png", title + ", ours") + "\n"
                + writer.image(prefix + "-ratio.png", title + ", FaaSFlow/MasterSP, ours and the paper's") + "\n";
    }
}
