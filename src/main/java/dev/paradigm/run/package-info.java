/** The layout of a run folder (see docs/run-folder.md) and the atomic writes every stage uses. */
package dev.paradigm.run;
