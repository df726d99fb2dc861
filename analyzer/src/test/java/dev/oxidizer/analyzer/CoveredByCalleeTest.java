package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.MethodReport.CallTree;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoveredByCalleeTest {

    static MethodReport candidate(String cls, String name, CallTree tree) {
        return new MethodReport(cls + "#" + name + "()V", cls, name, "()V", null, true, null, null, null, null, null, null,
                List.of(), Verdict.CANDIDATE, null, null, 10, MethodReport.Confidence.HIGH, null, tree, null);
    }

    /** A wrapper with {@code inKernel} of 100 samples inside the kernel, the rest in its own code. */
    static List<MethodReport> wrapperAndKernel(long inKernel) {
        CallTree kernelTree = new CallTree("k.Kernel.run", inKernel, List.of());
        CallTree wrapperTree = new CallTree("w.Wrapper.handle", 100, List.of(
                new CallTree("w.Wrapper.dispatch", inKernel, List.of(kernelTree))));
        return List.of(candidate("w.Wrapper", "handle", wrapperTree),
                candidate("k.Kernel", "run", new CallTree("k.Kernel.run", inKernel, List.of())));
    }

    @Test
    void rejectsAWrapperAtTheShareAndNamesTheCallee() {
        List<MethodReport> out = CoveredByCallee.apply(wrapperAndKernel(80), 0.8);
        MethodReport wrapper = out.get(0);
        assertEquals(Verdict.REJECTED, wrapper.verdict());
        assertEquals("covered-by-callee", wrapper.rejectedBy());
        var finding = wrapper.findings().getLast();
        assertEquals(Outcome.FAIL, finding.outcome());
        assertEquals(0.8, finding.numbers().get("calleeShare"), 1e-9);
        assertTrue(finding.summary().contains("k.Kernel#run()V"), finding.summary());
        assertEquals("k.Kernel#run()V", wrapper.suggestion().coarserCaller());
        assertEquals(Verdict.CANDIDATE, out.get(1).verdict(), "the callee stays a candidate");
    }

    @Test
    void keepsAMethodJustBelowTheShare() {
        List<MethodReport> in = wrapperAndKernel(79);
        List<MethodReport> out = CoveredByCallee.apply(in, 0.8);
        assertSame(in.get(0), out.get(0));
    }

    @Test
    void ignoresCalleesThatAreNotCandidatesAndTooFewSamples() {
        List<MethodReport> in = wrapperAndKernel(95);
        MethodReport rejectedKernel = new MethodReport(in.get(1).key(), "k.Kernel", "run", "()V", null, true, null, null, null,
                null, null, null, List.of(), Verdict.REJECTED, "cpu-bound", null, 1, MethodReport.Confidence.LOW, null, null, null);
        assertSame(in.get(0), CoveredByCallee.apply(List.of(in.get(0), rejectedKernel), 0.8).get(0));

        CallTree small = new CallTree("w.Wrapper.handle", CoveredByCallee.MIN_SAMPLES - 1, List.of(
                new CallTree("k.Kernel.run", CoveredByCallee.MIN_SAMPLES - 1, List.of())));
        MethodReport fewSamples = candidate("w.Wrapper", "handle", small);
        assertSame(fewSamples, CoveredByCallee.apply(List.of(fewSamples, in.get(1)), 0.8).get(0));
        assertNull(CoveredByCallee.apply(List.of(fewSamples, in.get(1)), 0.8).get(0).rejectedBy());
    }
}
