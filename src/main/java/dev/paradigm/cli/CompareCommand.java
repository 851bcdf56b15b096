package dev.paradigm.cli;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.pipeline.Experiment;
import dev.paradigm.pipeline.SeedSweep;
import dev.paradigm.pipeline.Stage;
import dev.paradigm.run.RunFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run the whole controlled experiment: prepare → train AR → train MDLM → sample → evaluate → report.",
            "Re-running skips completed stages and resumes an interrupted one."})
final class CompareCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--force", paramLabel = "STAGE", converter = StageConverter.class,
            description = "Redo STAGE and every stage after it: prepare, train, sample, evaluate, report.")
    Stage force;

    @Option(names = "--seeds", paramLabel = "N|S1,S2,…",
            description = "Repeat the experiment with N seeds (seed, seed+1, …) or with the listed seeds; the report "
                    + "shows mean ± std and each seed's values.")
    String seeds;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        RunFolder run = options.runFolder(config);
        var python = common.startPython();
        if (seeds == null) {
            new Experiment(config, run, python, force).run();
            spec.commandLine().getOut().printf("Report: %s%n", run.report("html").toAbsolutePath());
        } else {
            SeedSweep.run(config, run, python, force, parseSeeds(config.seed()));
            spec.commandLine().getOut().printf("Seed sweep report: %s%n", run.root().resolve("sweep.html").toAbsolutePath());
        }
        return ExitCodes.OK;
    }

    List<Long> parseSeeds(long base) {
        List<Long> list = new ArrayList<>();
        try {
            if (seeds.contains(",")) {
                for (String s : seeds.split(",")) {
                    list.add(Long.parseLong(s.strip()));
                }
            } else {
                int n = Integer.parseInt(seeds.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < n; i++) {
                    list.add(base + i);
                }
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + seeds + "' for '--seeds': expected a count "
                    + "of at least 1 or a comma-separated list of seeds.");
        }
        if (list.stream().distinct().count() != list.size()) {
            throw new ParameterException(spec.commandLine(), "Invalid value '" + seeds + "' for '--seeds': a seed is repeated.");
        }
        return list;
    }

    static final class StageConverter implements ITypeConverter<Stage> {
        @Override
        public Stage convert(String value) {
            try {
                return Stage.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
