package dev.paradigm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.cli.ParadigmCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code paradigm bench} end to end through Jep on a tiny model (needs the project's .venv). */
class BenchIntegrationTest {
    /** 2 layers of width 32, SwiGLU 64, 32-token sequences, a 300-token BPE vocabulary of 300 generated stories. */
    private static final List<String> TINY = List.of("--config", "demo", "--set", "data.generated_stories=300",
            "--set", "data.vocab_size=300", "--set", "model.n_layer=2", "--set", "model.d_model=32", "--set", "model.n_head=2",
            "--set", "model.d_ff=64", "--set", "model.seq_len=32", "--set", "sample.length=32", "--set", "sample.mdlm_steps=8",
            "--set", "train.batch_size=8", "--set", "train.eval_batches=2", "--set", "train.device=cpu");

    private record Result(int code, String out, String err) {}

    private static Result run(List<String> args) {
        CommandLine cli = new CommandLine(new ParadigmCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void benchWritesEveryFieldWithSaneValues(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench.json");
        List<String> args = new ArrayList<>(List.of("bench"));
        args.addAll(TINY);
        args.addAll(List.of("--run-dir", dir.resolve("run").toString(), "--warmup-steps", "1", "--windows", "2",
                "--window-steps", "3", "--sample-n", "2", "--sample-length", "8", "--repeats", "1", "--out", out.toString()));
        Result r = run(args);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Java/Python") && r.out().contains("mdlm-confidence"), r.out());
        assertTrue(r.out().contains("peak GiB: the process's peak resident set"), r.out());
        assertTrue(Files.exists(dir.resolve("run/data/manifest.json")), "bench prepares a missing token store");

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals("paradigm-bench", json.get("format").asText());
        assertEquals("cpu", json.get("device").asText());
        assertEquals("float32", json.get("dtype").asText());
        assertTrue(json.get("torch").asText().matches("\\d+\\.\\d+.*"), json.get("torch").asText());
        assertTrue(json.get("peak_flops").isNull(), "a CPU has no known peak");
        assertEquals(300, json.at("/model/vocab_size").asInt());
        // Hand count: per block qkv 3d² + proj d² + SwiGLU 2·d·d_ff + d_ff·d + two norms 2d = 3072+1024+4096+2048+64
        // = 10304; 2 blocks + final norm 32 + tied embedding/head 300·32 = 9600 gives 30240 (MDLM: + the mask row, 32).
        // FLOPs/token = 6·30240 + 12·n_layer·d·T = 181440 + 12·2·32·32 = 206016 (the same for both: the mask row is
        // never a matmul).
        assertEquals(30240, json.at("/paradigms/ar/params").asLong());
        assertEquals(30272, json.at("/paradigms/mdlm/params").asLong());
        for (String paradigm : List.of("ar", "mdlm")) {
            JsonNode p = json.at("/paradigms/" + paradigm);
            assertEquals(206016.0, p.get("flops_per_token").asDouble(), paradigm);
            assertTrue(p.get("tokens_per_s").asDouble() > 0, paradigm);
            assertTrue(p.get("mfu").isNull(), paradigm);
            JsonNode t = p.get("training");
            double ratio = t.get("java_over_python").asDouble();
            assertTrue(Double.isFinite(ratio) && ratio > 0, paradigm + " ratio " + ratio);
            assertEquals(t.at("/java_tokens_per_s/median").asDouble() / t.at("/python_tokens_per_s/median").asDouble(),
                    ratio, 1e-12);
            assertEquals(2, t.get("java_windows").size());
            assertEquals(2, t.get("python_windows").size());
            JsonNode java = t.get("java_tokens_per_s");
            assertTrue(java.get("min").asDouble() <= java.get("median").asDouble()
                    && java.get("median").asDouble() <= java.get("max").asDouble(), java.toString());
            assertEquals(16, p.at("/evaluation/chunks").asInt()); // eval_batches 2 x batch 8
            assertTrue(p.at("/evaluation/seconds/median").asDouble() > 0);
            assertTrue(p.at("/checkpoint/seconds/median").asDouble() > 0);
            // On a CPU: the process's peak resident set, the JVM and torch included, so well above 10 MiB.
            assertTrue(p.get("peak_memory_gib").asDouble() > 0.01, paradigm + " " + p.get("peak_memory_gib"));
            assertTrue(p.get("peak_memory_kind").asText().startsWith("process_peak_rss"), p.get("peak_memory_kind").asText());
        }
        List<String> samplers = new ArrayList<>();
        for (String paradigm : List.of("ar", "mdlm")) {
            for (JsonNode s : json.at("/paradigms/" + paradigm + "/sampling")) {
                samplers.add(s.get("sampler").asText());
                assertEquals(8, s.get("length").asInt());
                assertTrue(s.get("samples_per_s").asDouble() > 0, s.toString());
                assertEquals(s.get("samples").asDouble() / s.get("seconds").asDouble(), s.get("samples_per_s").asDouble(), 1e-9);
            }
        }
        assertEquals(List.of("ar-kv-cache", "ar-no-cache", "mdlm-ancestral", "mdlm-cached", "mdlm-confidence"), samplers);
        assertTrue(json.at("/java_host/self_bleu_1000_s/median").asDouble() > 0);
        assertTrue(json.at("/java_host/batch_assemble_us").asDouble() > 0);
        assertEquals("8x32", json.at("/java_host/batch_shape").asText());
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        List<String> args = new ArrayList<>(List.of("bench", "--windows", "0"));
        args.addAll(TINY);
        Result r = run(args);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Invalid value '0' for '--windows': must be at least 1."), r.err());

        Result p = run(List.of("bench", "--paradigm", "gpt"));
        assertEquals(2, p.code());
        assertTrue(p.err().contains("Invalid value 'gpt' for '--paradigm': expected ar, mdlm or both."), p.err());
    }
}
