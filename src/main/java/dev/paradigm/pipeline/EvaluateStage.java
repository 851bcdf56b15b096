package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.Sha256;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.MetricsResult;
import dev.paradigm.metrics.MetricsSettings;
import dev.paradigm.metrics.SampleMetrics;
import dev.paradigm.run.FrontierFile;
import dev.paradigm.run.FrontierLine;
import dev.paradigm.run.Hints;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFileException;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleLine;
import dev.paradigm.run.SamplesFile;
import dev.paradigm.runtime.PythonRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every number about one paradigm's samples, computed in Java ({@code metrics.json}): diversity with bootstrap
 * intervals, fluency (generative perplexity under the judge, grammar errors), memorization (copied n-grams, beside
 * held-out text), the quality–diversity frontier's points, and the validation loss from training beside them.
 */
public final class EvaluateStage {
    private EvaluateStage() {}

    private static String sha256(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Complete when {@code metrics.json} was computed from the {@code samples.jsonl} that is there now, with the
     * config's {@code evaluate} settings: new samples (a rerun of the sample stage) or other settings make it stale.
     */
    public static boolean isComplete(RunFolder run, Paradigm paradigm, ExperimentConfig config) {
        if (!Files.exists(run.sampleMetrics(paradigm)) || !Files.exists(run.samples(paradigm))) {
            return false;
        }
        try {
            SampleEvaluation done = SampleEvaluation.read(run, paradigm);
            return done.samplesSha256().equals(sha256(run.samples(paradigm)))
                    && done.evaluateSettings().equals(config.evaluate())
                    && java.util.Objects.equals(done.frontierSha256(), frontierSha256(run, paradigm, config));
        } catch (RunFileException damagedOrOlder) { // recomputed
            return false;
        }
    }

    /** The sha256 of the frontier.jsonl the frontier is computed from; null when the config draws no frontier. */
    private static String frontierSha256(RunFolder run, Paradigm paradigm, ExperimentConfig config) {
        Path file = run.frontierSamples(paradigm);
        return !config.evaluate().frontier().enabled() || !Files.exists(file) ? null : sha256(file);
    }

    public static void run(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python) {
        Path samplesFile = run.samples(paradigm);
        if (!Files.exists(samplesFile)) {
            throw new IllegalStateException("No samples for " + paradigm + " in " + run.root() + ". Run "
                    + Hints.sample(run, paradigm) + " first.");
        }
        String samplesSha256 = sha256(samplesFile);
        List<SampleLine> samples = SamplesFile.read(run, paradigm);
        List<String> texts = samples.stream().map(SampleLine::text).toList();
        TokenStore store = TokenStore.open(run.data());
        int[][] generated = generatedIds(samples, store.eosId());

        List<FrontierLine> frontier = List.of();
        String frontierSha256 = null;
        if (config.evaluate().frontier().enabled()) {
            if (!FrontierStage.isComplete(run, paradigm, config)) {
                throw new IllegalStateException("The quality–diversity frontier of " + paradigm + " in " + run.root()
                        + " was not drawn with this config's evaluate.frontier and sample settings. Run `paradigm sample "
                        + "--paradigm " + paradigm + " --run-dir " + run.root() + "` first.");
            }
            frontierSha256 = sha256(run.frontierSamples(paradigm));
            frontier = FrontierFile.read(run, paradigm);
        }

        MetricsSettings settings = new MetricsSettings(config.seed(), config.evaluate().bootstrap(),
                config.evaluate().smoothing());
        MetricsResult result = SampleMetrics.compute(texts, generated, settings);
        SampleEvaluation.Validation validation = validation(run, paradigm);
        FluencyJudge judge = FluencyJudge.configured(config, run, store, python);
        FluencyJudge own = judge.independent() ? FluencyJudge.ownAr(config, run, store, python) : judge;
        SampleEvaluation.Fluency fluency = Fluency.evaluate(config, paradigm, samples, texts, settings, judge, own);
        int promptLength = samples.get(0).sampler().promptLength();
        SampleEvaluation.Memorization memorization = SampleMemorization.measure(config.evaluate().memorization(), store,
                generated, config.sample().length() - promptLength, settings.bootstrapResamples(), config.seed());
        List<SampleEvaluation.FrontierPoint> points = FrontierEvaluation.evaluate(frontier, store.eosId(), judge, settings);
        SampleEvaluation.of(paradigm, samples.size(), samplesSha256, config.evaluate(), config.seed(),
                samples.get(0).sampler(), result, validation, fluency, memorization, frontierSha256, points).write(run);
    }

    /**
     * The ids each sample generated: after the prompt prefix the sampler was given (not the model's output) and
     * before the first end-of-story token (the filler after it is not text either).
     */
    static int[][] generatedIds(List<SampleLine> samples, int eosId) {
        int[][] ids = new int[samples.size()][];
        for (int i = 0; i < ids.length; i++) {
            SampleLine sample = samples.get(i);
            int prompt = sample.sampler().promptLength();
            List<Integer> all = sample.ids();
            int end = prompt;
            while (end < all.size() && all.get(end) != eosId) {
                end++;
            }
            ids[i] = all.subList(prompt, end).stream().mapToInt(Integer::intValue).toArray();
        }
        return ids;
    }

    /** The validation loss of the best checkpoint, which the samples were drawn from. */
    private static SampleEvaluation.Validation validation(RunFolder run, Paradigm paradigm) {
        MetricsLine.Summary summary = MetricsLog.read(run, paradigm).summary().orElseThrow(() -> new IllegalStateException(
                "The " + paradigm + " model in " + run.root() + " has not finished training. Run "
                        + Hints.train(run, paradigm) + " first."));
        double best = summary.analysis().bestValLoss();
        return new SampleEvaluation.Validation(best, Math.exp(best), summary.analysis().bestStep(),
                paradigm == Paradigm.MDLM);
    }
}
