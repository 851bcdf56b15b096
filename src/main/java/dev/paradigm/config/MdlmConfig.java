package dev.paradigm.config;

/**
 * The {@code mdlm} section: settings only the masked-diffusion paradigm uses.
 *
 * @param eps       floor of the log-linear noise schedule, so t never reaches 0
 * @param evalDraws seeded noise-level draws per validation sequence when estimating the NELBO
 */
public record MdlmConfig(double eps, int evalDraws) {}
