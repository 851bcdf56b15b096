package dev.paradigm.distributed;

import dev.paradigm.config.ConfigException;
import java.util.Map;
import java.util.Optional;

/**
 * Who this process is in a distributed job: its global rank, its rank on this node (which GPU it drives), the
 * number of processes, and where rank 0 listens for the rendezvous.
 *
 * @param rank       0 ≤ rank &lt; size
 * @param localRank  the rank on this node: the worker drives cuda:localRank
 * @param size       the world size (processes over all nodes)
 * @param masterAddr the host of rank 0
 * @param masterPort the port rank 0 listens on
 */
public record WorldIdentity(int rank, int localRank, int size, String masterAddr, int masterPort) {
    /** torchrun's default rendezvous port, used when a scheduler gives no MASTER_PORT. */
    public static final int DEFAULT_PORT = 29500;

    public WorldIdentity {
        if (size < 1 || rank < 0 || rank >= size || localRank < 0) {
            throw new ConfigException("Invalid distributed identity: RANK=" + rank + ", LOCAL_RANK=" + localRank
                    + ", WORLD_SIZE=" + size + ". Need WORLD_SIZE ≥ 1, 0 ≤ RANK < WORLD_SIZE and LOCAL_RANK ≥ 0.");
        }
        if (masterPort < 1 || masterPort > 65535) {
            throw new ConfigException("Invalid MASTER_PORT " + masterPort + ": must be a TCP port in [1, 65535].");
        }
    }

    public boolean isMain() {
        return rank == 0;
    }

    /**
     * The identity the environment gives this process: torchrun's (and this launcher's) RANK / WORLD_SIZE /
     * LOCAL_RANK / MASTER_ADDR / MASTER_PORT, else Slurm's SLURM_PROCID / SLURM_NTASKS / SLURM_LOCALID when srun
     * started more than one task (MASTER_ADDR must then be exported by the job script). Empty when neither is set.
     */
    public static Optional<WorldIdentity> fromEnvironment(Map<String, String> env) {
        if (env.containsKey("WORLD_SIZE") || env.containsKey("RANK")) {
            int size = integer(env, "WORLD_SIZE", null);
            int rank = integer(env, "RANK", null);
            int local = env.containsKey("LOCAL_RANK") ? integer(env, "LOCAL_RANK", null)
                    : env.containsKey("LOCAL_WORLD_SIZE") ? rank % integer(env, "LOCAL_WORLD_SIZE", null) : rank;
            return Optional.of(withMaster(env, rank, local, size, "WORLD_SIZE"));
        }
        if (env.containsKey("SLURM_NTASKS") && env.containsKey("SLURM_PROCID")
                && integer(env, "SLURM_NTASKS", null) > 1) {
            int size = integer(env, "SLURM_NTASKS", null);
            int rank = integer(env, "SLURM_PROCID", null);
            int local = integer(env, "SLURM_LOCALID", "0");
            return Optional.of(withMaster(env, rank, local, size, "SLURM_NTASKS"));
        }
        return Optional.empty();
    }

    private static WorldIdentity withMaster(Map<String, String> env, int rank, int local, int size, String sizeVariable) {
        String addr = env.get("MASTER_ADDR");
        if (size > 1 && (addr == null || addr.isBlank())) {
            throw new ConfigException(sizeVariable + "=" + size + " but MASTER_ADDR is not set: every rank needs the host of "
                    + "rank 0. Export MASTER_ADDR (under Slurm: export MASTER_ADDR=$(scontrol show hostnames "
                    + "\"$SLURM_JOB_NODELIST\" | head -n 1)), or start the workers with `paradigm train --nproc-per-node N`.");
        }
        int port = integer(env, "MASTER_PORT", String.valueOf(DEFAULT_PORT));
        return new WorldIdentity(rank, local, size, addr == null ? "127.0.0.1" : addr.strip(), port);
    }

    private static int integer(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        if (value == null) {
            throw new ConfigException(name + " is not set, but a distributed run needs it (RANK, WORLD_SIZE and "
                    + "MASTER_ADDR come together; torchrun and `paradigm train --nproc-per-node` set all of them).");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid value '" + value + "' for the environment variable " + name
                    + ": expected an integer.");
        }
    }
}
