package dev.oxidizer.model;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every {@code with…} copy of a {@link MethodReport} replaces only what it names: a copy that falls back to an older
 * constructor silently drops the fields added since (it once dropped {@code code}, so re-ranked reports lost the
 * dependency caveat).
 */
class MethodReportCopyTest {

    private static MethodReport full() {
        MethodReport.Code code = new MethodReport.Code("dependency", "private", 0.1, 0.05, 0.6, "fork the library");
        MethodReport.PortResult port = new MethodReport.PortResult("crate", true, 10.0, 5.0, 2.0, "t", "b");
        return new MethodReport("p.C#m(I)I", "p.C", "m", "(I)I", "static int m(int)", true, null, null, null, null,
                null, null, List.of(), null, "rule", 3, 1.5, null, null, null, port, code);
    }

    private static void assertOnlyChanged(MethodReport before, MethodReport after, Set<String> changed) throws Exception {
        for (RecordComponent c : MethodReport.class.getRecordComponents()) {
            if (changed.contains(c.getName())) {
                continue;
            }
            assertEquals(c.getAccessor().invoke(before), c.getAccessor().invoke(after), c.getName() + " must be kept");
        }
    }

    @Test
    void copiesKeepEveryFieldTheyDoNotReplace() throws Exception {
        MethodReport m = full();
        assertNotNull(m.code());
        record Copy(UnaryOperator<MethodReport> op, Set<String> changes) {
        }
        List<Copy> copies = List.of(
                new Copy(r -> r.withRank(7), Set.of("rank")),
                new Copy(r -> r.withRank(null), Set.of("rank")),
                new Copy(r -> r.withPort(null), Set.of("port")),
                new Copy(r -> r.withCalls(null), Set.of("calls")),
                new Copy(r -> r.withVerdict(List.of(), null, null, 1, null),
                        Set.of("findings", "verdict", "rejectedBy", "rank", "suggestion")));
        for (Copy c : copies) {
            assertOnlyChanged(m, c.op().apply(m), c.changes());
        }
    }
}
