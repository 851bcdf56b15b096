/**
 * The comparison report: reads a finished run folder ({@code config.yaml}, {@code data/manifest.json},
 * {@code ar/} and {@code mdlm/} metrics and samples, through the readers of {@code dev.paradigm.run}) into an
 * immutable {@link dev.paradigm.report.RunReport}, derives what a reader needs to judge the comparison (was it
 * controlled, which paradigm converged faster, which diversity differences are outside the confidence intervals),
 * and writes it three ways:
 * {@code report.json} (the numbers, for machines and tests), {@code report.md} (for a terminal or a pull
 * request) and {@code report.html} (one self-contained page with inline SVG charts, no scripts, no network).
 * {@link dev.paradigm.report.ReportGenerator} is the entry point; {@link dev.paradigm.report.BrowserCheck}
 * opens the page in headless Chromium to prove it renders.
 */
package dev.paradigm.report;
