package dev.paradigm.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ConfigException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorldIdentityTest {
    @Test
    void torchrunVariablesGiveTheIdentity() {
        Map<String, String> env = Map.of("RANK", "5", "LOCAL_RANK", "1", "WORLD_SIZE", "8", "MASTER_ADDR", "node0",
                "MASTER_PORT", "1234");
        assertEquals(Optional.of(new WorldIdentity(5, 1, 8, "node0", 1234)), WorldIdentity.fromEnvironment(env));
    }

    @Test
    void slurmTasksGiveTheIdentityWithTheDefaultPort() {
        Map<String, String> env = Map.of("SLURM_PROCID", "3", "SLURM_LOCALID", "1", "SLURM_NTASKS", "4", "MASTER_ADDR", "n0");
        assertEquals(Optional.of(new WorldIdentity(3, 1, 4, "n0", 29500)), WorldIdentity.fromEnvironment(env));
    }

    @Test
    void noVariablesOrOneSlurmTaskMeanNoDistributedJob() {
        assertEquals(Optional.empty(), WorldIdentity.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), WorldIdentity.fromEnvironment(Map.of("SLURM_PROCID", "0", "SLURM_NTASKS", "1")));
    }

    @Test
    void missingOrBadVariablesAreNamed() {
        ConfigException noAddr = assertThrows(ConfigException.class,
                () -> WorldIdentity.fromEnvironment(Map.of("RANK", "0", "WORLD_SIZE", "2")));
        assertTrue(noAddr.getMessage().startsWith("WORLD_SIZE=2 but MASTER_ADDR is not set"), noAddr.getMessage());
        ConfigException noRank = assertThrows(ConfigException.class,
                () -> WorldIdentity.fromEnvironment(Map.of("WORLD_SIZE", "2", "MASTER_ADDR", "h")));
        assertTrue(noRank.getMessage().startsWith("RANK is not set"), noRank.getMessage());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> WorldIdentity.fromEnvironment(Map.of("RANK", "two", "WORLD_SIZE", "2", "MASTER_ADDR", "h")));
        assertEquals("Invalid value 'two' for the environment variable RANK: expected an integer.", bad.getMessage());
        ConfigException outside = assertThrows(ConfigException.class,
                () -> WorldIdentity.fromEnvironment(Map.of("RANK", "2", "WORLD_SIZE", "2", "MASTER_ADDR", "h")));
        assertTrue(outside.getMessage().contains("RANK=2"), outside.getMessage());
    }

    @Test
    void aBatchThatRanksCannotShareIsRefusedNamingTheKeyAndTheWorldSize() {
        LaunchPlan.requireDivisible(32, 4);
        ConfigException e = assertThrows(ConfigException.class, () -> LaunchPlan.requireDivisible(30, 4));
        assertTrue(e.getMessage().startsWith("train.batch_size=30 is not divisible by the world size 4"), e.getMessage());
    }

    @Test
    void aPlanNumbersItsWorkersAfterTheNodesBeforeIt() {
        LaunchPlan plan = new LaunchPlan(4, 2, 1, "node0", 0).resolved();
        assertEquals(29500, plan.masterPort());
        assertEquals(new WorldIdentity(6, 2, 8, "node0", 29500), plan.worker(2));
        IllegalArgumentException noAddr = assertThrows(IllegalArgumentException.class, () -> new LaunchPlan(2, 2, 0, null, 0));
        assertTrue(noAddr.getMessage().startsWith("--nnodes 2 needs --master-addr"), noAddr.getMessage());
    }
}
