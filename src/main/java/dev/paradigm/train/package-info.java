/**
 * The training loop Java runs: the learning-rate schedule, the batch stream, evaluation cadence, and rank 0's
 * bookkeeping (throughput measured between synchronised points, metrics log, checkpoints, and the analysis of the
 * validation curve at the end).
 */
package dev.paradigm.train;
