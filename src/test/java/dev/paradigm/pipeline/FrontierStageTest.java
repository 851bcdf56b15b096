package dev.paradigm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.FrontierLine;
import dev.paradigm.run.FrontierLine.Knob;
import dev.paradigm.run.SampleLine;
import dev.paradigm.run.SamplerSettings;
import dev.paradigm.testing.TinyConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which settings the frontier draws, and when frontier.jsonl is complete. */
class FrontierStageTest {

    @Test
    void arTurnsItsTemperatureAndMdlmAlsoItsSteps() {
        ExperimentConfig config = TinyConfig.load("evaluate.frontier.points=4", "evaluate.frontier.mdlm_steps_low=16",
                "evaluate.frontier.mdlm_steps_high=128", "evaluate.frontier.samples=6");
        List<FrontierStage.Setting> ar = FrontierStage.settings(config, Paradigm.AR);
        assertEquals(List.of(0.7, 0.9, 1.1, 1.3), ar.stream().map(s -> s.sample().temperature()).toList());
        assertTrue(ar.stream().allMatch(s -> s.knob() == Knob.TEMPERATURE && s.sample().n() == 6
                && s.sample().mdlmSteps() == config.sample().mdlmSteps() && s.sample().topP() == config.sample().topP()));
        List<FrontierStage.Setting> mdlm = FrontierStage.settings(config, Paradigm.MDLM);
        assertEquals(8, mdlm.size());
        // 16 · 8^(i/3): 16, 32, 64, 128 at sample.temperature
        assertEquals(List.of(16, 32, 64, 128), mdlm.subList(4, 8).stream().map(s -> s.sample().mdlmSteps()).toList());
        assertTrue(mdlm.subList(4, 8).stream().allMatch(s -> s.knob() == Knob.MDLM_STEPS
                && s.sample().temperature() == config.sample().temperature()));
        assertEquals(List.of(), FrontierStage.settings(TinyConfig.load("evaluate.frontier.points=0"), Paradigm.MDLM));
    }

    @Test
    void stepCountsThatWouldRoundToTheSameNumberAreKeptApart() {
        ExperimentConfig config = TinyConfig.load("evaluate.frontier.points=5", "evaluate.frontier.mdlm_steps_low=1",
                "evaluate.frontier.mdlm_steps_high=5");
        assertEquals(List.of(1, 2, 3, 4, 5), FrontierStage.settings(config, Paradigm.MDLM).subList(5, 10).stream()
                .map(s -> s.sample().mdlmSteps()).toList());
    }

    @Test
    void theFileIsCompleteOnlyWithEverySettingsSamplesDrawnWithIt() {
        ExperimentConfig config = TinyConfig.load();
        List<FrontierStage.Setting> settings = FrontierStage.settings(config, Paradigm.AR);
        List<FrontierLine> lines = new ArrayList<>();
        for (int p = 0; p < settings.size(); p++) {
            SamplerSettings sampler = new SamplerSettings(settings.get(p).sample(), config.sample().arPrompt(), List.of(0),
                    config.protocol());
            for (int i = 0; i < settings.get(p).sample().n(); i++) {
                lines.add(new FrontierLine(p, settings.get(p).knob(), new SampleLine(i, List.of(0, 5), "x", 1, Paradigm.AR,
                        "ar/checkpoints/step-000020", sampler)));
            }
        }
        assertTrue(FrontierStage.matches(lines, settings));
        assertFalse(FrontierStage.matches(lines.subList(1, lines.size()), settings), "a sample short");
        List<FrontierStage.Setting> hotter = FrontierStage.settings(TinyConfig.load("evaluate.frontier.temperature_high=1.5"),
                Paradigm.AR);
        assertFalse(FrontierStage.matches(lines, hotter), "drawn with another temperature");
    }

    @Test
    void everySettingDrawsFromItsOwnSeeds() {
        long main = SampleStage.batchSeed(1337, Paradigm.AR, 0);
        long first = FrontierStage.batchSeed(1337, Paradigm.AR, 0, 0);
        long second = FrontierStage.batchSeed(1337, Paradigm.AR, 1, 0);
        assertEquals(3, java.util.Set.of(main, first, second).size());
    }
}
