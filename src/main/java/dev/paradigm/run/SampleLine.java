package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.util.List;

/**
 * One line of {@code samples.jsonl} ({@link SamplesFile} writes and reads them): a sample's token ids (prompt
 * included) and decoded text, the seed of its batch, the checkpoint it was drawn from and the sampler settings (the
 * same for every line).
 *
 * @param checkpoint the checkpoint folder relative to the run folder, e.g. {@code ar/checkpoints/step-000600}
 */
public record SampleLine(int index, List<Integer> ids, String text, long seed, Paradigm paradigm, String checkpoint,
        SamplerSettings sampler) {
    public SampleLine {
        ids = List.copyOf(ids);
    }

    /** The token ids as an array. */
    public int[] idArray() {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
