package dev.paradigm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, KeySuggestions.editDistance("kitten", "sitting")); // k→s, e→i, +g
        assertEquals(0, KeySuggestions.editDistance("steps", "steps"));
        assertEquals(5, KeySuggestions.editDistance("", "steps"));
        assertEquals(2, KeySuggestions.editDistance("trian", "train")); // two substitutions
    }

    @Test
    void suggestsNearKeysAndNothingForFarOnes() {
        assertEquals(Optional.of("train.steps"), KeySuggestions.closest("train.stepz"));
        assertEquals(Optional.of("train.steps"), KeySuggestions.closest("trian.steps"));
        assertEquals(Optional.of("train.steps"), KeySuggestions.closest("Train.Steps"));
        assertEquals(Optional.of("train.warmup_steps"), KeySuggestions.closest("warmup_steps"));
        assertEquals(Optional.of("seed"), KeySuggestions.closest("train.seed"));
        assertEquals(Optional.empty(), KeySuggestions.closest("mdlm.completely_different"));
    }
}
