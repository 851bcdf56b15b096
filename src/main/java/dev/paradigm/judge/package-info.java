/**
 * An independent judge of how well samples read: a Hugging Face causal language model
 * ({@code evaluate.judge: hf:<folder or hub id>}), which retokenizes the decoded text and scores it as upstream
 * MDLM scores generative perplexity. {@link dev.paradigm.judge.HubJudge} checks the setting before any sampling
 * and drives Python's {@code paradigm.judge}; {@link dev.paradigm.metrics.GenerativePerplexity} turns its
 * per-sample scores into a perplexity with a bootstrap interval.
 */
package dev.paradigm.judge;
