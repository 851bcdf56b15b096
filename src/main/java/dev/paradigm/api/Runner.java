package dev.paradigm.api;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ConfigValidator;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.DataManifest;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.BeforeSampling;
import dev.paradigm.pipeline.EvaluateStage;
import dev.paradigm.pipeline.Experiment;
import dev.paradigm.pipeline.FrontierStage;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.pipeline.SampleStage;
import dev.paradigm.pipeline.TrainStage;
import dev.paradigm.report.ReportLoader;
import dev.paradigm.report.RunReport;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleLine;
import dev.paradigm.run.SamplesFile;
import dev.paradigm.run.TrainingLog;
import dev.paradigm.runtime.PythonEnvironment;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs paradigm's experiment, or one stage of it, in this JVM and returns typed results: what {@code paradigm compare}
 * and the single-stage commands do, without a command line.
 *
 * <pre>{@code
 * Runner runner = Runner.start();                                   // the embedded Python, once per JVM
 * ExperimentConfig config = Runner.config("demo", "train.steps=200");
 * RunReport report = runner.compare(config, Path.of("runs/short"));
 * double arLoss = report.ar().summary().analysis().bestValLoss();
 * }</pre>
 *
 * <p>Each stage works as the command line's does: on a run folder that belongs to one config (a folder made by another
 * config is refused, except for its {@code sample.*} and {@code evaluate.*} keys, whose stages are then redone), it
 * skips work that is complete and resumes what was interrupted, and it returns the records the stage wrote, read
 * back through the run folder's own readers (docs/run-folder.md). Training installs handlers for SIGINT, SIGTERM and
 * SIGUSR1 while it runs: on one of them it writes a checkpoint and throws {@link
 * dev.paradigm.train.TrainingStoppedException}; the same call resumes it.
 *
 * <p>Errors are exceptions of paradigm's own types: {@link dev.paradigm.config.ConfigException} for a config that is
 * not usable (every problem listed), {@link dev.paradigm.pipeline.StageFailedException} when a stage of {@link
 * #compare} fails, {@link dev.paradigm.runtime.PythonException} for an error on the Python side, {@link
 * dev.paradigm.runtime.PythonEnvironmentException} when the Python environment is missing or broken, {@link
 * dev.paradigm.run.RunFileException} for a run-folder file of another format.
 *
 * <p>One JVM embeds one Python: every {@code Runner} of a JVM shares it, calls from several threads take turns on it,
 * and it lives as long as the JVM. Logging goes through SLF4J to the host's binding; the files a run writes are
 * those of the command line, except paradigm.log, which only the command line keeps. Each call holds the run folder's
 * lock ({@link RunLock}) while it writes there, so it never writes a folder a command or another call is writing.
 */
public final class Runner {
    private final PythonRuntime python;

    private Runner(PythonRuntime python) {
        this.python = python;
    }

    /** A runner on the Python environment of {@code $PARADIGM_PYTHON}, else {@code ./.venv} (made by {@code make setup}). */
    public static Runner start() {
        return new Runner(PythonRuntime.start(PythonEnvironment.locate(null)));
    }

    /** A runner on the Python environment {@code python}: a virtual environment's folder, or its python executable. */
    public static Runner start(Path python) {
        return new Runner(PythonRuntime.start(PythonEnvironment.locate(python.toString())));
    }

    /**
     * A config by the name of a shipped one ("demo", "tinystories", "arche-2026") or the path of a YAML file, with
     * {@code overrides} ("train.steps=200") applied last; keys the file leaves out take the demo config's values.
     */
    public static ExperimentConfig config(String nameOrFile, String... overrides) {
        return ConfigLoader.load(nameOrFile, List.of(overrides));
    }

    /** A config from YAML text (partial: the demo config fills in the rest), with {@code overrides} applied last. */
    public static ExperimentConfig configFromYaml(String yaml, String... overrides) {
        return ConfigLoader.fromYaml(yaml, "the YAML given to Runner.configFromYaml", List.of(overrides));
    }

    /**
     * The whole controlled experiment in {@code runDir}: prepare, train AR and MDLM, sample, evaluate, and write the
     * report (report.html, .md, .json); returns the report's records.
     */
    public RunReport compare(ExperimentConfig config, Path runDir) {
        validate(config);
        BeforeSampling.checkJudgeFiles(config); // a judge folder that holds no model: before the folder is made
        locked(runDir, run -> new Experiment(config, run, python, null).run());
        return ReportLoader.load(runDir);
    }

    /** The prepare stage: the token store in {@code runDir/data}; returns its manifest. */
    public DataManifest prepare(ExperimentConfig config, Path runDir) {
        validate(config);
        RunFolder run = locked(runDir, r -> RunSetup.prepare(config, r, python));
        return DataManifest.read(run.data());
    }

    /**
     * Trains {@code paradigm} (preparing the data first if needed), resuming from its newest checkpoint; returns its
     * metrics log, whose {@link TrainingLog#summary()} holds the finished run's numbers.
     *
     * @throws dev.paradigm.train.TrainingStoppedException when a stop signal came first (its checkpoint is written)
     */
    public TrainingLog train(ExperimentConfig config, Path runDir, Paradigm paradigm) {
        validate(config);
        RunFolder run = locked(runDir, r -> {
            RunSetup.prepareToTrain(config, r, paradigm, python, false);
            if (!TrainStage.isComplete(r, paradigm)) {
                TrainStage.run(config, r, paradigm, python);
            }
        });
        return MetricsLog.read(run, paradigm);
    }

    /**
     * Draws {@code sample.n} samples from a trained paradigm's best checkpoint (and, with {@code evaluate.frontier} on,
     * the quality–diversity frontier's samples); returns the samples.
     */
    public List<SampleLine> sample(ExperimentConfig config, Path runDir, Paradigm paradigm) {
        validate(config);
        RunFolder run = locked(runDir, r -> {
            RunSetup.checkConfig(config, r);
            if (!SampleStage.isComplete(r, paradigm, config)) {
                SampleStage.run(config, r, paradigm, python);
            }
            if (config.evaluate().frontier().enabled() && !FrontierStage.isComplete(r, paradigm, config)) {
                FrontierStage.run(config, r, paradigm, python); // what evaluate reads beside the samples
            }
        });
        return SamplesFile.read(run, paradigm);
    }

    /** Computes the diversity, fluency and likelihood numbers of a paradigm's samples; returns them. */
    public SampleEvaluation evaluate(ExperimentConfig config, Path runDir, Paradigm paradigm) {
        validate(config);
        RunFolder run = locked(runDir, r -> {
            RunSetup.checkConfig(config, r);
            if (!EvaluateStage.isComplete(r, paradigm, config)) {
                EvaluateStage.run(config, r, paradigm, python);
            }
        });
        return SampleEvaluation.read(run, paradigm);
    }

    /** Writes the report of a run folder whose stages are complete; returns the report's records. */
    public RunReport report(Path runDir) {
        locked(runDir, Experiment::writeReport);
        return ReportLoader.load(runDir);
    }

    /** Runs {@code work} on the run folder while holding its lock (which creates the folder); returns the folder. */
    private static RunFolder locked(Path runDir, Consumer<RunFolder> work) {
        RunFolder run = new RunFolder(runDir);
        try (RunLock lock = RunLock.acquire(run)) {
            work.accept(run);
        }
        return run;
    }

    /**
     * A config built by hand (a record, not a file) passes the same checks as one that was loaded — before the run
     * folder is locked, so a bad config leaves no folder behind.
     */
    private static void validate(ExperimentConfig config) {
        ConfigValidator.validate(config, "the ExperimentConfig given to Runner");
    }
}
