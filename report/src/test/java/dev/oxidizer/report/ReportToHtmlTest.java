package dev.oxidizer.report;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import org.HdrHistogram.Histogram;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportToHtmlTest {
    private static final Report SERVICE = TestReports.service();

    private static Document render(Report r, Path json) {
        return Jsoup.parse(ReportToHtml.renderToString(r, json));
    }

    @Test
    void namesTheFleetSourceOfCallsPerDayWhenPrometheusMeasuredThem() {
        Report r = SERVICE;
        Report withFleet = new Report(r.schema(), r.schemaVersion(), r.generatedAt(), r.toolVersion(), r.application(), r.mode(),
                r.window(), r.recordings(), r.thresholds(), r.assumptions(), r.agentOverhead(), r.warnings(), r.methods(), r.savings(),
                new Report.Fleet("prometheus", "http://prom:9090", "{job=\"<orders>\"}", "7d", "2026-11-15T00:00:00Z",
                        "2026-11-22T00:00:00Z", 604_800, 12, 6, 40, 0));
        Document d = render(withFleet, null);
        Element dd = d.select("dl.facts dt:containsOwn(Calls per day) + dd").first();
        assertNotNull(dd, "a 'Calls per day' fact");
        assertTrue(dd.text().startsWith("measured by Prometheus at http://prom:9090 for {job=\"<orders>\"} over 7d"), dd.text());
        assertTrue(dd.text().contains("12 JVM runs on 6 targets"), dd.text());
        assertTrue(ReportToHtml.renderToString(withFleet, null).contains("{job=&quot;&lt;orders&gt;&quot;}"), "escaped");
        assertTrue(render(SERVICE, null).select("dl.facts dt:containsOwn(Calls per day)").isEmpty(), "absent without a fleet");
    }

    @Test
    void listsCandidatesInRankOrderWhateverTheFileOrder() {
        Document d = render(SERVICE, Path.of("out/service.json"));
        Elements rows = d.select("#candidates-table tbody tr");
        assertEquals(5, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.valueOf(i + 1), rows.get(i).child(0).text());
        }
        assertEquals("com.acme.pricing.Curves#interpolate([D[DD)D", rows.get(0).attr("data-key"));
        assertEquals("Curves.interpolate", rows.get(0).selectFirst("td.name a").text());
        // proper table markup: caption, header cells with scope, sortable buttons
        assertNotNull(d.selectFirst("#candidates-table caption"));
        assertEquals(10, d.select("#candidates-table thead th[scope=col] button").size());
    }

    @Test
    void everyCandidatePanelShowsEveryRuleWithItsNumbersAndCharts() {
        Document d = render(SERVICE, Path.of("out/service.json"));
        Elements panels = d.select("details.panel");
        assertEquals(5, panels.size());
        for (Element p : panels) {
            MethodReport m = SERVICE.methods().stream().filter(x -> x.key().equals(p.attr("data-key"))).findFirst().orElseThrow();
            Elements findings = p.select("li.finding");
            assertEquals(m.findings().size(), findings.size(), m.key());
            assertEquals(m.findings().size(), p.select("li.finding .rid").size());
            assertFalse(p.select("li.finding.pass dl.figs dt:containsOwn(cpuBoundRatio)").isEmpty(), "cpu-bound numbers shown");
            assertNotNull(p.selectFirst("svg.latency path.curve"), "latency chart");
            assertEquals(4, p.select("svg.latency circle.mark").size());
            assertNotNull(p.selectFirst("svg.bar rect.seg-cpu"), "CPU vs wait bar");
            assertEquals(8, p.select("svg.flame rect").size(), "one box per call tree node");
            assertTrue(p.text().contains("Break-even speedup"));
            assertTrue(p.text().contains(m.portability().rustSignature()));
        }
        Element first = panels.first();
        assertTrue(first.hasAttr("open"), "top candidate's panel starts open");
        assertTrue(first.text().contains("Measured port: 1.80×"), first.text());
        assertTrue(panels.get(2).text().contains("Not ported yet"));
    }

    @Test
    void flameGraphWidthsFollowSampleShares() {
        Document d = render(SERVICE, null);
        Elements rects = d.select("details.panel").first().select("svg.flame rect");
        double root = Double.parseDouble(rects.get(0).attr("width"));
        double inner = Double.parseDouble(rects.get(1).attr("width"));
        // inner has 240 of the root's 400 samples
        assertEquals(0.6, inner / root, 0.01);
        assertTrue(rects.get(1).parent().selectFirst("title").text().contains("240 samples (60% of the method)"));
    }

    @Test
    void generateCommandNamesTheReportAndQuotesTheKeyForTheShell() {
        Document d = render(SERVICE, Path.of("out dir/service.json"));
        Element code = d.selectFirst("details.panel .cmd code");
        assertEquals("oxidizer generate --report 'out dir/service.json' --candidate 'com.acme.pricing.Curves#interpolate([D[DD)D' -o ports/interpolate",
                code.text());
        assertEquals(code.text(), d.selectFirst("details.panel button.copy").attr("data-copy"));
        Document anonymous = render(SERVICE, null);
        assertTrue(anonymous.selectFirst("details.panel .cmd code").text().contains("--report REPORT.json"));
        assertTrue(anonymous.selectFirst("details.panel").text().contains("Replace REPORT.json"));
    }

    @Test
    void rejectedSectionNamesTheRuleAndItsNumbers() {
        Document d = render(SERVICE, null);
        Elements rows = d.select("#rejected-table tbody tr");
        assertEquals(5, rows.size());
        Element dao = rows.stream().filter(r -> r.attr("data-key").startsWith("com.acme.db.OrderDao")).findFirst().orElseThrow();
        assertEquals("cpu bound", dao.selectFirst(".badge.fail").text());
        assertTrue(dao.text().contains("cpuBoundRatio 8% (0.08)"), dao.text());
        Element money = rows.stream().filter(r -> r.attr("data-key").startsWith("com.acme.pricing.Money")).findFirst().orElseThrow();
        assertTrue(money.text().contains("Port the caller com.acme.pricing.Basket#total([J)J instead"), money.text());
        assertTrue(money.text().contains("ffmCallNs 7.5 ns"), money.text());
    }

    @Test
    void summaryShowsWindowJvmsThresholdsAssumptionsOverheadAndWarnings() {
        Document d = render(SERVICE, null);
        String summary = d.getElementById("summary").text();
        assertTrue(summary.contains("com.acme.pricing.PricingServer"));
        assertTrue(summary.contains("2026-11-22T13:50:00Z → 2026-11-22T14:00:00Z (10 min), 2 JVMs merged"), summary);
        assertTrue(summary.contains("Rust speedup over the JIT assumed 2×"), summary);
        assertTrue(summary.contains("one FFM downcall costs 7.5 ns (measured on the analysing JVM)"));
        assertTrue(summary.contains("2.1 ns per counted call, 31 ns per timed call"), summary);
        assertTrue(summary.contains("truncated chunk at byte 1048576"));
        Element changed = d.selectFirst("#summary tr.changed");
        assertEquals("granularity.maxFfmShare", changed.selectFirst("code").text());
        assertEquals(4, d.select("#summary table").get(1).select("tbody tr").size());
        assertNotNull(d.getElementById("methodology"));
        assertNotNull(d.getElementById("glossary"));
    }

    @Test
    void pageIsSelfContained() {
        String html = ReportToHtml.renderToString(SERVICE, null);
        Document d = Jsoup.parse(html);
        assertTrue(d.select("[src]").isEmpty(), "no element loads a src");
        assertTrue(d.select("link").isEmpty(), "no linked resources");
        for (Element a : d.select("[href]")) {
            assertTrue(a.attr("href").startsWith("#"), "only in-page links: " + a);
        }
        assertFalse(html.contains("@import"));
        assertFalse(html.contains("url("));
        assertFalse(html.contains("http://"));
        assertFalse(html.contains("https://"));
        String csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
    }

    @Test
    void embeddedModelRoundTrips() throws Exception {
        Document d = render(SERVICE, null);
        String json = d.getElementById("oxidizer-report-model").data();
        Report back = ReportJson.fromJson(json, "embedded");
        assertEquals(SERVICE, back);
    }

    @Test
    void chartFollowsTheHistogram() {
        MethodReport.Latency lat = TestReports.latency(7, 20_000, 10_000, 0.5);
        PageView.Chart c = LatencyChart.of(lat);
        assertTrue(c.note().contains("20,000 timed calls"), c.note());
        // the curve only climbs: latency at a higher percentile is never lower (SVG y grows downwards)
        double lastY = Double.MAX_VALUE;
        for (String seg : c.path().split(" ?[ML] ?")) {
            if (seg.isBlank()) {
                continue;
            }
            double y = Double.parseDouble(seg.trim().split(" ")[1]);
            assertTrue(y <= lastY + 0.05, "monotone at " + seg);
            lastY = y;
        }
        assertEquals("p99 " + Formats.nanos(lat.p99Ns()), c.markers().get(2).label());
    }

    @Test
    void chartFallsBackToPercentilesWhenTheHistogramIsDamaged() {
        MethodReport.Latency good = TestReports.latency(7, 5_000, 10_000, 0.5);
        MethodReport.Latency bad = new MethodReport.Latency(good.timedCount(), "all", good.meanNs(), good.p50Ns(),
                good.p90Ns(), good.p99Ns(), good.p999Ns(), good.maxNs(), good.totalNs(), "AAAA" + good.histogram().substring(10));
        PageView.Chart c = LatencyChart.of(bad);
        assertTrue(c.note().startsWith("The histogram in the report could not be decoded"), c.note());
        assertEquals(5, c.path().split("L").length);
        assertNull(LatencyChart.decode("not base64 at all!"));
        assertNull(LatencyChart.of(null));
    }

    @Test
    void onePassPercentilesEqualHdrHistogramsOwn() {
        org.HdrHistogram.Histogram h = LatencyChart.decode(TestReports.histogram(11, 30_000, 8_000, 0.9));
        double[] qs = {0, 1, 25, 50, 90, 99, 99.9, 99.99, 99.999, 100};
        long[] got = LatencyChart.valuesAtPercentiles(h, qs);
        for (int i = 0; i < qs.length; i++) {
            assertEquals(h.getValueAtPercentile(qs[i]), got[i], "at " + qs[i]);
        }
    }

    @Test
    void formatsFiguresForPeople() {
        assertEquals("850 ns", Formats.nanos(850.0));
        assertEquals("12.3 µs", Formats.nanos(12_345.0));
        assertEquals("4.57 ms", Formats.nanos(4_567_000.0));
        assertEquals("1.5 s", Formats.nanos(1.5e9));
        assertEquals("52M", Formats.count(52_000_000.0));
        assertEquals("97%", Formats.percent(0.97));
        assertEquals("< 0.1%", Formats.percent(0.0002));
        assertEquals("0.00015", Formats.plain(0.00015));
        assertEquals("3", Formats.plain(2.9999));
        assertEquals("-1.5", Formats.coord(-1.46));
        assertEquals("0.0", Formats.coord(0.04));
        assertEquals("—", Formats.nanos((Double) null));
        assertEquals("—", Formats.percent(Double.NaN));
        assertEquals("10 min", Formats.seconds(600.0));
    }

    @Test
    void methodTimingLatencyShowsMeanAndMaxWithoutAnInventedCurve() {
        MethodReport.Latency mt = new MethodReport.Latency(5_000, "method-timing (min/avg/max only)", 4_200, -1, -1, -1,
                -1, 90_000, 4_200 * 5_000.0, null);
        assertNull(LatencyChart.of(mt));
        MethodReport base = SERVICE.candidates().getFirst();
        MethodReport m = new MethodReport(base.key(), base.className(), base.methodName(), base.descriptor(),
                base.javaSignature(), base.isStatic(), base.calls(), mt, base.cpu(), base.allocation(), base.latencyPath(),
                base.portability(), base.findings(), base.verdict(), null, 1, base.score(), base.confidence(), null,
                base.callTree(), null);
        Document d = render(SERVICE.withMethods(List.of(m)), null);
        Element panel = d.selectFirst("details.panel");
        assertTrue(panel.text().contains("No latency distribution in the report (timing: method-timing (min/avg/max only))"), panel.text());
        assertEquals(List.of("4.2 µs", "—", "—", "—", "—", "90 µs", "21 ms"), panel.select("table.pct tbody td").eachText());
        assertTrue(d.select("#candidates-table thead th").eachText().stream().noneMatch(t -> t.startsWith("p99")),
                "no candidate has a p99, so the column is left out");
        assertTrue(d.select("#candidates-table thead th").eachText().stream().anyMatch(t -> t.startsWith("Mean")));
    }

    @Test
    void decodesWhatTheAgentWrites() {
        Histogram h = LatencyChart.decode(TestReports.histogram(3, 1000, 5000, 0.2));
        assertEquals(1000, h.getTotalCount());
    }

    @Test
    void rendersAReportWithNothingButMethodsMissingEverything() {
        MethodReport bare = new MethodReport("x.Y#z()V", null, null, null, null, null, null, null, null, null, null,
                null, List.of(), dev.oxidizer.model.Verdict.CANDIDATE, null, null, 0, null, null, null, null);
        MethodReport bareRejected = new MethodReport("x.Y#w()V", "x.Y", "w", "()V", null, null, null, null, null, null,
                null, null, List.of(), dev.oxidizer.model.Verdict.REJECTED, "cpu-bound", null, 0, null, null, null, null);
        Report r = new Report(Report.SCHEMA, 1, null, null, null, null, null, null, null, null, null, null,
                List.of(bare, bareRejected));
        Document d = render(r, null);
        assertEquals(1, d.select("#candidates-table tbody tr").size());
        assertTrue(d.selectFirst("details.panel").text().contains("Not timed"));
        assertEquals("cpu-bound", d.selectFirst("#rejected-table .badge.fail").text());
        Document empty = render(new Report(Report.SCHEMA, 1, null, null, null, null, null, null, null, null, null, null, null), null);
        assertTrue(empty.getElementById("candidates").text().contains("No method passed every rule"));
    }

    /** A real analyzer report: the demo app recorded with plain JFR (no agent), so sampling-only. */
    static Report demoSamplingOnly() throws Exception {
        try (var in = ReportToHtmlTest.class.getResourceAsStream("/fixtures/demo-sampling-only.json")) {
            return ReportJson.fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "demo-sampling-only.json");
        }
    }

    /**
     * A real analyzer report of the demo run under the real agent for 20 s (gzipped: 1 MB of JSON, 136 methods
     * with their merged histograms).
     */
    static Report demoAgent() throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(ReportToHtmlTest.class.getResourceAsStream("/fixtures/demo-agent.json.gz"))) {
            return ReportJson.fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "demo-agent.json");
        }
    }

    @Test
    void rendersARealAgentReportWithAChartForEveryTimedCandidate() throws Exception {
        Report real = demoAgent();
        assertEquals("agent", real.mode());
        Document d = render(real, Path.of("demo.json"));
        Elements rows = d.select("#candidates-table tbody tr");
        assertEquals(real.candidates().size(), rows.size());
        assertEquals(real.candidates().getFirst().key(), rows.first().attr("data-key"));
        for (MethodReport m : real.candidates()) {
            Element panel = d.select("details.panel").stream().filter(p -> p.attr("data-key").equals(m.key())).findFirst().orElseThrow();
            assertEquals(m.findings().size(), panel.select("li.finding").size());
            if (m.latency() != null && m.latency().histogram() != null) {
                assertTrue(panel.selectFirst("figcaption").text().startsWith("From the merged HdrHistogram of"), m.key());
            }
            assertEquals(m.callTree() != null, panel.selectFirst("svg.flame") != null, m.key());
        }
        assertEquals(real.rejected().size(), d.select("#rejected-table tbody tr").size());
    }

    @Test
    void rendersARealSamplingOnlyReportAndLeavesOutColumnsNobodyHas() throws Exception {
        Report real = demoSamplingOnly();
        Document d = render(real, Path.of("demo.json"));
        assertEquals(real.candidates().size(), d.select("#candidates-table tbody tr").size());
        assertEquals(real.candidates().size(), d.select("details.panel").size());
        assertEquals(real.rejected().size(), d.select("#rejected-table tbody tr").size());
        assertEquals(List.of("Rank", "Method", "CPU saved/day", "Confidence", "Speedup"),
                d.select("#candidates-table thead th").eachText().stream().map(t -> t.replace(" ↕", "")).toList());
        assertEquals(5, d.selectFirst("#candidates-table tbody tr").select("td").size(), "cells match the headers");
        assertTrue(d.selectFirst("#candidates .note").text().contains("calls/day, mean, p99, CPU-bound, FFM share"));
        assertTrue(d.getElementById("summary").text().contains("sampling-only"));
        assertNotNull(d.selectFirst("details.panel svg.flame rect"), "flame graph from the real JFR stacks");
        for (Element r : d.select("#rejected-table tbody tr")) {
            assertFalse(r.selectFirst(".badge.fail").text().isBlank(), "every rejected method names its rule");
        }
    }

    @Test
    void writeReplacesTheFileAtomicallyAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.html");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ReportToHtml.write(SERVICE, dir.resolve("r.json"), out);
        assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "a shared report is world-readable like any new file, not 0600 like a temp file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
        IOException e = assertThrows(IOException.class, () -> ReportToHtml.write(SERVICE, dir.resolve("missing/report.html")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
