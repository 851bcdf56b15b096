package dev.paradigm.memorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.data.TokenStore;
import dev.paradigm.data.TokenStoreWriter;
import dev.paradigm.metrics.Bootstrap;
import dev.paradigm.metrics.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Longest matches, copied n-gram shares and longest spans against a brute-force search of the training chunks. */
class TrainIndexTest {
    private static final int[] ORDERS = {1, 2, 3, 8};

    /** Whether {@code sample[from, from + length)} occurs inside one chunk of {@code train}. */
    private static boolean occurs(int[] train, int seqLen, int[] sample, int from, int length) {
        for (int chunk = 0; chunk < train.length; chunk += seqLen) {
            int end = Math.min(train.length, chunk + seqLen);
            for (int start = chunk; start + length <= end; start++) {
                if (Arrays.equals(train, start, start + length, sample, from, from + length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int bruteLongestMatch(int[] train, int seqLen, int[] sample, int from) {
        int length = 0;
        while (from + length < sample.length && occurs(train, seqLen, sample, from, length + 1)) {
            length++;
        }
        return length;
    }

    private static void assertAgreesWithBruteForce(int[] train, int seqLen, int[] sample, TrainIndex index, String what) {
        int longest = 0;
        for (int i = 0; i <= sample.length; i++) {
            int expected = bruteLongestMatch(train, seqLen, sample, i);
            TrainIndex.Match match = index.longestMatch(sample, i, sample.length);
            assertEquals(expected, match.length(), what + ", position " + i);
            if (expected > 0) { // the reported place must hold the match, inside one chunk
                long at = match.trainPosition();
                assertTrue(at / seqLen == (at + expected - 1) / seqLen, what + ": match crosses a chunk boundary");
                assertTrue(Arrays.equals(train, (int) at, (int) at + expected, sample, i, i + expected), what);
            } else {
                assertEquals(-1, match.trainPosition());
            }
            longest = Math.max(longest, expected);
        }
        SampleOverlap overlap = SampleOverlap.measure(index, sample, ORDERS);
        assertEquals(longest, overlap.longestSpan(), what);
        for (int o = 0; o < ORDERS.length; o++) {
            int n = ORDERS[o];
            int ngrams = 0;
            int copied = 0;
            for (int i = 0; i + n <= sample.length; i++) {
                ngrams++;
                copied += occurs(train, seqLen, sample, i, n) ? 1 : 0;
            }
            assertEquals(ngrams, overlap.ngrams()[o], what + ", " + n + "-grams");
            assertEquals(copied, overlap.copied()[o], what + ", copied " + n + "-grams");
        }
    }

    @Test
    void agreesWithBruteForceOnRandomTokensWithRepeats() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            int vocab = 2 + random.nextInt(6);
            int seqLen = 1 + random.nextInt(40);
            int[] train = random.ints(random.nextInt(400), 0, vocab).toArray();
            TrainIndex index = TrainIndex.build(train, seqLen, vocab);
            for (int s = 0; s < 8; s++) {
                int[] sample = random.ints(random.nextInt(30), 0, vocab).toArray();
                if (s == 0 && train.length >= 12) { // a real copy, so long spans and every order occur
                    int from = random.nextInt(train.length - 12);
                    sample = Arrays.copyOfRange(train, from, from + 12);
                }
                assertAgreesWithBruteForce(train, seqLen, sample, index, "trial " + trial + " sample " + s);
            }
        }
    }

    @Test
    void edgeCases() {
        int[] train = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
        TrainIndex index = TrainIndex.build(train, 6, 10);
        SampleOverlap empty = SampleOverlap.measure(index, new int[0], ORDERS);
        assertEquals(0, empty.longestSpan());
        assertEquals(-1, empty.spanStart());
        assertEquals(-1, empty.trainPosition());
        assertArrayEquals(new int[] {0, 0, 0, 0}, empty.ngrams());

        SampleOverlap shorterThanN = SampleOverlap.measure(index, new int[] {2, 3, 4}, ORDERS);
        assertArrayEquals(new int[] {3, 2, 1, 0}, shorterThanN.ngrams()); // no 8-gram in 3 tokens
        assertArrayEquals(new int[] {3, 2, 1, 0}, shorterThanN.copied());
        assertEquals(3, shorterThanN.longestSpan());

        SampleOverlap whole = SampleOverlap.measure(index, new int[] {1, 2, 3, 4, 5, 6}, ORDERS); // all of chunk 0
        assertEquals(6, whole.longestSpan());
        assertEquals(0, whole.spanStart());
        assertEquals(0, whole.trainPosition());

        // 5 6 | 7 8 straddles the boundary between chunks 0 and 1: two matches of 2, never one of 4.
        SampleOverlap straddling = SampleOverlap.measure(index, new int[] {5, 6, 7, 8}, ORDERS);
        assertEquals(2, straddling.longestSpan());
        assertArrayEquals(new int[] {4, 2, 0, 0}, straddling.copied());

        SampleOverlap unseen = SampleOverlap.measure(index, new int[] {0, 0}, ORDERS);
        assertEquals(0, unseen.longestSpan());
        assertArrayEquals(new int[] {0, 0, 0, 0}, unseen.copied());

        // The last, shorter chunk (1 2 3) is indexed too, and the reported place is the one found.
        TrainIndex.Match match = index.longestMatch(new int[] {9, 1, 2, 3}, 1, 4);
        assertEquals(3, match.length());
        assertTrue(match.trainPosition() == 0 || match.trainPosition() == 9, "at " + match.trainPosition());
    }

    @Test
    void aStoreIsIndexedChunkByChunk(@TempDir Path tmp) throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        int[] train = random.ints(8 * 16, 0, 300).toArray();
        TokenStoreWriter.write(tmp, "uint16", 16, 300, 0, train, random.ints(32, 0, 300).toArray());
        TrainIndex fromStore = TrainIndex.build(TokenStore.open(tmp));
        TrainIndex fromArray = TrainIndex.build(train, 16, 300);
        assertEquals(train.length, fromStore.trainTokens());
        int[] sample = Arrays.copyOfRange(train, 20, 60); // crosses chunks 1, 2 and 3
        assertArrayEquals(SampleOverlap.measure(fromArray, sample, ORDERS).copied(),
                SampleOverlap.measure(fromStore, sample, ORDERS).copied());
        assertEquals(16, SampleOverlap.measure(fromStore, sample, ORDERS).longestSpan()); // 32..47, all of chunk 2
        assertAgreesWithBruteForce(train, 16, sample, fromStore, "store");
    }

    @Test
    void pooledSharesAndMeanLongestSpanWithIntervals() {
        SplittableRandom random = new SplittableRandom(2);
        int[] train = random.ints(3000, 0, 20).toArray();
        TrainIndex index = TrainIndex.build(train, 100, 20);
        int[][] samples = new int[60][];
        for (int s = 0; s < samples.length; s++) {
            int from = random.nextInt(train.length - 40);
            samples[s] = s % 3 == 0 ? Arrays.copyOfRange(train, from, from + 5 + random.nextInt(35))
                    : random.ints(random.nextInt(40), 0, 20).toArray();
        }
        List<Integer> orders = List.of(3, 8, 16); // 3-grams: 8000 kinds, so random samples miss some
        MemorizationResult result = Memorization.measure(index, samples, orders, new Bootstrap(samples.length, 300, 4));
        List<SampleOverlap> overlaps = new ArrayList<>();
        for (int[] sample : samples) {
            overlaps.add(SampleOverlap.measure(index, sample, new int[] {3, 8, 16}));
        }
        for (int o = 0; o < orders.size(); o++) {
            int oo = o;
            double copied = overlaps.stream().mapToInt(v -> v.copied()[oo]).sum();
            double total = overlaps.stream().mapToInt(v -> v.ngrams()[oo]).sum();
            Estimate share = result.copiedShare().get(orders.get(o));
            assertEquals(copied / total, share.value(), 1e-15, "order " + orders.get(o));
            assertTrue(share.contains(share.value()) && share.width() > 0, share.toString());
        }
        assertEquals(List.of(3, 8, 16), List.copyOf(result.copiedShare().keySet()));
        double meanLongest = overlaps.stream().mapToInt(SampleOverlap::longestSpan).average().orElseThrow();
        assertEquals(meanLongest, result.meanLongestSpan().value(), 1e-12);
        int max = overlaps.stream().mapToInt(SampleOverlap::longestSpan).max().orElseThrow();
        assertEquals(max, result.maxSpan());
        assertEquals(max, overlaps.get(result.maxSpanSequence()).longestSpan());
        assertTrue(result.maxSpanTrainPosition() >= 0);
    }

    @Test
    void badOrdersAndTokensAreRefused() {
        TrainIndex index = TrainIndex.build(new int[] {1, 2, 3}, 3, 4);
        Bootstrap bootstrap = new Bootstrap(1, 10, 1);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Memorization.measure(index, new int[][] {{1}}, List.of(0, 8), bootstrap));
        assertTrue(zero.getMessage().contains("evaluate.memorization.orders"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Memorization.measure(index, new int[][] {{1}}, List.of(8, 8), bootstrap));
        assertThrows(IllegalArgumentException.class, () -> TrainIndex.build(new int[] {1, 4}, 2, 4));
    }

    @Test
    void theMemoryBoundNamesTheKeyAndTheFix() {
        long fiftyMillion = 50_000_000L;
        long bytes = TrainIndex.estimateBytes(fiftyMillion, 512, 50257);
        // 10.25 bytes a token plus separators, buckets and a megabyte: about 490 MiB for the paper's 50M tokens.
        assertTrue(bytes > 10 * fiftyMillion && bytes < 11 * fiftyMillion, "estimate " + bytes);
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> TrainIndex.requireFits(fiftyMillion, 512, 50257, 256, Long.MAX_VALUE));
        assertTrue(tooSmall.getMessage().contains("evaluate.memorization.max_index_mib = 256"), tooSmall.getMessage());
        assertTrue(tooSmall.getMessage().contains("at least " + ((bytes + (1 << 20) - 1) >> 20)), tooSmall.getMessage());
        IllegalArgumentException noHeap = assertThrows(IllegalArgumentException.class,
                () -> TrainIndex.requireFits(fiftyMillion, 512, 50257, 4096, 100L << 20));
        assertTrue(noHeap.getMessage().contains("-Xmx"), noHeap.getMessage());
        TrainIndex.requireFits(fiftyMillion, 512, 50257, 4096, 8L << 30);
    }
}
