/**
 * The training data as Java sees it: a prepared token store on disk and the seeded order in which
 * its chunks are consumed.
 *
 * <p>{@link dev.paradigm.data.TokenStore} opens the folder that {@code paradigm prepare} writes
 * (format in {@code docs/boundary.md}), checks it against its manifest and memory-maps the token
 * files. {@link dev.paradigm.data.BatchSchedule} turns one seed into the order of training chunks, a
 * pure function of the step so that a resumed run reads exactly what an uninterrupted one would;
 * {@link dev.paradigm.data.BatchAssembler} copies the chunks of a step into one reusable direct
 * buffer that Python reads without a copy; {@link dev.paradigm.data.ValidationBatches} does the same
 * for the fixed validation set; and {@link dev.paradigm.data.StreamDigest} fingerprints the whole
 * batch stream so that a report can prove two runs consumed identical data.
 */
package dev.paradigm.data;
