package dev.paradigm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static ExperimentConfig fromYaml(String yaml, String... overrides) {
        return ConfigLoader.fromYaml(yaml, "test.yaml", List.of(overrides));
    }

    @Test
    void partialConfigKeepsTheDefaultsForEverythingItLeavesOut() {
        ExperimentConfig partial = fromYaml("""
                name: small
                train:
                  steps: 50
                  lr: 3e-4
                model:
                  n_layer: 2
                """);
        assertEquals("small", partial.name());
        assertEquals(50, partial.train().steps());
        assertEquals(3e-4, partial.train().lr(), 0.0);
        assertEquals(2, partial.model().nLayer());
        // Untouched keys, in a touched section and in untouched sections, are demo.yaml's values.
        assertEquals(16, partial.train().batchSize());
        assertEquals(50, partial.train().warmupSteps());
        assertEquals(128, partial.model().dModel());
        assertEquals(1337, partial.seed());
        assertEquals(new MdlmConfig(NoiseSchedule.LOGLINEAR, MdlmLoss.NELBO, TimeSampler.ANTITHETIC, 0.001, 1),
                partial.mdlm());
        assertEquals(ConfigLoader.defaults().data(), partial.data());
    }

    @Test
    void emptyFileAndEmptySectionMeanAllDefaults() {
        ExperimentConfig defaults = ConfigLoader.defaults();
        assertEquals(defaults, fromYaml(""));
        assertEquals(defaults, fromYaml("# only a comment\n"));
        assertEquals(defaults, fromYaml("train:\n  # steps: 5\n"));
    }

    @Test
    void setParsesNumbersBooleansStringsAndNull() {
        ExperimentConfig c = fromYaml("sample:\n  prompt_text: hello\n",
                "train.steps=800",
                "train.lr=2.5e-4",
                "data.token_budget=123456789012",
                "model.time_conditioning=true",
                "sample.float64=false",
                "data.path=stories/train.txt",
                "sample.prompt_text=null",
                "evaluate.judge=runs/big/ar",
                "seed=7");
        assertEquals(800, c.train().steps());
        assertEquals(2.5e-4, c.train().lr(), 0.0);
        assertEquals(123_456_789_012L, c.data().tokenBudget());
        assertTrue(c.model().timeConditioning());
        assertFalse(c.sample().float64());
        assertEquals("stories/train.txt", c.data().path());
        assertNull(c.sample().promptText());
        assertEquals("runs/big/ar", c.evaluate().judge());
        assertEquals(7, c.seed());
    }

    @Test
    void setReadsEnumsQuotedTextAndTextThatLooksLikeYaml() {
        ExperimentConfig c = fromYaml("",
                "sample.ar_prompt=eos-text",
                "sample.prompt_text='true'",
                "train.compile=false",
                "protocol=arche-2026",
                "mdlm.loss=masked-mean",
                "sample.confidence.final_temperature_ratio=0.25",
                "model.impl=mypkg.models:build");
        assertEquals(Prompt.EOS_TEXT, c.sample().arPrompt());
        assertEquals(MdlmLoss.MASKED_MEAN, c.mdlm().loss());
        assertEquals(0.25, c.sample().confidence().finalTemperatureRatio(), 0.0);
        assertEquals("true", c.sample().promptText());
        assertEquals(Compile.FALSE, c.train().compile());
        assertEquals(Protocol.ARCHE_2026, c.protocol());
        assertEquals("mypkg.models:build", c.model().impl());

        ExperimentConfig story = fromYaml("", "sample.ar_prompt=text", "sample.prompt_text=Once upon a time: the end");
        assertEquals("Once upon a time: the end", story.sample().promptText());
    }

    @Test
    void wholeNumbersMayBeWrittenWithAnExponentOrAZeroFraction() {
        ExperimentConfig c = fromYaml("data:\n  token_budget: 5e7\ntrain:\n  steps: 600.0\n", "sample.n=1.0e3");
        assertEquals(50_000_000L, c.data().tokenBudget());
        assertEquals(600, c.train().steps());
        assertEquals(1000, c.sample().n());
    }

    @Test
    void setComesAfterTheFileAndTheLastSetWins() {
        ExperimentConfig c = fromYaml("train:\n  steps: 50\n", "train.steps=70", "train.steps=90");
        assertEquals(90, c.train().steps());
    }

    @Test
    void compileAcceptsAutoAndBothBooleans() {
        assertEquals(Compile.AUTO, fromYaml("train:\n  compile: auto\n").train().compile());
        assertEquals(Compile.TRUE, fromYaml("train:\n  compile: true\n").train().compile());
        assertEquals(Compile.FALSE, fromYaml("train:\n  compile: false\n").train().compile());
        assertTrue(fromYaml("train:\n  compile: true\n").toJson().contains("\"compile\":true"));
        assertTrue(fromYaml("").toJson().contains("\"compile\":\"auto\""));
    }

    @Test
    void loadsAUserFileByPathAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: mine\ntrain:\n  steps: 10\n  warmup_steps: 5\n");
        ExperimentConfig c = ConfigLoader.load(file.toString(), List.of("train.batch_size=4"));
        assertEquals("mine", c.name());
        assertEquals(10, c.train().steps());
        assertEquals(4, c.train().batchSize());

        Files.writeString(file, "train:\n  stepz: 10\n");
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertTrue(error.getMessage().contains("in " + file), error.getMessage());
    }

    @Test
    void anUnknownNameListsTheShippedConfigs() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("no-such-config", List.of()));
        assertTrue(error.getMessage().contains("No config file 'no-such-config'"), error.getMessage());
        assertTrue(error.getMessage().contains("demo, tinystories, arche-2026"), error.getMessage());
    }

    @Test
    void shippedNameMayCarryTheYamlSuffix() {
        assertEquals(ConfigLoader.defaults(), ConfigLoader.load("demo.yaml", List.of()));
    }
}
