package dev.paradigm.checkpoint;

import dev.paradigm.data.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks a checkpoint folder against its manifest: every listed file present, of its size and sha256. */
final class CheckpointVerifier {
    private CheckpointVerifier() {}

    /** What is wrong, one sentence per problem; empty when the checkpoint is intact. */
    static List<String> problems(Path folder, CheckpointManifest manifest) {
        List<String> problems = new ArrayList<>();
        for (CheckpointFile entry : manifest.files()) {
            Path file = folder.resolve(entry.name()).normalize();
            if (!file.startsWith(folder.normalize())) {
                problems.add("the manifest lists '" + entry.name() + "', which lies outside the checkpoint folder");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.add(entry.name() + " is missing");
                continue;
            }
            try {
                long size = Files.size(file);
                if (size != entry.size()) {
                    problems.add(entry.name() + " holds " + size + " bytes, the manifest records " + entry.size());
                    continue;
                }
                String sha256 = Sha256.ofFile(file);
                if (!sha256.equalsIgnoreCase(entry.sha256())) {
                    problems.add(entry.name() + " has sha256 " + sha256 + ", the manifest records " + entry.sha256());
                }
            } catch (IOException e) {
                problems.add(entry.name() + " cannot be read (" + e + ")");
            }
        }
        return problems;
    }
}
