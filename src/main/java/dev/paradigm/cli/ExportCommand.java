package dev.paradigm.cli;

import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.MetricsCsv;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run folder's records for other tools. --csv: every line of ar/ and mdlm/metrics.jsonl",
            "(train, eval, summary) as one CSV table with a paradigm column. TensorBoard reads <paradigm>/tensorboard/",
            "as it is: `tensorboard --logdir <run-dir>`."})
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--run-dir", paramLabel = "DIR", required = true, description = "The run folder (e.g. runs/demo).")
    Path runDir;

    @Option(names = "--csv", required = true, description = "Write the metrics logs as CSV.")
    boolean csv;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write it; - for standard output. Default: <run-dir>/metrics.csv.")
    Path out;

    @Override
    public Integer call() {
        RunFolder run = new RunFolder(runDir);
        if (!Files.isRegularFile(run.config())) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + runDir + "' for '--run-dir': "
                    + run.config() + " does not exist, so it is not a run folder.");
        }
        String table = MetricsCsv.of(run);
        if (out != null && out.toString().equals("-")) {
            spec.commandLine().getOut().print(table);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path file = out != null ? out : runDir.resolve("metrics.csv");
        AtomicFiles.writeString(file, table);
        spec.commandLine().getOut().printf("Wrote %s%n", file);
        return ExitCodes.OK;
    }
}
