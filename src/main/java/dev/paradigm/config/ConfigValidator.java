package dev.paradigm.config;

import dev.paradigm.judge.HubJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a bound configuration is usable: every range and every rule between keys,
 * checked before any work starts (before {@code prepare}). All problems are collected, each naming its key path, the
 * allowed values and what was found. Python reads the validated config and decides nothing about it: a rule that
 * Python needs is written here, so a bad value is a usage error (exit 2) rather than a failure halfway through a run.
 */
public final class ConfigValidator {
    /** The size of the GPT-2 vocabulary, which a gpt2 tokenizer must be configured with. */
    public static final int GPT2_VOCAB_SIZE = 50257;

    /** The smallest byte-level BPE vocabulary: one token per byte value plus the end-of-story token. */
    public static final int BPE_MIN_VOCAB_SIZE = 256 + 1;

    /**
     * A user's model factory: a dotted module path, then the function after ':' or after the last '.'
     * ("pkg.models:build" or "pkg.models.build"), as Python's importlib resolves it.
     */
    private static final Pattern FACTORY = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*:[A-Za-z_]\\w*"
            + "|[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

    /** A run's name becomes its folder under runs/, so it is kept to characters every file system accepts. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The frontier's settings per knob: each costs {@code evaluate.frontier.samples} samples per paradigm. */
    public static final int MAX_FRONTIER_POINTS = 20;

    /** The hottest frontier temperature: beyond it samples are close to uniform noise, and the curve learns nothing. */
    public static final double MAX_FRONTIER_TEMPERATURE = 3.0;

    private final List<String> problems = new ArrayList<>();

    private ConfigValidator() {}

    /** Every problem with {@code config}, in key order; empty when it is usable. */
    public static List<String> problems(ExperimentConfig config) {
        ConfigValidator checks = new ConfigValidator();
        checks.top(config);
        checks.data(config.data());
        checks.model(config.model());
        checks.train(config.train());
        checks.mdlm(config.mdlm());
        checks.sample(config.sample(), config.model());
        checks.evaluate(config.evaluate(), config.sample());
        return List.copyOf(checks.problems);
    }

    /** Throws a {@link ConfigException} listing every problem with {@code config}, if there is any. */
    public static void validate(ExperimentConfig config, String origin) {
        List<String> found = problems(config);
        if (!found.isEmpty()) {
            throw new ConfigException(origin, found);
        }
    }

    private void top(ExperimentConfig c) {
        if (c.name() == null || !SAFE_NAME.matcher(c.name()).matches()) {
            problems.add("name: expected a run name of letters, digits, '.', '_' or '-' (it names the run's folder),"
                    + " found " + (c.name() == null ? "null" : "'" + c.name() + "'") + ".");
        }
        atLeast("seed", c.seed(), 0);
    }

    private void data(DataConfig d) {
        boolean fileSource = d.source() == Source.TEXT || d.source() == Source.JSONL || d.source() == Source.PARQUET;
        if (fileSource && isBlank(d.path())) {
            problems.add("data.path: expected the training file, because data.source is " + d.source()
                    + ", found " + quoted(d.path()) + ".");
        }
        boolean readsField = d.source() == Source.JSONL || d.source() == Source.PARQUET || d.source() == Source.HUB;
        if (readsField && isBlank(d.textField())) {
            problems.add("data.text_field: expected the column that holds the story, because data.source is "
                    + d.source() + ", found " + quoted(d.textField()) + ".");
        }
        if (d.textFormat() != TextFormat.AUTO && d.source() != Source.TEXT) {
            problems.add("data.text_format: expected auto, because data.source is " + d.source() + " (the key says how a"
                    + " text file separates its stories, so it needs data.source: text), found " + d.textFormat() + ".");
        }
        if (d.source() == Source.GENERATED) {
            atLeast("data.generated_stories", d.generatedStories(), 1);
        }
        atLeast("data.min_chars", d.minChars(), 0);
        atLeast("data.token_budget", d.tokenBudget(), 0);
        atLeast("data.vocab_size", d.vocabSize(), 1);
        if (d.tokenizer() == TokenizerKind.GPT2 && d.vocabSize() != GPT2_VOCAB_SIZE) {
            problems.add("data.vocab_size: expected " + GPT2_VOCAB_SIZE + " (the GPT-2 vocabulary), because"
                    + " data.tokenizer is gpt2, found " + d.vocabSize() + ".");
        }
        if (d.tokenizer() == TokenizerKind.BPE && d.vocabSize() >= 1 && d.vocabSize() < BPE_MIN_VOCAB_SIZE) {
            problems.add("data.vocab_size: expected at least " + BPE_MIN_VOCAB_SIZE + ", because data.tokenizer is"
                    + " bpe (a byte-level BPE needs one token per byte value plus the end-of-story token), found "
                    + d.vocabSize() + ".");
        }
        if (d.split() == Split.DATASET) {
            if (d.source() == Source.GENERATED) {
                problems.add("data.split: expected random, because data.source generated has no validation split"
                        + " of its own, found dataset.");
            } else if (fileSource && isBlank(d.valPath())) {
                problems.add("data.val_path: expected the validation file, because data.split is dataset and"
                        + " data.source is " + d.source() + ", found " + quoted(d.valPath()) + ".");
            }
        }
        openInterval("data.val_fraction", d.valFraction(), 0, 1);
        atLeast("data.split_seed", d.splitSeed(), 0);
        atLeast("data.val_min_chunks", d.valMinChunks(), 1);
    }

    private void model(ModelConfig m) {
        atLeast("model.n_layer", m.nLayer(), 1);
        atLeast("model.d_model", m.dModel(), 1);
        atLeast("model.n_head", m.nHead(), 1);
        atLeast("model.d_ff", m.dFf(), 1);
        atLeast("model.seq_len", m.seqLen(), 2); // AR predicts token i+1 from tokens up to i: one pair at least
        if (m.nHead() >= 1 && m.dModel() >= 1 && m.dModel() % m.nHead() != 0) {
            problems.add("model.n_head: expected a divisor of model.d_model (" + m.dModel() + "), so every head has"
                    + " the same width, found " + m.nHead() + ".");
        } else if (m.nHead() >= 1 && m.dModel() >= 1 && (m.dModel() / m.nHead()) % 2 != 0) {
            problems.add("model.n_head: expected a head count that leaves an even head width (rotary embeddings"
                    + " rotate pairs of channels), but model.d_model / model.n_head = " + m.dModel() + " / "
                    + m.nHead() + " = " + m.dModel() / m.nHead() + ".");
        }
        above("model.time_scale", m.timeScale(), 0);
        above("model.norm_eps", m.normEps(), 0);
        if (m.impl() != null && !FACTORY.matcher(m.impl()).matches()) {
            problems.add("model.impl: expected a factory as 'package.module:function' or 'package.module.function',"
                    + " found '" + m.impl() + "'.");
        }
    }

    private void train(TrainConfig t) {
        atLeast("train.steps", t.steps(), 1);
        atLeast("train.batch_size", t.batchSize(), 1);
        above("train.lr", t.lr(), 0);
        closedInterval("train.min_lr_ratio", t.minLrRatio(), 0, 1);
        if (t.warmupSteps() < 0 || t.warmupSteps() > Math.max(t.steps(), 0)) {
            problems.add("train.warmup_steps: expected a value from 0 to train.steps (" + t.steps() + "), found "
                    + t.warmupSteps() + ".");
        }
        atLeast("train.weight_decay", t.weightDecay(), 0);
        if (!(t.ema() >= 0 && t.ema() < 1)) {
            problems.add("train.ema: expected the decay of the average of the weights, in [0, 1) (0 turns it off;"
                    + " upstream MDLM uses 0.9999), found " + fmt(t.ema()) + ".");
        }
        halfOpenInterval("train.beta1", t.beta1(), 0, 1);
        halfOpenInterval("train.beta2", t.beta2(), 0, 1);
        above("train.adam_eps", t.adamEps(), 0);
        atLeast("train.grad_clip", t.gradClip(), 0);
        atLeast("train.eval_interval", t.evalInterval(), 1);
        atLeast("train.eval_batches", t.evalBatches(), 0);
        atLeast("train.val_ce_chunks", t.valCeChunks(), 0);
        atLeast("train.val_ce_batch_size", t.valCeBatchSize(), 1);
        atLeast("train.log_interval", t.logInterval(), 1);
        atLeast("train.checkpoint_interval", t.checkpointInterval(), 1);
        atLeast("train.keep_last", t.keepLast(), 1);
    }

    private void mdlm(MdlmConfig m) {
        if (m.loss() == MdlmLoss.NELBO && m.timeSampler() == TimeSampler.UNIFORM) {
            problems.add("mdlm.time_sampler: expected antithetic, because mdlm.loss is nelbo: its weight grows"
                    + " without bound as t nears 0, and uniform draws t from [0, 1) with no eps floor; found uniform.");
        }
        openInterval("mdlm.eps", m.eps(), 0, 1);
        atLeast("mdlm.eval_draws", m.evalDraws(), 1);
    }

    private void sample(SampleConfig s, ModelConfig model) {
        atLeast("sample.n", s.n(), 1);
        atLeast("sample.length", s.length(), 2); // the AR model's first token plus one it generates
        if (model.seqLen() >= 1 && s.length() > model.seqLen()) {
            problems.add("sample.length: expected at most model.seq_len (" + model.seqLen() + "), the longest"
                    + " sequence the model was trained on, found " + s.length() + ".");
        }
        atLeast("sample.batch_size", s.batchSize(), 1);
        if (s.arPrompt() == Prompt.NONE) {
            problems.add("sample.ar_prompt: expected eos, text or eos-text, because the AR model needs at least one"
                    + " token to start from, found none.");
        }
        String textUser = hasText(s.arPrompt()) ? "sample.ar_prompt is " + s.arPrompt()
                : hasText(s.mdlmPrompt()) ? "sample.mdlm_prompt is " + s.mdlmPrompt() : null;
        if (textUser != null && (s.promptText() == null || s.promptText().isEmpty())) {
            problems.add("sample.prompt_text: expected the prompt, because " + textUser + ", found "
                    + quoted(s.promptText()) + ".");
        }
        above("sample.temperature", s.temperature(), 0);
        atLeast("sample.top_k", s.topK(), 0);
        if (!(s.topP() > 0 && s.topP() <= 1)) {
            problems.add("sample.top_p: expected a value in (0, 1], found " + fmt(s.topP()) + ".");
        }
        atLeast("sample.mdlm_steps", s.mdlmSteps(), 1);
        ConfidenceConfig c = s.confidence();
        above("sample.confidence.repetition_penalty", c.repetitionPenalty(), 0);
        atLeast("sample.confidence.repetition_cap", c.repetitionCap(), 1);
        closedInterval("sample.confidence.final_temperature_ratio", c.finalTemperatureRatio(), 0, 1);
        above("sample.confidence.min_temperature", c.minTemperature(), 0);
    }

    private void evaluate(EvaluateConfig e, SampleConfig sample) {
        atLeast("evaluate.bootstrap", e.bootstrap(), 1);
        judge(e.judge());
        atLeast("evaluate.judge_batch_size", e.judgeBatchSize(), 1);
        atLeast("evaluate.grammar_samples", e.grammarSamples(), 0);
        above("evaluate.fluency.max_grammar_errors", e.fluency().maxGrammarErrors(), 0);
        atLeast("evaluate.fluency.max_judge_ppl_ratio", e.fluency().maxJudgePplRatio(), 1);
        memorization(e.memorization(), sample);
        frontier(e.frontier());
    }

    /**
     * The judge setting's form. What it names is checked where it is used, before any sampling
     * ({@code pipeline.BeforeSampling}: a Hugging Face folder holds a model, its tokenizer reads text back, a hub id
     * can be had, a checkpoint is an AR model of this run's tokenizer), not here: a run folder's config.yaml must
     * still load (for its report) on a machine that does not have the judge.
     */
    private void judge(String judge) {
        if (judge != null && (judge.isBlank() || judge.strip().equals(HubJudge.PREFIX))) {
            problems.add("evaluate.judge: expected null (this run's own AR model), hf:<model folder or hub id> (e.g. "
                    + "hf:gpt2-large) or the checkpoint folder of an AR model, found '" + judge + "'.");
        }
    }

    private void memorization(MemorizationConfig m, SampleConfig sample) {
        atLeast("evaluate.memorization.max_index_mib", m.maxIndexMib(), 0);
        List<Integer> orders = m.orders();
        int longest = sample.length() >= 2 ? sample.length() : Integer.MAX_VALUE; // a bad sample.length: its own problem
        if (orders.isEmpty() || orders.stream().anyMatch(n -> n < 1 || n > longest)) {
            problems.add("evaluate.memorization.orders: expected n-gram lengths from 1 to sample.length (" + sample.length()
                    + "), at least one, found " + orders + ".");
        } else if (orders.stream().distinct().count() != orders.size()) {
            problems.add("evaluate.memorization.orders: expected each n-gram length once, found " + orders + ".");
        }
    }

    private void frontier(FrontierConfig f) {
        if (f.points() == 1 || f.points() < 0 || f.points() > MAX_FRONTIER_POINTS) {
            problems.add("evaluate.frontier.points: expected 0 (no frontier) or from 2 to " + MAX_FRONTIER_POINTS
                    + " settings per knob (a curve needs two points), found " + f.points() + ".");
        }
        if (!f.enabled()) {
            return;
        }
        atLeast("evaluate.frontier.samples", f.samples(), 2); // Self-BLEU scores each sample against the others
        if (!(f.temperatureLow() > 0 && f.temperatureLow() < MAX_FRONTIER_TEMPERATURE)) {
            problems.add("evaluate.frontier.temperature_low: expected a value in (0, " + fmt(MAX_FRONTIER_TEMPERATURE)
                    + "), found " + fmt(f.temperatureLow()) + ".");
        } else if (!(f.temperatureHigh() > f.temperatureLow() && f.temperatureHigh() <= MAX_FRONTIER_TEMPERATURE)) {
            problems.add("evaluate.frontier.temperature_high: expected a value above evaluate.frontier.temperature_low ("
                    + fmt(f.temperatureLow()) + ") and at most " + fmt(MAX_FRONTIER_TEMPERATURE) + " (hotter samples are "
                    + "close to uniform noise), found " + fmt(f.temperatureHigh()) + ".");
        }
        atLeast("evaluate.frontier.mdlm_steps_low", f.mdlmStepsLow(), 1);
        if (f.mdlmStepsLow() >= 1 && f.points() >= 2 && f.mdlmStepsHigh() < f.mdlmStepsLow() + f.points() - 1) {
            problems.add("evaluate.frontier.mdlm_steps_high: expected at least evaluate.frontier.mdlm_steps_low + "
                    + "evaluate.frontier.points − 1 (" + (f.mdlmStepsLow() + f.points() - 1) + "), so that every point has "
                    + "its own step count, found " + f.mdlmStepsHigh() + ".");
        }
    }

    // The comparisons are written so that NaN fails every one of them.

    private void atLeast(String path, long value, long min) {
        if (value < min) {
            problems.add(path + ": expected at least " + min + ", found " + value + ".");
        }
    }

    private void atLeast(String path, double value, double min) {
        if (!(value >= min)) {
            problems.add(path + ": expected at least " + fmt(min) + ", found " + fmt(value) + ".");
        }
    }

    private void above(String path, double value, double min) {
        if (!(value > min)) {
            problems.add(path + ": expected a value above " + fmt(min) + ", found " + fmt(value) + ".");
        }
    }

    private void openInterval(String path, double value, double low, double high) {
        if (!(value > low && value < high)) {
            problems.add(path + ": expected a value in (" + fmt(low) + ", " + fmt(high) + "), found " + fmt(value)
                    + ".");
        }
    }

    private void closedInterval(String path, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            problems.add(path + ": expected a value in [" + fmt(low) + ", " + fmt(high) + "], found " + fmt(value)
                    + ".");
        }
    }

    private void halfOpenInterval(String path, double value, double low, double high) {
        if (!(value >= low && value < high)) {
            problems.add(path + ": expected a value in [" + fmt(low) + ", " + fmt(high) + "), found " + fmt(value)
                    + ".");
        }
    }

    /** 1 rather than 1.0, 0.001 as 0.001: numbers as a user would write them in YAML. */
    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static boolean hasText(Prompt prompt) {
        return prompt == Prompt.TEXT || prompt == Prompt.EOS_TEXT;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
