package dev.paradigm.run;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.train.CurveAnalysis;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl} ({@link MetricsLog} writes and reads them): a training log interval, an
 * evaluation, or the summary that ends a finished run. The kind is the line's first field, {@code "kind"}; the
 * other fields are the record's components in snake_case (docs/run-folder.md). Adding a field is adding a
 * component (and bumping {@link MetricsLog}'s version, so older logs are refused with the command that redoes them).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MetricsLine.Train.class, name = "train"),
    @JsonSubTypes.Type(value = MetricsLine.Eval.class, name = "eval"),
    @JsonSubTypes.Type(value = MetricsLine.Summary.class, name = "summary")})
public sealed interface MetricsLine {

    /**
     * The line's numbers as scalars for a tracking tool: each numeric field (nested ones by dotted name) tagged
     * {@code <kind>/<field>}, e.g. {@code train/loss}, {@code eval/val_ppl}, {@code summary/tokens_per_s}; the step
     * is where they are plotted, so it is not one of them.
     */
    static Map<String, Double> scalars(MetricsLine line) {
        Map<String, JsonNode> fields = RunJson.fields(line);
        String kind = fields.get("kind").asText();
        Map<String, Double> scalars = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value.isNumber() && !name.equals("step")) {
                scalars.put(kind + "/" + name, value.asDouble());
            }
        });
        return scalars;
    }

    /**
     * The training loss at a log interval.
     *
     * @param loss       mean training loss over the steps since the previous train line
     * @param gradNorm   the gradient norm of the last step
     * @param tokensPerS throughput since the previous synchronised point (the global batch)
     * @param elapsedS   wall seconds since this process started training
     */
    record Train(int step, double loss, double gradNorm, double lr, double tokensPerS, double elapsedS)
            implements MetricsLine {}

    /**
     * A validation evaluation. {@code valLoss} is nats per token: AR's mean next-token NLL ({@code valPpl}, its exp, an
     * exact perplexity), MDLM's mean NELBO ({@code valPpl} an upper bound).
     *
     * @param epoch     passes over the training data so far: step × batch × seq_len / training tokens (the data order
     *                  is one permutation of the training chunks per epoch, so 2.5 means every chunk was seen twice and
     *                  half of them a third time)
     * @param valCe     the published study's validation number when the config asks for it (train.val_ce_chunks),
     *                  else null: the mean of batch-mean cross-entropies of the training loss (AR next-token; MDLM
     *                  unweighted over masked tokens, so not a bound) on the first validation chunks
     * @param trainLoss mean training loss since the previous evaluation (NaN when no step ran since)
     * @param evalS     seconds of this evaluation, both numbers
     */
    record Eval(int step, double epoch, double valLoss, double valPpl, Double valCe, double trainLoss, double evalS)
            implements MetricsLine {}

    /**
     * The last line of a finished run: budget, timings, the batch stream's digest, model size and what the validation
     * curve says.
     *
     * @param worldSize  processes that trained (docs/distributed.md)
     * @param tokensPerS training tokens per second of training time (the global batch)
     * @param loopTokensPerS training tokens per second of the training loop's wall clock, evaluations and
     *                   checkpoints included: how the published study measured its throughput
     * @param dataDigest sha256 hex of the batch stream, equal for both paradigms of a controlled run
     */
    record Summary(Paradigm paradigm, int steps, int batchSize, int seqLen, long tokens, int worldSize,
            double trainTimeS, double evalTimeS, double checkpointTimeS, double wallS, double tokensPerS,
            double loopTokensPerS, String dataDigest, long params, double flopsPerToken, String device, String dtype, CurveAnalysis analysis)
            implements MetricsLine {

        /** steps × batch × seq_len, the token budget the configuration implies. */
        public long plannedTokens() {
            return (long) steps * batchSize * seqLen;
        }
    }
}
