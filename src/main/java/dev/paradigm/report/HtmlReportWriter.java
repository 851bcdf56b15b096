package dev.paradigm.report;

import static dev.paradigm.report.svg.XmlText.escape;

import dev.paradigm.config.ExperimentConfig;
import dev.paradigm.run.RunConfig;
import dev.paradigm.run.SampleLine;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code report.html}: one self-contained page. CSS and SVG are inline, there is no script, and a
 * Content-Security-Policy forbids every fetch and every script, so sample text can never run code even if
 * escaping were ever missed, and the page renders the same offline.
 */
public final class HtmlReportWriter {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32,}");
    private static final Pattern NUMERIC = Pattern.compile("^[≤−+\\-]?\\s?[0-9][0-9,.]*(e-?[0-9]+)?( .*)?$");

    private HtmlReportWriter() {}

    public static String render(RunReport report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        head(html, report.title());
        RunConfig config = report.config();
        ExperimentConfig resolved = config.resolved();
        html.append("<header>\n<h1>").append(escape(report.title())).append("</h1>\n<p class=\"meta\">")
                .append(escape(MarkdownReportWriter.date(report))).append(" · config <code>")
                .append(escape(resolved.name())).append("</code> · protocol <code>")
                .append(escape(resolved.protocol().toString())).append("</code> · ")
                .append(escape(Fmt.count(resolved.train().steps()))).append(" steps</p>\n</header>\n");
        html.append("<section id=\"verdict\">\n<h2>Verdict</h2>\n<ul class=\"verdict\">\n");
        for (Verdict.Finding finding : Verdict.findings(report)) {
            html.append("<li><strong>").append(escape(finding.topic())).append(".</strong> ")
                    .append(escape(finding.text())).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");

        html.append("<section id=\"control\">\n<h2>Was the comparison controlled?</h2>\n");
        ControlCheck check = ControlCheck.of(report);
        html.append("<p class=\"badge ").append(check.controlled() ? "ok" : "bad").append("\">")
                .append(check.controlled() ? Table.PASS + " Controlled: same data, same budget, same sampling prompt."
                        : Table.FAIL + " Not controlled: " + escape(String.join("; ", check.problems())) + ".")
                .append("</p>\n");
        table(html, ReportTables.control(report));
        html.append("</section>\n");

        html.append("<section id=\"training\">\n<h2>Training</h2>\n");
        figure(html, ReportCharts.validationLoss(report), "Validation loss at each evaluation. AR's is the exact "
                + "next-token negative log-likelihood; MDLM's is the NELBO, an upper bound on its true loss."
                + (report.ar().repeatsData() ? " The top axis counts epochs: passes over the training data." : ""));
        figure(html, ReportCharts.trainLoss(report), "Training loss at each log interval.");
        table(html, ReportTables.training(report));
        html.append("<details>\n<summary>Validation loss at every evaluation</summary>\n");
        table(html, ReportTables.validationCurve(report));
        html.append("</details>\n</section>\n");

        html.append("<section id=\"samples\">\n<h2>Samples</h2>\n");
        table(html, ReportTables.sampleMetrics(report));
        String bars = ReportCharts.diversity(report);
        if (bars != null) {
            figure(html, bars, "Main diversity metrics; whiskers are 95% bootstrap confidence intervals. "
                    + "Bars whose whiskers do not overlap differ by more than the sampling noise."
                    + (FluencyGate.of(report).comparable() ? "" : " The samples are not comparably fluent (see the "
                    + "verdict), so these differences are not differences in diversity."));
        }
        String frontier = ReportCharts.frontier(report);
        if (frontier != null) {
            html.append("<h3>Quality–diversity frontier</h3>\n");
            figure(html, frontier, "Each paradigm sampled at several settings of its own knobs (AR: temperature; MDLM: "
                    + "temperature and denoising steps). Whiskers are 95% bootstrap intervals; each line joins the "
                    + "paradigm's Pareto front, the settings no other setting beats on both perplexity and diversity. "
                    + "Diversity is compared where the curves share a perplexity.");
            table(html, ReportTables.frontier(report));
            Table matched = ReportTables.matchedQuality(report);
            if (matched != null) {
                table(html, matched);
            }
        }
        Table memorization = ReportTables.memorization(report);
        if (memorization != null) {
            html.append("<h3>Memorization</h3>\n");
            table(html, memorization);
        }
        html.append("<details>\n<summary>Sampler settings</summary>\n");
        table(html, ReportTables.samplerSettings(report));
        html.append("</details>\n<div class=\"grid\">\n");
        for (ParadigmRun run : List.of(report.ar(), report.mdlm())) {
            html.append("<div>\n<h3>First ").append(run.firstSamples().size()).append(" samples of ")
                    .append(escape(run.label())).append("</h3>\n");
            for (SampleLine sample : run.firstSamples()) {
                html.append("<blockquote class=\"sample\"><span class=\"index\">#").append(sample.index())
                        .append("</span> ").append(escape(sample.text())).append("</blockquote>\n");
            }
            html.append("</div>\n");
        }
        html.append("</div>\n</section>\n");

        Table paper = ReportTables.paper(report);
        if (paper != null) {
            html.append("<section id=\"paper\">\n<h2>Beside the published study</h2>\n");
            table(html, paper);
            table(html, ReportTables.paperLikelihoods(report));
            html.append("</section>\n");
        }
        Table changes = ReportTables.protocolChanges(report);
        if (changes != null) {
            html.append("<section id=\"protocol\">\n<h2>What the controlled protocol changes</h2>\n");
            table(html, changes);
            html.append("</section>\n");
        }

        html.append("<section id=\"methods\">\n<h2>How the intervals were computed</h2>\n<ul>\n");
        for (String method : Methods.of(report)) {
            html.append("<li>").append(escape(method)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");

        html.append("<section id=\"config\">\n<h2>Configuration and provenance</h2>\n<details>\n<summary>Resolved ")
                .append("config.yaml (sha256 <code>").append(escape(config.sha256())).append("</code>)</summary>\n")
                .append("<pre class=\"config\">").append(escape(config.yaml())).append("</pre>\n</details>\n");
        html.append("<ul class=\"provenance\">\n<li>paradigm ").append(escape(report.provenance().paradigmVersion()))
                .append("</li>\n<li>Java ").append(escape(report.provenance().javaVersion()))
                .append("</li>\n<li>written ").append(escape(report.provenance().generatedAt().toString()))
                .append("</li>\n<li>run folder <code>")
                .append(escape(report.runDir().toAbsolutePath().normalize().toString())).append("</code></li>\n</ul>\n")
                .append("</section>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // No fetches and no scripts, whatever the page contains.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(ReportStyle.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    static void figure(StringBuilder html, String svg, String caption) {
        html.append("<figure>\n").append(svg).append("<figcaption>").append(escape(caption))
                .append("</figcaption>\n</figure>\n");
    }

    static void table(StringBuilder html, Table table) {
        html.append("<table>\n<caption>").append(escape(table.caption())).append("</caption>\n<thead><tr>");
        for (String header : table.header()) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String css = cellClass(cell, i);
                html.append(i == 0 ? "<th scope=\"row\"" : "<td").append(css.isEmpty() ? "" : " class=\"" + css + "\"")
                        .append('>').append(escape(cell)).append(i == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String cellClass(String cell, int column) {
        if (cell.startsWith(Table.PASS)) {
            return "ok";
        }
        if (cell.startsWith(Table.FAIL)) {
            return "bad";
        }
        if (HASH.matcher(cell).matches()) {
            return "hash";
        }
        return column > 0 && NUMERIC.matcher(cell).matches() ? "num" : "";
    }
}
