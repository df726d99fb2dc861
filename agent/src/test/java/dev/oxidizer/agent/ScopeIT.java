package dev.oxidizer.agent;

import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's default scope on a real run: only static methods whose signature crosses FFM get a probe; trivial
 * ones and every other method are left out, each written once as {@code oxidizer.MethodForm} form {@code none} with
 * its reason, and the application's output is unchanged.
 */
class ScopeIT {
    private static final String COUNTING = "example.app.CountingApp";

    @TempDir
    Path dir;

    private static String classpath() {
        return ForkedJvm.TEST_CLASSES.toAbsolutePath().toString();
    }

    @Test
    void theDefaultScopeCountsPortableStaticMethodsExactlyAndRecordsWhyTheRestIsLeftOut() throws Exception {
        Path out = dir.resolve("scope.jfr");
        // explicit, so that ForkedJvm adds no options of its own; AgentOptionsTest checks these are the defaults
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",budget=off,scope=portable,trivial=skip", classpath(),
                COUNTING, "2", "5000");
        assertEquals(0, jvm.await(120), jvm.describe());
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), COUNTING, "2", "5000");
        assertEquals(0, plain.await(120), plain.describe());
        assertEquals(plain.out(), jvm.out(), "the application's output is unchanged");

        Recorded rec = Recorded.read(out);
        Map<String, Long> inv = rec.invocations();
        String why = jvm.describe() + "\ncounts: " + inv;
        // static, portable, not trivial: counted exactly (recurse: 50 outer calls per thread, 11 calls each)
        assertEquals(10_000L, inv.get(COUNTING + "#mayThrow(I)I"), why);
        assertEquals(2L * 50 * 11, inv.get(COUNTING + "#recurse(I)I"), why);
        Map<String, String> reasons = new HashMap<>();
        for (RecordedEvent e : rec.named("oxidizer.MethodForm")) {
            String key = e.getString("className") + "#" + e.getString("methodName") + e.getString("descriptor");
            if (e.getString("form").equals("none")) {
                assertEquals(-1, e.getInt("methodId"), key + " has no id: no per-thread slot is spent on it");
                assertTrue(reasons.put(key, e.getString("reason")) == null, key + " is written once");
            }
        }
        String all = why + "\nleft out: " + reasons;
        // trivial code: left out as trivial
        assertEquals("trivial", reasons.get(COUNTING + "#staticAdd(I)I"), all);
        assertEquals("trivial", reasons.get(COUNTING + "#bump(I)I"), all);
        // instance methods, constructors, and signatures that cannot cross FFM: left out as scope
        assertEquals("scope", reasons.get(COUNTING + "#instanceMul(I)I"), all);
        assertEquals("scope", reasons.get(COUNTING + "#syncInc()V"), all);
        assertEquals("scope", reasons.get(COUNTING + "$Square#<init>(I)V"), all);
        assertEquals("scope", reasons.get(COUNTING + "#work(Lexample/app/CountingApp;I)J"), all);
        assertEquals("scope", reasons.get(COUNTING + "#main([Ljava/lang/String;)V"), all);
        for (String key : reasons.keySet()) {
            assertFalse(inv.containsKey(key), key + " is left out, yet counted: " + all);
        }
        assertTrue(rec.named("oxidizer.AgentSession").stream()
                .allMatch(e -> e.getString("options").contains(";scope=portable")), why);
    }
}
