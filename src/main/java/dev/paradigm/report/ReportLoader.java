package dev.paradigm.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paradigm.metrics.Estimate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads a finished run folder into a {@link RunReport}. Files and formats: docs/run-folder.md. */
public final class ReportLoader {

    /** Samples shown per paradigm; the rest of samples.jsonl is not needed by the report. */
    public static final int SAMPLES_SHOWN = 3;

    // Java's metric writers may emit NaN for a diverged loss; accept it rather than refuse the whole report.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String HASH_PREFIX = "# config-sha256:";

    private ReportLoader() {}

    public static RunReport load(Path runDir) {
        return load(runDir, Clock.systemUTC());
    }

    /** As {@link #load(Path)}, with the clock that stamps the report (tests pass a fixed one). */
    public static RunReport load(Path runDir, Clock clock) {
        RunConfig config = loadConfig(runDir);
        DataInfo data = loadData(runDir);
        ParadigmRun ar = loadParadigm(runDir, "ar");
        ParadigmRun mdlm = loadParadigm(runDir, "mdlm");
        Provenance provenance = new Provenance(paradigmVersion(), System.getProperty("java.version"),
                clock.instant());
        return new RunReport(runDir, config, data, ar, mdlm, provenance);
    }

    static RunConfig loadConfig(Path runDir) {
        String yaml = RunFile.CONFIG.read(runDir, null);
        Path path = RunFile.CONFIG.in(runDir, null);
        String firstLine = yaml.lines().findFirst().orElse("");
        if (!firstLine.startsWith(HASH_PREFIX)) {
            throw new ReportInputException(path + " should start with the line \"" + HASH_PREFIX + " <hex>\" that "
                    + RunFile.CONFIG.writtenBy() + " writes, but its first line is \"" + firstLine + "\".");
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ReportInputException(path + " is not valid YAML: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ReportInputException(path + " should hold a mapping of config sections but holds " + tree + ".");
        }
        Fields root = new Fields(tree, path.toString());
        Fields model = root.requireObject("model");
        Fields train = root.requireObject("train");
        return new RunConfig(root.requireText("name"), root.requireText("protocol"), root.requireLong("seed"),
                firstLine.substring(HASH_PREFIX.length()).trim(), yaml,
                (int) model.requireLong("n_layer"), (int) model.requireLong("d_model"),
                (int) model.requireLong("n_head"), (int) model.requireLong("seq_len"),
                train.requireLong("steps"), train.requireLong("batch_size"));
    }

    static DataInfo loadData(Path runDir) {
        Path path = RunFile.DATA_MANIFEST.in(runDir, null);
        Fields manifest = new Fields(parseJson(RunFile.DATA_MANIFEST.read(runDir, null), path.toString()),
                path.toString());
        Fields tokenizer = manifest.requireObject("tokenizer");
        JsonNode source = manifest.node().get("source");
        String sourceType = source != null && source.hasNonNull("type") ? source.get("type").asText() : "unknown";
        return new DataInfo(sourceType, tokenizer.requireText("kind"), (int) tokenizer.requireLong("vocab_size"),
                tokenizer.requireText("sha256"), (int) manifest.requireLong("seq_len"),
                manifest.requireObject("train").requireLong("tokens"),
                manifest.requireObject("val").requireLong("tokens"),
                manifest.optionalDouble("unigram_entropy_nats"));
    }

    static ParadigmRun loadParadigm(Path runDir, String paradigm) {
        List<TrainPoint> train = new ArrayList<>();
        List<EvalPoint> evals = new ArrayList<>();
        TrainingSummary summary = null;
        Path logPath = RunFile.TRAIN_LOG.in(runDir, paradigm);
        List<String> lines = RunFile.TRAIN_LOG.read(runDir, paradigm).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = logPath + " line " + (i + 1);
            Fields line = new Fields(parseJson(lines.get(i), where), where);
            switch (line.requireText("kind")) {
                case "train" -> train.add(new TrainPoint(line.requireLong("step"), line.requireDouble("loss"),
                        line.requireDouble("grad_norm"), line.requireDouble("lr"),
                        line.requireDouble("tokens_per_s"), line.requireDouble("elapsed_s")));
                case "eval" -> evals.add(new EvalPoint(line.requireLong("step"), line.requireDouble("val_loss"),
                        line.requireDouble("val_ppl"), line.requireDouble("train_loss"),
                        line.requireDouble("eval_s")));
                case "summary" -> summary = summaryOf(line);
                default -> { } // other kinds (future additions) are not part of the report
            }
        }
        if (summary == null) {
            throw new ReportInputException(logPath + " has no \"kind\":\"summary\" line. The train stage writes it "
                    + "when training finishes; this run's " + paradigm + " training did not finish. Resume or rerun "
                    + "`paradigm train` before writing the report.");
        }
        if (evals.isEmpty()) {
            throw new ReportInputException(logPath + " has no \"kind\":\"eval\" lines, so there is no validation "
                    + "curve to report. Set train.eval_interval to at most train.steps and rerun training.");
        }
        return new ParadigmRun(paradigm, train, evals, summary, loadEvaluation(runDir, paradigm),
                loadSamples(runDir, paradigm));
    }

    private static TrainingSummary summaryOf(Fields line) {
        Fields analysis = line.requireObject("analysis");
        return new TrainingSummary(line.requireLong("steps"), line.requireLong("batch_size"),
                line.requireLong("seq_len"), line.requireLong("tokens"), line.requireDouble("train_time_s"),
                line.requireDouble("eval_time_s"), line.requireDouble("checkpoint_time_s"),
                line.requireDouble("wall_s"), line.requireDouble("tokens_per_s"), line.requireText("data_digest"),
                line.requireLong("params"), line.requireDouble("flops_per_token"),
                new OverfitAnalysis(analysis.requireLong("best_step"), analysis.requireDouble("best_val_loss"),
                        analysis.requireBoolean("overfit"), analysis.optionalLong("overfit_step"),
                        analysis.requireBoolean("still_improving"), analysis.optionalDouble("last_evals_slope")));
    }

    static SampleEvaluation loadEvaluation(Path runDir, String paradigm) {
        String where = RunFile.SAMPLE_METRICS.in(runDir, paradigm).toString();
        Fields root = new Fields(parseJson(RunFile.SAMPLE_METRICS.read(runDir, paradigm), where), where);
        Map<String, String> sampler = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.requireObject("sampler").node().properties()) {
            sampler.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        Map<String, String> textMetrics = new LinkedHashMap<>();
        Fields metricsNode = root.requireObject("metrics");
        for (Map.Entry<String, JsonNode> e : metricsNode.node().properties()) {
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                textMetrics.put(e.getKey(), value.textValue());
            } else if (value.isObject() && value.path("value").isTextual()) {
                textMetrics.put(e.getKey(), value.get("value").textValue());
            } else {
                metrics.put(e.getKey(), estimateOf(metricsNode.requireObject(e.getKey())));
            }
        }
        Fields validation = root.requireObject("validation");
        Fields fluency = root.requireObject("fluency");
        for (String name : MetricCatalog.FLUENCY) {
            if (fluency.node().path(name).isObject()) {
                metrics.put(name, estimateOf(fluency.requireObject(name)));
            }
        }
        JsonNode genPpl = fluency.node().get("gen_ppl");
        JsonNode judge = fluency.node().get("judge");
        return new SampleEvaluation((int) root.requireLong("n_samples"), root.requireLong("seed"), sampler,
                metrics, textMetrics,
                new Validation(validation.requireDouble("val_loss"), validation.requireDouble("val_ppl"),
                        validation.requireBoolean("bound")),
                genPpl == null || genPpl.isNull() ? null : estimateOf(fluency.requireObject("gen_ppl")),
                judge == null || judge.isNull() ? null : judge.asText());
    }

    private static Estimate estimateOf(Fields metric) {
        return new Estimate(metric.requireDouble("value"), metric.requireDouble("ci_low"),
                metric.requireDouble("ci_high"));
    }

    static List<Sample> loadSamples(Path runDir, String paradigm) {
        Path path = RunFile.SAMPLES.in(runDir, paradigm);
        List<String> lines = RunFile.SAMPLES.read(runDir, paradigm).lines().toList();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size() && samples.size() < SAMPLES_SHOWN; i++) {
            if (!lines.get(i).isBlank()) {
                String where = path + " line " + (i + 1);
                Fields line = new Fields(parseJson(lines.get(i), where), where);
                samples.add(new Sample((int) line.requireLong("index"), line.requireText("text")));
            }
        }
        if (samples.isEmpty()) {
            throw new ReportInputException(path + " holds no samples. " + RunFile.SAMPLES.writtenBy()
                    + " writes one JSON object per sample; rerun it.");
        }
        return samples;
    }

    private static JsonNode parseJson(String text, String where) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ReportInputException(where + " should hold one JSON object but holds: " + text.strip());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ReportInputException(where + " is not valid JSON (" + e.getOriginalMessage() + ").", e);
        }
    }

    /** The version Maven filtered into build.properties; "unknown" when run from an unfiltered class path. */
    static String paradigmVersion() {
        try (InputStream in = ReportLoader.class.getResourceAsStream("/dev/paradigm/build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
