package dev.paradigm.cli;

import dev.paradigm.distributed.LaunchPlan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How many processes train, on how many machines (docs/distributed.md); torchrun's option names. */
public final class DistributedOptions {
    @Option(names = "--nproc-per-node", paramLabel = "N", defaultValue = "1",
            description = "Worker processes to start on this machine, one per GPU; more than one in all trains with "
                    + "DistributedDataParallel. Default: ${DEFAULT-VALUE}.")
    int nprocPerNode;

    @Option(names = "--nnodes", paramLabel = "N", defaultValue = "1",
            description = "Machines taking part; start the same command on each with its own --node-rank. Default: ${DEFAULT-VALUE}.")
    int nnodes;

    @Option(names = "--node-rank", paramLabel = "I", defaultValue = "0",
            description = "This machine's index in [0, --nnodes); node 0 hosts rank 0. Default: ${DEFAULT-VALUE}.")
    int nodeRank;

    @Option(names = "--master-addr", paramLabel = "HOST",
            description = "Host of node 0, where the ranks meet (required with --nnodes > 1). Default: this machine.")
    String masterAddr;

    @Option(names = "--master-port", paramLabel = "PORT", defaultValue = "0",
            description = "Port on node 0 where the ranks meet. Default: a free port on one node, 29500 on several.")
    int masterPort;

    LaunchPlan plan(CommandSpec spec) {
        try {
            return new LaunchPlan(nprocPerNode, nnodes, nodeRank, masterAddr, masterPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
