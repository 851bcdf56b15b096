package dev.paradigm.report;

import dev.paradigm.run.RunConfig;
import dev.paradigm.run.SampleLine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code report.md}: the report for a terminal or a pull request; tables instead of charts. */
public final class MarkdownReportWriter {
    private MarkdownReportWriter() {}

    public static String render(RunReport report) {
        StringBuilder md = new StringBuilder();
        RunConfig config = report.config();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("Date: ").append(date(report)).append(" · Config: `").append(config.resolved().name())
                .append("` · Protocol: `").append(config.resolved().protocol()).append("`\n\n");
        md.append("## Verdict\n\n").append(Verdict.write(report)).append("\n\n");

        md.append("## Was the comparison controlled?\n\n");
        table(md, ReportTables.control(report));

        md.append("## Training\n\n");
        table(md, ReportTables.training(report));
        table(md, ReportTables.validationCurve(report));

        md.append("## Samples\n\n");
        table(md, ReportTables.sampleMetrics(report));
        table(md, ReportTables.samplerSettings(report));
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            md.append("### First ").append(run.firstSamples().size()).append(" samples of ").append(run.label())
                    .append("\n\n");
            for (SampleLine sample : run.firstSamples()) {
                md.append("Sample ").append(sample.index()).append(":\n\n");
                codeBlock(md, "", sample.text());
            }
        }

        Table paper = ReportTables.paper(report);
        if (paper != null) {
            md.append("## Beside the published study\n\n");
            table(md, paper);
            table(md, ReportTables.paperLikelihoods(report));
        }
        Table changes = ReportTables.protocolChanges(report);
        if (changes != null) {
            md.append("## What the controlled protocol changes\n\n");
            table(md, changes);
        }

        md.append("## Configuration\n\n");
        md.append("config-sha256: `").append(config.sha256()).append("`\n\n");
        codeBlock(md, "yaml", config.yaml());
        md.append("## Provenance\n\n");
        md.append("- paradigm ").append(report.provenance().paradigmVersion()).append('\n');
        md.append("- Java ").append(report.provenance().javaVersion()).append('\n');
        md.append("- written ").append(report.provenance().generatedAt()).append('\n');
        md.append("- run folder `").append(report.runDir().toAbsolutePath().normalize()).append("`\n");
        return md.toString();
    }

    static String date(RunReport report) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(report.provenance().generatedAt().atZone(ZoneOffset.UTC));
    }

    static void table(StringBuilder md, Table table) {
        md.append("**").append(cell(table.caption())).append("**\n\n");
        md.append("| ").append(String.join(" | ", table.header().stream().map(MarkdownReportWriter::cell).toList()))
                .append(" |\n");
        md.append("|").append("---|".repeat(table.header().size())).append('\n');
        for (List<String> row : table.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(MarkdownReportWriter::cell).toList()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** A table cell on one line, with pipes escaped and HTML neutralised (Markdown viewers render raw HTML). */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }

    /** A fenced block longer than any backtick run inside, so the text cannot close it early. */
    static void codeBlock(StringBuilder md, String language, String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(fence).append(language).append('\n').append(text.stripTrailing()).append('\n').append(fence)
                .append("\n\n");
    }
}
