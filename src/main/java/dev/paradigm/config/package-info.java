/**
 * Configuration: one immutable record per YAML section ({@link dev.paradigm.config.DataConfig},
 * {@link dev.paradigm.config.TrainConfig}, ...) gathered in {@link dev.paradigm.config.ExperimentConfig}, and
 * {@link dev.paradigm.config.ConfigLoader}, which reads a YAML file or a shipped config by name, fills in every key
 * it leaves out from {@code configs/demo.yaml}, applies {@code --set key.path=value} overrides and checks it all
 * (keys, types, ranges, rules between keys) before any work starts. A config that fails throws one
 * {@link dev.paradigm.config.ConfigException} listing every problem by key path. The resolved config's JSON is what
 * Python receives, and its SHA-256 identifies a run's settings.
 */
package dev.paradigm.config;
