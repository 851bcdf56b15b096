package dev.paradigm.bench;

import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.metrics.Estimate;
import dev.paradigm.metrics.GrammarCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The measurements behind {@code evaluate.fluency.max_grammar_errors}'s default (docs/verdict.md): LanguageTool's
 * grammar and spelling errors per 100 words, counted as the evaluate stage counts them ({@link GrammarCheck}), on real
 * TinyStories validation stories and on the same stories with a growing share of their words moved to random
 * positions among themselves (1.0: every word shuffled). What is measured is how far from text a sample may be before
 * the count says so.
 *
 * <p>A stand-alone measurement, so it lives in the test tree; run it with
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * nice java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.paradigm.bench.FluencyCalibration \
 *     ../shared/data/tinystories/TinyStories-valid-head1000.txt [stories]
 * </pre>
 * Seeded; prints one row per share of moved words.
 */
public final class FluencyCalibration {
    static final double[] MOVED = {0, 0.05, 0.1, 0.2, 0.5, 1.0};

    private FluencyCalibration() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/tinystories/TinyStories-valid-head1000.txt");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> stories = stories(Files.readString(file), count);
        GrammarCheck check = GrammarCheck.english();
        System.out.printf(Locale.ROOT, "%d stories of %s; %s%n", stories.size(), file.getFileName(), GrammarCheck.description());
        System.out.println("moved words | grammar errors / 100 words [95% CI] | spelling errors / 100 words [95% CI]");
        for (double moved : MOVED) {
            SplittableRandom random = new SplittableRandom(20260127L);
            List<GrammarCheck.Counts> counts = new ArrayList<>();
            for (String story : stories) {
                counts.add(check.check(move(story, moved, random)));
            }
            Bootstrap bootstrap = new Bootstrap(counts.size(), 1000, 1);
            System.out.printf(Locale.ROOT, "%11.2f | %s | %s%n", moved, show(GrammarCheck.perHundredWords(counts, false, bootstrap)),
                    show(GrammarCheck.perHundredWords(counts, true, bootstrap)));
        }
    }

    /** The first {@code count} stories of a TinyStories text file (stories separated by {@code <|endoftext|>} lines). */
    static List<String> stories(String text, int count) {
        List<String> stories = new ArrayList<>();
        for (String story : text.split("<\\|endoftext\\|>")) {
            String clean = story.strip().replaceAll("\\s+", " ");
            if (!clean.isEmpty() && stories.size() < count) {
                stories.add(clean);
            }
        }
        return stories;
    }

    /** The story with a share {@code moved} of its words (chosen at random) permuted among their own positions. */
    static String move(String story, double moved, SplittableRandom random) {
        String[] words = story.split(" ");
        int k = (int) Math.round(moved * words.length);
        int[] positions = new int[words.length];
        Arrays.setAll(positions, i -> i);
        for (int i = 0; i < k; i++) { // the first k of a partial Fisher–Yates shuffle: k distinct positions
            int j = i + random.nextInt(words.length - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        String[] chosen = new String[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = words[positions[i]];
        }
        for (int i = k - 1; i > 0; i--) { // shuffle the chosen words among the chosen positions
            int j = random.nextInt(i + 1);
            String swap = chosen[i];
            chosen[i] = chosen[j];
            chosen[j] = swap;
        }
        for (int i = 0; i < k; i++) {
            words[positions[i]] = chosen[i];
        }
        return String.join(" ", words);
    }

    private static String show(Estimate e) {
        return String.format(Locale.ROOT, "%6.2f [%5.2f, %5.2f]", e.value(), e.ciLow(), e.ciHigh());
    }
}
