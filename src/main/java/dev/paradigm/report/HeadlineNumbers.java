package dev.paradigm.report;

import dev.paradigm.engine.Paradigm;
import dev.paradigm.metrics.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The numbers a seed sweep summarises, named {@code <paradigm>.<quantity>} (for example
 * {@code ar.best_val_loss}, {@code mdlm.distinct_1}): the training {@link Quantity}s, then the sample metrics worth a
 * mean ± std, then generative perplexity. Metrics a run did not measure are left out.
 */
public final class HeadlineNumbers {

    /** A number of each paradigm's run; its key is the constant's name in lower case. */
    enum Quantity {
        BEST_VAL_LOSS("best validation loss", true, r -> r.summary().analysis().bestValLoss()),
        BEST_STEP("step of best validation loss", false, r -> r.summary().analysis().bestStep()),
        BEST_EPOCH("epoch of best validation loss", false, r -> r.summary().analysis().bestEpoch()),
        FINAL_VAL_LOSS("final validation loss", true, r -> r.evals().get(r.evals().size() - 1).valLoss()),
        VAL_PPL("validation perplexity", false, r -> r.evaluation().validation().valPpl()),
        TOKENS_PER_S("throughput (tokens/s)", false, r -> r.summary().tokensPerS()),
        TRAIN_TIME_S("training time (s)", false, r -> r.summary().trainTimeS()),
        GEN_PPL("generative perplexity", false, r -> r.evaluation().fluency().genPpl().value());

        private final String label;
        private final boolean loss;
        private final ToDoubleFunction<ParadigmRun> value;

        Quantity(String label, boolean loss, ToDoubleFunction<ParadigmRun> value) {
            this.label = label;
            this.loss = loss;
            this.value = value;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        double of(ParadigmRun run) {
            return value.applyAsDouble(run);
        }

        /** MDLM's validation perplexity is a bound. */
        String label(Paradigm paradigm) {
            return this == VAL_PPL && paradigm == Paradigm.MDLM ? label + " (upper bound)" : label;
        }
    }

    /** The training quantities, which come before the sample metrics. */
    private static final List<Quantity> TRAINING = List.of(Quantity.BEST_VAL_LOSS, Quantity.BEST_STEP,
            Quantity.BEST_EPOCH, Quantity.FINAL_VAL_LOSS, Quantity.VAL_PPL, Quantity.TOKENS_PER_S, Quantity.TRAIN_TIME_S);

    /** The sample metrics worth a mean ± std across seeds. */
    static final List<String> METRICS = List.of("distinct_1", "distinct_2", "distinct_3", "distinct_4", "self_bleu",
            "vocabulary", "distinct_first_words", "distinct_openings_5", "mean_words");

    private HeadlineNumbers() {}

    public static Map<String, Double> of(RunReport report) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            String p = run.paradigm().id() + ".";
            TRAINING.forEach(q -> numbers.put(p + q.key(), q.of(run)));
            for (String metric : METRICS) {
                Estimate estimate = run.metrics().get(metric);
                if (estimate != null) {
                    numbers.put(p + metric, estimate.value());
                }
            }
            numbers.put(p + Quantity.GEN_PPL.key(), Quantity.GEN_PPL.of(run));
        }
        return numbers;
    }

    /** A reader's name for a headline key: "AR best validation loss". */
    static String label(String key) {
        Paradigm paradigm = paradigmOf(key);
        String name = quantityOf(key);
        for (Quantity q : Quantity.values()) {
            if (q.key().equals(name)) {
                return paradigm.name() + " " + q.label(paradigm);
            }
        }
        return paradigm.name() + " " + MetricCatalog.label(name);
    }

    /** Decimals to show: losses to four like the single-run report; other numbers by magnitude. */
    static int decimals(String key, double mean) {
        String name = quantityOf(key);
        for (Quantity q : Quantity.values()) {
            if (q.loss && q.key().equals(name)) {
                return 4;
            }
        }
        return Math.abs(mean) >= 100 ? 1 : Math.abs(mean) >= 10 ? 2 : 3;
    }

    private static Paradigm paradigmOf(String key) {
        return Paradigm.of(key.substring(0, key.indexOf('.')));
    }

    private static String quantityOf(String key) {
        return key.substring(key.indexOf('.') + 1);
    }
}
