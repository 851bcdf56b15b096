package dev.paradigm.report;

import java.util.List;

/** Everything the run folder holds about one paradigm ({@code ar/} or {@code mdlm/}). */
public record ParadigmRun(String paradigm, List<TrainPoint> train, List<EvalPoint> evals,
                          TrainingSummary summary, SampleEvaluation evaluation, List<Sample> firstSamples) {

    public ParadigmRun {
        train = List.copyOf(train);
        evals = List.copyOf(evals);
        firstSamples = List.copyOf(firstSamples);
    }

    /** "AR" or "MDLM", for headings and legends. */
    public String label() {
        return paradigm.toUpperCase(java.util.Locale.ROOT);
    }

    /** MDLM's validation loss is a NELBO, so its perplexity is only an upper bound. */
    public boolean likelihoodIsBound() {
        return paradigm.equals("mdlm");
    }
}
