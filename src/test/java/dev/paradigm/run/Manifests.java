package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests with hand-made run folders: seals their files with the {@link FileManifest} a stage writes after them, as
 * if a stage had written them (readers refuse files without one).
 */
public final class Manifests {
    private Manifests() {}

    /** Seals samples.jsonl and metrics.json of each paradigm of {@code runDir}, where they exist. */
    public static void sealAll(Path runDir) {
        RunFolder run = new RunFolder(runDir);
        for (Paradigm p : Paradigm.values()) {
            reseal(run.samples(p));
            reseal(run.sampleMetrics(p));
        }
    }

    /** Seals {@code file} as it is now (after a test edited it on purpose); records are its lines after the header. */
    public static void reseal(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            long lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
            FileManifest.seal(file, file.getFileName().toString().endsWith(".jsonl") ? lines - 1 : 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reseals {@code file} only if it has a manifest (so an unsealed file stays unsealed). */
    public static void resealIfSealed(Path file) {
        if (FileManifest.exists(file)) {
            reseal(file);
        }
    }
}
