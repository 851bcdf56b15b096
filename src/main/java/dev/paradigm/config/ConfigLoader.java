package dev.paradigm.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@link ExperimentConfig}: from a YAML file, or by the name of a shipped config ("demo", embedded in the
 * jar under {@code configs/}). Keys the file leaves out take the demo config's values, so a config may be partial;
 * {@code --set key.path=value} overrides come last. Everything is checked before it is returned, and every problem
 * found is reported at once in a {@link ConfigException}.
 *
 * <p>Steps, in order: parse the YAML; check its keys; lay it over the defaults; apply the overrides; check each
 * value's type; bind to the records; check ranges and the rules between keys.
 */
public final class ConfigLoader {
    /** The configs embedded in the jar, loadable by name. */
    public static final List<String> SHIPPED = List.of("demo", "tinystories", "arche-2026", "tinystories-cpu");

    /** The shipped config whose values fill in whatever a user's config leaves out. */
    public static final String DEFAULTS = "demo";

    private ConfigLoader() {}

    /**
     * Loads {@code fileOrName}: a YAML file when one exists at that path, else the shipped config of that name
     * ("demo" or "demo.yaml"), then applies {@code overrides} ("key.path=value" each).
     */
    public static ExperimentConfig load(String fileOrName, List<String> overrides) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return load(file, overrides);
        }
        if (Files.isDirectory(file)) {
            Path inside = file.resolve("config.yaml");
            throw new ConfigException("--config " + fileOrName + " is a folder; expected a config file (YAML) or the name of "
                    + "a shipped config (" + String.join(", ", SHIPPED) + ")." + (Files.isRegularFile(inside)
                    ? " The run folder's own config is " + inside + "." : ""));
        }
        String name = fileOrName.endsWith(".yaml") ? fileOrName.substring(0, fileOrName.length() - 5) : fileOrName;
        if (SHIPPED.contains(name)) {
            return loadShipped(name, overrides);
        }
        throw new ConfigException("No config file '" + fileOrName + "' (looked for " + file.toAbsolutePath()
                + ") and no shipped config of that name. Give the path of a YAML file or one of the shipped configs: "
                + String.join(", ", SHIPPED) + ".");
    }

    /** Loads a YAML file and applies {@code overrides}. */
    public static ExperimentConfig load(Path file, List<String> overrides) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new ConfigException("Could not read the config file " + file + ": " + unreadable.getMessage(),
                    unreadable);
        }
        return fromYaml(text, file.toString(), overrides);
    }

    /** Loads a shipped config by name (see {@link #SHIPPED}) and applies {@code overrides}. */
    public static ExperimentConfig loadShipped(String name, List<String> overrides) {
        return fromYaml(shippedText(name), name + ".yaml", overrides);
    }

    /** The demo config: every default value. */
    public static ExperimentConfig defaults() {
        return loadShipped(DEFAULTS, List.of());
    }

    /**
     * Reads a config from YAML text (JSON is YAML too, so {@link ExperimentConfig#toJson()} reads back here).
     * {@code origin} names the text in error messages, e.g. its file name.
     */
    public static ExperimentConfig fromYaml(String yaml, String origin, List<String> overrides) {
        JsonNode user = parse(yaml, origin);
        List<String> problems = new ArrayList<>();
        ConfigTree.checkKeys(user, "", origin, problems);
        ObjectNode merged = defaultsTree();
        ConfigTree.mergeInto(merged, user, "");
        for (String override : overrides) {
            ConfigTree.applyOverride(merged, override, problems);
        }
        ConfigTypeCheck.check(merged, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(origin, problems);
        }
        ExperimentConfig config;
        try {
            config = ConfigMappers.JSON.treeToValue(merged, ExperimentConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException missed) {
            // The type check above should have caught this; say what Jackson saw rather than hide it.
            throw new ConfigException("Could not read the configuration " + origin + ": " + missed.getMessage(),
                    missed);
        }
        ConfigValidator.validate(config, origin);
        return config;
    }

    private static JsonNode parse(String yaml, String origin) {
        JsonNode tree;
        try {
            tree = ConfigMappers.YAML.readTree(yaml);
        } catch (JsonProcessingException malformed) {
            throw new ConfigException(YamlSyntaxError.describe(malformed, yaml, origin), malformed);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return ConfigMappers.YAML.createObjectNode(); // an empty file: all defaults
        }
        if (!tree.isObject()) {
            throw new ConfigException("Could not use " + origin + ": expected a mapping of sections and keys at the"
                    + " top level (name:, seed:, data:, ...), found " + ConfigTypeCheck.show(tree) + ".");
        }
        return tree;
    }

    /** A fresh, mutable copy of the defaults' tree. */
    private static ObjectNode defaultsTree() {
        return Defaults.TREE.deepCopy();
    }

    private static String shippedText(String name) {
        String resource = "/configs/" + name + ".yaml";
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("There is no shipped config '" + name + "' (no resource " + resource
                        + " on the class path); the shipped configs are " + String.join(", ", SHIPPED) + ".");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new ConfigException("Could not read the shipped config " + resource + ": "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** The demo config's tree, parsed once, on first use. */
    private static final class Defaults {
        static final ObjectNode TREE = (ObjectNode) parse(shippedText(DEFAULTS), DEFAULTS + ".yaml");
    }
}
