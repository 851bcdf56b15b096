package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.run.RunFolder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Tokenize the configured corpus into the run folder's token store (data/).")
final class PrepareCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        RunFolder run = options.runFolder(config);
        RunLog.open(run.log(), spec);
        TokenStore store = RunSetup.prepare(config, run, common.startPython());
        spec.commandLine().getOut().printf("Prepared %s: %,d train and %,d validation chunks of %d tokens, vocabulary %,d.%n",
                run.data(), store.trainChunks(), store.valChunks(), store.seqLen(), store.vocabSize());
        return ExitCodes.OK;
    }
}
