package dev.paradigm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paradigm.config.ConfigLoader;
import dev.paradigm.config.SampleConfig;
import dev.paradigm.engine.Paradigm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each paradigm's samples start from comes from its key, never from the protocol's name. */
class SamplePromptTest {
    private static final int EOS = 7;

    private static SampleConfig sample(String config, String... overrides) {
        return ConfigLoader.load(config, List.of(overrides)).sample();
    }

    @Test
    void theControlledConfigsStartBothParadigmsFromTheEndOfStoryToken() {
        for (String config : List.of("demo", "tinystories")) {
            assertEquals(List.of(EOS), SampleStage.prompt(sample(config), Paradigm.AR, EOS), config);
            assertEquals(List.of(EOS), SampleStage.prompt(sample(config), Paradigm.MDLM, EOS), config);
        }
    }

    @Test
    void archeGivesArTheTextAndMdlmNothingWhateverTheProtocolIsCalled() {
        for (String name : List.of("arche-2026", "controlled")) {
            SampleConfig arche = sample("arche-2026", "protocol=" + name);
            assertEquals(List.of("Once"), SampleStage.prompt(arche, Paradigm.AR, EOS), name);
            assertEquals(List.of(), SampleStage.prompt(arche, Paradigm.MDLM, EOS), name);
        }
    }

    @Test
    void eosTextIsTheTokenThenTheText() {
        SampleConfig both = sample("demo", "sample.ar_prompt=eos-text", "sample.mdlm_prompt=eos-text",
                "sample.prompt_text=Once upon");
        assertEquals(List.of(EOS, "Once upon"), SampleStage.prompt(both, Paradigm.AR, EOS));
        assertEquals(List.of(EOS, "Once upon"), SampleStage.prompt(both, Paradigm.MDLM, EOS));
    }
}
