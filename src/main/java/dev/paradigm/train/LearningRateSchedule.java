package dev.paradigm.train;

/**
 * The learning rate at each step, computed in Java and handed to the engine.
 *
 * <p>{@code cosine}: linear warmup from {@code peak/warmup} to {@code peak} over the first {@code warmup} steps,
 * then a half cosine from {@code peak} down to {@code floorRatio * peak} at the last step (the study: 500
 * warmup steps, peak 3e-4, floor 5%, 20,000 steps). {@code constant}: the same warmup, then {@code peak}
 * (upstream MDLM's schedule).
 *
 * @param peak       the learning rate after warmup
 * @param warmup     warmup steps (0 = none)
 * @param totalSteps steps of the whole run
 * @param floorRatio the cosine floor as a fraction of {@code peak}
 * @param cosine     cosine decay after warmup, or constant
 */
public record LearningRateSchedule(double peak, int warmup, int totalSteps, double floorRatio, boolean cosine) {

    /** Learning rate for 0-based {@code step}. */
    public double at(int step) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        if (!cosine) {
            return peak;
        }
        int decaySteps = Math.max(1, totalSteps - 1 - warmup);
        double progress = Math.min(1.0, (double) (step - warmup) / decaySteps);
        double floor = floorRatio * peak;
        return floor + (peak - floor) * 0.5 * (1.0 + Math.cos(Math.PI * progress));
    }
}
