/**
 * The training loop Java runs: the learning-rate schedule, the batch stream, evaluation cadence, throughput
 * measured between synchronised points, checkpoints, and the analysis of the validation curve at the end.
 */
package dev.paradigm.train;
