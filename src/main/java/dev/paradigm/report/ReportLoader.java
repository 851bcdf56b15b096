package dev.paradigm.report;

import dev.paradigm.data.DataManifest;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.Hints;
import dev.paradigm.run.MetricsLine;
import dev.paradigm.run.MetricsLog;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunFileException;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SamplesFile;
import dev.paradigm.run.TrainingLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

/**
 * Reads a finished run folder into a {@link RunReport}, through the run folder's own readers (docs/run-folder.md), which
 * name a missing or malformed file and the stage that writes it.
 */
public final class ReportLoader {

    /** Samples shown per paradigm; the rest of samples.jsonl is not needed by the report. */
    public static final int SAMPLES_SHOWN = 3;

    private ReportLoader() {}

    public static RunReport load(Path runDir) {
        return load(runDir, Clock.systemUTC());
    }

    /** As {@link #load(Path)}, with the clock that stamps the report (tests pass a fixed one). */
    public static RunReport load(Path runDir, Clock clock) {
        RunFolder run = new RunFolder(runDir);
        RunConfig config = RunConfig.read(run, List.of());
        DataManifest data = DataManifest.read(run.data());
        ParadigmRun ar = loadParadigm(run, Paradigm.AR);
        ParadigmRun mdlm = loadParadigm(run, Paradigm.MDLM);
        Provenance provenance = new Provenance(paradigmVersion(), System.getProperty("java.version"),
                clock.instant());
        return new RunReport(runDir, config, data, ar, mdlm, provenance);
    }

    static ParadigmRun loadParadigm(RunFolder run, Paradigm paradigm) {
        TrainingLog log = MetricsLog.require(run, paradigm);
        MetricsLine.Summary summary = log.summary().orElseThrow(() -> new RunFileException(run.metricsLog(paradigm)
                + " has no summary line. The train stage writes it when training finishes; this run's " + paradigm
                + " training did not finish. Resume it with " + Hints.train(run, paradigm) + " before writing the report."));
        if (log.evals().isEmpty()) {
            throw new RunFileException(run.metricsLog(paradigm) + " has no eval lines, so there is no validation curve to "
                    + "report. Set train.eval_interval to at most train.steps and rerun training.");
        }
        return new ParadigmRun(paradigm, log.train(), log.evals(), summary, SampleEvaluation.read(run, paradigm),
                SamplesFile.readFirst(run, paradigm, SAMPLES_SHOWN));
    }

    /** The version Maven filtered into build.properties; "unknown" when run from an unfiltered class path. */
    static String paradigmVersion() {
        try (InputStream in = ReportLoader.class.getResourceAsStream("/dev/paradigm/build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
