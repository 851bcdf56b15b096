package dev.paradigm.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a bound configuration is usable: every range and every rule between keys,
 * checked before any work starts. All problems are collected, each naming its key path, the allowed values and
 * what was found. (A BPE vocabulary too small for its byte alphabet is Python's check: Python knows the count of
 * special tokens.)
 */
public final class ConfigValidator {
    /** The size of the GPT-2 vocabulary, which a gpt2 tokenizer must be configured with. */
    public static final int GPT2_VOCAB_SIZE = 50257;

    /** A run's name becomes its folder under runs/, so it is kept to characters every file system accepts. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

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
        checks.evaluate(config.evaluate());
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
        if ((d.source() == Source.JSONL || d.source() == Source.PARQUET) && isBlank(d.textField())) {
            problems.add("data.text_field: expected the column that holds the story, because data.source is "
                    + d.source() + ", found " + quoted(d.textField()) + ".");
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
    }

    private void model(ModelConfig m) {
        atLeast("model.n_layer", m.nLayer(), 1);
        atLeast("model.d_model", m.dModel(), 1);
        atLeast("model.n_head", m.nHead(), 1);
        atLeast("model.d_ff", m.dFf(), 1);
        atLeast("model.seq_len", m.seqLen(), 1);
        if (m.nHead() >= 1 && m.dModel() >= 1 && m.dModel() % m.nHead() != 0) {
            problems.add("model.n_head: expected a divisor of model.d_model (" + m.dModel() + "), so every head has"
                    + " the same width, found " + m.nHead() + ".");
        }
        if (m.impl() != null && !m.impl().matches("[\\w.]+:\\w+")) {
            problems.add("model.impl: expected a factory as 'package.module:function', found '" + m.impl() + "'.");
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
        halfOpenInterval("train.beta1", t.beta1(), 0, 1);
        halfOpenInterval("train.beta2", t.beta2(), 0, 1);
        above("train.adam_eps", t.adamEps(), 0);
        atLeast("train.grad_clip", t.gradClip(), 0);
        atLeast("train.eval_interval", t.evalInterval(), 1);
        atLeast("train.eval_batches", t.evalBatches(), 0);
        atLeast("train.log_interval", t.logInterval(), 1);
        atLeast("train.checkpoint_interval", t.checkpointInterval(), 1);
        atLeast("train.keep_last", t.keepLast(), 1);
    }

    private void mdlm(MdlmConfig m) {
        openInterval("mdlm.eps", m.eps(), 0, 1);
        atLeast("mdlm.eval_draws", m.evalDraws(), 1);
    }

    private void sample(SampleConfig s, ModelConfig model) {
        atLeast("sample.n", s.n(), 1);
        atLeast("sample.length", s.length(), 1);
        if (model.seqLen() >= 1 && s.length() > model.seqLen()) {
            problems.add("sample.length: expected at most model.seq_len (" + model.seqLen() + "), the longest"
                    + " sequence the model was trained on, found " + s.length() + ".");
        }
        atLeast("sample.batch_size", s.batchSize(), 1);
        if (s.prompt() == Prompt.TEXT && (s.promptText() == null || s.promptText().isEmpty())) {
            problems.add("sample.prompt_text: expected the prompt, because sample.prompt is text, found "
                    + quoted(s.promptText()) + ".");
        }
        above("sample.temperature", s.temperature(), 0);
        atLeast("sample.top_k", s.topK(), 0);
        if (!(s.topP() > 0 && s.topP() <= 1)) {
            problems.add("sample.top_p: expected a value in (0, 1], found " + fmt(s.topP()) + ".");
        }
        atLeast("sample.mdlm_steps", s.mdlmSteps(), 1);
    }

    private void evaluate(EvaluateConfig e) {
        atLeast("evaluate.bootstrap", e.bootstrap(), 1);
        atLeast("evaluate.grammar_samples", e.grammarSamples(), 0);
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

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
