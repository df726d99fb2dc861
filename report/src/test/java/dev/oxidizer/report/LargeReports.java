package dev.oxidizer.report;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * A report of thousands of methods made from the real demo report: its 136 methods repeated under distinct class
 * names (each copy keeps its histogram, call tree and findings), the candidates re-ranked in order. The size of
 * real reports of large services (1,609 methods were seen) is what a page must stay readable and light at.
 */
final class LargeReports {
    private LargeReports() {}

    static Report of(int methods) throws Exception {
        Report demo = ReportToHtmlTest.demoAgent();
        List<MethodReport> all = new ArrayList<>();
        int rank = 0;
        for (int copy = 0; all.size() < methods; copy++) {
            for (MethodReport m : demo.methods()) {
                if (all.size() == methods) {
                    break;
                }
                String cls = m.className() + (copy == 0 ? "" : "Copy" + copy);
                String key = cls + m.key().substring(m.key().indexOf('#'));
                Integer r = m.verdict() == Verdict.CANDIDATE ? ++rank : null;
                all.add(new MethodReport(key, cls, m.methodName(), m.descriptor(), m.javaSignature(), m.isStatic(), m.calls(),
                        m.latency(), m.cpu(), m.allocation(), m.latencyPath(), m.portability(), m.findings(), m.verdict(),
                        m.rejectedBy(), r, m.score(), m.confidence(), m.suggestion(), m.callTree(), m.port()));
            }
        }
        List<MethodReport> ordered = new ArrayList<>(all.stream().filter(m -> m.verdict() == Verdict.CANDIDATE)
                .sorted(java.util.Comparator.comparingInt(MethodReport::rank)).toList());
        ordered.addAll(all.stream().filter(m -> m.verdict() == Verdict.REJECTED).toList());
        return demo.withMethods(ordered);
    }
}
