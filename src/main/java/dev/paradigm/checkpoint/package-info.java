/**
 * Checkpoint bookkeeping: where checkpoints live, what their manifests say, and which one a run may
 * resume from.
 *
 * <p>Python writes the state files (weights, optimizer, RNG, model arguments) into a temporary
 * folder that {@link dev.paradigm.checkpoint.CheckpointStore#beginWrite} names; the store then hashes
 * every file into a {@code manifest.json}, syncs it to disk and renames the folder to
 * {@code step-NNNNNN/} in one atomic step, so a crash leaves either a complete checkpoint or none.
 * It keeps {@code index.json} (latest and best) and applies retention. On resume it picks the newest
 * checkpoint whose files still match their manifest, skips damaged ones with a warning, and refuses one
 * written under another configuration or other data. The run folder's {@link dev.paradigm.run.RunLock} keeps a
 * second process from writing the same run at the same time.
 */
package dev.paradigm.checkpoint;
