package dev.paradigm.report;

import static dev.paradigm.report.svg.XmlText.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** {@code sweep.json}, {@code sweep.md} and {@code sweep.html}: headline numbers as mean ± std across seeds. */
public final class SweepReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepReportWriter() {}

    public static String json(SweepReport sweep) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "paradigm-sweep").put("version", 1);
        root.put("std", "sample standard deviation (n - 1)");
        root.put("all_controlled", sweep.allControlled());
        ArrayNode runs = root.putArray("runs");
        for (RunReport run : sweep.runs()) {
            runs.addObject().put("seed", run.seed()).put("run_dir", run.runDir().toString())
                    .put("config_sha256", run.config().sha256()).put("controlled", ControlCheck.of(run).controlled())
                    .put("fluency_comparable", FluencyGate.of(run).comparable());
        }
        ObjectNode statistics = root.putObject("statistics");
        for (SweepStatistic s : sweep.statistics()) {
            ObjectNode node = statistics.putObject(s.key());
            node.put("mean", s.mean()).put("std", s.std());
            ArrayNode values = node.putArray("values");
            s.values().forEach(values::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String markdown(SweepReport sweep) {
        StringBuilder md = new StringBuilder("# Seed sweep: AR vs MDLM over " + sweep.runs().size() + " seeds\n\n");
        md.append(controlledSentence(sweep)).append(" Std is the sample standard deviation (n − 1).\n\n");
        caveats(sweep).forEach(c -> md.append(c).append("\n\n"));
        MarkdownReportWriter.table(md, table(sweep));
        return md.toString();
    }

    public static String html(SweepReport sweep) {
        StringBuilder html = new StringBuilder();
        String title = "Seed sweep: AR vs MDLM over " + sweep.runs().size() + " seeds";
        HtmlReportWriter.head(html, title);
        html.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"meta\">seeds ")
                .append(escape(sweep.seeds().toString())).append("</p>\n</header>\n<p class=\"badge ")
                .append(sweep.allControlled() ? "ok" : "bad").append("\">").append(escape(controlledSentence(sweep)))
                .append("</p>\n<p>Std is the sample standard deviation (n − 1).</p>\n");
        caveats(sweep).forEach(c -> html.append("<p class=\"caveat\">").append(escape(c)).append("</p>\n"));
        HtmlReportWriter.table(html, table(sweep));
        HtmlReportWriter.figure(html, ReportCharts.sweepValidationLoss(sweep), "Validation loss at each evaluation, one"
                + " line per seed. AR's is the exact next-token negative log-likelihood; MDLM's is the NELBO, an upper"
                + " bound." + (sweep.runs().get(0).ar().repeatsData()
                        ? " The top axis counts epochs: passes over the training data." : ""));
        html.append("<ul class=\"provenance\">\n");
        for (RunReport run : sweep.runs()) {
            html.append("<li>seed ").append(run.seed()).append(": <code>")
                    .append(escape(run.runDir().toString())).append("</code></li>\n");
        }
        html.append("</ul>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static Table table(SweepReport sweep) {
        List<String> header = new ArrayList<>(List.of("Quantity", "Mean ± std"));
        sweep.seeds().forEach(seed -> header.add("seed " + seed));
        List<List<String>> rows = new ArrayList<>();
        for (SweepStatistic s : sweep.statistics()) {
            int decimals = HeadlineNumbers.decimals(s.key(), s.mean());
            List<String> row = new ArrayList<>(List.of(HeadlineNumbers.label(s.key()),
                    Fmt.decimals(s.mean(), decimals) + " ± " + Fmt.decimals(s.std(), decimals)));
            s.values().forEach(v -> row.add(Fmt.decimals(v, decimals)));
            rows.add(row);
        }
        return new Table("Headline numbers across seeds", header, rows);
    }

    /**
     * What the table's numbers do not say, as each seed's report decides it: diversity between samples that are not
     * comparably fluent, and a generative perplexity the run's own AR model gave.
     */
    static List<String> caveats(SweepReport sweep) {
        List<String> caveats = new ArrayList<>();
        long notFluent = sweep.runs().stream().filter(r -> !FluencyGate.of(r).comparable()).count();
        if (notFluent > 0) {
            caveats.add("In " + notFluent + " of " + sweep.runs().size() + " seeds the two paradigms' samples were not "
                    + "comparably fluent (each seed's report says why), so their diversity rows do not say which paradigm "
                    + "is more diverse: noise scores as diverse.");
        }
        boolean selfJudged = sweep.runs().stream().anyMatch(r -> !r.ar().evaluation().fluency().judgeIndependent());
        if (selfJudged) {
            caveats.add("Generative perplexity here is each run's own AR model (its best checkpoint) scoring the samples, "
                    + "which favours AR's own: shown, never used by a verdict.");
        }
        return caveats;
    }

    private static String controlledSentence(SweepReport sweep) {
        return sweep.allControlled() ? Table.PASS + " Every seed's comparison was controlled."
                : Table.FAIL + " At least one seed's comparison was not controlled; see that run's report.";
    }

}
