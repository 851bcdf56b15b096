/**
 * The run folder's files (see docs/run-folder.md): where each lives ({@link dev.paradigm.run.RunFolder}), one typed,
 * versioned record per file with its one writer and reader ({@link dev.paradigm.run.MetricsLog} for
 * {@code metrics.jsonl}, {@link dev.paradigm.run.SamplesFile} for {@code samples.jsonl},
 * {@link dev.paradigm.run.SampleEvaluation} for {@code metrics.json}, {@link dev.paradigm.run.RunConfig} for
 * {@code config.yaml}), and the atomic writes every stage uses. No other code spells a file's keys.
 */
package dev.paradigm.run;
