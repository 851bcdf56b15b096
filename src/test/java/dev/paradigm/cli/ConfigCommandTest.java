package dev.paradigm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code paradigm config}: the resolved config a run would use, printed before anything runs (no Python needed). */
class ConfigCommandTest {

    private static CliRun config(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "config";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(ParadigmCommand::commandLine, all);
    }

    @Test
    void printsTheResolvedConfigWithItsHashAsConfigYamlWouldHoldIt() {
        CliRun r = config("--config", "arche-2026");
        assertEquals(0, r.code(), r.all());
        ExperimentConfig arche = ConfigLoader.load("arche-2026", List.of());
        assertTrue(r.out().startsWith("# config-sha256: " + arche.hash() + "\n"), r.out());
        assertEquals(arche, ConfigLoader.fromYaml(r.out(), "the printed config", List.of()), "it reads back as itself");
    }

    /** The published study's every setting (../shared/reference/arche-study-code.md), each a line of the output. */
    @Test
    void archeShowsEveryOneOfTheStudysValues() {
        String out = config("--config", "arche-2026").out();
        for (String line : List.of(
                "separator: none", "min_chars: 51", "token_budget: 50000000", "tokenizer: gpt2",
                "split_seed: 42", "split_rule: permutation-tail", "val_min_chunks: 50",
                "n_layer: 12", "d_model: 768", "n_head: 12", "d_ff: 2048", "seq_len: 512",
                "time_conditioning: true", "time_scale: 1.0", "mdlm_head: untied", "init: pytorch", "norm_eps: 1.0E-6",
                "steps: 20000", "batch_size: 32", "lr: 3.0E-4", "min_lr_ratio: 0.05", "warmup_steps: 500",
                "weight_decay: 0.01", "weight_decay_scope: all", "beta1: 0.9", "beta2: 0.999", "adam_eps: 1.0E-8",
                "grad_clip: 1.0", "precision: float32", "eval_interval: 2000", "val_ce_chunks: 1600",
                "val_ce_batch_size: 32",
                "schedule: cosine", "loss: masked-mean", "time_sampler: uniform",
                "\"n\": 1000", "length: 128", "ar_prompt: text", "mdlm_prompt: none", "prompt_text: Once",
                "temperature: 0.8", "top_k: 0", "top_p: 1.0", "stop_at_eos: false", "mdlm_sampler: confidence",
                "mdlm_steps: 100", "repetition_penalty: 1.3", "repetition_cap: 5.0", "final_temperature_ratio: 0.4",
                "min_temperature: 0.1")) {
            assertTrue(out.lines().anyMatch(l -> l.strip().equals(line)), line + " in\n" + out);
        }
    }

    /** As on a terminal: a writer that buffers, which nothing flushes before main exits but the command itself. */
    @Test
    void theOutputIsFlushedBeforeTheProcessExits() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLine cli = ParadigmCommand.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true));
        assertEquals(0, cli.execute("config", "--config", "demo"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("# config-sha256: "), bytes.toString());
    }

    @Test
    void setOverridesAppearAndChangeTheHash() {
        CliRun plain = config("--config", "demo");
        CliRun changed = config("--config", "demo", "--set", "train.steps=70", "--set", "model.init=pytorch");
        assertEquals(0, changed.code(), changed.all());
        assertTrue(changed.out().contains("\n  steps: 70\n") && changed.out().contains("\n  init: pytorch\n"), changed.out());
        assertNotEquals(plain.out().lines().findFirst(), changed.out().lines().findFirst());
    }

    @Test
    void aBadValueIsAUsageErrorNamingTheKey() {
        CliRun r = config("--config", "demo", "--set", "model.init=xavier");
        assertEquals(ExitCodes.USAGE, r.code(), r.all());
        assertTrue(r.err().contains("model.init") && r.err().contains("gpt2, pytorch"), r.err());
        assertEquals("", r.out());
    }
}
