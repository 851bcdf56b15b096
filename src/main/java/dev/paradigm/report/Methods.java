package dev.paradigm.report;

import dev.paradigm.config.EvaluateConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * How the report's intervals and comparisons were computed, stated in the report itself (so that "[lo, hi]" says
 * what it means): the bootstrap of each kind of statistic, and the rules behind the verdict's comparisons.
 */
final class Methods {
    private Methods() {}

    static List<String> of(RunReport report) {
        EvaluateConfig evaluate = report.config().resolved().evaluate();
        List<String> methods = new ArrayList<>();
        methods.add("Every interval is a 95% bootstrap interval over samples: " + Fmt.count(evaluate.bootstrap())
                + " resamples (evaluate.bootstrap), each drawing as many samples as there are, with replacement, seeded "
                + "by the run seed (" + report.seed() + "); the interval is the 2.5th to 97.5th percentile of the "
                + "resampled statistic.");
        methods.add("Self-BLEU (all pairs): each resample recomputes the all-pairs Self-BLEU of the resampled set, "
                + "because a sample's score depends on the others; two copies of one sample in a resample are not each "
                + "other's references (a copy would match itself perfectly).");
        methods.add("Pooled statistics (Distinct-n, vocabulary, distinct openings, generative perplexity, grammar and "
                + "spelling errors per 100 words, copied n-gram shares) are recomputed on each resample with every sample "
                + "counted as often as it was drawn (ratios of sums), by the same rule: pairs never form between copies. "
                + "A resample holds only about 63% of the distinct samples, which biases set sizes such as Distinct-n "
                + "downwards, so their intervals are shifted by the bootstrap's estimate of that bias.");
        methods.add("Per-sample means (mean words, top first-word share, repeated 4-gram share, unigram entropy, mean "
                + "longest copied span, the sampled Self-BLEU's scores) use the plain percentile interval.");
        methods.add("Two paradigms differ on a metric only when their intervals do not overlap, a conservative test.");
        methods.add("Generative perplexity: exp of the judge's summed negative log-likelihood over the tokens it "
                + "counted, over all samples (upstream MDLM's rule); a judge that is this run's own AR model scores AR's "
                + "own samples, so the verdict never uses its number.");
        methods.add("At matched quality (the frontier), each paradigm's curve is its Pareto front of settings, "
                + "interpolated linearly in log judge perplexity, values and interval ends alike; the interpolated "
                + "interval is conservative (that of a weighted mean of two independent estimates is narrower).");
        return methods;
    }
}
