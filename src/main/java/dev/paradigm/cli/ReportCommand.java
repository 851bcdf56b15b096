package dev.paradigm.cli;

import dev.paradigm.pipeline.Experiment;
import java.nio.file.Files;
import dev.paradigm.run.RunLock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html, report.md and report.json from a run folder's results.")
final class ReportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin RunDirOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        options.load(List.of()); // a run folder with a config this paradigm reads, before anything is locked or written
        try (RunLock lock = common.lock(options.runFolder())) {
            RunLog.open(options.runFolder().log(), options.runFolder().root(), spec);
            Experiment.writeReport(options.runFolder());
        }
        spec.commandLine().getOut().printf("Wrote %s%n", options.runFolder().report("html"));
        return ExitCodes.OK;
    }
}
