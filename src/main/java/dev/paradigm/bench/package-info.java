/**
 * {@code paradigm bench}: how fast the real hot path runs, and what Java's orchestration costs on top of PyTorch.
 *
 * <p>Training throughput is timed on the loop {@code train/Trainer} runs (batch assembly into one reused direct
 * buffer, the stream digest, {@code Engine.trainStep}), between synchronised points ({@code Engine.drain}), after a
 * warm-up that also absorbs compilation. The same Engine object is then driven by a plain Python loop in the same
 * interpreter, in windows interleaved with the Java ones, so drift (thermal, other processes) falls on both; the
 * ratio of the two medians is the Java overhead. Evaluation, checkpoint, sampling and the Java-side metric and
 * batch code are timed separately. Results go to a table and to {@code bench.json}.
 */
package dev.paradigm.bench;
