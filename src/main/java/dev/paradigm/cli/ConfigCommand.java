package dev.paradigm.cli;

import dev.paradigm.run.RunConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paradigm config}: the fully resolved config as a run would use it, so every choice of a protocol can be read
 * before anything runs. The output is the run folder's {@code config.yaml} as the first stage would write it.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Print the fully resolved config as YAML, with its sha256: every key, the shipped defaults filled "
                + "in and --set applied, exactly as a run would write it to config.yaml. Nothing runs.",
            "Example: paradigm config --config arche-2026 (the published study's every setting)."})
final class ConfigCommand implements Callable<Integer> {
    @Mixin ConfigSource source;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(RunConfig.text(source.load()));
        out.flush(); // print does not flush, and main exits right after
        return ExitCodes.OK;
    }
}
