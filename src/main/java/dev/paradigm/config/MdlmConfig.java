package dev.paradigm.config;

/**
 * The {@code mdlm} section: how the masked-diffusion paradigm is trained and scored. Validation always uses the
 * NELBO of {@code schedule} (a bound whatever the training loss), with antithetic t and a fixed seed.
 *
 * @param schedule    how the mask rate grows with t: loglinear | cosine
 * @param loss        the training loss: nelbo (a likelihood bound) | masked-mean (unweighted cross-entropy over
 *                    the masked tokens)
 * @param timeSampler how each training sequence's t is drawn: antithetic (spread over [eps, 1)) | uniform (U(0, 1))
 * @param eps         the smallest t an antithetic draw gives, and the log-linear schedule's floor (1 - eps of the
 *                    tokens are masked at t = 1)
 * @param evalDraws   seeded noise-level draws per validation sequence when estimating the NELBO
 */
public record MdlmConfig(NoiseSchedule schedule, MdlmLoss loss, TimeSampler timeSampler, double eps, int evalDraws) {}
