package dev.paradigm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.RunFolder;
import dev.paradigm.run.Manifests;
import dev.paradigm.testing.ResourceFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hand-made run folder in src/test/resources/report-fixture, copied into a temporary folder so a
 * test can change it. The fixture's numbers were chosen by hand; tests work out expectations from them. Copies are
 * sealed with the manifests a stage writes after its files (and resealed by the edits below), so the fixture's files
 * stay editable by hand.
 */
final class ReportFixture {
    static final ObjectMapper JSON = new ObjectMapper() // the step-0 evaluation's train_loss is NaN, as the logs write it
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-27T12:00:00Z"), ZoneOffset.UTC);

    private ReportFixture() {}

    private static Path sealedSource;

    /** The fixture, sealed, for tests that only read it. */
    static synchronized Path source() {
        if (sealedSource == null) {
            try {
                sealedSource = copy(Files.createTempDirectory("report-fixture"), "run");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sealedSource;
    }

    /** A fresh copy of the fixture run folder inside {@code parent}. */
    static Path copy(Path parent, String name) {
        Path copy = ResourceFolder.copy("report-fixture", parent.resolve(name));
        Manifests.sealAll(copy);
        return copy;
    }

    static RunReport load(Path runDir) {
        return ReportLoader.load(runDir, CLOCK);
    }

    /** Changes the lines of a metrics.jsonl whose "kind" is {@code kind}. */
    static void editJsonl(Path file, String kind, Consumer<ObjectNode> edit) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                if (node.path("kind").asText().equals(kind)) {
                    edit.accept(node);
                }
                lines.add(JSON.writeValueAsString(node));
            }
            Files.write(file, lines);
            Manifests.resealIfSealed(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the lines of a metrics.jsonl whose "kind" is {@code kind}. */
    static void removeJsonl(Path file, String kind) {
        try {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!JSON.readTree(line).path("kind").asText().equals(kind)) {
                    kept.add(line);
                }
            }
            Files.write(file, kept);
            Manifests.resealIfSealed(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void editJson(Path file, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
            edit.accept(node);
            Files.writeString(file, JSON.writeValueAsString(node));
            Manifests.resealIfSealed(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces whole lines of config.yaml that start with a key (after indentation), keeping indentation. */
    static void editConfig(Path runDir, Map<String, String> lineStartToReplacement) {
        Path config = runDir.resolve("config.yaml");
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(config)) {
                String edited = line;
                for (var entry : lineStartToReplacement.entrySet()) {
                    if (line.strip().startsWith(entry.getKey())) {
                        edited = line.substring(0, line.indexOf(entry.getKey())) + entry.getValue();
                    }
                }
                lines.add(edited);
            }
            Files.write(config, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the fixture's config.yaml with {@code name}'s shipped config and {@code overrides}. */
    static void useShippedConfig(Path runDir, String name, String... overrides) {
        RunConfig.write(new RunFolder(runDir), ConfigLoader.loadShipped(name, List.of(overrides)));
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> readJsonl(Path file, String kind) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                JsonNode node = JSON.readTree(line);
                if (node.path("kind").asText().equals(kind)) {
                    nodes.add(node);
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
