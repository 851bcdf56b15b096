package dev.paradigm.cli;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** For commands that work on an existing run folder: its config comes from the folder's config.yaml. */
public final class RunDirOptions {
    @Option(names = "--run-dir", paramLabel = "DIR", required = true, description = "The run folder (e.g. runs/demo).")
    Path runDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a sample.* or evaluate.* value for this command, e.g. --set sample.temperature=0.8.")
    List<String> overrides = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    RunFolder runFolder() {
        return checked(command, runDir);
    }

    /** The run folder at {@code dir}, which may not exist yet but must not be a file. */
    static RunFolder checked(CommandSpec command, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(command.commandLine(), "Invalid value '" + dir + "' for '--run-dir': it is a "
                    + "file, and a run folder is a folder. Give a new folder or one that a paradigm command made.");
        }
        return new RunFolder(dir);
    }

    ExperimentConfig load(List<String> extra) {
        List<String> all = new ArrayList<>(overrides);
        all.addAll(extra);
        for (String o : all) {
            String key = o.split("=", 2)[0].strip();
            if (!key.startsWith("sample.") && !key.startsWith("evaluate.")) {
                throw new ConfigException("--set " + o + ": only sample.* and evaluate.* keys can change on an existing run "
                        + "folder (the others would no longer describe how it was trained). Use `paradigm compare` with a "
                        + "new --run-dir instead.");
            }
        }
        return RunConfig.read(runFolder(), all).resolved();
    }
}
