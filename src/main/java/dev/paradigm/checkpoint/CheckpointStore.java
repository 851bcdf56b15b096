package dev.paradigm.checkpoint;

import dev.paradigm.run.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paradigm.data.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkpoints/} folder of one paradigm of a run.
 *
 * <p>Writing: {@link #beginWrite} names a temporary folder, Python saves its files there, and
 * {@link #commit} hashes them into {@code manifest.json}, syncs everything to disk and renames the folder
 * to {@code step-NNNNNN/} atomically, then updates {@code index.json} and deletes checkpoints that are
 * neither among the last {@code keepLast} nor the best by validation loss. A crash at any point leaves
 * only complete checkpoints plus {@code .tmp-*} leftovers, which {@link #open} removes.
 *
 * <p>Resuming: {@link #findResumable} returns the newest checkpoint whose files match their manifest.
 *
 * <p>One writer at a time: hold the run folder's {@link dev.paradigm.run.RunLock} while using a store.
 */
public final class CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern STEP_FOLDER = Pattern.compile("step-(\\d{6,})");

    private final Path folder;
    private final int keepLast;
    private final Runnable beforeRename;

    private CheckpointStore(Path folder, int keepLast, Runnable beforeRename) {
        this.folder = folder;
        this.keepLast = keepLast;
        this.beforeRename = beforeRename;
    }

    /**
     * Opens (creating if needed) a checkpoints folder and removes leftovers of interrupted writes.
     *
     * @param keepLast how many of the newest checkpoints retention keeps besides the best; at least 1
     */
    public static CheckpointStore open(Path folder, int keepLast) {
        return open(folder, keepLast, () -> {});
    }

    /** As {@link #open(Path, int)}, running {@code beforeRename} just before a commit's rename (tests simulate a crash there). */
    static CheckpointStore open(Path folder, int keepLast, Runnable beforeRename) {
        if (keepLast < 1) {
            throw new IllegalArgumentException("Invalid keep_last " + keepLast
                    + ": must be at least 1, or the checkpoint to resume from would be deleted.");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException("Cannot create the checkpoints folder " + folder + " (" + e + ").", e);
        }
        CheckpointStore store = new CheckpointStore(folder, keepLast, beforeRename);
        store.removeLeftovers();
        return store;
    }

    public Path folder() {
        return folder;
    }

    /** The folder name of a step: {@code step-} and the step, zero-padded to six digits. */
    public static String folderName(long step) {
        return String.format(Locale.ROOT, "step-%06d", step);
    }

    /** Creates and returns an empty temporary folder for the checkpoint of {@code step}. */
    public Path beginWrite(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("Invalid checkpoint step " + step + ": steps count from 0.");
        }
        Path temporary = folder.resolve(temporaryPrefix(step) + AtomicFiles.randomSuffix());
        try {
            Files.createDirectory(temporary);
        } catch (IOException e) {
            throw new CheckpointException("Cannot create the temporary checkpoint folder " + temporary + " (" + e + ").", e);
        }
        return temporary;
    }

    /**
     * Seals the files in {@code temporary} (from {@link #beginWrite}) as the checkpoint described by
     * {@code info}: writes its manifest, syncs, renames it to {@code step-NNNNNN/}, updates the index and
     * applies retention. An existing checkpoint of the same step is replaced.
     */
    public Checkpoint commit(Path temporary, CheckpointInfo info) {
        boolean inThisStore = temporary.toAbsolutePath().normalize().getParent().equals(folder.toAbsolutePath().normalize());
        if (!inThisStore || !temporary.getFileName().toString().startsWith(temporaryPrefix(info.step()))) {
            throw new IllegalArgumentException("The folder " + temporary + " was not made by beginWrite(" + info.step()
                    + ") of this store; commit the folder that beginWrite returned for the same step.");
        }
        Path target = folder.resolve(folderName(info.step()));
        try {
            CheckpointManifest manifest = sealedManifest(temporary, info);
            AtomicFiles.syncDirectory(temporary);
            beforeRename.run();
            Path replaced = moveAsideIfPresent(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(folder);
            if (replaced != null) {
                AtomicFiles.deleteRecursively(replaced);
            }
            applyRetentionAndWriteIndex();
            return new Checkpoint(target, manifest);
        } catch (IOException e) {
            throw new CheckpointException("Could not commit the checkpoint of step " + info.step() + " from " + temporary
                    + " (" + e + "); the previous checkpoints are untouched.", e);
        }
    }

    /**
     * Finds the checkpoint to resume from: the newest whose files match its manifest. Damaged ones are
     * skipped with a warning. The first readable one written under another config or on other data is
     * refused with a {@link CheckpointMismatchException}, since falling back past it would silently
     * ignore the change.
     *
     * @param configHash the current run's config hash
     * @param configJson the current resolved config as JSON (null allowed: the refusal then cannot name keys)
     * @param dataHash the current data manifest hash
     */
    public ResumeSearch findResumable(String configHash, String configJson, String dataHash) {
        List<String> skipped = new ArrayList<>();
        List<Path> newestFirst = stepFolders();
        newestFirst.sort(Comparator.comparingLong(CheckpointStore::stepOf).reversed());
        for (Path candidate : newestFirst) {
            CheckpointManifest manifest;
            try {
                manifest = CheckpointManifest.read(candidate.resolve(CheckpointManifest.FILE_NAME));
            } catch (CheckpointException e) {
                skip(skipped, candidate, e.getMessage());
                continue;
            }
            if (manifest.step() != stepOf(candidate)) {
                skip(skipped, candidate, "its manifest says step " + manifest.step() + " but the folder name says " + stepOf(candidate));
                continue;
            }
            refuseIfDifferent(candidate, manifest, configHash, configJson, dataHash);
            List<String> problems = CheckpointVerifier.problems(candidate, manifest);
            if (!problems.isEmpty()) {
                skip(skipped, candidate, String.join("; ", problems));
                continue;
            }
            return new ResumeSearch(new Checkpoint(candidate, manifest), skipped);
        }
        return new ResumeSearch(null, skipped);
    }

    /**
     * The checkpoint in {@code folder}, once every file its manifest lists is there with the recorded size and sha256:
     * what sampling and judging load, so a damaged checkpoint is refused rather than used.
     *
     * @throws CheckpointException naming the folder and what does not match
     */
    public static Checkpoint verified(Path folder) {
        if (!Files.isRegularFile(folder.resolve(CheckpointManifest.FILE_NAME))) {
            throw new CheckpointException("The checkpoint " + folder + " has no " + CheckpointManifest.FILE_NAME
                    + ", so its files cannot be checked: it was not written whole, or the file was deleted.");
        }
        CheckpointManifest manifest = CheckpointManifest.read(folder.resolve(CheckpointManifest.FILE_NAME));
        List<String> problems = CheckpointVerifier.problems(folder, manifest);
        if (!problems.isEmpty()) {
            throw new CheckpointException("The checkpoint " + folder + " does not match its manifest: "
                    + String.join("; ", problems) + ". It was changed or damaged after it was written.");
        }
        return new Checkpoint(folder, manifest);
    }

    /** Committed checkpoints whose manifests can be read, oldest first (files are not re-hashed). */
    public List<Checkpoint> list() {
        List<Checkpoint> out = new ArrayList<>();
        for (Path stepFolder : stepFolders()) {
            try {
                out.add(new Checkpoint(stepFolder, CheckpointManifest.read(stepFolder.resolve(CheckpointManifest.FILE_NAME))));
            } catch (CheckpointException e) {
                LOG.warn("Ignoring checkpoint {}: {}", stepFolder, e.getMessage());
            }
        }
        out.sort(Comparator.comparingLong(Checkpoint::step));
        return out;
    }

    /** The contents of {@code index.json}, if it exists. */
    public Optional<CheckpointIndex> readIndex() {
        Path file = folder.resolve(CheckpointIndex.FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckpointJson.MAPPER.readValue(file.toFile(), CheckpointIndex.class));
        } catch (IOException e) {
            throw new CheckpointException("The checkpoint index " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private CheckpointManifest sealedManifest(Path temporary, CheckpointInfo info) throws IOException {
        List<CheckpointFile> files = new ArrayList<>();
        for (Path file : regularFiles(temporary)) {
            String relative = temporary.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            if (relative.equals(CheckpointManifest.FILE_NAME)) {
                throw new CheckpointException("The checkpoint folder " + temporary + " already holds a " + CheckpointManifest.FILE_NAME
                        + "; that name belongs to the checkpoint store, so the engine must not write it.");
            }
            AtomicFiles.syncFile(file);
            files.add(new CheckpointFile(relative, Files.size(file), Sha256.ofFile(file)));
        }
        if (files.isEmpty()) {
            throw new CheckpointException("The checkpoint folder " + temporary + " is empty, but it should hold the files the engine's save()"
                    + " writes (model.safetensors, optimizer.pt, rng.pt, model_args.json).");
        }
        CheckpointManifest manifest = new CheckpointManifest(CheckpointManifest.FORMAT, CheckpointManifest.VERSION, info.step(),
                info.configHash(), info.dataHash(), info.valLoss(), info.dataPosition(), Instant.now().toString(), files,
                info.extra(), parseConfig(info.configJson()));
        Path manifestFile = temporary.resolve(CheckpointManifest.FILE_NAME);
        Files.write(manifestFile, manifest.toJsonBytes());
        AtomicFiles.syncFile(manifestFile);
        return manifest;
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static JsonNode parseConfig(String configJson) {
        if (configJson == null) {
            return null;
        }
        try {
            return CheckpointJson.MAPPER.readTree(configJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The resolved config given to the checkpoint is not valid JSON (" + e.getOriginalMessage() + ").", e);
        }
    }

    private Path moveAsideIfPresent(Path target) throws IOException {
        if (!Files.exists(target)) {
            return null;
        }
        Path aside = folder.resolve(AtomicFiles.TEMPORARY_PREFIX + "replaced-" + target.getFileName() + "-" + AtomicFiles.randomSuffix());
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    /** Keeps the last {@code keepLast} checkpoints and the best; writes the index of what is kept, then deletes the rest. */
    private void applyRetentionAndWriteIndex() throws IOException {
        List<CheckpointIndex.Entry> entries = new ArrayList<>();
        for (Path stepFolder : stepFolders()) {
            entries.add(new CheckpointIndex.Entry(stepOf(stepFolder), stepFolder.getFileName().toString(), valLossOrNull(stepFolder)));
        }
        entries.sort(Comparator.comparingLong(CheckpointIndex.Entry::step));
        CheckpointIndex.Entry best = null;
        for (CheckpointIndex.Entry entry : entries) {
            if (entry.valLoss() != null && (best == null || entry.valLoss() < best.valLoss())) {
                best = entry; // strictly lower: on a tie the earlier checkpoint stays best
            }
        }
        Set<String> kept = new HashSet<>();
        for (int i = Math.max(0, entries.size() - keepLast); i < entries.size(); i++) {
            kept.add(entries.get(i).folder());
        }
        if (best != null) {
            kept.add(best.folder());
        }
        List<CheckpointIndex.Entry> keptEntries = entries.stream().filter(e -> kept.contains(e.folder())).toList();
        CheckpointIndex index = new CheckpointIndex(CheckpointIndex.FORMAT, CheckpointIndex.VERSION,
                keptEntries.isEmpty() ? null : keptEntries.get(keptEntries.size() - 1), best, keptEntries);
        AtomicFiles.write(folder.resolve(CheckpointIndex.FILE_NAME), CheckpointJson.MAPPER.writeValueAsBytes(index));
        for (CheckpointIndex.Entry entry : entries) {
            if (!kept.contains(entry.folder())) {
                // Renamed away first, so a half-deleted folder never looks like a checkpoint.
                Path doomed = folder.resolve(AtomicFiles.TEMPORARY_PREFIX + "removing-" + entry.folder() + "-" + AtomicFiles.randomSuffix());
                Files.move(folder.resolve(entry.folder()), doomed, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.deleteRecursively(doomed);
            }
        }
    }

    private static Double valLossOrNull(Path stepFolder) {
        try {
            return CheckpointManifest.read(stepFolder.resolve(CheckpointManifest.FILE_NAME)).valLoss();
        } catch (CheckpointException e) {
            return null;
        }
    }

    private void refuseIfDifferent(Path candidate, CheckpointManifest manifest, String configHash, String configJson, String dataHash) {
        if (!manifest.configHash().equalsIgnoreCase(configHash)) {
            List<String> keys = configJson == null || manifest.config() == null ? List.of()
                    : ConfigDiff.describe(manifest.config(), parseConfig(configJson));
            String which = keys.isEmpty() ? "No individual key could be compared." : "Differing keys: " + String.join("; ", keys) + ".";
            throw new CheckpointMismatchException("Cannot resume from checkpoint " + candidate
                    + ": it was written under another configuration (config sha256 " + manifest.configHash() + " in the checkpoint, "
                    + configHash + " now). " + which + " Resuming would mix two experiments in one run: restore the original"
                    + " configuration, or start this configuration in a new run folder.", candidate, keys);
        }
        if (!manifest.dataHash().equalsIgnoreCase(dataHash)) {
            throw new CheckpointMismatchException("Cannot resume from checkpoint " + candidate
                    + ": it was trained on other data (data manifest sha256 " + manifest.dataHash() + " in the checkpoint, "
                    + dataHash + " now); the data folder was prepared again from other input or settings. Restore the original"
                    + " data folder, or start in a new run folder.", candidate, List.of());
        }
    }

    private static void skip(List<String> skipped, Path candidate, String reason) {
        String message = "Skipping damaged checkpoint " + candidate + ": " + reason + ".";
        LOG.warn(message);
        skipped.add(message);
    }

    private void removeLeftovers() {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path leftover : entries.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMPORARY_PREFIX)).toList()) {
                LOG.warn("Removing {}: left behind by a checkpoint write that did not finish.", leftover);
                AtomicFiles.deleteRecursively(leftover);
            }
        } catch (IOException e) {
            throw new CheckpointException("Cannot clean the checkpoints folder " + folder + " (" + e + ").", e);
        }
    }

    private List<Path> stepFolders() {
        try (Stream<Path> entries = Files.list(folder)) {
            return new ArrayList<>(entries.filter(p -> STEP_FOLDER.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isDirectory).toList());
        } catch (IOException e) {
            throw new CheckpointException("Cannot list the checkpoints folder " + folder + " (" + e + ").", e);
        }
    }

    private static long stepOf(Path stepFolder) {
        Matcher matcher = STEP_FOLDER.matcher(stepFolder.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException(stepFolder + " is not a step folder.");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String temporaryPrefix(long step) {
        return AtomicFiles.TEMPORARY_PREFIX + folderName(step) + "-";
    }
}
