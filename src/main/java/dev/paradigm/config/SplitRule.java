package dev.paradigm.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which chunks a random split holds out for validation (data.split_rule), n being the chunk count:
 * {@code sorted-sample}, max(val_min_chunks, round(n · val_fraction)) chunks drawn by numpy's
 * {@code default_rng(split_seed)}, kept in stream order; {@code permutation-tail}, the last
 * max(val_min_chunks, ⌊n · val_fraction⌋) entries of {@code numpy.random.RandomState(split_seed).permutation(n)}, in
 * that order, as the published study's code chose them. The order matters where an evaluation reads only the first
 * validation chunks.
 */
public enum SplitRule {
    SORTED_SAMPLE,
    PERMUTATION_TAIL;

    /** The YAML spelling, e.g. "sorted-sample". */
    @JsonValue
    @Override
    public String toString() {
        return ConfigEnums.configName(this);
    }

    /** Reads the YAML spelling; the error lists the valid ones. */
    @JsonCreator
    public static SplitRule of(String text) {
        return ConfigEnums.parse(SplitRule.class, text);
    }
}
