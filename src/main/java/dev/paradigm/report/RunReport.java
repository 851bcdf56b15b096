package dev.paradigm.report;

import dev.paradigm.data.DataManifest;
import dev.paradigm.run.RunConfig;
import java.nio.file.Path;

/** One run folder, read: the configuration, the data, both paradigms and the report's provenance. */
public record RunReport(Path runDir, RunConfig config, DataManifest data, ParadigmRun ar, ParadigmRun mdlm,
                        Provenance provenance) {

    public String title() {
        return "AR vs MDLM — " + config.resolved().name();
    }

    /** The run's seed: model init, data order, sampling. */
    public long seed() {
        return config.resolved().seed();
    }
}
