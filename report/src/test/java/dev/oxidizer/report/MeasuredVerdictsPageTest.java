package dev.oxidizer.report;

import dev.oxidizer.model.MeasuredVerdicts;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measured verdicts on the page: a port measured slower moves under "Keep the Java" with its number, a surely faster one
 * is ranked by its measured saving, an inconclusive one says so with its interval, and a rejected method's port is shown.
 */
class MeasuredVerdictsPageTest {

    private static MethodReport.PortResult port(String name, double speedup, double low, double high) {
        return new MethodReport.PortResult("ports/" + name, true, 100.0, 100.0 / speedup, speedup, "2026-11-22T14:20:00Z",
                "interleaved in one JVM", low, high, null, null, null, null);
    }

    static Report measured() {
        Report base = TestReports.service();
        List<MethodReport> methods = new ArrayList<>();
        for (MethodReport m : base.methods()) {
            MethodReport.PortResult p = switch (m.rank() == null ? 0 : m.rank()) {
                case 1 -> port(m.methodName(), 0.96, 0.91, 1.01);   // slower: keep the Java
                case 2 -> port(m.methodName(), 1.15, 0.98, 1.35);   // straddles 1.2: inconclusive
                case 3 -> port(m.methodName(), 3.0, 2.7, 3.3);      // surely faster
                default -> null;
            };
            if (m.verdict() == Verdict.REJECTED && methods.stream().noneMatch(x -> x.verdict() == Verdict.REJECTED && x.port() != null)) {
                p = port(m.methodName(), 0.559, 0.52, 0.60);
            }
            methods.add(p == null ? m.withPort(null) : m.withPort(p));
        }
        return MeasuredVerdicts.apply(base.withMethods(methods), MeasuredVerdicts.DEFAULT_THRESHOLD);
    }

    @Test
    void slowerPortIsUnderKeepTheJavaAndFasterOneRankedByItsMeasuredSaving() throws Exception {
        Report before = TestReports.service();
        Report after = measured();
        MethodReport slower = after.methods().stream().filter(m -> m.key().equals(byRank(before, 1).key())).findFirst().orElseThrow();
        assertEquals("KEEP_JAVA", slower.port().verdict());
        assertNull(slower.rank(), "a port measured slower is no longer ranked");
        assertTrue(slower.port().verdictReason().startsWith("keep the Java: measured 0.96×"), slower.port().verdictReason());
        MethodReport faster = after.methods().stream().filter(m -> m.key().equals(byRank(before, 3).key())).findFirst().orElseThrow();
        assertEquals("PORT", faster.port().verdict());
        assertEquals(MeasuredVerdicts.measuredSaving(faster, 3.0), faster.port().measuredScore(), 1e-9);
        assertNotNull(faster.rank());
        // ranks follow the effective saving, descending
        List<MethodReport> ranked = after.candidates().stream().filter(m -> m.rank() != null).toList();
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(MeasuredVerdicts.effectiveSaving(ranked.get(i - 1)) >= MeasuredVerdicts.effectiveSaving(ranked.get(i)));
            assertEquals(i + 1, ranked.get(i).rank());
        }

        StringWriter w = new StringWriter();
        ReportToHtml.render(after, w);
        Document doc = Jsoup.parse(w.toString());
        var keep = doc.select("#keep-java-table tbody tr");
        assertEquals(1, keep.size());
        assertEquals(slower.key(), keep.first().attr("data-key"));
        assertTrue(keep.first().text().contains("0.96× (0.91–1.01×)") && keep.first().text().contains("keep the Java"), keep.first().text());
        assertTrue(doc.select("#candidates-table tbody tr[data-key=" + "\"" + slower.key() + "\"]").isEmpty(),
                "not under worth porting");
        String inconclusive = doc.select("#candidates-table tbody tr[data-key=\"" + byRank(before, 2).key() + "\"]").text();
        assertTrue(inconclusive.contains("inconclusive"), inconclusive);
        String port = doc.select("#candidates-table tbody tr[data-key=\"" + faster.key() + "\"]").text();
        assertTrue(port.contains("port it") && port.contains("measured"), port);
        assertTrue(doc.select("#details").text().contains("straddles the 1.20× threshold"), "the panel says what would settle it");
        String rejectedPort = doc.select("#rejected-table .port").text();
        assertTrue(rejectedPort.contains("0.56× (0.52–0.60×)") && rejectedPort.contains("keep the Java"), rejectedPort);
        String card = doc.select(".card").get(1).text();
        assertTrue(card.contains("at the measured speedup for 2 verified ports"), card);
    }

    private static MethodReport byRank(Report r, int rank) {
        return r.candidates().stream().filter(m -> m.rank() == rank).findFirst().orElseThrow();
    }
}
