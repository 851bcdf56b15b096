package dev.paradigm.report;

import dev.paradigm.run.MetricsLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Was the comparison controlled? The product promises that only the generation paradigm differs; this
 * checks what the run folder can prove: the same batch stream (equal digests), the same token budget and
 * the same sampling conditions. Parameter counts are reported, not required equal (MDLM adds a mask row).
 *
 * @param differingSamplerSettings sampler settings that differ between the paradigms, other than the
 *                                 MDLM-only ones (names starting {@code mdlm_}) and the prompt, which
 *                                 {@code samePrompt} covers
 */
public record ControlCheck(boolean sameData, boolean sameBudget, boolean budgetsMatchConfig, boolean samePrompt,
                           long paramDifference, List<String> differingSamplerSettings) {

    public ControlCheck {
        differingSamplerSettings = List.copyOf(differingSamplerSettings);
    }

    public static ControlCheck of(RunReport report) {
        MetricsLine.Summary ar = report.ar().summary();
        MetricsLine.Summary mdlm = report.mdlm().summary();
        boolean sameBudget = ar.steps() == mdlm.steps() && ar.batchSize() == mdlm.batchSize()
                && ar.seqLen() == mdlm.seqLen() && ar.tokens() == mdlm.tokens();
        boolean matchConfig = ar.tokens() == ar.plannedTokens() && mdlm.tokens() == mdlm.plannedTokens();
        return new ControlCheck(ar.dataDigest().equals(mdlm.dataDigest()), sameBudget, matchConfig,
                report.ar().promptDescription().equals(report.mdlm().promptDescription()), mdlm.params() - ar.params(),
                differingSettings(report.ar().evaluation().sampler().asText(),
                        report.mdlm().evaluation().sampler().asText()));
    }

    /** True when every check a reader needs for "only the paradigm differed" passed. */
    public boolean controlled() {
        return sameData && sameBudget && samePrompt;
    }

    /** The failed checks in words, for the verdict; empty when controlled. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!sameData) {
            problems.add("the two paradigms saw different data (the batch-stream digests differ)");
        }
        if (!sameBudget) {
            problems.add("the training budgets differ (steps, batch size, sequence length or tokens)");
        }
        if (!samePrompt) {
            problems.add("the samples were drawn under different prompts");
        }
        return problems;
    }

    private static List<String> differingSettings(Map<String, String> ar, Map<String, String> mdlm) {
        List<String> differing = new ArrayList<>();
        for (String key : new TreeSet<>(union(ar, mdlm))) {
            if (!key.startsWith("mdlm_") && !key.startsWith("prompt") && !Objects.equals(ar.get(key), mdlm.get(key))) {
                differing.add(key);
            }
        }
        return differing;
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
