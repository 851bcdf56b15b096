package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;

/**
 * The commands that error messages suggest, spelled so that they run as given: a command that starts from a config
 * gets the run folder's own config.yaml, which the folder accepts (the default config would be refused as another).
 */
public final class Hints {
    private Hints() {}

    /** Trains {@code paradigm} in {@code run}. */
    public static String train(RunFolder run, Paradigm paradigm) {
        return "`paradigm train --config " + run.config() + " --paradigm " + paradigm + " --run-dir " + run.root() + "`";
    }

    /** Draws {@code paradigm}'s samples in {@code run}. */
    public static String sample(RunFolder run, Paradigm paradigm) {
        return "`paradigm sample --paradigm " + paradigm + " --run-dir " + run.root() + "`";
    }
}
