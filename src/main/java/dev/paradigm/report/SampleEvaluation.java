package dev.paradigm.report;

import dev.paradigm.metrics.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metrics.json} of one paradigm: the sampler settings, the sample metrics with 95% intervals, the
 * validation likelihood and the fluency judge. Maps keep the file's order.
 *
 * @param sampler     sampler settings as text (nested values as compact JSON), keyed by setting name
 * @param metrics     numeric metrics such as {@code distinct_1}
 * @param textMetrics metrics whose value is a word, such as {@code top_first_word}
 * @param genPpl      generative perplexity under the judge, or null when the run did not measure it
 */
public record SampleEvaluation(int nSamples, long seed, Map<String, String> sampler,
                               Map<String, Estimate> metrics, Map<String, String> textMetrics,
                               Validation validation, Estimate genPpl, String judge) {

    public SampleEvaluation {
        // Copies that keep the file's order (Map.copyOf would not).
        sampler = Collections.unmodifiableMap(new LinkedHashMap<>(sampler));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        textMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(textMetrics));
    }

    /**
     * How the samples were started, in words: the paper's confound was an AR prompt ("Once") against an
     * unconditional MDLM, so the report compares this between paradigms.
     */
    public String promptDescription() {
        String kind = sampler.get("prompt");
        if (kind == null) {
            return "not recorded";
        }
        return switch (kind) {
            case "eos" -> "end-of-story token (unconditional)";
            case "none" -> "none (unconditional)";
            case "text" -> "text \"" + sampler.getOrDefault("prompt_text", "") + "\"";
            default -> kind;
        };
    }
}
