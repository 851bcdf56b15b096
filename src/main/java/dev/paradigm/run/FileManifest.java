package dev.paradigm.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.data.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small manifest a stage writes next to one of its output files once that file is complete,
 * {@code <file>.manifest.json}: how many records the file holds, its size and its sha256. Completeness is read from
 * the manifest, never from the file's existence: a file without one was not finished, and a file that no longer
 * matches its manifest (cut short, edited, damaged on disk) is refused with the command that writes it again.
 *
 * <p>The writers of {@code samples.jsonl} ({@link SamplesFile}), {@code metrics.json} ({@link SampleEvaluation}) and
 * {@code metrics.jsonl} ({@link MetricsLog}, once its summary line is in) seal their files through {@link #seal}, and
 * their readers check them through {@link #verify}; this record is the manifest's one writer and reader.
 *
 * @param file    the file's name, in the same folder
 * @param records the records it holds: lines after the header of a JSON Lines file, 1 for a JSON file
 * @param bytes   its size
 * @param sha256  the sha256 of its bytes, lower-case hex
 */
public record FileManifest(String format, int version, String file, long records, long bytes, String sha256) {
    public static final String FORMAT = "paradigm-file-manifest";
    public static final int VERSION = 1;
    static final String SUFFIX = ".manifest.json";

    /** Where the manifest of {@code file} lives. */
    public static Path of(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** Writes the manifest of {@code file}, which is complete and holds {@code records} records. */
    static void seal(Path file, long records) {
        try {
            FileManifest manifest = new FileManifest(FORMAT, VERSION, file.getFileName().toString(), records,
                    Files.size(file), Sha256.ofFile(file));
            AtomicFiles.write(of(file), (RunJson.pretty(manifest) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the manifest of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the manifest of {@code file} (first, before the file is rewritten: without it, the file is not complete). */
    static void remove(Path file) {
        try {
            Files.deleteIfExists(of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the manifest of " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(of(file));
    }

    /**
     * Checks {@code file} against its manifest (its size and sha256) and returns the manifest.
     *
     * @param format the file's format, whose stage rewrites it
     * @throws RunFileException when there is no manifest (the stage did not finish) or the file does not match it
     */
    static FileManifest verify(Path file, FileFormat format, RunFolder run) {
        Path manifestFile = of(file);
        if (!Files.isRegularFile(manifestFile)) {
            throw new RunFileException(file + " is not complete: " + manifestFile.getFileName() + ", which the "
                    + format.stage() + " stage writes once the file is whole, is missing (the stage was stopped before it "
                    + "finished). " + format.redo(run));
        }
        FileManifest manifest = read(manifestFile, format, run);
        String problem;
        try {
            long bytes = Files.size(file);
            String sha256 = bytes == manifest.bytes() ? Sha256.ofFile(file) : null;
            if (bytes != manifest.bytes()) {
                problem = "it holds " + bytes + " bytes, its manifest records " + manifest.bytes();
            } else if (!sha256.equals(manifest.sha256())) {
                problem = "its sha256 is " + sha256 + ", its manifest records " + manifest.sha256();
            } else {
                return manifest;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        throw new RunFileException(file + " does not match its manifest (" + problem + "): it was changed or damaged "
                + "after the " + format.stage() + " stage wrote it. " + format.redo(run));
    }

    private static FileManifest read(Path manifestFile, FileFormat of, RunFolder run) {
        FileFormat format = new FileFormat(FORMAT, VERSION, of.stage());
        try {
            JsonNode tree = RunJson.MAPPER.readTree(manifestFile.toFile());
            format.check(tree, manifestFile, run);
            return RunJson.MAPPER.treeToValue(tree, FileManifest.class);
        } catch (JsonProcessingException e) {
            throw format.unreadable(manifestFile, 0, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + manifestFile + ": " + e.getMessage(), e);
        }
    }
}
