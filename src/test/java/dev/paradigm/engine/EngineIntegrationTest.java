package dev.paradigm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.runtime.PythonRuntime;
import dev.paradigm.testing.TinyConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import jep.DirectNDArray;
import org.junit.jupiter.api.Test;

/** The Python engine driven from Java through Jep, on the tiny config (CPU, a few steps). */
class EngineIntegrationTest {
    private static final int BATCH = 4;
    private static final int EOS = 0;
    private static final String CONFIG = TinyConfig.load().toJson();
    private static final String SAMPLER = "{\"length\":16,\"batch_size\":4,\"temperature\":1.0,\"top_k\":0,\"top_p\":1.0,"
            + "\"stop_at_eos\":false,\"mdlm_sampler\":\"ancestral\",\"mdlm_steps\":8,\"float64\":true,\"prompt_ids\":null}";

    private final PythonRuntime python = PythonRuntime.shared();

    private static Engine engine(Paradigm paradigm) {
        return Engine.create(PythonRuntime.shared(), CONFIG, paradigm, TinyConfig.VOCAB, EOS);
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
            String settings = paradigm == Paradigm.AR ? SAMPLER.replace("\"prompt_ids\":null", "\"prompt_ids\":[0]") : SAMPLER;
            int[][] a = engine.sample(6, 2024, settings);
            int[][] b = engine.sample(6, 2024, settings);
            int[][] c = engine.sample(6, 2025, settings);
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
                () -> engine(Paradigm.MDLM).sample(1, 1, SAMPLER.replace("\"length\":16", "\"length\":33")));
        assertTrue(e.getMessage().contains("sample.length=33"), e.getMessage());
    }

    private static double meanLoss(double[] sumAndCount) {
        return sumAndCount[0] / sumAndCount[1];
    }
}
