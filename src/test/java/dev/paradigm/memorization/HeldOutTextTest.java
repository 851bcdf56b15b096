package dev.paradigm.memorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.data.TokenStore;
import dev.paradigm.data.TokenStoreWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation pieces shaped like samples: story starts, cut at the end-of-story token or the sample length. */
class HeldOutTextTest {
    private static final int EOS = 0;

    @Test
    void piecesAreStoryStartsInsideOneChunk(@TempDir Path tmp) throws Exception {
        // Two chunks of 10. Chunk 0: a story "1 2 3", then "4 5 6 7 8" running into the chunk's end. Chunk 1 starts
        // mid-story ("9 9" has no end-of-story token before it), then "5 6", then "7" cut by the chunk's end.
        int[] val = {EOS, 1, 2, 3, EOS, 4, 5, 6, 7, 8, /* chunk 1 */ 9, 9, EOS, 5, 6, EOS, 7, 7, 7, 7};
        TokenStoreWriter.write(tmp, "uint16", 10, 12, EOS, new int[10], val);
        TokenStore store = TokenStore.open(tmp);
        Set<String> pieces = new HashSet<>();
        for (int[] piece : HeldOutText.pieces(store, 10, 4, 1)) {
            pieces.add(Arrays.toString(piece));
        }
        // "4 5 6 7" reaches the length 4 inside its chunk; "7 7 7 7" reaches it exactly at the chunk's end.
        assertEquals(Set.of("[1, 2, 3]", "[4, 5, 6, 7]", "[5, 6]", "[7, 7, 7, 7]"), pieces);
        // With length 5 the last story ("7 7 7 7", then the chunk ends) may have gone on: it is not used.
        Set<String> longer = new HashSet<>();
        for (int[] piece : HeldOutText.pieces(store, 10, 5, 1)) {
            longer.add(Arrays.toString(piece));
        }
        assertEquals(Set.of("[1, 2, 3]", "[4, 5, 6, 7, 8]", "[5, 6]"), longer);
    }

    @Test
    void drawsAreDistinctAndSeeded(@TempDir Path tmp) throws Exception {
        int[] val = new int[40 * 8];
        for (int i = 0; i < val.length; i++) {
            val[i] = i % 4 == 0 ? EOS : 1 + i % 7;
        }
        TokenStoreWriter.write(tmp, "uint16", 8, 12, EOS, new int[8], val);
        TokenStore store = TokenStore.open(tmp);
        int[][] first = HeldOutText.pieces(store, 20, 16, 3);
        assertEquals(20, first.length);
        assertArrayEquals(first, HeldOutText.pieces(store, 20, 16, 3));
        assertFalse(Arrays.deepEquals(first, HeldOutText.pieces(store, 20, 16, 4)));
        for (int[] piece : first) {
            assertEquals(3, piece.length);
            assertTrue(Arrays.stream(piece).noneMatch(t -> t == EOS));
        }
        // One story per chunk: the second ("d e f") runs into the chunk's end before 16 tokens, so it may go on.
        assertEquals(40, HeldOutText.pieces(store, 1000, 16, 3).length, "every story start, once");
    }
}
