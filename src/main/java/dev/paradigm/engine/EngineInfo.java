package dev.paradigm.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine reports about itself: parameter counts (without vocabulary padding rows), FLOPs per
 * token, where it runs. {@code raw} keeps the full JSON for provenance.
 */
public record EngineInfo(long params, double flopsPerToken, String device, String dtype, boolean compiled, JsonNode raw) {

    static EngineInfo of(JsonNode json) {
        return new EngineInfo(
                json.path("params").asLong(),
                json.path("flops_per_token").asDouble(),
                json.path("device").asText(),
                json.path("dtype").asText(),
                json.path("compiled").asBoolean(),
                json);
    }
}
