package dev.oxidizer.analyzer;

import dev.oxidizer.model.Report;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Agent layout v2: a method the agent left uninstrumented is named with why, and its calls are not taken as zero. */
class MethodFormTest {
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aMethodLeftOutForTheHugeMethodLimitIsNamedWithTheReasonInTheWarnings() throws Exception {
        Histogram h = new Histogram(3);
        h.recordValue(5_000);
        Path file = Recordings.agentOnly(dir.resolve("forms.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#m([D)D", 9, 1, h, T0, T0 + 1_000);
            TestEvents.MethodForm f = new TestEvents.MethodForm();
            f.sessionId = "s";
            f.className = "a.Interp";
            f.methodName = "loop";
            f.descriptor = "([I)J";
            f.form = "none";
            f.reason = "huge-method-limit";
            f.bytecodeSize = 7995;
            f.instrumentedSize = 8090;
            f.limit = 8000;
            f.commit();
        });
        Report r = Analyses.report(file);
        String all = String.join("\n", r.warnings());
        assertTrue(all.contains("not instrumented: a.Interp.loop would have exceeded the JIT's huge-method limit "
                + "(7995 bytes of bytecode, about 8090 instrumented, limit 8000"), all);
        assertTrue(all.contains("its calls are unknown"), all);
    }
}
