package dev.paradigm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.testing.TinyConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine checks before a stage: the device, and memory estimates that are floors, refused only above memory. */
class PreflightTest {
    private static final long GIB = 1L << 30;
    private static final Preflight.DeviceFacts CPU_ONLY = new Preflight.DeviceFacts("2.5.0", false, null);
    private static final Preflight.DeviceFacts ONE_GPU = new Preflight.DeviceFacts("2.5.0", true, 80 * GIB);

    @Test
    void theTokenizerFloorIsTheHashTableTheBpeTrainerReserves() {
        // HF tokenizers asked for 70,866,960,400 bytes at a vocabulary of 1,000,000,000 (measured): 33 × 2^31 + 16.
        assertEquals(1L << 31, MemoryEstimate.hashSlots(1_000_000_000));
        assertEquals(70_866_960_400L - 16, MemoryEstimate.of(TinyConfig.load("data.vocab_size=1000000000"), 1).tokenizerBytes());
        assertEquals(0, MemoryEstimate.of(TinyConfig.load("data.tokenizer=gpt2", "data.vocab_size=50257"), 1).tokenizerBytes());
    }

    @Test
    void theModelFloorCountsPaddedRowsBlocksAndOneBatchOfLogits() {
        MemoryEstimate tiny = MemoryEstimate.of(TinyConfig.load(), 1);
        long rows = 320; // 300 tokens and the mask row, padded to a multiple of 64
        assertEquals(rows * TinyConfig.D_MODEL, tiny.embeddingParameters());
        long perLayer = 4L * TinyConfig.D_MODEL * TinyConfig.D_MODEL + 3L * TinyConfig.D_MODEL * TinyConfig.D_FF;
        assertEquals(TinyConfig.N_LAYER * perLayer, tiny.blockParameters());
        assertEquals(8L * TinyConfig.SEQ_LEN * rows * 4, tiny.logitsBytes()); // train.batch_size 8, fp32
        assertEquals(tiny.parameters() * 16 + tiny.logitsBytes(), tiny.trainingBytes());
        // below what the engine holds (30,240 AR parameters unpadded, 30,880 with its padding and norms)
        assertTrue(tiny.parameters() <= 30_880, "a floor: " + tiny.parameters());
        assertEquals(2 * tiny.embeddingParameters(),
                MemoryEstimate.of(TinyConfig.load("model.mdlm_head=untied"), 1).embeddingParameters(), "an untied head");
        assertEquals(tiny.logitsBytes() / 2, MemoryEstimate.of(TinyConfig.load(), 2).logitsBytes(), "two processes");
    }

    @Test
    void cudaWithoutAGpuIsRefusedNamingTheKey() {
        ExperimentConfig cuda = TinyConfig.load("train.device=cuda");
        List<String> problems = Preflight.problems(cuda, MemoryEstimate.of(cuda, 1), CPU_ONLY, 16 * GIB);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("train.device: expected auto or cpu, because the PyTorch of this Python "
                + "environment (torch 2.5.0) sees no CUDA device, found cuda."), problems.get(0));
        assertEquals(List.of(), Preflight.problems(cuda, MemoryEstimate.of(cuda, 1), ONE_GPU, 16 * GIB));
        assertEquals(List.of(), Preflight.problems(TinyConfig.load(), null, CPU_ONLY, 16 * GIB), "auto runs on the CPU");
    }

    @Test
    void memoryIsCheckedAgainstTheDeviceThatTrains() {
        // 3.2 G parameters: 48+ GiB to train; train.device auto uses the GPU where there is one
        ExperimentConfig big = TinyConfig.load("data.vocab_size=100000000", "train.device=auto");
        List<String> onCpu = Preflight.problems(big, MemoryEstimate.of(big, 1), CPU_ONLY, 16 * GIB);
        assertEquals(1, onCpu.size(), onCpu.toString());
        assertTrue(onCpu.get(0).startsWith("data.vocab_size: training needs at least "), onCpu.get(0));
        assertTrue(onCpu.get(0).contains("on this machine") && onCpu.get(0).contains("but it has 16.0 GiB"), onCpu.get(0));
        List<String> onGpu = Preflight.problems(big, MemoryEstimate.of(big, 1), ONE_GPU, 16 * GIB);
        assertEquals(1, onGpu.size(), "80 GiB is not enough either: " + onGpu);
        assertTrue(onGpu.get(0).contains("on the GPU") && onGpu.get(0).contains("but it has 80.0 GiB"), onGpu.get(0));
        ExperimentConfig onCpuOnly = TinyConfig.load("data.vocab_size=100000000"); // tiny.yaml: train.device cpu
        assertTrue(Preflight.problems(onCpuOnly, MemoryEstimate.of(onCpuOnly, 1), ONE_GPU, 16 * GIB).get(0)
                .contains("on this machine"), "train.device cpu trains in this machine's memory even beside a GPU");
        assertEquals(List.of(), Preflight.problems(TinyConfig.load(), MemoryEstimate.of(TinyConfig.load(), 1), CPU_ONLY,
                16 * GIB), "the tiny model fits");
    }

    @Test
    void prepareAloneChecksOnlyTheTokenizer() {
        ExperimentConfig huge = TinyConfig.load("data.vocab_size=1000000000");
        List<String> problems = Preflight.problems(huge, MemoryEstimate.of(huge, 1), null, 16 * GIB);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("data.vocab_size: the BPE trainer sets aside at least 66.0 GiB for a "
                + "vocabulary of 1,000,000,000 tokens"), problems.get(0));
        ExperimentConfig large = TinyConfig.load("data.vocab_size=100000000"); // 4 GiB of table: fits, the model would not
        assertEquals(List.of(), Preflight.problems(large, MemoryEstimate.of(large, 1), null, 16 * GIB));
    }
}
