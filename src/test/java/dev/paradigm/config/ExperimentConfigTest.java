package dev.paradigm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentConfigTest {
    private static final ExperimentConfig DEMO = ConfigLoader.defaults();

    @Test
    void jsonAndYamlReadBackToAnEqualConfig() {
        ExperimentConfig tricky = ConfigLoader.fromYaml("", "test", List.of(
                "sample.mdlm_prompt=text", "sample.prompt_text='null'", "train.lr=3e-4", "train.adam_eps=1e-12",
                "train.compile=true", "data.token_budget=50000000000", "model.impl=a.b:c"));
        for (ExperimentConfig config : List.of(DEMO, tricky, ConfigLoader.loadShipped("arche-2026", List.of()))) {
            assertEquals(config, ConfigLoader.fromYaml(config.toJson(), "json", List.of()));
            assertEquals(config, ConfigLoader.fromYaml(config.toYaml(), "yaml", List.of()));
        }
    }

    @Test
    void jsonListsEveryKeyInDeclarationOrderWithSnakeCaseNames() {
        String json = DEMO.toJson();
        assertTrue(json.startsWith("{\"name\":\"demo\",\"seed\":1337,\"protocol\":\"controlled\",\"data\":{"
                + "\"source\":\"generated\",\"path\":null,\"val_path\":null,"), json);
        assertTrue(json.contains("\"model\":{\"n_layer\":4,\"d_model\":128,\"n_head\":4,\"d_ff\":352,\"seq_len\":128,"
                + "\"time_conditioning\":false,\"time_scale\":1000.0,\"mdlm_head\":\"tied\",\"init\":\"gpt2\","
                + "\"norm_eps\":1.0E-5,\"impl\":null}"), json);
        assertTrue(json.contains("\"mdlm\":{\"schedule\":\"loglinear\",\"loss\":\"nelbo\",\"time_sampler\":\"antithetic\","), json);
        assertTrue(json.contains("\"confidence\":{\"repetition_penalty\":1.3,\"repetition_cap\":5.0,"
                + "\"final_temperature_ratio\":0.4,\"min_temperature\":0.1}}"), json);
        assertTrue(json.endsWith("\"evaluate\":{\"bootstrap\":1000,\"smoothing\":\"method1\",\"judge\":null,\"grammar_samples\":50}}"), json);
    }

    @Test
    void hashIsTheSha256OfTheCanonicalJson() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(DEMO.toJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest), DEMO.hash());
        assertEquals(64, DEMO.hash().length());
    }

    @Test
    void hashIsStableAcrossLoadsAndChangesWithAnyValue() {
        assertEquals(DEMO.hash(), ConfigLoader.load("demo", List.of()).hash());
        assertEquals(DEMO.hash(), ConfigLoader.fromYaml("train:\n  steps: 600\n", "t", List.of()).hash());
        assertNotEquals(DEMO.hash(), ConfigLoader.fromYaml("", "t", List.of("train.steps=601")).hash());
        assertNotEquals(DEMO.hash(), ConfigLoader.fromYaml("", "t", List.of("sample.float64=false")).hash());
        assertNotEquals(DEMO.hash(), DEMO.withSeed(1338).hash());
    }

    @Test
    void diffListsExactlyTheKeysThatDiffer() {
        ExperimentConfig other = ConfigLoader.fromYaml("", "t",
                List.of("train.steps=800", "data.source=hub", "sample.prompt_text=Hi", "train.compile=false"));
        assertEquals(List.of(
                "data.source: generated → hub",
                "train.steps: 600 → 800",
                "train.compile: auto → false",
                "sample.prompt_text: null → Hi"), ExperimentConfig.diff(DEMO, other));
        assertEquals(List.of(), ExperimentConfig.diff(DEMO, ConfigLoader.defaults()));
    }

    @Test
    void withSeedChangesOnlyTheSeed() {
        ExperimentConfig seeded = DEMO.withSeed(7);
        assertEquals(7, seeded.seed());
        assertEquals(List.of("seed: 1337 → 7"), ExperimentConfig.diff(DEMO, seeded));
        assertThrows(ConfigException.class, () -> DEMO.withSeed(-1));
    }

    @Test
    void trainingHashIgnoresOnlyTheSampleAndEvaluateSections() {
        ExperimentConfig demo = ConfigLoader.defaults();
        ExperimentConfig otherSampling = ConfigLoader.fromYaml("", "t", List.of("sample.temperature=0.7", "evaluate.bootstrap=10"));
        ExperimentConfig otherTraining = ConfigLoader.fromYaml("", "t", List.of("train.lr=0.01"));
        assertEquals(demo.trainingHash(), otherSampling.trainingHash());
        assertNotEquals(demo.hash(), otherSampling.hash());
        assertNotEquals(demo.trainingHash(), otherTraining.trainingHash());
        assertFalse(demo.trainingJson().contains("\"sample\""));
        assertTrue(demo.trainingJson().contains("\"mdlm\""));
    }
}
