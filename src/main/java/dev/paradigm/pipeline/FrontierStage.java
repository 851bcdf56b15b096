package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.config.FrontierConfig;
import dev.paradigm.config.SampleConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.FrontierFile;
import dev.paradigm.run.FrontierLine;
import dev.paradigm.run.FrontierLine.Knob;
import dev.paradigm.run.RunFileException;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.SampleLine;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the quality–diversity frontier's samples ({@code frontier.jsonl}): {@code evaluate.frontier.samples} at each
 * setting of the paradigm's own knobs, from the same best checkpoint as samples.jsonl. AR turns its temperature; MDLM
 * its temperature (at {@code sample.mdlm_steps}) and its number of denoising steps (at {@code sample.temperature}).
 * Every other sampler setting is the {@code sample} section's, so the curve moves one knob at a time.
 */
public final class FrontierStage {
    private FrontierStage() {}

    /** One setting: the knob it turns and the whole sample section it draws with. */
    public record Setting(Knob knob, SampleConfig sample) {}

    /**
     * The settings of {@code paradigm}, in the order they are drawn: temperatures spread evenly from
     * {@code temperature_low} to {@code temperature_high}, then (MDLM) step counts spread geometrically from
     * {@code mdlm_steps_low} to {@code mdlm_steps_high} (each step doubles the steps as often as the range allows,
     * since a sampler's quality moves with the log of its steps). Empty when the frontier is off.
     */
    public static List<Setting> settings(ExperimentConfig config, Paradigm paradigm) {
        FrontierConfig f = config.evaluate().frontier();
        List<Setting> settings = new ArrayList<>();
        if (!f.enabled()) {
            return settings;
        }
        SampleConfig base = config.sample();
        for (int i = 0; i < f.points(); i++) {
            double t = f.temperatureLow() + (f.temperatureHigh() - f.temperatureLow()) * i / (f.points() - 1);
            settings.add(new Setting(Knob.TEMPERATURE, with(base, f.samples(), Math.round(t * 1e6) / 1e6,
                    base.mdlmSteps())));
        }
        if (paradigm == Paradigm.MDLM) {
            double ratio = (double) f.mdlmStepsHigh() / f.mdlmStepsLow();
            int previous = 0;
            for (int i = 0; i < f.points(); i++) {
                int steps = (int) Math.round(f.mdlmStepsLow() * Math.pow(ratio, (double) i / (f.points() - 1)));
                steps = Math.max(steps, previous + 1); // distinct counts (the validator leaves room for them)
                previous = steps;
                settings.add(new Setting(Knob.MDLM_STEPS, with(base, f.samples(), base.temperature(), steps)));
            }
        }
        return settings;
    }

    private static SampleConfig with(SampleConfig s, int n, double temperature, int mdlmSteps) {
        return new SampleConfig(n, s.length(), s.batchSize(), s.arPrompt(), s.mdlmPrompt(), s.promptText(), temperature,
                s.topK(), s.topP(), s.stopAtEos(), s.mdlmSampler(), mdlmSteps, s.float64(), s.confidence());
    }

    /**
     * Complete when the frontier is off, or when frontier.jsonl holds {@code samples} lines for each of the settings the
     * config asks for now, drawn with exactly those settings (as {@link SampleStage#isComplete} judges samples.jsonl).
     */
    public static boolean isComplete(RunFolder run, Paradigm paradigm, ExperimentConfig config) {
        List<Setting> settings = settings(config, paradigm);
        if (settings.isEmpty()) {
            return true;
        }
        if (!Files.exists(run.frontierSamples(paradigm))) {
            return false;
        }
        try {
            return matches(FrontierFile.read(run, paradigm), settings);
        } catch (RunFileException damagedOrOlder) { // drawn again
            return false;
        }
    }

    /** Whether {@code lines} are the samples of {@code settings}: each setting's n lines, in order, with its values. */
    static boolean matches(List<FrontierLine> lines, List<Setting> settings) {
        int expected = settings.stream().mapToInt(s -> s.sample().n()).sum();
        if (lines.size() != expected) {
            return false;
        }
        int at = 0;
        for (int p = 0; p < settings.size(); p++) {
            Setting setting = settings.get(p);
            for (int i = 0; i < setting.sample().n(); i++, at++) {
                FrontierLine line = lines.get(at);
                if (line.point() != p || line.knob() != setting.knob()
                        || !line.sample().sampler().sample().equals(setting.sample())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Seeds of setting {@code point}'s batches: apart from samples.jsonl's and from every other setting's. */
    static long batchSeed(long seed, Paradigm paradigm, int point, int b) {
        return SampleStage.batchSeed(seed + 0x632BE59BD9B4E019L * (point + 1), paradigm, b);
    }

    /** Draws every setting and writes frontier.jsonl; does nothing when the frontier is off. */
    public static void run(ExperimentConfig config, RunFolder run, Paradigm paradigm, PythonRuntime python) {
        List<Setting> settings = settings(config, paradigm);
        if (settings.isEmpty()) {
            return;
        }
        SampleStage.Sampler sampler = SampleStage.Sampler.load(config, run, paradigm, python);
        List<FrontierLine> lines = new ArrayList<>();
        for (int p = 0; p < settings.size(); p++) {
            Setting setting = settings.get(p);
            int point = p;
            String label = paradigm.id() + " frontier " + (p + 1) + "/" + settings.size();
            for (SampleLine sample : sampler.draw(setting.sample(), b -> batchSeed(config.seed(), paradigm, point, b), label)) {
                lines.add(new FrontierLine(p, setting.knob(), sample));
            }
        }
        FrontierFile.write(run, paradigm, lines);
    }
}
