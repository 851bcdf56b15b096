/**
 * The Java handle on the Python {@code paradigm.engine.Engine}: one model of one paradigm, its optimizer
 * and its random state. Only the calls of docs/boundary.md cross; every call runs on the Python thread.
 */
package dev.paradigm.engine;
