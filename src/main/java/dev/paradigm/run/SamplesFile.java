package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = run.samples(paradigm);
        FileManifest.remove(file);
        AtomicFiles.writeString(file, JsonLinesFile.text(FORMAT, samples));
        FileManifest.seal(file, samples.size());
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
        Path file = run.samples(paradigm);
        if (!Files.isRegularFile(file)) {
            throw FORMAT.missing(file);
        }
        // A damaged file is named against its manifest first; a file of an older format is refused as such.
        boolean sealed = FileManifest.exists(file);
        if (sealed) {
            FileManifest.verify(file, FORMAT, run);
        }
        List<SampleLine> samples = JsonLinesFile.read(file, FORMAT, run, SampleLine.class, false, n);
        if (!sealed) {
            FileManifest.verify(file, FORMAT, run);
        }
        if (samples.isEmpty()) {
            throw new RunFileException(file + " holds no samples. " + FORMAT.redo(run));
        }
        return samples;
    }
}
