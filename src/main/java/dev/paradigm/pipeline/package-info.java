/**
 * The stages of an experiment — prepare, train, sample, evaluate, report — each a small class that knows when
 * its output is complete, and {@link dev.paradigm.pipeline.Experiment}, which runs them in order, skipping what
 * is done. The CLI's subcommands are thin wrappers around these.
 */
package dev.paradigm.pipeline;
