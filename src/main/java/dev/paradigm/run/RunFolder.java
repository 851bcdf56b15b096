package dev.paradigm.run;

import dev.paradigm.engine.Paradigm;
import java.nio.file.Path;

/** Where each file of a run lives; the one place that knows the layout of docs/run-folder.md. */
public record RunFolder(Path root) {

    public Path config() {
        return root.resolve("config.yaml");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path paradigm(Paradigm p) {
        return root.resolve(p.id());
    }

    public Path metricsLog(Paradigm p) {
        return paradigm(p).resolve("metrics.jsonl");
    }

    /** TensorBoard event files of a paradigm's training (written through Python's torch.utils.tensorboard). */
    public Path tensorBoard(Paradigm p) {
        return paradigm(p).resolve("tensorboard");
    }

    public Path checkpoints(Paradigm p) {
        return paradigm(p).resolve("checkpoints");
    }

    public Path samples(Paradigm p) {
        return paradigm(p).resolve("samples.jsonl");
    }

    /** The quality–diversity frontier's samples (evaluate.frontier). */
    public Path frontierSamples(Paradigm p) {
        return paradigm(p).resolve("frontier.jsonl");
    }

    public Path sampleMetrics(Paradigm p) {
        return paradigm(p).resolve("metrics.json");
    }

    public Path report(String extension) {
        return root.resolve("report." + extension);
    }

    /** The command line's log: what the console showed, time-stamped, one command after another. */
    public Path log() {
        return root.resolve("paradigm.log");
    }

    /** The log of one worker process of a distributed run. */
    public Path rankLog(int rank) {
        return root.resolve("logs").resolve("rank-" + rank + ".log");
    }
}
