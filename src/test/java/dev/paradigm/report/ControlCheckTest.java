package dev.paradigm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlCheckTest {
    @TempDir
    Path temp;

    @Test
    void equalDigestsShowAsEqualEverywhere() {
        RunReport report = ReportFixture.load(ReportFixture.copy(temp, "run"));
        ControlCheck check = ControlCheck.of(report);
        assertTrue(check.sameData());
        assertTrue(check.sameBudget());
        assertTrue(check.samePrompt());
        assertTrue(check.controlled());
        assertEquals(List.of(), check.problems());
        assertTrue(MarkdownReportWriter.render(report).contains("| ✓ EQUAL: identical batches in identical order |"));
        assertTrue(HtmlReportWriter.render(report).contains("<p class=\"badge ok\">✓ Controlled"));
        assertFalse(Verdict.text(report).startsWith("Control: Caution"));
    }

    @Test
    void differentDigestsShowAsDifferentEverywhere() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.editJsonl(run.resolve("mdlm/metrics.jsonl"), "summary",
                node -> node.put("data_digest", "0000000000000000000000000000000000000000000000000000000000000000"));
        RunReport report = ReportFixture.load(run);
        ControlCheck check = ControlCheck.of(report);
        assertFalse(check.sameData());
        assertFalse(check.controlled());
        String markdown = MarkdownReportWriter.render(report);
        assertTrue(markdown.contains("| ✗ DIFFERENT: the paradigms did not see the same data |"), markdown);
        assertTrue(HtmlReportWriter.render(report).contains("<p class=\"badge bad\">✗ Not controlled: the two "
                + "paradigms saw different data"));
        assertTrue(Verdict.text(report).startsWith("Control: Caution: this comparison was not controlled: the two paradigms "
                + "saw different data"));
        assertFalse(ReportFixture.readJson(writeJson(run)).at("/control/same_data").booleanValue());
    }

    @Test
    void differentPromptsAreFlaggedAsThePapersConfound() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.editJson(run.resolve("ar/metrics.json"), node -> {
            var sampler = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("sampler");
            sampler.put("prompt", "text").put("prompt_text", "Once");
        });
        ReportFixture.editJson(run.resolve("mdlm/metrics.json"),
                node -> ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("sampler")).put("temperature", 0.9));
        RunReport report = ReportFixture.load(run);
        ControlCheck check = ControlCheck.of(report);
        assertFalse(check.samePrompt());
        assertTrue(check.sameData());
        // prompt and prompt_text are covered by samePrompt; only temperature is listed as another difference.
        assertEquals(List.of("temperature"), check.differingSamplerSettings());
        String markdown = MarkdownReportWriter.render(report);
        assertTrue(markdown.contains("| Sampling prompt | text \"Once\" | end-of-story token (unconditional) "
                + "| ✗ DIFFERENT prompts: the published study's confound |"), markdown);
        assertTrue(markdown.contains("| Other sampler settings that differ | temperature = 1.0 | temperature = 0.9 |"),
                markdown);
    }

    @Test
    void unequalBudgetsAreFlagged() {
        Path run = ReportFixture.copy(temp, "run");
        ReportFixture.editJsonl(run.resolve("ar/metrics.jsonl"), "summary",
                node -> node.put("steps", 500).put("tokens", 500L * 32 * 128));
        ControlCheck check = ControlCheck.of(ReportFixture.load(run));
        assertFalse(check.sameBudget());
        assertTrue(check.budgetsMatchConfig()); // each run's tokens still equal its own steps × batch × seq_len
        assertEquals(List.of("the training budgets differ (steps, batch size, sequence length or tokens)"),
                check.problems());
    }

    private static Path writeJson(Path run) {
        return ReportGenerator.write(run, ReportFixture.CLOCK).json();
    }
}
