package dev.paradigm.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys in which two configs differ, as dotted paths ({@code train.lr}). Objects are walked into;
 * arrays and scalars are compared whole.
 */
final class ConfigDiff {
    private ConfigDiff() {}

    /** Each differing key as {@code key (checkpoint X, now Y)}, sorted by key; "absent" for a missing key. */
    static List<String> describe(JsonNode inCheckpoint, JsonNode now) {
        Map<String, JsonNode> before = flatten(inCheckpoint);
        Map<String, JsonNode> after = flatten(now);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            JsonNode a = before.get(key);
            JsonNode b = after.get(key);
            if (a == null || !a.equals(b)) {
                out.add(key + " (checkpoint " + show(a) + ", now " + show(b) + ")");
            }
        }
        return out;
    }

    static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (node != null) {
            flattenInto("", node, out);
        }
        return out;
    }

    private static void flattenInto(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                flattenInto(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else {
            out.put(prefix, node);
        }
    }

    private static String show(JsonNode value) {
        return value == null ? "absent" : value.toString();
    }
}
