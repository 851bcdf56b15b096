package dev.paradigm.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.config.Smoothing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code python/tests/nltk_self_bleu_reference.py}: NLTK's own {@code sentence_bleu} Self-BLEU, the
 * number {@link SelfBleu} must reproduce. Used by the tests and by {@link dev.paradigm.bench.MetricsBenchmark}.
 */
public final class NltkSelfBleuReference {
    public static final String SCRIPT = "python/tests/nltk_self_bleu_reference.py";

    /** NLTK's scores of the first hypotheses, per smoothing, and the seconds NLTK took for each smoothing. */
    public record Result(String nltkVersion, Map<Smoothing, double[]> scores, Map<Smoothing, Double> seconds) {}

    private NltkSelfBleuReference() {}

    /**
     * @param hypotheses score only the first this many texts (each still against all others); all if null
     */
    public static Result run(Path python, Path script, List<String> texts, Integer hypotheses,
                             List<Smoothing> smoothings, long timeoutSeconds) throws IOException, InterruptedException {
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException("The Python for the NLTK reference is missing: expected an "
                    + "executable at " + python + ". Create the virtualenv (python -m venv .venv && .venv/bin/pip "
                    + "install -r python/requirements.txt) or pass -Dparadigm.python=/path/to/python.");
        }
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("The NLTK reference script is missing: expected " + script
                    + ". Run from the repository root or set -Dparadigm.home.");
        }
        ObjectMapper mapper = new ObjectMapper();
        Path folder = Files.createTempDirectory("nltk-self-bleu");
        try {
            Path input = folder.resolve("samples.json");
            Path output = folder.resolve("scores.json");
            mapper.writeValue(input.toFile(), Map.of("texts", texts));
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(),
                    input.toString(), output.toString(), "--smoothing", names(smoothings)));
            if (hypotheses != null) {
                command.addAll(List.of("--hypotheses", Integer.toString(hypotheses)));
            }
            Path log = folder.resolve("log.txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The NLTK reference did not finish within " + timeoutSeconds + " s.");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The NLTK reference failed (exit " + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return parse(mapper.readTree(output.toFile()));
        } finally {
            deleteFolder(folder);
        }
    }

    private static Result parse(JsonNode node) {
        Map<Smoothing, double[]> scores = new EnumMap<>(Smoothing.class);
        Map<Smoothing, Double> seconds = new EnumMap<>(Smoothing.class);
        for (Entry<String, JsonNode> e : node.get("scores").properties()) {
            Smoothing smoothing = Smoothing.of(e.getKey());
            double[] values = new double[e.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = e.getValue().get(i).asDouble();
            }
            scores.put(smoothing, values);
            seconds.put(smoothing, node.get("seconds").get(e.getKey()).asDouble());
        }
        return new Result(node.get("nltk_version").asText(), scores, seconds);
    }

    private static String names(List<Smoothing> smoothings) {
        return String.join(",", smoothings.stream().map(Smoothing::toString).toList());
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}
