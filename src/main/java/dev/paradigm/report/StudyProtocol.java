package dev.paradigm.report;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The published study's choices ({@code configs/arche-2026.yaml}, read from its code) that the controlled protocol
 * changes, each with the config keys that make it, what the study did and why it matters. A run follows the study
 * when its values equal arche-2026's on every one of these keys, whatever its {@code protocol:} name says; only then
 * does the report set its numbers beside the published ones. A test diffs the two paper-scale configs, so a key that
 * differs between them and is missing here fails the build.
 */
final class StudyProtocol {

    /**
     * One choice of the study: its dotted config keys, what the study did and why it matters.
     *
     * @param setting a reader's name for it
     * @param keys    the config keys that make it
     * @param study   what the study's code did
     * @param why     what it does to the comparison
     */
    record Choice(String setting, List<String> keys, String study, String why) {
        Choice {
            keys = List.copyOf(keys);
        }
    }

    /** The shipped config that holds the study's values. */
    static final String STUDY_CONFIG = "arche-2026";

    static final List<Choice> CHOICES = List.of(
            new Choice("Story separator", List.of("data.separator"),
                    "stories concatenated with no end-of-story token",
                    "neither model learns where a story ends, so no sample can stop"),
            new Choice("Validation split", List.of("data.split_rule", "data.val_min_chunks"),
                    "the last max(50, n // 20) of numpy's RandomState(42).permutation(n), in that order",
                    "which chunks validate; the study's metric read only the first 1,600 of them"),
            new Choice("MDLM time conditioning", List.of("model.time_conditioning", "model.time_scale"),
                    "[sin, cos](t·f) → Linear → SiLU added to MDLM's input (t itself, not 1000·t)",
                    "590,592 parameters that AR does not have"),
            new Choice("Output head", List.of("model.mdlm_head"),
                    "AR tied to its embedding, MDLM untied",
                    "MDLM's own head adds 38.6M parameters (162,739,968 in all against AR's 123,551,232)"),
            new Choice("Initialisation", List.of("model.init"),
                    "PyTorch's defaults: Embedding N(0, 1), Linear Kaiming-uniform",
                    "the tied AR head starts with logits of std ≈ 28, the untied MDLM head with far smaller ones; "
                            + "overfitting depends on it"),
            new Choice("RMSNorm epsilon", List.of("model.norm_eps"), "1e-6", "negligible"),
            new Choice("Weight decay", List.of("train.weight_decay", "train.weight_decay_scope"),
                    "AdamW 0.01 on every parameter, norms and embeddings included",
                    "the study's overfitting finding depends on regularisation"),
            new Choice("Adam betas", List.of("train.beta2"), "(0.9, 0.999), AdamW's default",
                    "a slower second moment than the usual 0.95 for language models"),
            new Choice("Precision", List.of("train.precision"), "float32 throughout: no autocast, no TF32",
                    "speed, and the throughput the study reported"),
            new Choice("Validation number", List.of("train.val_ce_chunks"),
                    "the training loss on the first 1,600 validation chunks, mean of 50 batch means, unseeded",
                    "MDLM's masked cross-entropy is not a likelihood bound, so AR's 1.59 and MDLM's 3.41 are not "
                            + "comparable; the controlled protocol reports AR's exact NLL and MDLM's NELBO"),
            new Choice("MDLM objective", List.of("mdlm.schedule", "mdlm.loss", "mdlm.time_sampler"),
                    "cosine mask rate, unweighted CE over the masked tokens, t ~ U(0, 1)",
                    "not the Sahoo et al. NELBO the paper cites"),
            new Choice("Sampling prompt", List.of("sample.ar_prompt", "sample.mdlm_prompt", "sample.prompt_text"),
                    "AR starts from \"Once\", MDLM unconditionally",
                    "alone produces most of the gap in openings (AR 0.002 distinct first words, MDLM 0.361)"),
            new Choice("Sampling temperature and length", List.of("sample.temperature", "sample.stop_at_eos"),
                    "temperature 0.8; all 128 tokens, no stop",
                    "diversity grows with temperature; openings are read from full samples"),
            new Choice("MDLM sampler", List.of("sample.mdlm_sampler", "sample.mdlm_steps"),
                    "confidence-ordered, 100 steps, logit / min(1.3^count, 5), temperature 0.8 → 0.325",
                    "a different sampler and temperature for one paradigm only: diversity compares samplers too"));

    /** The keys that set the study's scale; a run that differs on one is not expected to match its numbers. */
    static final List<String> SCALE = List.of("data.token_budget", "model.n_layer", "model.d_model", "model.n_head",
            "model.d_ff", "model.seq_len", "train.steps", "train.batch_size", "sample.n", "sample.length");

    private StudyProtocol() {}

    /** The study's values: the shipped {@value #STUDY_CONFIG} config. */
    static ExperimentConfig study() {
        return Study.CONFIG;
    }

    /** The keys of {@link #CHOICES} on which {@code run} does not do what the study did; empty when it follows it. */
    static List<String> departures(ExperimentConfig run) {
        return differing(run, CHOICES.stream().flatMap(c -> c.keys().stream()).toList());
    }

    /** Whether {@code run} makes every choice of the study. */
    static boolean follows(ExperimentConfig run) {
        return departures(run).isEmpty();
    }

    /** The scale keys on which {@code run} differs from the study, each as "model.n_layer = 2 (the study: 12)". */
    static List<String> scaleDifferences(ExperimentConfig run) {
        List<String> differences = new ArrayList<>();
        for (String key : differing(run, SCALE)) {
            differences.add(key + " = " + run.value(key) + " (the study: " + study().value(key) + ")");
        }
        return differences;
    }

    /** What {@code run} sets for one choice: "key = value" for each of its keys. */
    static String values(ExperimentConfig run, Choice choice) {
        return String.join("; ", choice.keys().stream().map(k -> k + " = " + run.value(k)).toList());
    }

    private static List<String> differing(ExperimentConfig run, List<String> keys) {
        return keys.stream().filter(k -> !run.value(k).equals(study().value(k))).toList();
    }

    /** Loaded on first use. */
    private static final class Study {
        static final ExperimentConfig CONFIG = ConfigLoader.loadShipped(STUDY_CONFIG, List.of());
    }
}
