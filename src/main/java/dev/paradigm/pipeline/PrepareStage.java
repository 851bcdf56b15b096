package dev.paradigm.pipeline;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.TokenStore;
import dev.paradigm.run.AtomicFiles;
import dev.paradigm.run.RunFolder;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text corpus → token store. Python tokenizes (HF {@code datasets} and {@code tokenizers}) into a temporary
 * folder that Java names; Java checks the result against its manifest and only then renames it to
 * {@code data/}, and only then writes {@code config.yaml}, which ties the folder to the config. An interrupted
 * preparation never leaves a token store that looks complete, and a failed one leaves the folder as it was (its
 * temporary folder is removed at once, or by the next command if the process was killed).
 */
public final class PrepareStage {
    private static final Logger log = LoggerFactory.getLogger(PrepareStage.class);

    private PrepareStage() {}

    /** Whether {@code data/} holds a complete, verified token store, prepared for the folder's config.yaml. */
    public static boolean isComplete(RunFolder run) {
        if (!Files.exists(run.data().resolve("manifest.json"))) {
            return false;
        }
        if (!Files.exists(run.config())) {
            log.warn("{} has no config.yaml: the prepare that wrote {} did not finish; preparing it again.", run.root(),
                    run.data());
            return false;
        }
        try {
            TokenStore.open(run.data());
            return true;
        } catch (RuntimeException damaged) {
            log.warn("The token store in {} does not verify ({}); preparing it again.", run.data(), damaged.getMessage());
            return false;
        }
    }

    public static TokenStore run(ExperimentConfig config, RunFolder run, PythonRuntime python) {
        Path tmp;
        try {
            Files.createDirectories(run.root());
            // Not createTempDirectory: its folder is private (700), and it becomes data/, which others may read.
            tmp = Files.createDirectory(run.root().resolve(AtomicFiles.TEMPORARY_PREFIX + "data-" + AtomicFiles.randomSuffix()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder in " + run.root(), e);
        }
        try {
            python.invoke(PythonApi.PREPARE, config.toJson(), tmp.toString());
            TokenStore.open(tmp); // throws unless the files match their manifest
            replace(tmp, run.data());
            RunConfigGuard.record(run, config);
        } finally {
            deleteTree(tmp);
        }
        // Verified above, before the rename: hashing the same files again would double the cost at paper scale.
        return TokenStore.open(run.data(), TokenStore.Verification.SKIP_SHA256);
    }

    /** Moves {@code fresh} to {@code target}, replacing an old folder only once the new one is in place. */
    private static void replace(Path fresh, Path target) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling(".old-" + target.getFileName() + "-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the token store into " + target, e);
        }
    }

    static void deleteTree(Path root) {
        try {
            AtomicFiles.deleteRecursively(root);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.getMessage());
        }
    }
}
