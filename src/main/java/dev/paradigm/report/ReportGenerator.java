package dev.paradigm.report;

import dev.paradigm.run.AtomicFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Writes a run folder's report ({@code report.json}, {@code report.md}, {@code report.html}) and seed sweeps. */
public final class ReportGenerator {
    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String SWEEP_JSON = "sweep.json";
    public static final String SWEEP_MARKDOWN = "sweep.md";
    public static final String SWEEP_HTML = "sweep.html";

    private ReportGenerator() {}

    public static ReportFiles write(Path runDir) {
        return write(runDir, Clock.systemUTC());
    }

    /**
     * Reads the run folder and writes the three reports into it. All three are rendered before any is
     * written, so bad input leaves the previous reports untouched; each file is replaced atomically.
     */
    public static ReportFiles write(Path runDir, Clock clock) {
        RunReport report = ReportLoader.load(runDir, clock);
        String json = JsonReportWriter.render(report);
        String markdown = MarkdownReportWriter.render(report);
        String html = HtmlReportWriter.render(report);
        ReportFiles files = new ReportFiles(runDir.resolve(JSON), runDir.resolve(MARKDOWN), runDir.resolve(HTML));
        AtomicFiles.writeString(files.json(), json);
        AtomicFiles.writeString(files.markdown(), markdown);
        AtomicFiles.writeString(files.html(), html);
        return files;
    }

    public static ReportFiles writeSweep(List<Path> seedRunDirs, Path outDir) {
        return writeSweep(seedRunDirs, outDir, Clock.systemUTC());
    }

    /** Loads every seed's run folder and writes sweep.json, sweep.md and sweep.html into {@code outDir}. */
    public static ReportFiles writeSweep(List<Path> seedRunDirs, Path outDir, Clock clock) {
        SweepReport sweep = SweepReport.of(seedRunDirs.stream().map(dir -> ReportLoader.load(dir, clock)).toList());
        String json = SweepReportWriter.json(sweep);
        String markdown = SweepReportWriter.markdown(sweep);
        String html = SweepReportWriter.html(sweep);
        ReportFiles files = new ReportFiles(outDir.resolve(SWEEP_JSON), outDir.resolve(SWEEP_MARKDOWN),
                outDir.resolve(SWEEP_HTML));
        AtomicFiles.writeString(files.json(), json);
        AtomicFiles.writeString(files.markdown(), markdown);
        AtomicFiles.writeString(files.html(), html);
        return files;
    }
}
