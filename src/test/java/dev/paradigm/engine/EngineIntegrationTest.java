package dev.paradigm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.testing.TinyConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import jep.DirectNDArray;
import org.junit.jupiter.api.Test;

/** The Python engine driven from Java through Jep, on the tiny config (CPU, a few steps). */
class EngineIntegrationTest {
    private static final int BATCH = 4;
    private static final int EOS = 0;
    private static final String CONFIG = TinyConfig.load().toJson();
    /** The tiny config's sample section (as Python reads it) for 16 tokens, 4 at a time, 8 MDLM steps, no stop. */
    private static final String SAMPLER = sampleSection(TinyConfig.load("sample.length=16", "sample.batch_size=4",
            "sample.stop_at_eos=false", "sample.mdlm_steps=8", "evaluate.memorization.orders=[8,16]"));

    private static Engine engine(Paradigm paradigm) {
        return engine(CONFIG, paradigm);
    }

    private static Engine engine(String config, Paradigm paradigm) {
        return Engine.create(PythonRuntime.shared(), config, paradigm, TinyConfig.VOCAB, EOS, null);
    }

    private static String sampleSection(ExperimentConfig config) {
        try {
            return new ObjectMapper().readTree(config.toJson()).get("sample").toString();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A B×T batch of seeded random token ids in a direct buffer, as the trainer hands it over. */
    private static DirectNDArray<IntBuffer> batch(long seed) {
        return batch(BATCH, seed);
    }

    private static DirectNDArray<IntBuffer> batch(int rows, long seed) {
        IntBuffer buffer = ByteBuffer.allocateDirect(4 * rows * TinyConfig.SEQ_LEN).order(ByteOrder.nativeOrder()).asIntBuffer();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < rows * TinyConfig.SEQ_LEN; i++) {
            buffer.put(i, random.nextInt(TinyConfig.VOCAB));
        }
        return new DirectNDArray<>(buffer, rows, TinyConfig.SEQ_LEN);
    }

    @Test
    void drainReturnsOneFiniteRowPerStepAndThenNothing() {
        for (Paradigm paradigm : Paradigm.values()) {
            Engine engine = engine(paradigm);
            engine.setRng(1);
            for (int i = 0; i < 3; i++) {
                engine.trainStep(batch(i), 1e-3);
            }
            double[][] rows = engine.drain();
            assertEquals(3, rows.length, paradigm + ": one row per step");
            for (double[] row : rows) {
                assertEquals(2, row.length);
                assertTrue(Double.isFinite(row[0]) && row[0] > 0, paradigm + " loss " + row[0]);
                assertTrue(Double.isFinite(row[1]) && row[1] > 0, paradigm + " grad norm " + row[1]);
            }
            assertEquals(0, engine.drain().length, paradigm + ": a second drain has nothing new");
        }
    }

    /**
     * The trainer's way: one direct buffer, bound by the first step and refilled in place before each later one, with
     * the loop run as one call on the Python thread. It must train exactly as a fresh array per step handed over from
     * another thread does (bit for bit), which also shows that a step reads the refilled memory, not a copy made when
     * the buffer was bound.
     */
    @Test
    void aBufferRefilledInPlaceTrainsExactlyAsAFreshArrayPerStep() {
        for (Paradigm paradigm : Paradigm.values()) {
            Engine fresh = engine(paradigm);
            fresh.setRng(4);
            for (int i = 0; i < 4; i++) {
                fresh.trainStep(batch(100 + i), 1e-2);
            }
            Engine refilled = engine(paradigm);
            refilled.setRng(4);
            DirectNDArray<IntBuffer> buffer = batch(0);
            refilled.onPythonThread(() -> {
                for (int i = 0; i < 4; i++) {
                    buffer.getData().put(0, batch(100 + i).getData(), 0, BATCH * TinyConfig.SEQ_LEN);
                    refilled.trainStep(buffer, 1e-2);
                }
                return null;
            });
            double[][] expected = fresh.drain();
            assertEquals(4, expected.length);
            assertTrue(expected[0][0] != expected[1][0], paradigm + ": the batches differ, so their losses do");
            assertTrue(Arrays.deepEquals(expected, refilled.drain()), paradigm + ": same steps, same losses");
        }
    }

    @Test
    void anUntrainedModelScoresRandomTokensAtAboutTheUniformLoss() {
        // No distribution beats ln(V) nats on uniformly random tokens, and a fresh model is close to uniform.
        // 128 rows keep the MDLM estimate's spread (its 1/t weight) well inside the tolerance.
        double uniform = Math.log(TinyConfig.VOCAB);
        DirectNDArray<IntBuffer> x = batch(128, 9);
        double[] ar = engine(Paradigm.AR).evaluate(x, 1);
        double[] mdlm = engine(Paradigm.MDLM).evaluate(x, 1);
        assertEquals(uniform, ar[0] / ar[1], 0.2, "AR mean NLL");
        assertEquals(uniform, mdlm[0] / mdlm[1], 0.5, "MDLM NELBO per token");
    }

    @Test
    void lossFallsOnARepeatedBatch() {
        for (Paradigm paradigm : Paradigm.values()) {
            Engine engine = engine(paradigm);
            engine.setRng(7);
            DirectNDArray<IntBuffer> same = batch(42);
            // measured with a fixed evaluation seed, so MDLM's masks are the same before and after
            double before = meanLoss(engine.evaluate(same, 5));
            for (int i = 0; i < 15; i++) {
                engine.trainStep(same, 1e-2);
            }
            assertEquals(15, engine.drain().length);
            double after = meanLoss(engine.evaluate(same, 5));
            // memorising 4 fixed rows: the loss must drop clearly, not just wobble
            assertTrue(after < before - 0.5, paradigm + ": loss fell only from " + before + " to " + after);
        }
    }

    @Test
    void arEvaluationIsTheMeanLossOfTheNextTrainingStep() {
        Engine engine = engine(Paradigm.AR);
        engine.setRng(3);
        DirectNDArray<IntBuffer> x = batch(5);
        double[] eval = engine.evaluate(x, 99);
        assertEquals(BATCH * (TinyConfig.SEQ_LEN - 1), eval[1], 0.0, "AR scores every token after the first");
        engine.trainStep(x, 1e-3); // its loss is computed on the weights evaluate saw
        double trainLoss = engine.drain()[0][0];
        assertEquals(trainLoss, eval[0] / eval[1], 1e-5);
    }

    @Test
    void evaluationIsDeterministicForASeed() {
        Engine engine = engine(Paradigm.MDLM);
        DirectNDArray<IntBuffer> x = batch(11);
        double[] a = engine.evaluate(x, 123);
        double[] b = engine.evaluate(x, 123);
        double[] other = engine.evaluate(x, 124);
        assertArrayEquals(a, b, 0.0);
        assertEquals(BATCH * TinyConfig.SEQ_LEN, a[1], 0.0, "MDLM's NELBO counts every token");
        assertFalse(a[0] == other[0], "another seed draws other masks");
    }

    @Test
    void mdlmHasExactlyOneMoreEmbeddingRowThanAr() {
        long ar = engine(Paradigm.AR).info().params();
        long mdlm = engine(Paradigm.MDLM).info().params();
        int d = TinyConfig.D_MODEL;
        // tied embedding/head V·d; per block q,k,v,o (4d²), SwiGLU (3·d·d_ff), two RMSNorm weights; a final norm
        long expectedAr = (long) TinyConfig.VOCAB * d + TinyConfig.N_LAYER * (4L * d * d + 3L * d * TinyConfig.D_FF + 2L * d) + d;
        assertEquals(expectedAr, ar);
        assertEquals(ar + d, mdlm, "the controlled protocol adds only the mask row");
    }

    @Test
    void samplesAreDeterministicForASeedAndHoldNoMaskToken() {
        for (Paradigm paradigm : Paradigm.values()) {
            Engine engine = engine(paradigm);
            List<Integer> prompt = paradigm == Paradigm.AR ? List.of(EOS) : List.of();
            Samples first = engine.sample(6, 2024, SAMPLER, prompt);
            int[][] a = first.ids();
            int[][] b = engine.sample(6, 2024, SAMPLER, prompt).ids();
            int[][] c = engine.sample(6, 2025, SAMPLER, prompt).ids();
            assertEquals(prompt, first.promptIds());
            assertNull(first.texts(), "an engine without a tokenizer returns ids only");
            assertEquals(6, a.length);
            assertEquals(16, a[0].length);
            assertTrue(Arrays.deepEquals(a, b), paradigm + ": same seed, same samples");
            assertFalse(Arrays.deepEquals(a, c), paradigm + ": another seed, other samples");
            for (int[] row : a) {
                for (int id : row) {
                    assertTrue(id >= 0 && id < TinyConfig.VOCAB, paradigm + " produced id " + id
                            + (id == TinyConfig.VOCAB ? " (the mask)" : ""));
                }
            }
            if (paradigm == Paradigm.AR) {
                assertTrue(Arrays.stream(a).allMatch(row -> row[0] == EOS), "AR rows start with their prompt");
            }
        }
    }

    @Test
    void aSampleLongerThanTheModelIsRefusedWithTheKey() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.paradigm.runtime.PythonException.class,
                () -> engine(Paradigm.MDLM).sample(1, 1, SAMPLER.replace("\"length\":16", "\"length\":33"), List.of()));
        assertTrue(e.getMessage().contains("sample.length=33"), e.getMessage());
    }

    /**
     * A protocol is a set of values, not a code path: arche-2026's keys under the name "controlled" give the same
     * model, the same first loss and the same validation loss as under their own name.
     */
    @Test
    void theProtocolsNameAloneChangesNothingInTheEngine() {
        String[] tiny = {"model.n_layer=2", "model.d_model=32", "model.n_head=2", "model.d_ff=64", "model.seq_len=32",
                "sample.length=32", "train.device=cpu", "train.compile=false", "data.tokenizer=bpe", "data.vocab_size=300"};
        ExperimentConfig arche = ConfigLoader.load("arche-2026", List.of(tiny));
        List<String> renamed = new ArrayList<>(List.of(tiny));
        renamed.add("protocol=controlled");
        ExperimentConfig controlledName = ConfigLoader.load("arche-2026", renamed);
        assertEquals(List.of("protocol: arche-2026 → controlled"), ExperimentConfig.diff(arche, controlledName));
        for (Paradigm paradigm : Paradigm.values()) {
            double[][] runs = new double[2][];
            int i = 0;
            for (ExperimentConfig config : List.of(arche, controlledName)) {
                Engine engine = engine(config.toJson(), paradigm);
                engine.setRng(5);
                DirectNDArray<IntBuffer> x = batch(17);
                engine.trainStep(x, 1e-3);
                runs[i++] = new double[] {engine.info().params(), engine.drain()[0][0], engine.evaluate(x, 3)[0]};
            }
            assertArrayEquals(runs[0], runs[1], 0.0, paradigm + ": params, first loss, validation NELBO/NLL");
        }
        long controlledMdlm = engine(Paradigm.MDLM).info().params();
        long archeMdlm = engine(arche.toJson(), Paradigm.MDLM).info().params();
        assertTrue(archeMdlm > controlledMdlm, "arche-2026's values do differ: an untied head and a time embedding");
    }

    private static double meanLoss(double[] sumAndCount) {
        return sumAndCount[0] / sumAndCount[1];
    }
}
