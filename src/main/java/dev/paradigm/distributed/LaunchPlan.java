package dev.paradigm.distributed;

import dev.paradigm.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * What the launcher starts on this node: {@code nprocPerNode} workers, ranks {@code nodeRank × nprocPerNode …}
 * of a world of {@code nnodes × nprocPerNode}, meeting at {@code masterAddr:masterPort}.
 *
 * @param masterAddr the host of rank 0 (node 0); {@code null} on a single node means this machine
 * @param masterPort the rendezvous port; 0 on a single node means a free port chosen now
 */
public record LaunchPlan(int nprocPerNode, int nnodes, int nodeRank, String masterAddr, int masterPort) {
    public LaunchPlan {
        if (nprocPerNode < 1) {
            throw new IllegalArgumentException("Invalid value " + nprocPerNode + " for '--nproc-per-node': must be at least 1.");
        }
        if (nnodes < 1) {
            throw new IllegalArgumentException("Invalid value " + nnodes + " for '--nnodes': must be at least 1.");
        }
        if (nodeRank < 0 || nodeRank >= nnodes) {
            throw new IllegalArgumentException("Invalid value " + nodeRank + " for '--node-rank': must be in [0, " + nnodes
                    + ") with --nnodes " + nnodes + ".");
        }
        if (nnodes > 1 && (masterAddr == null || masterAddr.isBlank())) {
            throw new IllegalArgumentException("--nnodes " + nnodes + " needs --master-addr: the host name or address of "
                    + "node 0 (the node started with --node-rank 0), the same on every node.");
        }
        if (masterPort < 0 || masterPort > 65535) {
            throw new IllegalArgumentException("Invalid value " + masterPort + " for '--master-port': must be a TCP port "
                    + "in [1, 65535] (0: a free port, single node only).");
        }
    }

    /** One process in all: no launcher, the command runs in this JVM. */
    public static LaunchPlan single() {
        return new LaunchPlan(1, 1, 0, null, 0);
    }

    public int worldSize() {
        return Math.multiplyExact(nprocPerNode, nnodes);
    }

    /** Whether this plan needs worker processes (more than one process in all). */
    public boolean launches() {
        return worldSize() > 1;
    }

    /** The plan with its address and port settled: this machine and a free port on a single node unless given. */
    public LaunchPlan resolved() {
        String addr = masterAddr == null || masterAddr.isBlank() ? "127.0.0.1" : masterAddr;
        int port = masterPort != 0 ? masterPort : nnodes > 1 ? WorldIdentity.DEFAULT_PORT : freePort();
        return new LaunchPlan(nprocPerNode, nnodes, nodeRank, addr, port);
    }

    /** The identity of local worker {@code localRank} of this node. */
    public WorldIdentity worker(int localRank) {
        return new WorldIdentity(nodeRank * nprocPerNode + localRank, localRank, worldSize(), masterAddr, masterPort);
    }

    /**
     * Checks that every rank gets an equal share of the global batch.
     *
     * @throws ConfigException naming train.batch_size and the world size when they do not divide
     */
    public static void requireDivisible(int batchSize, int worldSize) {
        if (batchSize % worldSize != 0) {
            throw new ConfigException("train.batch_size=" + batchSize + " is not divisible by the world size " + worldSize
                    + ": every rank takes an equal share of the global batch. Set train.batch_size to a multiple of "
                    + worldSize + " (e.g. --set train.batch_size=" + Math.max(worldSize, batchSize / worldSize * worldSize)
                    + ") or change the number of processes.");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port for the rendezvous; give --master-port.", e);
        }
    }
}
