package dev.paradigm.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key a configuration may hold, read off the records themselves (so the records are the one list of keys):
 * the sections ("train"), the leaves ("train.steps") with their Java types, in declaration order.
 */
final class ConfigSchema {
    /**
     * One leaf key: its dotted path, Java type and whether YAML may leave it null; a list key ({@code List<Integer>})
     * also names its elements' type.
     */
    record Leaf(String path, Class<?> type, boolean nullable, Class<?> element) {
        boolean isList() {
            return type == List.class;
        }
    }

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final Map<String, Leaf> LEAVES = new LinkedHashMap<>();
    private static final Map<String, List<String>> CHILDREN = new LinkedHashMap<>();

    static {
        walk(ExperimentConfig.class, "");
    }

    private ConfigSchema() {}

    private static void walk(Class<?> record, String prefix) {
        List<String> children = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String key = SNAKE.translate(component.getName());
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            children.add(key);
            if (component.getType().isRecord()) {
                walk(component.getType(), path);
            } else {
                LEAVES.put(path, new Leaf(path, component.getType(), component.isAnnotationPresent(Nullable.class),
                        elementType(component)));
            }
        }
        CHILDREN.put(prefix, Collections.unmodifiableList(children));
    }

    /** The element type of a {@code List<E>} component (null for any other type). */
    private static Class<?> elementType(RecordComponent component) {
        if (component.getType() != List.class) {
            return null;
        }
        if (component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalStateException("The config key " + component.getName() + " is a list without an element type.");
    }

    /** The leaf at {@code path}, or null when the path names a section or nothing. */
    static Leaf leaf(String path) {
        return LEAVES.get(path);
    }

    /** Whether {@code path} names a section such as "train" ("" is the top level). */
    static boolean isSection(String path) {
        return CHILDREN.containsKey(path);
    }

    /** The keys directly inside a section, in declaration order. */
    static List<String> children(String sectionPath) {
        return CHILDREN.getOrDefault(sectionPath, List.of());
    }

    /** Every leaf, in declaration order. */
    static List<Leaf> leaves() {
        return List.copyOf(LEAVES.values());
    }

    /** Every valid dotted path: the sections and the leaves. */
    static List<String> allPaths() {
        List<String> paths = new ArrayList<>();
        CHILDREN.keySet().stream().filter(p -> !p.isEmpty()).forEach(paths::add);
        paths.addAll(LEAVES.keySet());
        return paths;
    }

    /** "train.steps" for ("train", "steps"); "seed" for ("", "seed"). */
    static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
