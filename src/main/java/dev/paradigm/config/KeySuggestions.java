package dev.paradigm.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid key a user most likely meant by an unknown one: the same key name in another section (an
 * {@code lr} put under {@code model} is {@code train.lr}), else the nearest key by edit distance, if it is near.
 */
final class KeySuggestions {
    private KeySuggestions() {}

    /** The suggestion for an unknown dotted path, if one is close enough to be worth showing. */
    static Optional<String> closest(String unknownPath) {
        String lower = unknownPath.toLowerCase(Locale.ROOT);
        String lastKey = lower.substring(lower.lastIndexOf('.') + 1);
        List<String> valid = ConfigSchema.allPaths();
        for (String path : valid) {
            if (path.equals(lower) || path.equals(lastKey) || path.endsWith("." + lastKey)) {
                return Optional.of(path);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String path : valid) {
            int distance = editDistance(lower, path);
            if (distance < bestDistance) {
                best = path;
                bestDistance = distance;
            }
        }
        // Beyond about a third of the key changed, a suggestion is more confusing than helpful.
        int allowed = Math.max(2, unknownPath.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
