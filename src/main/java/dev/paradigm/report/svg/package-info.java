/**
 * Hand-written SVG charts for the report: a line chart (loss against step) and a grouped bar chart with
 * confidence-interval whiskers. Plain strings, no scripts, no fonts or images to fetch, so the page stays
 * one self-contained file that renders without JavaScript.
 */
package dev.paradigm.report.svg;
