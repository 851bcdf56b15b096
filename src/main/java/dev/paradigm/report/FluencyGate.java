package dev.paradigm.report;

import dev.paradigm.config.FluencyConfig;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.SampleEvaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the two paradigms' samples read comparably well, decided before any diversity is compared: diversity
 * between fluent text and noise is not a difference in diversity (noise scores as diverse). The rules
 * (docs/verdict.md), with the thresholds of {@code evaluate.fluency}:
 *
 * <ol>
 *   <li>grammar: a paradigm whose samples have more than {@code max_grammar_errors} grammar errors per 100 words
 *       (LanguageTool) is not fluent yet;</li>
 *   <li>judge: with a judge independent of both paradigms, the higher generative perplexity may be at most
 *       {@code max_judge_ppl_ratio} times the lower. A self-judged perplexity (this run's own AR model) is never used:
 *       it favours AR's samples;</li>
 *   <li>the samples are comparable when every measure present passes and at least one was measured; with neither a
 *       grammar check nor an independent judge, fluency is undecided and so is diversity.</li>
 * </ol>
 *
 * @param comparable whether diversity may be compared
 * @param reason     one sentence with the numbers, without a full stop (the verdict adds its consequence)
 */
record FluencyGate(boolean comparable, String reason) {

    static FluencyGate of(RunReport report) {
        FluencyConfig limits = report.config().resolved().evaluate().fluency();
        SampleEvaluation.Fluency ar = report.ar().evaluation().fluency();
        SampleEvaluation.Fluency mdlm = report.mdlm().evaluation().fluency();
        boolean grammarChecked = ar.grammarErrorsPer100Words() != null && mdlm.grammarErrorsPer100Words() != null;
        boolean independent = ar.judgeIndependent() && mdlm.judgeIndependent();
        if (!grammarChecked && !independent) {
            return new FluencyGate(false, "Fluency was not measured independently: no sample was grammar-checked "
                    + "(evaluate.grammar_samples is 0) and the perplexity judge is this run's own AR model, which favours "
                    + "its own samples");
        }
        List<String> failed = new ArrayList<>(); // what fails, with its numbers
        List<String> passed = new ArrayList<>();
        List<ParadigmRun> notFluent = new ArrayList<>();
        if (grammarChecked) {
            Estimate a = ar.grammarErrorsPer100Words();
            Estimate m = mdlm.grammarErrorsPer100Words();
            String numbers = "grammar errors per 100 words: AR " + Fmt.estimate(a) + ", MDLM " + Fmt.estimate(m)
                    + " (fluent: at most " + Fmt.decimals(limits.maxGrammarErrors(), 1) + ")";
            if (a.value() > limits.maxGrammarErrors()) {
                notFluent.add(report.ar());
            }
            if (m.value() > limits.maxGrammarErrors()) {
                notFluent.add(report.mdlm());
            }
            (notFluent.isEmpty() ? passed : failed).add(numbers);
        }
        ParadigmRun worseToJudge = null;
        if (independent) {
            Estimate a = ar.genPpl();
            Estimate m = mdlm.genPpl();
            double ratio = Math.max(a.value(), m.value()) / Math.min(a.value(), m.value());
            String numbers = "generative perplexity under " + ar.judge() + ": AR " + Fmt.estimate(a) + ", MDLM "
                    + Fmt.estimate(m) + ", a ratio of " + Fmt.decimals(ratio, 2) + " (comparable: at most "
                    + Fmt.decimals(limits.maxJudgePplRatio(), 2) + ")";
            if (ratio > limits.maxJudgePplRatio()) {
                worseToJudge = a.value() > m.value() ? report.ar() : report.mdlm();
                failed.add(numbers);
            } else {
                passed.add(numbers);
            }
        }
        String selfJudged = independent ? "" : "; the perplexity judge is this run's own AR model, so its numbers are "
                + "not used";
        if (failed.isEmpty()) {
            return new FluencyGate(true, "Both paradigms' samples are comparably fluent: " + String.join("; ", passed)
                    + selfJudged);
        }
        String who;
        if (notFluent.size() == 2) {
            who = "Neither paradigm's samples are fluent yet";
        } else {
            ParadigmRun worse = notFluent.isEmpty() ? worseToJudge : notFluent.get(0);
            who = worse.label() + "'s samples are not yet " + (notFluent.isEmpty() ? "as fluent as " + other(report, worse)
                    .label() + "'s" : "fluent");
        }
        return new FluencyGate(false, who + ": " + String.join("; ", failed) + selfJudged);
    }

    private static ParadigmRun other(RunReport report, ParadigmRun run) {
        return run == report.ar() ? report.mdlm() : report.ar();
    }
}
