package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.report.BrowserCheck;
import dev.paradigm.report.ReportGenerator;
import dev.paradigm.run.FileManifest;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.train.TrainingStoppedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole controlled experiment in one run folder: prepare → (the checks that need the data: {@link BeforeSampling})
 * → train AR → train MDLM → sample both (and their quality–diversity frontiers) → evaluate both → report. A stage whose output is complete is skipped, an interrupted one continues (training resumes
 * from its checkpoint); {@code force} redoes a stage and everything after it.
 */
public final class Experiment {
    private static final Logger log = LoggerFactory.getLogger(Experiment.class);

    private final ExperimentConfig config;
    private final RunFolder run;
    private final PythonRuntime python;
    private final Stage force;
    private final TrainRunner trainer;
    private final List<String> completed = new ArrayList<>();

    /** How the train stage of one paradigm runs: in this process by default, or by launching distributed workers. */
    @FunctionalInterface
    public interface TrainRunner {
        void train(ExperimentConfig config, RunFolder run, Paradigm paradigm);
    }

    public Experiment(ExperimentConfig config, RunFolder run, PythonRuntime python, Stage force) {
        this(config, run, python, force, (c, r, p) -> TrainStage.run(c, r, p, python));
    }

    public Experiment(ExperimentConfig config, RunFolder run, PythonRuntime python, Stage force, TrainRunner trainer) {
        this.config = config;
        this.run = run;
        this.python = python;
        this.force = force;
        this.trainer = trainer;
    }

    /** Runs the stages in the run folder, whose lock the caller holds. */
    public void run() {
        RunConfigGuard.check(run, config);
        step(Stage.PREPARE, "prepare", () -> PrepareStage.isComplete(run), List.of(),
                () -> PrepareStage.run(config, run, python));
        BeforeSampling.check(config, run, python); // a bad judge or memory budget is found now, not after training
        for (Paradigm p : Paradigm.values()) {
            step(Stage.TRAIN, "train " + p, () -> TrainStage.isComplete(run, p),
                    List.of(FileManifest.of(run.metricsLog(p)), run.metricsLog(p), run.checkpoints(p)),
                    () -> trainer.train(config, run, p));
        }
        for (Paradigm p : Paradigm.values()) {
            step(Stage.SAMPLE, "sample " + p, () -> SampleStage.isComplete(run, p, config),
                    List.of(), () -> SampleStage.run(config, run, p, python));
            step(Stage.SAMPLE, "frontier " + p, () -> FrontierStage.isComplete(run, p, config),
                    List.of(), () -> FrontierStage.run(config, run, p, python));
        }
        for (Paradigm p : Paradigm.values()) {
            step(Stage.EVALUATE, "evaluate " + p, () -> EvaluateStage.isComplete(run, p, config),
                    List.of(), () -> EvaluateStage.run(config, run, p, python));
        }
        RunConfigGuard.record(run, config); // sample.* or evaluate.* changes, once those stages have followed them
        step(Stage.REPORT, "report", () -> reportIsCurrent(run),
                List.of(run.report("png")), () -> writeReport(run));
    }

    /**
     * The report is current when its three files exist and none is older than a file it is made from (make's rule:
     * the inputs are few and written whole, so their modification times say whether they changed since).
     */
    static boolean reportIsCurrent(RunFolder run) {
        List<Path> inputs = new ArrayList<>(List.of(run.config()));
        for (Paradigm p : Paradigm.values()) {
            inputs.addAll(List.of(run.metricsLog(p), run.samples(p), run.sampleMetrics(p))); // frontier.jsonl: via metrics.json
        }
        try {
            FileTime oldestReport = null;
            for (String extension : List.of("json", "md", "html")) {
                Path report = run.report(extension);
                if (!Files.exists(report)) {
                    return false;
                }
                FileTime time = Files.getLastModifiedTime(report);
                oldestReport = oldestReport == null || time.compareTo(oldestReport) < 0 ? time : oldestReport;
            }
            for (Path input : inputs) {
                if (!Files.exists(input) || Files.getLastModifiedTime(input).compareTo(oldestReport) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes report.json/.md/.html and, when a browser is installed, report.png. */
    public static void writeReport(RunFolder run) {
        ReportGenerator.write(run.root());
        try {
            BrowserCheck.chromium();
        } catch (IllegalStateException missing) {
            log.warn("No report.png: {}", missing.getMessage());
            return;
        }
        BrowserCheck.screenshot(run.report("html"), run.report("png"));
        log.info("Report: {}", run.report("html").toAbsolutePath());
    }

    /**
     * Runs a stage unless it is complete (or forced). A forced stage first removes {@code stale}: what it would
     * otherwise build on (training resumes from its checkpoints and log; report.png is written only where a browser
     * is). The other outputs are replaced whole when the stage succeeds, so a forced stage that fails keeps them.
     */
    private void step(Stage stage, String name, BooleanSupplier complete, List<Path> stale, Runnable work) {
        boolean forced = force != null && stage.ordinal() >= force.ordinal();
        if (forced) {
            stale.forEach(Experiment::delete);
        } else if (complete.getAsBoolean()) {
            log.info("Skipping {}: already complete.", name);
            completed.add(name);
            return;
        }
        log.info("Stage {}", name);
        try {
            work.run();
        } catch (TrainingStoppedException stopped) {
            throw stopped; // not a failure: the same command resumes it
        } catch (RuntimeException e) {
            throw new StageFailedException(name, completed, e);
        }
        completed.add(name);
    }

    private static void delete(Path path) {
        if (Files.isDirectory(path)) {
            PrepareStage.deleteTree(path);
        } else {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
