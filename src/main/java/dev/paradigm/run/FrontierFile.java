package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.util.List;

/**
 * {@code frontier.jsonl}, the one writer and reader of {@link FrontierLine}s: a header line, then one sample a line,
 * setting after setting. Written by the sample stage beside samples.jsonl when {@code evaluate.frontier.points} is
 * above 0.
 */
public final class FrontierFile {
    static final FileFormat FORMAT = new FileFormat("paradigm-frontier-samples", 1, "sample");

    private FrontierFile() {}

    /** Replaces the paradigm's frontier.jsonl with {@code lines}, atomically, then seals it with its manifest. */
    public static void write(RunFolder run, Paradigm paradigm, List<FrontierLine> lines) {
        JsonLinesFile.writeSamples(run.frontierSamples(paradigm), FORMAT, lines);
    }

    /**
     * Every line; a missing, unfinished (no manifest), damaged (not matching it), malformed or empty file is an error
     * that names it (and a malformed line by number).
     */
    public static List<FrontierLine> read(RunFolder run, Paradigm paradigm) {
        return JsonLinesFile.readSamples(run.frontierSamples(paradigm), FORMAT, run, FrontierLine.class, Integer.MAX_VALUE);
    }
}
