/**
 * Data-parallel training on PyTorch's distributed engine (DistributedDataParallel over NCCL on GPUs, gloo on
 * CPU). {@link dev.paradigm.distributed.WorkerLauncher} starts one worker JVM per local rank and watches them;
 * {@link dev.paradigm.distributed.WorldIdentity} is who a worker is (from RANK / WORLD_SIZE / …, as the launcher,
 * torchrun or Slurm set them); {@link dev.paradigm.distributed.ProcessGroup} is the Java handle on the
 * collectives the training loop needs. Each rank takes its slice of the same global batch, so N processes
 * consume the data one process would. See docs/distributed.md.
 */
package dev.paradigm.distributed;
