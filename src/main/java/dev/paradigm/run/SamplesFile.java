package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.util.List;

/**
 * {@code samples.jsonl}, the one writer and reader of {@link SampleLine}s: a header line, then one sample a line; and
 * its {@link FileManifest}, written once every sample is in and checked by every read.
 */
public final class SamplesFile {
    static final FileFormat FORMAT = new FileFormat("paradigm-samples", 2, "sample");

    private SamplesFile() {}

    /** Replaces the paradigm's samples.jsonl with {@code samples}, atomically, then seals it with its manifest. */
    public static void write(RunFolder run, Paradigm paradigm, List<SampleLine> samples) {
        JsonLinesFile.writeSamples(run.samples(paradigm), FORMAT, samples);
    }

    /**
     * Every sample; a missing, unfinished (no manifest), damaged (not matching it), malformed or empty file is an error
     * that names it (and a malformed line by number) and the command that draws the samples again.
     */
    public static List<SampleLine> read(RunFolder run, Paradigm paradigm) {
        return readFirst(run, paradigm, Integer.MAX_VALUE);
    }

    /** The first {@code n} samples (all when there are fewer), with {@link #read}'s checks. */
    public static List<SampleLine> readFirst(RunFolder run, Paradigm paradigm, int n) {
        return JsonLinesFile.readSamples(run.samples(paradigm), FORMAT, run, SampleLine.class, n);
    }
}
