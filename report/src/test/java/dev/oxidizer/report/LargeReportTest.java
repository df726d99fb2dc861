package dev.oxidizer.report;

import dev.oxidizer.model.Report;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report of 2,000 methods renders to a page that stays light. */
class LargeReportTest {
    /** The page's budget at 2,000 methods: a few MB (it was 28.5 MB before the page was made light for this size). */
    static final int BUDGET_BYTES = 5_000_000;

    @Test
    void twoThousandMethodsRenderWithinTheSizeBudget() throws Exception {
        Report report = LargeReports.of(2_000);
        StringWriter w = new StringWriter();
        ReportToHtml.render(report, w);
        String html = w.toString();
        int model = html.length() - html.replaceAll("(?s)<script type=\"application/json\" id=\"oxidizer-report-model\">.*?</script>", "").length();
        int rejected = html.length() - html.replaceAll("(?s)<section id=\"rejected\".*?</section>", "").length();
        int details = html.length() - html.replaceAll("(?s)<section id=\"details\".*?</section>", "").length();
        System.out.printf("page %,d chars: model %,d, rejected %,d, details %,d, candidates %d%n", html.length(), model, rejected,
                details, report.candidates().size());
        assertTrue(html.length() < BUDGET_BYTES, "page of " + html.length() + " chars");
    }
}
