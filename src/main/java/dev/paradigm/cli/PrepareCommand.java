package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.pipeline.Preflight;
import dev.paradigm.pipeline.RunSetup;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.RunLock;
import dev.paradigm.runtime.PythonRuntime;
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
        RunLog.open(run.log(), run.root(), spec);
        Preflight.forPrepare(config);
        PythonRuntime python = common.startPython();
        TokenStore store;
        try (RunLock lock = common.lock(run)) {
            store = RunSetup.prepare(config, run, python);
        }
        spec.commandLine().getOut().printf("Prepared %s: %,d train and %,d validation chunks of %d tokens, vocabulary %,d.%n",
                run.data(), store.trainChunks(), store.valChunks(), store.seqLen(), store.vocabSize());
        return ExitCodes.OK;
    }
}
