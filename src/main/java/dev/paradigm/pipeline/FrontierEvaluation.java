package dev.paradigm.pipeline;

import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.GenerativePerplexity;
import dev.paradigm.metrics.MetricsResult;
import dev.paradigm.metrics.MetricsSettings;
import dev.paradigm.metrics.SampleMetrics;
import dev.paradigm.run.FrontierLine;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality–diversity frontier's numbers: for each setting in frontier.jsonl, its samples' judge perplexity
 * (quality), all-pairs Self-BLEU and Distinct-4 (diversity), each with its bootstrap interval, computed exactly as
 * for samples.jsonl.
 */
final class FrontierEvaluation {
    private FrontierEvaluation() {}

    static List<SampleEvaluation.FrontierPoint> evaluate(List<FrontierLine> lines, int eosId, FluencyJudge judge,
            MetricsSettings settings) {
        Map<Integer, List<FrontierLine>> byPoint = new LinkedHashMap<>();
        lines.forEach(line -> byPoint.computeIfAbsent(line.point(), p -> new ArrayList<>()).add(line));
        List<SampleEvaluation.FrontierPoint> points = new ArrayList<>();
        for (List<FrontierLine> point : byPoint.values()) {
            points.add(point(point, eosId, judge, settings));
        }
        return points;
    }

    private static SampleEvaluation.FrontierPoint point(List<FrontierLine> lines, int eosId, FluencyJudge judge,
            MetricsSettings base) {
        FrontierLine first = lines.get(0);
        List<SampleLine> samples = lines.stream().map(FrontierLine::sample).toList();
        MetricsSettings settings = new MetricsSettings(base.seed() + first.point() + 1, base.bootstrapResamples(),
                base.smoothing()); // each setting its own resamples
        MetricsResult metrics = SampleMetrics.compute(samples.stream().map(SampleLine::text).toList(),
                EvaluateStage.generatedIds(samples, eosId), settings);
        double[][] scores = judge.score(samples);
        boolean scored = Arrays.stream(scores).anyMatch(row -> row[1] > 0); // else every sample was empty
        Estimate judgePpl = scored ? GenerativePerplexity.of(scores, Fluency.judgeBootstrap(samples.size(), settings)) : null;
        var sampler = first.sample().sampler().sample();
        return new SampleEvaluation.FrontierPoint(first.point(), first.knob(), sampler.temperature(), sampler.mdlmSteps(),
                samples.size(), judgePpl, metrics.get("self_bleu"), metrics.get("distinct_4"));
    }
}
