package dev.paradigm.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.DataManifest;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunJson;
import dev.paradigm.run.SampleEvaluation;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code report.json}: the report's numbers for machines. Field names follow the run folder's own files
 * (metrics.jsonl, metrics.json), so a number here can be checked against its source by name.
 */
public final class JsonReportWriter {
    public static final String FORMAT = "paradigm-report";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {}

    public static String render(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("title", report.title());
        root.set("config", config(report.config()));
        root.put("verdict", Verdict.write(report));
        root.set("control", control(report));
        ObjectNode training = root.putObject("training");
        ObjectNode samples = root.putObject("samples");
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            training.set(run.paradigm().id(), training(run));
            samples.set(run.paradigm().id(), samples(run));
        }
        training.put("throughput_ratio_ar_over_mdlm",
                report.ar().summary().tokensPerS() / report.mdlm().summary().tokensPerS());
        ArrayNode comparisons = samples.putArray("comparisons");
        for (MetricComparison c : MetricComparison.all(report)) {
            comparisons.addObject().put("metric", c.metric()).put("outside_intervals", c.outsideIntervals())
                    .put("higher", c.higher());
        }
        root.set("study_protocol", studyProtocol(report.config().resolved()));
        root.set("paper_comparison", paper(report));
        root.set("data", data(report.data()));
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("paradigm_version", report.provenance().paradigmVersion());
        provenance.put("java_version", report.provenance().javaVersion());
        provenance.put("generated_at", report.provenance().generatedAt().toString());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain values always serialises
        }
    }

    private static ObjectNode config(RunConfig config) {
        ExperimentConfig resolved = config.resolved();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", resolved.name()).put("protocol", resolved.protocol().toString()).put("seed", resolved.seed())
                .put("sha256", config.sha256()).put("paper_scale", PaperComparison.isPaperScale(resolved));
        node.putObject("model").put("n_layer", resolved.model().nLayer()).put("d_model", resolved.model().dModel())
                .put("n_head", resolved.model().nHead()).put("seq_len", resolved.model().seqLen());
        node.putObject("train").put("steps", resolved.train().steps()).put("batch_size", resolved.train().batchSize());
        node.put("yaml", config.yaml());
        return node;
    }

    private static ObjectNode control(RunReport report) {
        ControlCheck check = ControlCheck.of(report);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("controlled", check.controlled());
        node.put("same_data", check.sameData());
        node.put("same_budget", check.sameBudget());
        node.put("budgets_match_config", check.budgetsMatchConfig());
        node.put("same_prompt", check.samePrompt());
        node.put("param_difference_mdlm_minus_ar", check.paramDifference());
        ObjectNode prompt = node.putObject("prompt");
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            prompt.put(run.paradigm().id(), run.promptDescription());
        }
        ArrayNode differing = node.putArray("differing_sampler_settings");
        check.differingSamplerSettings().forEach(differing::add);
        ArrayNode problems = node.putArray("problems");
        check.problems().forEach(problems::add);
        return node;
    }

    /** The training records as metrics.jsonl holds them (same field names), and what the report derives from them. */
    private static ObjectNode training(ParadigmRun run) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("summary", RunJson.tree(run.summary()));
        node.put("best_val_ppl", Math.exp(run.summary().analysis().bestValLoss()));
        node.put("val_ppl_is_upper_bound", run.likelihoodIsBound());
        OptionalLong converged = Convergence.step(run.evals());
        if (converged.isPresent()) {
            node.put("convergence_step", converged.getAsLong());
        } else {
            node.putNull("convergence_step");
        }
        ArrayNode evals = node.putArray("evals");
        run.evals().forEach(e -> evals.add(RunJson.tree(e)));
        ArrayNode train = node.putArray("train");
        run.train().forEach(t -> train.add(RunJson.tree(t)));
        return node;
    }

    /** The sample records as metrics.json holds them, with the fluency numbers among the metrics. */
    private static ObjectNode samples(ParadigmRun run) {
        SampleEvaluation e = run.evaluation();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n_samples", e.nSamples()).put("seed", e.seed());
        node.set("sampler", RunJson.tree(e.sampler()));
        ObjectNode metrics = node.putObject("metrics");
        run.metrics().forEach((name, estimate) -> metrics.set(name, MAPPER.valueToTree(estimate)));
        run.textMetrics().forEach(metrics::put);
        node.set("validation", RunJson.tree(e.validation()));
        node.set("fluency", RunJson.tree(e.fluency()));
        ArrayNode first = node.putArray("first_samples");
        run.firstSamples().forEach(s -> first.addObject().put("index", s.index()).put("text", s.text()));
        return node;
    }

    private static ObjectNode data(DataManifest data) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source_type", String.valueOf(data.source().getOrDefault("type", "unknown")))
                .put("seq_len", data.seqLen()).put("train_tokens", data.train().tokens())
                .put("val_tokens", data.val().tokens()).put("unigram_entropy_nats", data.unigramEntropyNats());
        node.set("tokenizer", MAPPER.valueToTree(data.tokenizer()));
        return node;
    }

    /**
     * The published study's choices beside this run's: the keys on which the run departs from them (the paper table
     * needs none), and how its scale differs.
     */
    private static ObjectNode studyProtocol(ExperimentConfig resolved) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("follows_study", StudyProtocol.follows(resolved));
        StudyProtocol.departures(resolved).forEach(node.putArray("departures")::add);
        StudyProtocol.scaleDifferences(resolved).forEach(node.putArray("scale_differences")::add);
        ArrayNode choices = node.putArray("choices");
        for (StudyProtocol.Choice choice : StudyProtocol.CHOICES) {
            ObjectNode c = choices.addObject().put("setting", choice.setting()).put("study", choice.study())
                    .put("why", choice.why());
            ObjectNode values = c.putObject("this_run");
            choice.keys().forEach(k -> values.put(k, resolved.value(k)));
        }
        return node;
    }

    private static ArrayNode paper(RunReport report) {
        List<PaperComparison.Row> rows = PaperComparison.rows(report);
        if (rows.isEmpty()) {
            return null;
        }
        ArrayNode array = MAPPER.createArrayNode();
        for (PaperComparison.Row r : rows) {
            array.addObject().put("key", r.key()).put("quantity", r.quantity()).put("ar_run", r.arRun())
                    .put("ar_paper", r.arPaper()).put("mdlm_run", r.mdlmRun()).put("mdlm_paper", r.mdlmPaper());
        }
        return array;
    }
}
