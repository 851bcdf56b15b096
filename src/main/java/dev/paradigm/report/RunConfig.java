package dev.paradigm.report;

/**
 * The parts of the resolved {@code config.yaml} the report reads, plus its full text for the appendix.
 *
 * @param sha256 the hash from the file's first line ({@code # config-sha256: …})
 * @param yaml   the file as written, shown verbatim in the report
 */
public record RunConfig(String name, String protocol, long seed, String sha256, String yaml,
                        int nLayer, int dModel, int nHead, int seqLen, long steps, long batchSize) {

    /** The published study's scale: 12 layers × 768 wide, 512 tokens, 20,000 steps of batch 32. */
    public boolean isPaperScale() {
        return nLayer == 12 && dModel == 768 && seqLen == 512 && steps == 20_000 && batchSize == 32;
    }
}
