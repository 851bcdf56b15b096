package dev.paradigm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paradigm.config.ConfigException;
import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.data.Subset;
import dev.paradigm.data.TokenStore;
import dev.paradigm.engine.Paradigm;
import dev.paradigm.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDataTest {
    private static ExperimentConfig demo(String... overrides) {
        return ConfigLoader.load("demo", List.of(overrides));
    }

    @Test
    void settingsThatDoNotShapeTheDataMayDiffer() {
        assertEquals(List.of(), BenchData.dataDifferences(demo(), demo("train.batch_size=8", "model.n_layer=2",
                "sample.n=10")));
    }

    @Test
    void dataSeqLenAndSeedDifferencesAreNamed() {
        List<String> differences = BenchData.dataDifferences(demo(), demo("data.vocab_size=512", "model.seq_len=256",
                "seed=7", "train.steps=1000"));
        assertEquals(3, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("seed: 1337"), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("data.vocab_size: 1024")), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("model.seq_len: 128")), differences.toString());
    }

    @Test
    void aRunFolderPreparedForOtherDataIsRefusedWithTheKeys(@TempDir Path dir) throws Exception {
        RunFolder run = new RunFolder(dir);
        Files.writeString(run.config(), "# config-sha256: " + demo().hash() + "\n" + demo().toYaml());
        BenchSettings settings = new BenchSettings(List.of(Paradigm.AR), 1, 1, 1, 0, 8, 1, null);
        ConfigException e = assertThrows(ConfigException.class,
                () -> BenchData.open(demo("data.vocab_size=512"), run, null, settings, dir));
        assertTrue(e.getMessage().contains("data.vocab_size: 1024 → 512"), e.getMessage());
        assertTrue(e.getMessage().contains("--synthetic-vocab"), e.getMessage());
    }

    @Test
    void syntheticStoreHasTheAskedShapeAndVocabulary(@TempDir Path dir) {
        TokenStore store = SyntheticTokens.write(dir, 300, 16, 4, 8, 1);
        assertEquals(300, store.vocabSize());
        assertEquals(299, store.eosId());
        assertEquals(16, store.seqLen());
        assertEquals(4 * SyntheticTokens.TRAIN_CHUNKS_PER_ROW, store.trainChunks());
        assertEquals(8, store.valChunks());
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int c = 0; c < store.trainChunks(); c++) {
            for (int t : store.chunk(Subset.TRAIN, c)) {
                max = Math.max(max, t);
                min = Math.min(min, t);
            }
        }
        // 4,096 uniform draws from 300 ids: the chance that 0 or 299 never appears is about 2 x e^-13.7
        assertEquals(0, min);
        assertEquals(299, max);
    }
}
