package dev.paradigm.report;

import dev.paradigm.metrics.Estimate;
import dev.paradigm.run.SampleEvaluation;
import dev.paradigm.run.SampleEvaluation.FrontierPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Diversity at matched quality, from the quality–diversity frontier (metrics.json's {@code frontier} points): each
 * paradigm was sampled at several settings of its own knobs, and each setting has a judge perplexity (quality) and
 * a Self-BLEU and Distinct-4 (diversity), with intervals.
 *
 * <p>For each diversity measure, a paradigm's curve is its Pareto front: the settings that no other setting of the
 * same paradigm beats on both perplexity and diversity, in order of perplexity; between two of them the curve is
 * interpolated linearly in log perplexity (value and interval ends alike, which is conservative: the interval of a
 * weighted mean of two independent estimates is narrower), and beyond the last it stays level (a setting with a
 * higher perplexity and no more diversity is dominated). The curves are compared at {@value #LEVELS} perplexities
 * spread evenly (in log) over the range both paradigms' settings reach. A paradigm dominates on a measure when its
 * interval lies wholly on the more diverse side of the other's at every one of them; it dominates the frontier
 * when it does so on both measures. The judge must be independent of both paradigms for the verdict to say so.
 *
 * @param matchedLow  the lowest perplexity both paradigms reach (NaN when the ranges do not meet)
 * @param matchedHigh the highest
 */
record QualityDiversity(List<FrontierPoint> ar, List<FrontierPoint> mdlm, String judge, boolean independent,
        double matchedLow, double matchedHigh, List<Comparison> comparisons) {

    static final int LEVELS = 5;

    /** A diversity measure of the frontier. */
    enum Measure {
        SELF_BLEU("self_bleu", "Self-BLEU", false, FrontierPoint::selfBleu),
        DISTINCT_4("distinct_4", "Distinct-4", true, FrontierPoint::distinct4);

        final String key;
        final String label;
        final boolean higherIsMoreDiverse;
        final Function<FrontierPoint, Estimate> of;

        Measure(String key, String label, boolean higherIsMoreDiverse, Function<FrontierPoint, Estimate> of) {
            this.key = key;
            this.label = label;
            this.higherIsMoreDiverse = higherIsMoreDiverse;
            this.of = of;
        }

        /** Whether {@code a} is more diverse than {@code b} beyond both intervals. */
        boolean clearlyMoreDiverse(Estimate a, Estimate b) {
            return higherIsMoreDiverse ? a.ciLow() > b.ciHigh() : a.ciHigh() < b.ciLow();
        }
    }

    /** Both curves at one matched perplexity; {@code moreDiverse} is "AR", "MDLM" or null (intervals overlap). */
    record Level(double judgePpl, Estimate ar, Estimate mdlm, String moreDiverse) {}

    /** One measure along the matched range; {@code dominant} is "AR", "MDLM" or null. */
    record Comparison(Measure measure, List<Level> levels, String dominant) {}

    /** The frontier of a report, compared where both curves reach; null when the run drew no frontier. */
    static QualityDiversity of(RunReport report) {
        SampleEvaluation ar = report.ar().evaluation();
        SampleEvaluation mdlm = report.mdlm().evaluation();
        if (ar.frontier().isEmpty() || mdlm.frontier().isEmpty()) {
            return null;
        }
        boolean independent = ar.fluency().judgeIndependent() && mdlm.fluency().judgeIndependent();
        return of(ar.frontier(), mdlm.frontier(), mdlm.fluency().judge(), independent); // AR's name adds "its own samples"
    }

    static QualityDiversity of(List<FrontierPoint> ar, List<FrontierPoint> mdlm, String judge, boolean independent) {
        List<FrontierPoint> a = scored(ar);
        List<FrontierPoint> m = scored(mdlm);
        double low = Math.max(pplOf(a, true), pplOf(m, true));
        double high = Math.min(pplOf(a, false), pplOf(m, false));
        List<Comparison> comparisons = new ArrayList<>();
        if (!a.isEmpty() && !m.isEmpty() && low <= high) {
            for (Measure measure : Measure.values()) {
                comparisons.add(compare(measure, front(a, measure), front(m, measure), low, high));
            }
        } else {
            low = Double.NaN;
            high = Double.NaN;
        }
        return new QualityDiversity(ar, mdlm, judge, independent, low, high, comparisons);
    }

    /** Whether the two curves share a range of perplexity. */
    boolean overlaps() {
        return !comparisons.isEmpty();
    }

    private static List<FrontierPoint> scored(List<FrontierPoint> points) {
        return points.stream().filter(p -> p.judgePpl() != null).toList();
    }

    private static double pplOf(List<FrontierPoint> points, boolean lowest) {
        return points.stream().mapToDouble(p -> p.judgePpl().value()).reduce(lowest ? Math::min : Math::max)
                .orElse(Double.NaN);
    }

    /** The settings not beaten on both perplexity and diversity, by increasing perplexity (and diversity). */
    static List<FrontierPoint> front(List<FrontierPoint> points, Measure measure) {
        Comparator<FrontierPoint> byPpl = Comparator.comparingDouble(p -> p.judgePpl().value());
        Comparator<FrontierPoint> moreDiverseFirst = Comparator.comparingDouble(p -> measure.of.apply(p).value());
        if (measure.higherIsMoreDiverse) {
            moreDiverseFirst = moreDiverseFirst.reversed();
        }
        List<FrontierPoint> front = new ArrayList<>();
        for (FrontierPoint p : points.stream().sorted(byPpl.thenComparing(moreDiverseFirst)).toList()) {
            if (front.isEmpty() || moreDiverse(measure, measure.of.apply(p), measure.of.apply(front.get(front.size() - 1)))) {
                front.add(p);
            }
        }
        return front;
    }

    private static boolean moreDiverse(Measure measure, Estimate a, Estimate b) {
        return measure.higherIsMoreDiverse ? a.value() > b.value() : a.value() < b.value();
    }

    private static Comparison compare(Measure measure, List<FrontierPoint> ar, List<FrontierPoint> mdlm, double low,
            double high) {
        List<Level> levels = new ArrayList<>();
        int count = high / low < 1.0001 ? 1 : LEVELS;
        String dominant = null;
        for (int i = 0; i < count; i++) {
            double ppl = count == 1 ? low : Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * i / (count - 1));
            Estimate a = at(ar, measure, ppl);
            Estimate m = at(mdlm, measure, ppl);
            String more = measure.clearlyMoreDiverse(a, m) ? "AR" : measure.clearlyMoreDiverse(m, a) ? "MDLM" : null;
            levels.add(new Level(ppl, a, m, more));
            dominant = i == 0 ? more : java.util.Objects.equals(dominant, more) ? dominant : null;
        }
        return new Comparison(measure, levels, dominant);
    }

    /** The curve's diversity at perplexity {@code ppl} (at least the first point's): see the class comment. */
    static Estimate at(List<FrontierPoint> front, Measure measure, double ppl) {
        double x = Math.log(ppl);
        for (int i = 0; i < front.size(); i++) {
            FrontierPoint p = front.get(i);
            double xi = Math.log(p.judgePpl().value());
            if (x <= xi) {
                if (i == 0) {
                    return measure.of.apply(p);
                }
                FrontierPoint before = front.get(i - 1);
                double xb = Math.log(before.judgePpl().value());
                double w = (x - xb) / (xi - xb);
                Estimate e0 = measure.of.apply(before);
                Estimate e1 = measure.of.apply(p);
                return new Estimate(mix(e0.value(), e1.value(), w), mix(e0.ciLow(), e1.ciLow(), w),
                        mix(e0.ciHigh(), e1.ciHigh(), w));
            }
        }
        return measure.of.apply(front.get(front.size() - 1)); // beyond the last: the curve stays level
    }

    private static double mix(double a, double b, double w) {
        return a + w * (b - a);
    }

    /** The paradigm that dominates the frontier on both measures, or null. */
    String dominant() {
        if (comparisons.isEmpty()) {
            return null;
        }
        String first = comparisons.get(0).dominant();
        return comparisons.stream().allMatch(c -> java.util.Objects.equals(c.dominant(), first)) ? first : null;
    }

    /** The verdict's finding: one sentence with its evidence. */
    String finding() {
        if (!independent) {
            return "The quality–diversity frontier is judged by " + judge + ", which favours AR's own samples, so it "
                    + "names no paradigm that dominates; give evaluate.judge an independent model (e.g. hf:gpt2-large) "
                    + "to compare diversity at matched quality";
        }
        if (!overlaps()) {
            return "At no setting do the two paradigms reach the same judge perplexity (AR " + range(ar) + ", MDLM "
                    + range(mdlm) + "), so diversity cannot be compared at matched quality";
        }
        String matched = "At matched judge perplexity (" + Fmt.decimals(matchedLow, 1) + " to "
                + Fmt.decimals(matchedHigh, 1) + ")";
        int middle = comparisons.get(0).levels().size() / 2;
        String where = "at perplexity " + Fmt.decimals(comparisons.get(0).levels().get(middle).judgePpl(), 1);
        String dominant = dominant();
        if (dominant != null) {
            String other = dominant.equals("AR") ? "MDLM" : "AR";
            return matched + ", " + dominant + "'s samples are more diverse than " + other + "'s on both measures, beyond "
                    + "the 95% intervals at every level compared (" + where + ": " + evidence(middle) + "): " + dominant
                    + " dominates";
        }
        Comparison first = comparisons.get(0);
        Comparison second = comparisons.get(1);
        String why;
        if (first.dominant() == null && second.dominant() == null) {
            why = "by both measures the intervals overlap or the order changes along the range";
        } else if (first.dominant() != null && second.dominant() != null) {
            why = first.dominant() + " is more diverse by " + first.measure().label + " and " + second.dominant() + " by "
                    + second.measure().label + " at every level compared";
        } else {
            Comparison won = first.dominant() != null ? first : second;
            Comparison open = won == first ? second : first;
            why = won.dominant() + " is more diverse by " + won.measure().label + " at every level compared, but by "
                    + open.measure().label + " the intervals overlap or the order changes along the range";
        }
        return matched + ", neither paradigm dominates: " + why + " (" + where + ": " + evidence(middle) + ")";
    }

    private String evidence(int level) {
        List<String> parts = new ArrayList<>();
        for (Comparison c : comparisons) {
            Level l = c.levels().get(level);
            parts.add(c.measure().label + " AR " + Fmt.estimate(l.ar()) + ", MDLM " + Fmt.estimate(l.mdlm()));
        }
        return String.join("; ", parts);
    }

    private static String range(List<FrontierPoint> points) {
        List<FrontierPoint> s = scored(points);
        return s.isEmpty() ? "no scored setting" : Fmt.decimals(pplOf(s, true), 1) + " to " + Fmt.decimals(pplOf(s, false), 1);
    }
}
