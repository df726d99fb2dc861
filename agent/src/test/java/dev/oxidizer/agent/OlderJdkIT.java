package dev.oxidizer.agent;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent inside an application on JDK 17, the oldest JDK it supports (it is compiled for release 17):
 * exact counts across threads, lambdas, constructors and exceptions, and the application's output unchanged.
 * Runs on this machine's JDK 17 (or {@code -Doxidizer.test.jdk17=HOME}); skipped, saying so, only when no
 * JDK 17 is installed.
 */
class OlderJdkIT {
    static final String SOURCE = """
            package old;
            import java.util.concurrent.atomic.AtomicLong;
            import java.util.function.IntUnaryOperator;
            public class OldApp {
                final int base;
                OldApp(int base) { this.base = base; }
                int add(int x) { return base + x; }
                static int fail(int x) { if ((x & 7) == 0) throw new IllegalStateException("x" + x); return x; }
                public static void main(String[] args) throws Exception {
                    int threads = Integer.parseInt(args[0]);
                    int calls = Integer.parseInt(args[1]);
                    AtomicLong sum = new AtomicLong();
                    IntUnaryOperator twice = v -> v * 2;
                    Thread[] ts = new Thread[threads];
                    for (int t = 0; t < threads; t++) {
                        ts[t] = new Thread(() -> {
                            long s = 0;
                            OldApp app = new OldApp(1);
                            for (int i = 0; i < calls; i++) {
                                s += app.add(i) + twice.applyAsInt(i);
                                try { s += fail(i); } catch (IllegalStateException e) { s--; }
                            }
                            sum.addAndGet(s);
                        });
                        ts[t].start();
                    }
                    for (Thread t : ts) t.join();
                    System.out.println("sum=" + sum.get());
                }
            }
            """;

    @TempDir
    Path dir;

    static Path jdk17Java() {
        String home = System.getProperty("oxidizer.test.jdk17", "/usr/lib/jvm/java-17-openjdk-amd64");
        return Path.of(home, "bin", "java");
    }

    @Test
    void countsExactlyInsideAJdk17Application() throws Exception {
        Path java = jdk17Java();
        Assumptions.assumeTrue(Files.isExecutable(java), "no JDK 17 at " + java + ": set -Doxidizer.test.jdk17=<home> to run this test");
        Path src = dir.resolve("src/old/OldApp.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(),
                src.toString()), "fixture did not compile for release 17");

        int threads = 4;
        int calls = 250_000;
        ForkedJvm plain = ForkedJvm.startOn(java, dir, null, classes.toString(), "old.OldApp", "" + threads, "" + calls);
        assertEquals(0, plain.await(120), plain.describe());
        Path out = dir.resolve("old.jfr");
        ForkedJvm jvm = ForkedJvm.startOn(java, dir, "include=old.**,budget=off,output=" + out, classes.toString(), "old.OldApp",
                "" + threads, "" + calls);
        assertEquals(0, jvm.await(180), jvm.describe());
        assertEquals(Files.readString(plain.stdout), Files.readString(jvm.stdout), "output changed by the agent");
        assertEquals("", Files.readString(jvm.stderr), "the agent wrote to the application's stderr");

        Recorded rec = Recorded.read(out);
        Map<String, Long> inv = rec.invocations();
        long n = (long) threads * calls;
        String why = jvm.describe() + "\ncounts: " + inv;
        assertEquals(n, inv.get("old.OldApp#add(I)I"), why);
        assertEquals(n, inv.get("old.OldApp#fail(I)I"), why);
        assertEquals((long) threads, inv.get("old.OldApp#<init>(I)V"), why);
        assertEquals(n / 8, rec.sum(e -> e.getLong("exceptional")).get("old.OldApp#fail(I)I"), why);
        assertTrue(inv.keySet().stream().anyMatch(k -> k.startsWith("old.OldApp#lambda$main$")
                && inv.get(k) == n), "the lambda body v -> v * 2 counted " + n + " times: " + why);
    }
}
