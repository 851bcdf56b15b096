/**
 * paradigm from another JVM program: {@link dev.paradigm.api.Runner} runs the whole comparison or one stage of it on a
 * run folder, from a config given as a name, a file, YAML text or an {@code ExperimentConfig}, and returns what the
 * stage wrote as the run folder's typed records ({@code TrainingLog}, {@code SampleEvaluation}, the report's {@code
 * RunReport}, …), never as files to parse. docs/java-api.md shows it in use; the plain jar (target/paradigm-VERSION.jar,
 * the artifact {@code mvn install} publishes) carries no logging binding, so the host's SLF4J binding gets paradigm's
 * log.
 */
package dev.paradigm.api;
