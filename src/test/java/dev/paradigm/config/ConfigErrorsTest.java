package dev.paradigm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {
    private static ConfigException failure(String yaml, String... overrides) {
        return assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml(yaml, "demo.yaml", List.of(overrides)));
    }

    @Test
    void yamlThatDoesNotParseGivesFileLineAndColumn() {
        // Line 3 is indented one space deeper than line 2, so its ':' (column 6) starts a mapping where a
        // scalar's continuation was expected.
        ConfigException error = failure("train:\n  steps: 1\n   lr: 2\n");
        assertTrue(error.getMessage().startsWith("Could not parse demo.yaml as YAML at line 3, column 6: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("mapping values are not allowed here"), error.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAParseError() {
        ConfigException error = failure("train:\n  steps: 1\n  steps: 2\n");
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("the key 'steps' is given twice in the same section"),
                error.getMessage());
    }

    @Test
    void unknownKeyNamesThePathAndTheClosestValidKey() {
        ConfigException error = failure("train:\n  stepz: 600\n");
        assertEquals("Unknown key 'train.stepz' in demo.yaml; did you mean 'train.steps'?", error.getMessage());
    }

    @Test
    void unknownKeySuggestsTheSameKeyInAnotherSection() {
        assertEquals("Unknown key 'model.lr' in demo.yaml; did you mean 'train.lr'?",
                failure("model:\n  lr: 0.1\n").getMessage());
        assertEquals("Unknown key 'trainn' in demo.yaml; did you mean 'train'?",
                failure("trainn:\n  steps: 5\n").getMessage());
    }

    @Test
    void unknownKeyFarFromEveryKeyListsTheSectionsKeys() {
        String message = failure("mdlm:\n  completely_different: 1\n").getMessage();
        assertEquals("Unknown key 'mdlm.completely_different' in demo.yaml; the keys of mdlm are schedule, loss,"
                + " time_sampler, eps, eval_draws.",
                message);
    }

    @Test
    void wrongTypeNamesThePathTheExpectedTypeAndTheValue() {
        assertEquals("train.steps: expected an integer, found 'abc'.", failure("train:\n  steps: abc\n").getMessage());
        assertEquals("train.steps: expected an integer, found 1.5.", failure("train:\n  steps: 1.5\n").getMessage());
        assertEquals("train.steps: expected an integer, found 0.5.", failure("", "train.steps=0.5").getMessage());
        assertEquals("train.lr: expected a number, found null.", failure("train:\n  lr: null\n").getMessage());
        assertEquals("sample.stop_at_eos: expected true or false, found 1.",
                failure("sample:\n  stop_at_eos: 1\n").getMessage());
        assertEquals("model: expected a section of keys (n_layer, d_model, n_head, d_ff, seq_len, time_conditioning,"
                + " time_scale, mdlm_head, init, norm_eps, impl), found 4.", failure("model: 4\n").getMessage());
        assertEquals("data.vocab_size: expected an integer from -2147483648 to 2147483647, found 3000000000.",
                failure("data:\n  vocab_size: 3000000000\n").getMessage());
    }

    @Test
    void wrongEnumValueListsTheValidOnes() {
        assertEquals("data.source: expected one of generated, hub, text, jsonl, parquet, found 'csv'.",
                failure("data:\n  source: csv\n").getMessage());
        assertEquals("train.compile: expected one of auto, true, false, found 'maybe'.",
                failure("", "train.compile=maybe").getMessage());
    }

    @Test
    void setOfAPathThatDoesNotExistNamesTheClosestOne() {
        assertEquals("Unknown key 'train.step' in --set train.step=5; did you mean 'train.steps'?",
                failure("", "train.step=5").getMessage());
        assertEquals("--set train.steps: expected key.path=value, e.g. --set train.steps=800.",
                failure("", "train.steps").getMessage());
        assertTrue(failure("", "train=5").getMessage().startsWith("--set train=5: 'train' is a section, not a key"));
    }

    @Test
    void severalOutOfRangeValuesAreReportedTogether() {
        ConfigException error = failure("""
                train:
                  steps: 0
                  lr: -0.1
                  warmup_steps: 5
                  beta2: 1.0
                model:
                  d_model: 128
                  n_head: 5
                sample:
                  top_p: 0
                  temperature: 0
                """);
        assertEquals(List.of(
                "model.n_head: expected a divisor of model.d_model (128), so every head has the same width, found 5.",
                "train.steps: expected at least 1, found 0.",
                "train.lr: expected a value above 0, found -0.1.",
                "train.warmup_steps: expected a value from 0 to train.steps (0), found 5.",
                "train.beta2: expected a value in [0, 1), found 1.",
                "sample.temperature: expected a value above 0, found 0.",
                "sample.top_p: expected a value in (0, 1], found 0."), error.problems());
        assertTrue(error.getMessage().startsWith("Found 7 configuration problems in demo.yaml:\n  - model.n_head"),
                error.getMessage());
    }

    @Test
    void everyRangeRuleOfTheBriefIsChecked() {
        ConfigException error = failure("""
                seed: -1
                data:
                  val_fraction: 1.0
                  vocab_size: 0
                  min_chars: -1
                  token_budget: -5
                model:
                  n_layer: 0
                  d_ff: 0
                  seq_len: 64
                train:
                  batch_size: 0
                  min_lr_ratio: 1.5
                  eval_interval: 0
                  log_interval: 0
                  checkpoint_interval: 0
                  keep_last: 0
                  grad_clip: -1
                  ema: 1
                  beta1: -0.1
                  adam_eps: 0
                  weight_decay: -0.01
                  eval_batches: -1
                mdlm:
                  eps: 1
                  eval_draws: 0
                sample:
                  n: 0
                  length: 65
                  batch_size: 0
                  top_k: -1
                  mdlm_steps: 0
                evaluate:
                  bootstrap: 0
                """);
        List<String> paths = error.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertEquals(List.of("seed", "data.min_chars", "data.token_budget", "data.vocab_size", "data.val_fraction",
                "model.n_layer", "model.d_ff", "train.batch_size", "train.min_lr_ratio", "train.weight_decay",
                "train.ema", "train.beta1", "train.adam_eps", "train.grad_clip", "train.eval_interval",
                "train.eval_batches", "train.log_interval", "train.checkpoint_interval", "train.keep_last", "mdlm.eps",
                "mdlm.eval_draws", "sample.n", "sample.length", "sample.batch_size", "sample.top_k", "sample.mdlm_steps",
                "evaluate.bootstrap"), paths);
    }

    @Test
    void theAverageOfTheWeightsNeedsADecayBelowOne() {
        assertEquals(List.of("train.ema: expected the decay of the average of the weights, in [0, 1) (0 turns it off;"
                + " upstream MDLM uses 0.9999), found 1."), failure("train:\n  ema: 1\n").problems());
        assertEquals(0.999, ConfigLoader.fromYaml("train:\n  ema: 0.999\n", "t", List.of()).train().ema());
    }

    @Test
    void rulesBetweenKeys() {
        assertEquals(List.of("data.path: expected the training file, because data.source is text, found null."),
                failure("data:\n  source: text\n").problems());
        assertEquals(List.of("sample.prompt_text: expected the prompt, because sample.mdlm_prompt is eos-text, found"
                + " null."), failure("sample:\n  mdlm_prompt: eos-text\n").problems());
        assertEquals(List.of("data.vocab_size: expected 50257 (the GPT-2 vocabulary), because data.tokenizer is"
                + " gpt2, found 1024."), failure("data:\n  tokenizer: gpt2\n").problems());
        assertEquals(List.of("data.val_path: expected the validation file, because data.split is dataset and"
                        + " data.source is jsonl, found null."),
                failure("data:\n  source: jsonl\n  path: a.jsonl\n  split: dataset\n").problems());
        assertEquals(List.of("data.split: expected random, because data.source generated has no validation split of"
                + " its own, found dataset."), failure("data:\n  split: dataset\n").problems());
        assertEquals(List.of("name: expected a run name of letters, digits, '.', '_' or '-' (it names the run's"
                + " folder), found '../x'."), failure("name: ../x\n").problems());
        assertEquals(List.of("data.text_format: expected auto, because data.source is jsonl (the key says how a text"
                + " file separates its stories, so it needs data.source: text), found blank-line."),
                failure("data:\n  source: jsonl\n  path: a.jsonl\n  text_format: blank-line\n").problems());
    }

    /** Rules Python used to check only after prepare had run; Java's validator checks them before any stage. */
    @Test
    void rulesPythonNeedsAreCheckedHere() {
        assertEquals(List.of("model.n_head: expected a head count that leaves an even head width (rotary embeddings"
                + " rotate pairs of channels), but model.d_model / model.n_head = 48 / 16 = 3."),
                failure("", "model.d_model=48", "model.n_head=16").problems());
        assertEquals(List.of("model.seq_len: expected at least 2, found 1."),
                failure("", "model.seq_len=1", "sample.length=1").problems().subList(0, 1));
        assertEquals(List.of("sample.length: expected at least 2, found 1."),
                failure("", "sample.length=1").problems());
        assertEquals(List.of("model.impl: expected a factory as 'package.module:function' or"
                + " 'package.module.function', found 'build'."), failure("", "model.impl=build").problems());
        assertEquals(List.of("data.vocab_size: expected at least 257, because data.tokenizer is bpe (a byte-level BPE"
                + " needs one token per byte value plus the end-of-story token), found 256."),
                failure("", "data.vocab_size=256").problems());
        assertEquals(List.of("data.text_field: expected the column that holds the story, because data.source is hub,"
                + " found ' '."), failure("", "data.source=hub", "data.text_field=' '").problems());
        assertEquals(List.of("sample.ar_prompt: expected eos, text or eos-text, because the AR model needs at least"
                + " one token to start from, found none."), failure("", "sample.ar_prompt=none").problems());
        assertEquals(List.of("sample.confidence.repetition_penalty: expected a value above 0, found 0.",
                "sample.confidence.repetition_cap: expected at least 1, found 0.5.",
                "sample.confidence.final_temperature_ratio: expected a value in [0, 1], found -1."),
                failure("", "sample.confidence.repetition_penalty=0", "sample.confidence.repetition_cap=0.5",
                        "sample.confidence.final_temperature_ratio=-1")
                        .problems());
        assertEquals(List.of("mdlm.time_sampler: expected antithetic, because mdlm.loss is nelbo: its weight grows"
                + " without bound as t nears 0, and uniform draws t from [0, 1) with no eps floor; found uniform."),
                failure("", "mdlm.time_sampler=uniform").problems());
    }

    @Test
    void bothSpellingsOfAFactoryAndEveryProtocolChoiceAreAccepted() {
        ConfigLoader.fromYaml("", "demo.yaml", List.of("model.impl=pkg.models.build"));
        ConfigLoader.fromYaml("", "demo.yaml", List.of("model.impl=pkg.models:build", "mdlm.schedule=cosine",
                "mdlm.loss=masked-mean", "mdlm.time_sampler=uniform", "model.mdlm_head=untied",
                "train.weight_decay_scope=all", "sample.mdlm_prompt=none", "sample.ar_prompt=text",
                "sample.prompt_text=Once"));
    }

    @Test
    void keyTypeAndSetProblemsAreReportedTogether() {
        ConfigException error = failure("train:\n  stepz: 1\n  lr: fast\n", "sample.nn=3");
        assertEquals(List.of(
                "Unknown key 'train.stepz' in demo.yaml; did you mean 'train.steps'?",
                "Unknown key 'sample.nn' in --set sample.nn=3; did you mean 'sample.n'?",
                "train.lr: expected a number, found 'fast'."), error.problems());
    }

    @Test
    void aTopLevelListIsRejected() {
        assertTrue(failure("- 1\n- 2\n").getMessage().contains("expected a mapping of sections and keys at the top"
                + " level"));
    }
}
