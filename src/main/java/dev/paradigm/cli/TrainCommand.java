package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.run.RunFolder;
import dev.paradigm.train.Trainer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one paradigm. Resumes from the newest valid checkpoint in the run folder when there is one;",
            "Ctrl-C writes a checkpoint and stops."})
final class TrainCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--paradigm", required = true, paramLabel = "ar|mdlm", converter = ParadigmConverter.class,
            description = "Which model to train: ar or mdlm.")
    Paradigm paradigm;

    @Option(names = "--resume", description = "Require a checkpoint to resume from (without it, training resumes "
            + "automatically when one exists and starts fresh otherwise).")
    boolean resume;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        RunFolder run = options.runFolder(config);
        Trainer.Outcome outcome = RunSetup.train(config, run, paradigm, common.startPython(), resume);
        var out = spec.commandLine().getOut();
        if (!outcome.completed()) {
            out.printf("Stopped at step %d; a checkpoint was written. Run the same command to resume.%n", outcome.stepsDone());
            return 130;
        }
        out.printf("Trained %s for %d steps: best validation loss %.4f at step %d; data digest %s%n", paradigm,
                outcome.stepsDone(), outcome.analysis().bestValLoss(), outcome.analysis().bestStep(), outcome.dataDigest());
        return ExitCodes.OK;
    }
}
