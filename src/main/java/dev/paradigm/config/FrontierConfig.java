package dev.paradigm.config;

/**
 * The {@code evaluate.frontier} section: besides its {@code sample.n} samples at the configured settings, each
 * paradigm is sampled at several settings of its own knobs, a few samples each, so the report can compare diversity
 * at matched quality. AR's knob is the temperature; MDLM has two, the temperature (at {@code sample.mdlm_steps}) and
 * the number of denoising steps (at {@code sample.temperature}).
 *
 * @param points          settings per knob, spread evenly over its range; 0 draws no frontier
 * @param samples         samples per setting
 * @param temperatureLow  the lowest temperature of the sweep
 * @param temperatureHigh the highest
 * @param mdlmStepsLow    MDLM's fewest denoising steps (step counts are spread geometrically)
 * @param mdlmStepsHigh   MDLM's most denoising steps
 */
public record FrontierConfig(int points, int samples, double temperatureLow, double temperatureHigh, int mdlmStepsLow,
        int mdlmStepsHigh) {

    /** Whether a frontier is drawn at all. */
    public boolean enabled() {
        return points > 0;
    }
}
