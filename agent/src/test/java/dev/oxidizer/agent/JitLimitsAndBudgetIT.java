package dev.oxidizer.agent;

import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent never costs a method its compilation (JIT limits), keeps its cost within its budget by demoting
 * methods, and writes both decisions into the recording: forked JVMs with the built agent.
 */
class JitLimitsAndBudgetIT {
    private static final String HUGE = "example.app.HugeLoopApp";

    @TempDir
    Path dir;

    private String classpath() {
        return ForkedJvm.TEST_CLASSES.toAbsolutePath().toString();
    }

    /** Compilation lines of {@code method} at tier 4 (C2) in -XX:+PrintCompilation output. */
    private static long c2Compilations(String out, String method) {
        Pattern p = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+" + Pattern.quote(method) + "\\b.*$",
                Pattern.MULTILINE);
        Matcher m = p.matcher(out);
        long n = 0;
        while (m.find()) {
            if (!m.group().contains("made not entrant")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aLoopJustUnderHugeMethodLimitIsStillCompiledByC2AndCountedExactly() throws Exception {
        String[] args = {"400000", "12"};
        List<String> jvm = List.of("-XX:+PrintCompilation");
        ForkedJvm plain = ForkedJvm.startWith(ForkedJvm.JAVA, jvm, dir, null, classpath(), HUGE, args);
        assertEquals(0, plain.await(300), plain.describe());
        Path out = dir.resolve("huge.jfr");
        ForkedJvm agent = ForkedJvm.startWith(ForkedJvm.JAVA, jvm, dir, "output=" + out, classpath(), HUGE, args);
        assertEquals(0, agent.await(300), agent.describe());

        String method = HUGE + "::run";
        assertTrue(c2Compilations(plain.out(), method) > 0, "plain run compiles the loop with C2\n" + plain.describe());
        assertTrue(c2Compilations(agent.out(), method) > 0, "compiled with C2 under the agent too\n" + agent.describe());
        String result = plain.out().lines().filter(l -> l.startsWith("checksum")).findFirst().orElseThrow();
        assertTrue(agent.out().contains(result), "same output\n" + agent.describe());

        Recorded rec = Recorded.read(out);
        List<RecordedEvent> forms = rec.named("oxidizer.MethodForm").stream()
                .filter(e -> e.getString("methodName").equals("run")).toList();
        assertEquals(1, forms.size(), "one decision for run: " + forms);
        RecordedEvent form = forms.get(0);
        assertEquals("entry", form.getString("form"));
        assertEquals("huge-method-limit", form.getString("reason"));
        assertEquals(8000, form.getInt("limit"));
        assertTrue(form.getInt("bytecodeSize") > 7000 && form.getInt("bytecodeSize") <= 8000, form.toString());
        assertTrue(form.getInt("instrumentedSize") > 8000, form.toString());

        Map<String, Long> inv = rec.invocations();
        assertEquals(12L, inv.get(HUGE + "#run([I[JI)J"), "run counted at entry: " + inv);
        long mixCalls = Long.parseLong(result.replaceAll(".*mix_calls ", "").trim());
        assertEquals(mixCalls, inv.get(HUGE + "#mix(JI)J"), "mix counted by its own probe: " + inv);
        // issue 17 item 7: the I/O wait events the agent enables are not throttled to 100 per second
        Map<Long, String> types = new java.util.HashMap<>();
        try (jdk.jfr.consumer.RecordingFile f = new jdk.jfr.consumer.RecordingFile(out)) {
            for (jdk.jfr.EventType t : f.readEventTypes()) {
                types.put(t.getId(), t.getName());
            }
        }
        Map<String, String> throttle = new java.util.TreeMap<>();
        for (RecordedEvent e : rec.named("jdk.ActiveSetting")) {
            String type = types.get(e.getLong("id"));
            if (e.getString("name").equals("throttle") && type != null && type.matches("jdk\\.(Socket|File)(Read|Write)")) {
                throttle.put(type, e.getString("value"));
            }
        }
        assertEquals(Map.of("jdk.FileRead", "off", "jdk.FileWrite", "off", "jdk.SocketRead", "off", "jdk.SocketWrite",
                "off"), throttle);
        for (RecordedEvent e : rec.named("oxidizer.MethodProfile")) {
            if (e.getString("methodName").equals("run")) {
                assertEquals("entry", e.getString("form"));
                assertEquals("huge-method-limit", e.getString("formReason"));
                assertEquals(2, e.getInt("formatVersion"));
            }
        }
    }

    private static final List<String> LADDER = List.of("timed", "sampled", "count", "entry", "none");

    @Test
    void aMethodWhoseProbeCostsMoreThanTheBudgetIsDemotedStepByStepAndEachStepIsRecorded() throws Exception {
        Path out = dir.resolve("budget.jfr");
        ForkedJvm agent = ForkedJvm.start(dir, "output=" + out + ",interval=200ms", classpath(),
                "example.app.BudgetApp", "300", "2000000");
        assertEquals(0, agent.await(300), agent.describe());
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), "example.app.BudgetApp", "300", "2000000");
        assertEquals(0, plain.await(300), plain.describe());
        assertEquals(plain.out(), agent.out(), "same output");

        Recorded rec = Recorded.read(out);
        List<RecordedEvent> steps = new ArrayList<>(rec.named("oxidizer.MethodForm").stream()
                .filter(e -> e.getString("methodName").equals("step")).toList());
        steps.sort(java.util.Comparator.comparing(RecordedEvent::getStartTime));
        assertFalse(steps.isEmpty(), "step demoted by the budget\n" + agent.describe());
        int last = -1;
        for (RecordedEvent e : steps) {
            assertEquals("budget", e.getString("reason"), e.toString());
            int from = LADDER.indexOf(e.getString("previousForm"));
            int to = LADDER.indexOf(e.getString("form"));
            assertTrue(from >= 0 && to > from, "a demotion goes down the ladder: " + e);
            assertTrue(from >= last, "in order: " + steps);
            last = to;
        }
        // the profile events say the form in force; a method counted at least at entry stays exact until 'none'
        boolean none = steps.get(steps.size() - 1).getString("form").equals("none");
        long counted = rec.invocations().getOrDefault("example.app.BudgetApp#step(I)I", 0L);
        long calls = 300L * 2_000_000;
        if (none) {
            assertTrue(counted < calls, "no longer counted once uninstrumented: " + counted);
        } else {
            assertEquals(calls, counted);
        }
        assertEquals(300L, rec.invocations().get("example.app.BudgetApp#round(II)I"), "round is not demoted");
    }
}
