package dev.paradigm.metrics;

import dev.paradigm.config.Smoothing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.paradigm.bench.ZipfTextGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Self-BLEU against NLTK 3.10's own {@code sentence_bleu}, run as a subprocess with the project's Python
 * ({@code -Dparadigm.python}, set by the pom). A missing Python fails the test: this check must not
 * silently disappear.
 */
class NltkSelfBleuTest {
    private static final String FALLBACK_PYTHON = "/work/main/.venv/bin/python";

    @Test
    void equalsNltkSentenceBleuForBothSmoothings() throws Exception {
        // Two vocabularies: a small one (many matches, ties, repeats) and a large one (many zero-match orders,
        // no-unigram-match zeros); lengths 0..16 cover empty hypotheses and hypotheses shorter than n.
        List<String> texts = new ArrayList<>(new ZipfTextGenerator(30, 1.0, 3).texts(120, 0, 16));
        texts.addAll(new ZipfTextGenerator(3000, 1.2, 4).texts(100, 0, 16));
        NltkSelfBleuReference.Result nltk = NltkSelfBleuReference.run(python(), script(), texts, null,
                List.of(Smoothing.NONE, Smoothing.METHOD1), 300);
        assertTrue(nltk.nltkVersion().startsWith("3.10"), "expected NLTK 3.10.x, found " + nltk.nltkVersion());

        TokenCorpus corpus = TokenCorpus.ofWords(texts);
        for (Smoothing smoothing : Smoothing.values()) {
            double[] expected = nltk.scores().get(smoothing);
            double[] actual = SelfBleu.scores(corpus, smoothing);
            assertEquals(texts.size(), expected.length);
            for (int i = 0; i < expected.length; i++) {
                String where = "sample " + i + " (\"" + texts.get(i) + "\"), smoothing " + smoothing;
                assertEquals(expected[i], actual[i], 1e-9, where);
                // Also relative, so that NLTK's tiny unsmoothed scores (1e-78 and the like) are really checked.
                assertEquals(expected[i], actual[i], 1e-12 * Math.abs(expected[i]), where);
            }
            assertCoversNltkPaths(expected, smoothing);
        }
    }

    /** The generated samples must reach NLTK's special paths, or the comparison proves less than it seems. */
    private static void assertCoversNltkPaths(double[] nltk, Smoothing smoothing) {
        long zeros = java.util.Arrays.stream(nltk).filter(x -> x == 0.0).count();
        long tiny = java.util.Arrays.stream(nltk).filter(x -> x > 0.0 && x < 1e-60).count();
        long ordinary = java.util.Arrays.stream(nltk).filter(x -> x > 0.01).count();
        assertTrue(zeros > 0, "no sample without unigram matches (" + smoothing + ")");
        assertTrue(ordinary > 20, "too few ordinary scores (" + smoothing + ")");
        if (smoothing == Smoothing.NONE) {
            assertTrue(tiny > 20, "too few zero-match orders under method0 (" + tiny + ")");
        }
    }

    static Path python() {
        Path python = Path.of(System.getProperty("paradigm.python", FALLBACK_PYTHON));
        if (!Files.isExecutable(python)) {
            fail("The NLTK reference needs Python with nltk 3.10: expected an executable at " + python
                    + " (system property paradigm.python). Create the virtualenv .venv from python/requirements.txt, or pass "
                    + "-Dparadigm.python=/work/main/.venv/bin/python.");
        }
        return python;
    }

    static Path script() {
        return Path.of(System.getProperty("paradigm.home", ".")).resolve(NltkSelfBleuReference.SCRIPT);
    }
}
