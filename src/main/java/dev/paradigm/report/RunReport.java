package dev.paradigm.report;

import java.nio.file.Path;

/** One run folder, read: the configuration, the data, both paradigms and the report's provenance. */
public record RunReport(Path runDir, RunConfig config, DataInfo data, ParadigmRun ar, ParadigmRun mdlm,
                        Provenance provenance) {

    public String title() {
        return "AR vs MDLM — " + config.name();
    }
}
