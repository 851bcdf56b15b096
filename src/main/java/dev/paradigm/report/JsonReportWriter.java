package dev.paradigm.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.metrics.Estimate;
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
        training.set("ar", training(report.ar()));
        training.set("mdlm", training(report.mdlm()));
        training.put("throughput_ratio_ar_over_mdlm",
                report.ar().summary().tokensPerS() / report.mdlm().summary().tokensPerS());
        ObjectNode samples = root.putObject("samples");
        samples.set("ar", samples(report.ar()));
        samples.set("mdlm", samples(report.mdlm()));
        ArrayNode comparisons = samples.putArray("comparisons");
        for (MetricComparison c : MetricComparison.all(report)) {
            comparisons.addObject().put("metric", c.metric()).put("outside_intervals", c.outsideIntervals())
                    .put("higher", c.higher());
        }
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
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", config.name()).put("protocol", config.protocol()).put("seed", config.seed())
                .put("sha256", config.sha256()).put("paper_scale", config.isPaperScale());
        node.putObject("model").put("n_layer", config.nLayer()).put("d_model", config.dModel())
                .put("n_head", config.nHead()).put("seq_len", config.seqLen());
        node.putObject("train").put("steps", config.steps()).put("batch_size", config.batchSize());
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
        node.putObject("prompt").put("ar", report.ar().evaluation().promptDescription())
                .put("mdlm", report.mdlm().evaluation().promptDescription());
        ArrayNode differing = node.putArray("differing_sampler_settings");
        check.differingSamplerSettings().forEach(differing::add);
        ArrayNode problems = node.putArray("problems");
        check.problems().forEach(problems::add);
        return node;
    }

    private static ObjectNode training(ParadigmRun run) {
        ObjectNode node = MAPPER.createObjectNode();
        TrainingSummary s = run.summary();
        ObjectNode summary = node.putObject("summary");
        summary.put("steps", s.steps()).put("batch_size", s.batchSize()).put("seq_len", s.seqLen())
                .put("tokens", s.tokens()).put("train_time_s", s.trainTimeS()).put("eval_time_s", s.evalTimeS())
                .put("checkpoint_time_s", s.checkpointTimeS()).put("wall_s", s.wallS())
                .put("tokens_per_s", s.tokensPerS()).put("data_digest", s.dataDigest()).put("params", s.params())
                .put("flops_per_token", s.flopsPerToken());
        OverfitAnalysis a = s.analysis();
        ObjectNode analysis = summary.putObject("analysis");
        analysis.put("best_step", a.bestStep()).put("best_val_loss", a.bestValLoss()).put("overfit", a.overfit())
                .put("overfit_step", a.overfitStep()).put("still_improving", a.stillImproving())
                .put("last_evals_slope", a.lastEvalsSlope());
        node.put("best_val_ppl", Math.exp(a.bestValLoss()));
        node.put("val_ppl_is_upper_bound", run.likelihoodIsBound());
        OptionalLong converged = Convergence.step(run.evals());
        if (converged.isPresent()) {
            node.put("convergence_step", converged.getAsLong());
        } else {
            node.putNull("convergence_step");
        }
        ArrayNode evals = node.putArray("evals");
        for (EvalPoint e : run.evals()) {
            evals.addObject().put("step", e.step()).put("val_loss", e.valLoss()).put("val_ppl", e.valPpl())
                    .put("train_loss", e.trainLoss()).put("eval_s", e.evalS());
        }
        ArrayNode train = node.putArray("train");
        for (TrainPoint t : run.train()) {
            train.addObject().put("step", t.step()).put("loss", t.loss()).put("grad_norm", t.gradNorm())
                    .put("lr", t.lr()).put("tokens_per_s", t.tokensPerS()).put("elapsed_s", t.elapsedS());
        }
        return node;
    }

    private static ObjectNode samples(ParadigmRun run) {
        SampleEvaluation e = run.evaluation();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n_samples", e.nSamples()).put("seed", e.seed());
        ObjectNode sampler = node.putObject("sampler");
        e.sampler().forEach(sampler::put);
        ObjectNode metrics = node.putObject("metrics");
        e.metrics().forEach((name, estimate) -> metrics.set(name, estimate(estimate)));
        e.textMetrics().forEach(metrics::put);
        node.putObject("validation").put("val_loss", e.validation().valLoss()).put("val_ppl", e.validation().valPpl())
                .put("bound", e.validation().bound());
        ObjectNode fluency = node.putObject("fluency");
        fluency.set("gen_ppl", e.genPpl() == null ? null : estimate(e.genPpl()));
        fluency.put("judge", e.judge());
        ArrayNode first = node.putArray("first_samples");
        run.firstSamples().forEach(s -> first.addObject().put("index", s.index()).put("text", s.text()));
        return node;
    }

    private static ObjectNode estimate(Estimate e) {
        return MAPPER.createObjectNode().put("value", e.value()).put("ci_low", e.ciLow()).put("ci_high", e.ciHigh());
    }

    private static ObjectNode data(DataInfo data) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source_type", data.sourceType()).put("seq_len", data.seqLen())
                .put("train_tokens", data.trainTokens()).put("val_tokens", data.valTokens())
                .put("unigram_entropy_nats", data.unigramEntropyNats());
        node.putObject("tokenizer").put("kind", data.tokenizerKind()).put("vocab_size", data.vocabSize())
                .put("sha256", data.tokenizerSha256());
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
