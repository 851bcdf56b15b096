package dev.paradigm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.checkpoint.CheckpointException;
import dev.paradigm.checkpoint.CheckpointStore;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.DataManifest;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.GenerativePerplexity;
import dev.paradigm.metrics.GrammarCheck;
import dev.paradigm.metrics.MetricsSettings;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleLine;
import dev.paradigm.train.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How well the samples read: generative perplexity under a judge ({@link FluencyJudge}), and grammar and spelling
 * errors per 100 words found by LanguageTool.
 */
final class Fluency {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GrammarCheck grammar; // seconds to build: one per process

    private Fluency() {}

    /**
     * The fluency of {@code samples}: generative perplexity under {@code judge} (and, when that is independent, under
     * {@code own}, this run's AR model, kept beside it and flagged), and LanguageTool's errors on the first
     * {@code evaluate.grammar_samples}.
     */
    static SampleEvaluation.Fluency evaluate(ExperimentConfig config, Paradigm paradigm, List<SampleLine> samples,
            List<String> texts, MetricsSettings settings, FluencyJudge judge, FluencyJudge own) {
        Estimate genPpl = generativePerplexity(judge, samples, settings);
        Estimate selfJudged = judge.independent() ? generativePerplexity(own, samples, settings) : null;
        String judgeName = judge.name() + (!judge.independent() && paradigm == Paradigm.AR ? " — judging its own samples" : "");

        int checked = Math.min(config.evaluate().grammarSamples(), texts.size());
        if (checked == 0) {
            return new SampleEvaluation.Fluency(genPpl, judgeName, judge.independent(), selfJudged, null, null, null, null);
        }
        List<GrammarCheck.Counts> counts = grammarCounts(texts.subList(0, checked), paradigm);
        Bootstrap bootstrap = new Bootstrap(checked, settings.bootstrapResamples(), settings.seed() ^ 0x6772616DL);
        return new SampleEvaluation.Fluency(genPpl, judgeName, judge.independent(), selfJudged,
                GrammarCheck.perHundredWords(counts, false, bootstrap), GrammarCheck.perHundredWords(counts, true, bootstrap),
                checked, GrammarCheck.description());
    }

    /** exp of the judge's summed NLL over the tokens it counted, over all samples (a ratio of sums). */
    private static Estimate generativePerplexity(FluencyJudge judge, List<SampleLine> samples, MetricsSettings settings) {
        return GenerativePerplexity.of(judge.score(samples), judgeBootstrap(samples.size(), settings));
    }

    /** The resamples of generative perplexity's interval. */
    static Bootstrap judgeBootstrap(int samples, MetricsSettings settings) {
        return new Bootstrap(samples, settings.bootstrapResamples(), settings.seed() ^ 0x6E6E6CL);
    }

    /**
     * A judge from another run must read the same token ids: its run's tokenizer (when its run folder is known) or at
     * least its vocabulary size must match this run's.
     */
    static Path checkedJudge(Path judge, TokenStore store) {
        if (!Files.isRegularFile(judge.resolve("model_args.json"))) {
            throw new IllegalArgumentException("evaluate.judge=" + judge + " is not a checkpoint folder (it has no "
                    + "model_args.json). Give the step-NNNNNN folder of a trained AR model, e.g. "
                    + "runs/<name>/ar/checkpoints/step-000400, or null to judge with this run's own AR model.");
        }
        try {
            CheckpointStore.verified(judge);
        } catch (CheckpointException damaged) {
            throw new IllegalArgumentException("evaluate.judge=" + judge + ": " + damaged.getMessage(), damaged);
        }
        try {
            JsonNode args = JSON.readTree(judge.resolve("model_args.json").toFile());
            if (!"ar".equals(args.path("paradigm").asText())) {
                throw new IllegalArgumentException("evaluate.judge=" + judge + " is a " + args.path("paradigm").asText()
                        + " checkpoint; generative perplexity needs an AR model.");
            }
            Path judgeData = judge.toAbsolutePath().normalize().getParent().getParent().getParent().resolve("data")
                    .resolve("manifest.json");
            if (Files.isRegularFile(judgeData)) {
                DataManifest theirs = DataManifest.parse(Files.readAllBytes(judgeData), judgeData);
                String ours = store.manifest().tokenizer().sha256();
                if (!theirs.tokenizer().sha256().equals(ours)) {
                    throw new IllegalArgumentException("evaluate.judge=" + judge + " was trained with another tokenizer (sha256 "
                            + theirs.tokenizer().sha256() + ", this run's is " + ours + "): its perplexities would score other "
                            + "token ids. Use a judge trained on this run's data folder.");
                }
            }
            int vocab = args.path("model").path("vocab_size").asInt(-1);
            if (vocab != store.vocabSize()) {
                throw new IllegalArgumentException("evaluate.judge=" + judge + " has a vocabulary of " + vocab
                        + " tokens but this run's tokenizer has " + store.vocabSize() + ": it was trained with another tokenizer.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the judge checkpoint " + judge, e);
        }
        return judge;
    }

    private static List<GrammarCheck.Counts> grammarCounts(List<String> texts, Paradigm paradigm) {
        synchronized (Fluency.class) {
            if (grammar == null) {
                grammar = GrammarCheck.english();
            }
        }
        List<GrammarCheck.Counts> counts = new ArrayList<>();
        Progress progress = new Progress(paradigm.id() + " grammar", texts.size());
        for (String text : texts) {
            counts.add(grammar.check(text));
            progress.update(counts.size(), "");
        }
        return counts;
    }
}
