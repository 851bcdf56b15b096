package dev.paradigm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedConfigsTest {
    private static final Path CONFIGS = Path.of("configs");

    @ParameterizedTest
    @ValueSource(strings = {"demo", "tinystories", "arche-2026", "tinystories-cpu"})
    void everyShippedConfigLoadsByNameAndByPath(String name) {
        ExperimentConfig byName = ConfigLoader.load(name, List.of());
        ExperimentConfig byPath = ConfigLoader.load(CONFIGS.resolve(name + ".yaml").toString(), List.of());
        assertEquals(name, byName.name());
        assertEquals(byName, byPath);
    }

    /** demo.yaml is the schema: its keys must be exactly the records' keys, in the same order. */
    @Test
    void demoYamlHasExactlyTheRecordsKeysInOrder() throws Exception {
        JsonNode demo = new YAMLMapper().readTree(Files.readString(CONFIGS.resolve("demo.yaml")));
        List<String> yamlKeys = new ArrayList<>();
        collectLeafPaths(demo, "", yamlKeys);
        List<String> recordKeys = ConfigSchema.leaves().stream().map(ConfigSchema.Leaf::path).toList();
        assertEquals(yamlKeys, recordKeys);
    }

    /** Every value written in a shipped file survives loading: the resolved JSON holds the same tree. */
    @ParameterizedTest
    @ValueSource(strings = {"demo", "tinystories", "arche-2026", "tinystories-cpu"})
    void resolvedJsonHoldsTheFilesValues(String name) throws Exception {
        JsonNode file = new YAMLMapper().readTree(Files.readString(CONFIGS.resolve(name + ".yaml")));
        JsonNode resolved = new ObjectMapper().readTree(ConfigLoader.loadShipped(name, List.of()).toJson());
        List<String> paths = new ArrayList<>();
        collectLeafPaths(file, "", paths);
        for (String path : paths) {
            JsonNode expected = file.at("/" + path.replace('.', '/'));
            JsonNode actual = resolved.at("/" + path.replace('.', '/'));
            if (expected.isNumber()) {
                assertEquals(expected.doubleValue(), actual.doubleValue(), 0.0, path);
            } else {
                assertEquals(expected, actual, path);
            }
        }
    }

    @Test
    void tinyStoriesIsThePapersScaleUnderTheControlledProtocol() {
        ExperimentConfig c = ConfigLoader.loadShipped("tinystories", List.of());
        assertEquals(Protocol.CONTROLLED, c.protocol());
        assertEquals(Source.TEXT, c.data().source());
        assertTrue(c.data().path().endsWith("TinyStories-train.txt"));
        assertEquals(51, c.data().minChars());
        assertEquals(50_000_000L, c.data().tokenBudget());
        assertEquals(Separator.EOS, c.data().separator());
        assertEquals(TokenizerKind.GPT2, c.data().tokenizer());
        assertEquals(50257, c.data().vocabSize());
        assertEquals(new ModelConfig(12, 768, 12, 2048, 512, false, 1000.0, MdlmHead.TIED, Init.GPT2, 1e-5, null),
                c.model());
        assertEquals(20000, c.train().steps());
        assertEquals(32, c.train().batchSize());
        assertEquals(3e-4, c.train().lr(), 0.0);
        assertEquals(500, c.train().warmupSteps());
        assertEquals(0.05, c.train().minLrRatio(), 0.0);
        assertEquals(2000, c.train().evalInterval());
        assertEquals(2000, c.train().checkpointInterval());
        assertEquals(1000, c.sample().n());
        assertEquals(128, c.sample().length());
        assertEquals(Prompt.EOS, c.sample().arPrompt());
        assertEquals(Prompt.EOS, c.sample().mdlmPrompt());
        assertEquals(WeightDecayScope.MATRICES, c.train().weightDecayScope());
        assertEquals(new MdlmConfig(NoiseSchedule.LOGLINEAR, MdlmLoss.NELBO, TimeSampler.ANTITHETIC, 0.001, 1), c.mdlm());
    }

    @Test
    void tinyStoriesCpuReadsTheHubOrTheLocalFilesWithItsOwnValidationSplit() {
        ExperimentConfig hub = ConfigLoader.loadShipped("tinystories-cpu", List.of());
        assertEquals(Protocol.CONTROLLED, hub.protocol());
        assertEquals(Source.HUB, hub.data().source());
        assertEquals(Split.DATASET, hub.data().split());
        assertEquals(TokenizerKind.BPE, hub.data().tokenizer());
        assertEquals(Separator.EOS, hub.data().separator());
        assertTrue(hub.data().tokenBudget() > 0, "the hub's train split is 2.1M stories: the config keeps a budget");
        // the README's offline command: three keys point it at the local files, nothing else changes
        ExperimentConfig local = ConfigLoader.loadShipped("tinystories-cpu", List.of("data.source=text",
                "data.path=../shared/data/tinystories/TinyStories-train-head.txt",
                "data.val_path=../shared/data/tinystories/TinyStories-valid-head1000.txt"));
        assertEquals(Source.TEXT, local.data().source());
        assertEquals(List.of("data.source: hub → text",
                "data.path: null → ../shared/data/tinystories/TinyStories-train-head.txt",
                "data.val_path: null → ../shared/data/tinystories/TinyStories-valid-head1000.txt"),
                ExperimentConfig.diff(hub, local));
    }

    @Test
    void archeReproducesThePapersChoicesAtTheSameScale() {
        ExperimentConfig arche = ConfigLoader.loadShipped("arche-2026", List.of());
        ExperimentConfig tiny = ConfigLoader.loadShipped("tinystories", List.of());
        assertEquals(Protocol.ARCHE_2026, arche.protocol());
        assertEquals(Separator.NONE, arche.data().separator());
        assertEquals(Prompt.TEXT, arche.sample().arPrompt());
        assertEquals(Prompt.NONE, arche.sample().mdlmPrompt());
        assertEquals("Once", arche.sample().promptText());
        assertEquals(MdlmSampler.CONFIDENCE, arche.sample().mdlmSampler());
        // its sampler exactly: logit / min(1.3^count, 5), temperature max(0.8·(0.4 + 0.6 t), 0.1), 100 steps
        assertEquals(new ConfidenceConfig(1.3, 5.0, 0.4, 0.1), arche.sample().confidence());
        assertEquals(100, arche.sample().mdlmSteps());
        assertEquals(0.8, arche.sample().temperature(), 0.0);
        assertFalse(arche.sample().stopAtEos());
        assertEquals(128, arche.sample().length()); // "Once" and 127 new tokens
        assertEquals(new MdlmConfig(NoiseSchedule.COSINE, MdlmLoss.MASKED_MEAN, TimeSampler.UNIFORM, 0.001, 1),
                arche.mdlm());
        assertEquals(new ModelConfig(12, 768, 12, 2048, 512, true, 1.0, MdlmHead.UNTIED, Init.PYTORCH, 1e-6, null),
                arche.model());
        assertEquals(SplitRule.PERMUTATION_TAIL, arche.data().splitRule());
        assertEquals(50, arche.data().valMinChunks());
        assertEquals(42, arche.data().splitSeed());
        assertEquals(1600, arche.train().valCeChunks());
        assertEquals(32, arche.train().valCeBatchSize());
        assertEquals(List.of("train.weight_decay: 0.1 → 0.01", "train.weight_decay_scope: matrices → all",
                "train.beta2: 0.95 → 0.999", "train.precision: bf16 → float32", "train.val_ce_chunks: 0 → 1600"),
                ExperimentConfig.diff(tiny, arche).stream().filter(line -> line.startsWith("train.")).toList(),
                "arche-2026 trains as tinystories but for AdamW's decay and betas, float32 and the study's metric");
        assertEquals(Precision.BF16, tiny.train().precision());
        assertEquals(SplitRule.SORTED_SAMPLE, tiny.data().splitRule());
        assertEquals(tiny.model().nLayer(), arche.model().nLayer());
        assertEquals(tiny.model().dModel(), arche.model().dModel());
        assertNull(tiny.sample().promptText());
    }

    /** The README's table of the two protocols names every key on which the two paper-scale configs differ. */
    @Test
    void theReadmesProtocolTableNamesEveryKeyTheProtocolsDifferOn() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("## The two protocols");
        String table = readme.substring(from, readme.indexOf("\n\n", readme.indexOf("|", from)));
        ExperimentConfig arche = ConfigLoader.loadShipped("arche-2026", List.of());
        ExperimentConfig tinystories = ConfigLoader.loadShipped("tinystories", List.of());
        List<String> differing = ExperimentConfig.diff(tinystories, arche).stream()
                .map(line -> line.substring(0, line.indexOf(':'))).filter(k -> !k.equals("name")).toList();
        assertTrue(differing.size() > 20, differing.toString());
        for (String key : differing) {
            if (!key.equals("protocol")) {
                assertTrue(table.contains("`" + key + "`"), key + " in\n" + table);
            }
        }
    }

    private static void collectLeafPaths(JsonNode node, String prefix, List<String> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                collectLeafPaths(field.getValue(), path, out);
            } else {
                out.add(path);
            }
        }
    }
}
