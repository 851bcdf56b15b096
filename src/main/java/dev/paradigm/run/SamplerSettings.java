package dev.paradigm.run;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.paradigm.config.Prompt;
import dev.paradigm.config.Protocol;
import dev.paradigm.config.SampleConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How samples were drawn: the resolved {@code sample} section (its keys at the top level), this paradigm's prompt and
 * its token ids, and the protocol. The {@code "sampler"} object of every {@code samples.jsonl} line and of
 * {@code metrics.json}.
 *
 * @param prompt    what this paradigm started from: {@code sample.ar_prompt} or {@code sample.mdlm_prompt}
 * @param promptIds the prefix every sample starts from (the prompt as the engine encoded it), or null when
 *                  unconditional
 */
public record SamplerSettings(@JsonUnwrapped SampleConfig sample, Prompt prompt, List<Integer> promptIds,
        Protocol protocol) {
    public SamplerSettings {
        promptIds = promptIds == null || promptIds.isEmpty() ? null : List.copyOf(promptIds);
    }

    /** Tokens of the prompt prefix (0 when unconditional). */
    public int promptLength() {
        return promptIds == null ? 0 : promptIds.size();
    }

    /** The settings as JSON, as the sampler and the files receive them. */
    public String toJson() {
        return RunJson.line(this);
    }

    /** Each setting's value as text (nested values as compact JSON), keyed by its name in the files, in their order. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        RunJson.tree(this).properties().forEach(e -> text.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return text;
    }
}
