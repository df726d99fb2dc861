package dev.oxidizer.agent;

import com.sun.tools.attach.VirtualMachine;
import jdk.jfr.consumer.RecordedEvent;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the built agent jar in forked JVMs and checks the JFR file it writes. */
class AgentIT {
    private static final String APP = "example.app.";
    private static final String COUNTING = APP + "CountingApp";
    private static final String SQUARE = COUNTING + "$Square";

    @TempDir
    Path dir;

    private String classpath() {
        return ForkedJvm.TEST_CLASSES.toAbsolutePath().toString();
    }

    @Test
    void countsEveryCallExactlyUnderEightThreadsForEveryMethodKind() throws Exception {
        int threads = 8;
        int calls = 1_000_000;
        Path out = dir.resolve("counts.jfr");
        // budget=off: this program is nothing but calls of tiny methods; the budget would demote them (docs/agent.md)
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",budget=off", classpath(), COUNTING, "" + threads,
                "" + calls);
        assertEquals(0, jvm.await(300), jvm.describe());
        Recorded rec = Recorded.read(out);
        Map<String, Long> inv = rec.invocations();
        long n = (long) threads * calls;
        String why = jvm.describe() + "\ncounts: " + inv;
        assertEquals(n, inv.get(COUNTING + "#staticAdd(I)I"), why);
        assertEquals(n, inv.get(COUNTING + "#instanceMul(I)I"), why);
        assertEquals(n, inv.get(COUNTING + "#mixed(I)I"), why);
        assertEquals(2 * n, inv.get(COUNTING + "#bump(I)I"), why); // counted at its call sites in mixed
        assertEquals(n, inv.get(COUNTING + "#syncInc()V"), why);
        assertEquals(n + threads, inv.get(SQUARE + "#<init>(I)V"), why); // plus one "prev" per thread
        assertEquals(n, inv.get(COUNTING + "$Shape#sides()I"), why);
        assertEquals(n, inv.get(SQUARE + "#compareTo(L" + SQUARE.replace('.', '/') + ";)I"), why);
        assertFalse(inv.containsKey(SQUARE + "#compareTo(Ljava/lang/Object;)I"), "the bridge is not counted: " + why);
        assertEquals(n, inv.get(COUNTING + "#mayThrow(I)I"), why);
        assertEquals((long) threads * ((calls + 99) / 100) * 11, inv.get(COUNTING + "#recurse(I)I"), why);
        assertEquals((long) threads, inv.get(COUNTING + "#work(L" + COUNTING.replace('.', '/') + ";I)J"), why);
        assertEquals(1L, inv.get(COUNTING + "#main([Ljava/lang/String;)V"), why);
        // lambda bodies: x -> x ^ 5 (called n times) and the thread body (called once per thread)
        List<Long> lambdas = inv.entrySet().stream().filter(e -> e.getKey().contains("#lambda$"))
                .map(Map.Entry::getValue).sorted().toList();
        assertEquals(List.of((long) threads, n), lambdas, why);
        Map<String, Long> exceptional = rec.sum(e -> e.getLong("exceptional"));
        assertEquals(n / 8, exceptional.get(COUNTING + "#mayThrow(I)I"), why);
        assertEquals(0L, exceptional.get(COUNTING + "#staticAdd(I)I"), why);

        // Every timed call is in a histogram, and timed <= counted; hot short methods ended up sampled.
        for (RecordedEvent e : rec.named("oxidizer.MethodProfile")) {
            long timed = e.getLong("timedCount");
            if (timed > 0) {
                Histogram h = Recorded.histogram(e);
                assertEquals(timed, h.getTotalCount(), "histogram total of " + e);
            } else {
                assertEquals("", e.getString("histogram"));
            }
            assertEquals(2, e.getInt("formatVersion"));
        }
        Map<String, Long> timed = rec.sum(e -> e.getLong("timedCount"));
        assertTrue(timed.get(COUNTING + "#syncInc()V") < n, "hot short method sampled: " + timed);
        // Trivial methods (straight-line, no calls: docs/agent.md) get the count-only probe, exact and untimed.
        Map<String, java.util.Set<String>> policies = new java.util.HashMap<>();
        for (RecordedEvent e : rec.named("oxidizer.MethodProfile")) {
            policies.computeIfAbsent(e.getString("className") + "#" + e.getString("methodName") + e.getString("descriptor"),
                    k -> new java.util.TreeSet<>()).add(e.getString("timingPolicy"));
        }
        for (String trivial : List.of(COUNTING + "#staticAdd(I)I", COUNTING + "#instanceMul(I)I",
                COUNTING + "$Shape#sides()I", SQUARE + "#<init>(I)V", COUNTING + "#mixed(I)I", COUNTING + "#bump(I)I")) {
            assertEquals(java.util.Set.of("trivial"), policies.get(trivial), trivial + ": " + policies);
            assertEquals(0L, timed.get(trivial), trivial);
        }
        for (String full : List.of(COUNTING + "#syncInc()V", COUNTING + "#mayThrow(I)I", COUNTING + "#recurse(I)I")) {
            assertFalse(policies.get(full).contains("trivial"), full + ": " + policies);
        }
        assertTrue(rec.named("oxidizer.MethodProfile").stream()
                .anyMatch(e -> e.getString("timingPolicy").equals("sampled") && e.getInt("samplingInterval") == 64));
        assertFalse(rec.named("oxidizer.AgentSession").isEmpty());
        assertFalse(rec.named("oxidizer.AgentOverhead").isEmpty());
        // The overhead estimate charges each call what its kind of probe costs: nothing for a call counted at
        // its call site, something for the count-only probe and for the full probe.
        Map<String, Long> overhead = rec.sum(e -> e.getLong("overheadNs"));
        assertEquals(0L, overhead.get(COUNTING + "#bump(I)I"), "call-site counted: " + overhead);
        assertTrue(overhead.get(COUNTING + "#staticAdd(I)I") > 0, "count-only probe: " + overhead);
        assertTrue(overhead.get(COUNTING + "#syncInc()V") > 0, "full probe: " + overhead);
        long estimated = rec.named("oxidizer.AgentOverhead").stream()
                .mapToLong(e -> e.getLong("estimatedOverheadNs")).sum();
        assertEquals(overhead.values().stream().mapToLong(Long::longValue).sum(), estimated);
        assertFalse(rec.named("jdk.ExecutionSample").isEmpty(), "execution samples recorded");

        // The application's output is byte for byte what it is without the agent.
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), COUNTING, "" + threads, "" + calls);
        assertEquals(0, plain.await(300), plain.describe());
        assertEquals(plain.out(), jvm.out(), "stdout differs");
        assertEquals(plain.err(), jvm.err(), "stderr differs");
    }

    @Test
    void privateTrivialMethodsCountedAtTheirCallSitesAreExactAndTheCallersStillVerify() throws Exception {
        String app = APP + "CallSitesApp";
        Path dump = Files.createDirectories(dir.resolve("dump"));
        Path out = dir.resolve("sites.jfr");
        // -Xverify is the default (classes from the class path are verified); the dump shows what was written
        ForkedJvm jvm = ForkedJvm.startWith(ForkedJvm.JAVA,
                List.of("-Ddev.oxidizer.agent.shaded.net.bytebuddy.dump=" + dump), dir,
                "output=" + out + ",budget=off", classpath(), app, "4", "20000");
        assertEquals(3, jvm.await(300), jvm.describe());
        Map<String, Long> expected = jvm.out().lines().filter(l -> l.startsWith("expect "))
                .map(l -> l.split(" "))
                .collect(Collectors.toMap(p -> p[1], p -> Long.parseLong(p[2])));
        assertEquals(5, expected.size(), jvm.describe());
        Recorded rec = Recorded.read(out);
        Map<String, Long> inv = rec.invocations();
        String why = jvm.describe() + "\ncounts: " + inv;
        Map<String, String> keys = Map.of("isSpace", "#isSpace(C)Z", "mix", "#mix(J)J", "twice", "#twice(I)I",
                "neg", "#neg(I)I", "onlyReflective", "#onlyReflective(I)I");
        keys.forEach((name, key) -> assertEquals(expected.get(name), inv.get(app + key), name + ": " + why));
        for (RecordedEvent e : rec.named("oxidizer.MethodProfile")) {
            if (e.getString("className").equals(app) && keys.containsValue("#" + e.getString("methodName")
                    + e.getString("descriptor"))) {
                assertEquals("trivial", e.getString("timingPolicy"), e.toString());
            }
        }
        assertFalse(Files.readString(Path.of(out + ".log")).contains("not instrumented"), why);

        // The rewriting happened: isSpace has no probe, its callers count at the call site and flush.
        Path written = Files.list(dump).filter(f -> f.getFileName().toString().startsWith(app + ".")
                && !f.getFileName().toString().contains("-original")).findFirst().orElseThrow();
        String javap = javap(written);
        String isSpace = methodBody(javap, "boolean isSpace(char)");
        assertFalse(isSpace.contains("dev/oxidizer/agent/runtime/Probe"), isSpace);
        String spaces = methodBody(javap, "int spaces()");
        assertTrue(spaces.contains("Probe.flush:(IJ)J") && spaces.contains("ladd"), spaces);
        String neg = methodBody(javap, "int neg(int)"); // referenced by a method handle: keeps its own probe
        assertTrue(neg.contains("Probe.count:(I)V"), neg);

        // The same counts with the probe in every trivial method, and the application's output unchanged.
        Path probeOut = dir.resolve("probe.jfr");
        ForkedJvm probe = ForkedJvm.start(dir, "output=" + probeOut + ",budget=off,trivial=probe", classpath(), app, "4",
                "20000");
        assertEquals(3, probe.await(300), probe.describe());
        Map<String, Long> probeInv = Recorded.read(probeOut).invocations();
        keys.values().forEach(key -> assertEquals(inv.get(app + key), probeInv.get(app + key), key));
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), app, "4", "20000");
        assertEquals(3, plain.await(300), plain.describe());
        assertEquals(plain.out(), jvm.out(), "stdout differs");
        assertEquals(plain.err(), jvm.err(), "stderr differs");
    }

    /**
     * Call-site counts are not checked at loop back-edges (docs/agent.md, "Trivial methods"), so one loop may pend
     * more calls than an int holds: 2.2 billion calls of a private trivial method in one method invocation.
     */
    @Test
    void aLoopPendingMoreCallsThanAnIntHoldsIsCountedExactly() throws Exception {
        String app = APP + "CallSitesApp";
        Path out = dir.resolve("long-loop.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",budget=off", classpath(), app, "1", "10", "1100000000");
        assertEquals(3, jvm.await(300), jvm.describe());
        long expected = jvm.out().lines().filter(l -> l.startsWith("expect mix ")).mapToLong(l -> Long.parseLong(l.substring(11)))
                .findFirst().orElseThrow();
        assertTrue(expected > Integer.MAX_VALUE, "expected " + expected);
        assertEquals(expected, Recorded.read(out).invocations().get(app + "#mix(J)J"), jvm.describe());
    }

    private static String javap(Path classFile) throws Exception {
        Path javap = ForkedJvm.JAVA.resolveSibling("javap");
        Process p = new ProcessBuilder(javap.toString(), "-c", "-p", classFile.toString()).redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "javap timed out");
        return text;
    }

    /** The disassembly of one method in {@code javap -c} output (from its header to the next blank line). */
    private static String methodBody(String javap, String signature) {
        int at = javap.indexOf(signature);
        assertTrue(at >= 0, signature + " not in:\n" + javap);
        int end = javap.indexOf("\n\n", at);
        return javap.substring(at, end < 0 ? javap.length() : end);
    }

    @Test
    void threadsStartingFasterThanThePoolRefillsAndEndingAreCountedExactly() throws Exception {
        // 5,000 threads, 100 at a time: the pool of 32 states runs dry in every wave (the rest take the
        // thread-local path), and thread ids pass 4,096, so new threads meet slots of ended ones.
        String app = APP + "ChurnApp";
        int waves = 50;
        int width = 100;
        int calls = 2_000;
        Path out = dir.resolve("churn.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",budget=off,interval=100ms", classpath(), app, "" + waves,
                "" + width, "" + calls);
        assertEquals(0, jvm.await(300), jvm.describe());
        Map<String, Long> inv = Recorded.read(out).invocations();
        long threads = (long) waves * width;
        String why = jvm.describe() + "\ncounts: " + inv;
        assertEquals(threads, inv.get(app + "#body(I)J"), why);
        assertEquals(threads * calls, inv.get(app + "#tiny(I)I"), why);
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), app, "" + waves, "" + width, "" + calls);
        assertEquals(0, plain.await(300), plain.describe());
        assertEquals(plain.out(), jvm.out(), "stdout differs");
    }

    @Test
    void virtualThreadsAreCountedExactlyWithinASmallHeap() throws Exception {
        // 100,000 virtual threads: counted per carrier thread. A state (counters and histograms) per virtual
        // thread ran this heap out of memory.
        String app = APP + "VirtualThreadsApp";
        int tasks = 100_000;
        int calls = 100;
        Path out = dir.resolve("virtual.jfr");
        ForkedJvm jvm = ForkedJvm.startWith(ForkedJvm.JAVA, List.of("-Xmx96m"), dir, "output=" + out + ",budget=off", classpath(),
                app, "" + tasks, "" + calls);
        assertEquals(0, jvm.await(300), jvm.describe());
        Map<String, Long> inv = Recorded.read(out).invocations();
        String why = jvm.describe() + "\ncounts: " + inv;
        String work = APP + "ChurnApp"; // the tasks run its body
        assertEquals((long) tasks, inv.get(work + "#body(I)J"), why);
        assertEquals((long) tasks * calls, inv.get(work + "#tiny(I)I"), why);
        String log = Files.readString(Path.of(out + ".log"));
        assertFalse(log.contains("virtual threads each get their own counters"), log);
        ForkedJvm plain = ForkedJvm.startWith(ForkedJvm.JAVA, List.of("-Xmx96m"), dir, null, classpath(), app,
                "" + tasks, "" + calls);
        assertEquals(0, plain.await(300), plain.describe());
        assertEquals(plain.out(), jvm.out(), "stdout differs");
    }

    @Test
    void aGlobThatMatchesNothingIsNamedInTheLogAtTheEnd() throws Exception {
        Path out = dir.resolve("globs.jfr");
        // A method written with a dot is a class glob, and matches no class; the # form excludes the method.
        String options = "output=" + out + ",include=example.app.**,exclude=" + COUNTING + ".syncInc,exclude="
                + COUNTING + "#mayThrow";
        ForkedJvm jvm = ForkedJvm.start(dir, options, classpath(), COUNTING, "2", "5000");
        assertEquals(0, jvm.await(120), jvm.describe());
        Map<String, Long> inv = Recorded.read(out).invocations();
        assertEquals(10_000L, inv.get(COUNTING + "#syncInc()V"), jvm.describe() + inv);
        assertFalse(inv.containsKey(COUNTING + "#mayThrow(I)I"), jvm.describe() + inv);
        String log = Files.readString(Path.of(out + ".log"));
        assertTrue(log.contains("exclude=" + COUNTING + ".syncInc matched no method"), log);
        assertFalse(log.contains("#mayThrow matched no method"), log);
        assertFalse(log.contains("include=example.app.** matched no method"), log);
    }

    @Test
    void trivialMethodsGetTheFullProbeWithTimedAndNoneWithSkip() throws Exception {
        for (String mode : List.of("timed", "skip")) {
            Path out = dir.resolve("trivial-" + mode + ".jfr");
            ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",budget=off,trivial=" + mode, classpath(), COUNTING, "2", "5000");
            assertEquals(0, jvm.await(120), jvm.describe());
            Recorded rec = Recorded.read(out);
            Map<String, Long> inv = rec.invocations();
            String why = mode + ": " + jvm.describe() + "\ncounts: " + inv;
            assertEquals(10_000L, inv.get(COUNTING + "#syncInc()V"), why); // not trivial: counted either way
            if (mode.equals("timed")) {
                assertEquals(10_000L, inv.get(COUNTING + "#staticAdd(I)I"), why);
                assertTrue(rec.named("oxidizer.MethodProfile").stream()
                        .noneMatch(e -> e.getString("timingPolicy").equals("trivial")), why);
                assertTrue(rec.sum(e -> e.getLong("timedCount")).get(COUNTING + "#staticAdd(I)I") > 0, why);
            } else {
                assertFalse(inv.containsKey(COUNTING + "#staticAdd(I)I"), why);
                assertFalse(inv.containsKey(SQUARE + "#<init>(I)V"), why);
                // left out, and the recording says why: the analyzer then knows its calls are unknown, not zero
                assertTrue(rec.named("oxidizer.MethodForm").stream().anyMatch(e -> e.getString("methodName").equals("staticAdd")
                        && e.getString("form").equals("none") && e.getString("reason").equals("trivial")), why);
            }
        }
    }

    @Test
    void systemExitKeepsExactCountsAndTheExitCode() throws Exception {
        Path out = dir.resolve("exit.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",budget=off", classpath(), COUNTING, "2", "20000", "exit");
        assertEquals(7, jvm.await(120), jvm.describe());
        Map<String, Long> inv = Recorded.read(out).invocations();
        assertEquals(40_000L, inv.get(COUNTING + "#staticAdd(I)I"), jvm.describe() + inv);
        assertEquals(1L, inv.get(COUNTING + "#main([Ljava/lang/String;)V"), jvm.describe() + inv);
    }

    @Test
    void badOptionPrintsOneLineAndTheApplicationRunsUninstrumented() throws Exception {
        ForkedJvm jvm = ForkedJvm.start(dir, "interval=often", classpath(), COUNTING, "1", "1000");
        assertEquals(0, jvm.await(120), jvm.describe());
        List<String> agentLines = jvm.err().lines().filter(l -> l.startsWith("oxidizer-agent:")).toList();
        assertEquals(1, agentLines.size(), jvm.describe());
        assertTrue(agentLines.getFirst().contains("interval=often") && agentLines.getFirst().contains("500ms"),
                jvm.describe());
        assertTrue(jvm.out().startsWith("checksum="), jvm.describe());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".jfr")), "no recording written");
        }
        ForkedJvm unknown = ForkedJvm.start(dir, "inclde=x.**", classpath(), COUNTING, "1", "10");
        assertEquals(0, unknown.await(120), unknown.describe());
        assertTrue(unknown.err().startsWith("oxidizer-agent: unknown option 'inclde'; accepted keys: include,"),
                unknown.describe());
    }

    @Test
    void unwritableOutputPrintsOneLineAndTheApplicationRuns() throws Exception {
        Path out = dir.resolve("missing-dir").resolve("x.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out, classpath(), COUNTING, "1", "1000");
        assertEquals(0, jvm.await(120), jvm.describe());
        List<String> lines = jvm.err().lines().toList();
        assertEquals("oxidizer-agent: cannot write the output file '" + out + "' (its directory " + out.getParent()
                + " does not exist); accepted: output=PATH in an existing writable directory; the application runs"
                + " without the agent", lines.getFirst(), jvm.describe());
        assertEquals(List.of("oxidizer-agent", "done on stderr"),
                lines.stream().map(l -> l.startsWith("oxidizer-agent") ? "oxidizer-agent" : l).toList());
        assertTrue(jvm.out().startsWith("checksum="), jvm.describe());
        assertFalse(Files.exists(out.getParent()));
    }

    @Test
    void withoutJfrOneLineSaysWhyAndTheApplicationRunsUninstrumented() throws Exception {
        Path out = dir.resolve("nojfr.jfr");
        // The jdk.jfr module left out of the boot layer: the recording cannot start.
        ForkedJvm jvm = ForkedJvm.startWith(ForkedJvm.JAVA, List.of("--limit-modules", "java.base,java.instrument"), dir,
                "output=" + out, classpath(), COUNTING, "2", "1000");
        assertEquals(0, jvm.await(120), jvm.describe());
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), COUNTING, "2", "1000");
        assertEquals(0, plain.await(120), plain.describe());
        assertEquals(plain.out(), jvm.out(), "stdout unchanged: " + jvm.describe());
        List<String> agentLines = jvm.err().lines().filter(l -> l.startsWith("oxidizer-agent")).toList();
        assertEquals(1, agentLines.size(), jvm.describe());
        assertTrue(agentLines.getFirst().contains("the JFR recording could not start")
                && agentLines.getFirst().contains("runs without the agent"), jvm.describe());
        assertEquals(plain.err(), jvm.err().lines().filter(l -> !l.startsWith("oxidizer-agent"))
                .map(l -> l + System.lineSeparator()).collect(java.util.stream.Collectors.joining()), jvm.describe());
    }

    @Test
    void sigtermWritesTheRecordingWithTheDataSoFar() throws Exception {
        Path out = dir.resolve("term.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",interval=500ms", classpath(), APP + "ServerApp");
        jvm.awaitOutput("ready", 60);
        Thread.sleep(1500);
        jvm.process.destroy(); // SIGTERM
        assertEquals(143, jvm.await(60), jvm.describe());
        Recorded rec = Recorded.read(out);
        long work = rec.invocations().getOrDefault(APP + "ServerApp#work(J)J", 0L);
        assertTrue(work > 100_000, "work() counted: " + work + "\n" + jvm.describe());
        assertTrue(rec.named("oxidizer.MethodProfile").size() >= 2, "several flushes before SIGTERM");
    }

    @Test
    void killDashNineKeepsTheDataUpToTheLastFlushInTheRepository() throws Exception {
        Path out = dir.resolve("killed.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",interval=500ms", classpath(), APP + "ServerApp");
        jvm.awaitOutput("ready", 60);
        String log = Files.readString(Path.of(out + ".log"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("kill -9\\): (\\S+)").matcher(log);
        assertTrue(m.find(), log);
        // Until a flush has reached the repository (at most 60 s): a fixed 3 s sleep saw no flush at load 10-17.
        long deadline = System.nanoTime() + 60_000_000_000L;
        Thread.sleep(1500);
        while (System.nanoTime() < deadline) {
            Path probe = dir.resolve("probe.jfr");
            try {
                if (RecoverRepository.recover(Path.of(m.group(1)), probe) >= 1
                        && Recorded.read(probe).invocations().getOrDefault(APP + "ServerApp#work(J)J", 0L) > 100_000) {
                    break;
                }
            } catch (Exception chunkStillOpen) {
                // the newest chunk is being written; try again
            }
            Thread.sleep(500);
        }
        jvm.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        jvm.await(30);
        // JFR creates the destination when the recording starts; after kill -9 it stays empty.
        assertTrue(!Files.exists(out) || Files.size(out) == 0, "nothing written at exit");
        Path recovered = dir.resolve("recovered.jfr");
        assertTrue(RecoverRepository.recover(Path.of(m.group(1)), recovered) >= 1);
        Recorded rec = Recorded.read(recovered);
        long work = rec.invocations().getOrDefault(APP + "ServerApp#work(J)J", 0L);
        assertTrue(work > 100_000, "work() counted up to the last flush: " + work + "\n" + jvm.describe());
    }

    @Test
    void worksBesideTheApplicationsOwnByteBuddy() throws Exception {
        String bb = Path.of(net.bytebuddy.ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String cp = classpath() + java.io.File.pathSeparator + bb;
        Path out = dir.resolve("bb.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out, cp, APP + "OwnByteBuddyApp");
        assertEquals(0, jvm.await(120), jvm.describe());
        ForkedJvm plain = ForkedJvm.start(dir, null, cp, APP + "OwnByteBuddyApp");
        assertEquals(0, plain.await(120), plain.describe());
        assertEquals(plain.out(), jvm.out());
        assertEquals(plain.err(), jvm.err());
        assertTrue(jvm.out().startsWith("made by the app's Byte Buddy"), jvm.describe());
        Recorded rec = Recorded.read(out);
        assertEquals(1000L, rec.invocations().get(APP + "OwnByteBuddyApp#greet(I)Ljava/lang/String;"));
        // a class defined at run time whose InnerClasses attribute names a class with no class file anywhere
        assertEquals(500L, rec.invocations().get(APP + "GeneratedOuter#work(I)I"), jvm.describe());
    }

    @Test
    void countsClassesOfIsolatedClassLoadersWithBootstrapOn() throws Exception {
        String dirArg = ForkedJvm.TEST_CLASSES.toAbsolutePath().toString();
        Path out = dir.resolve("loaders.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",bootstrap=on", classpath(), APP + "MultiLoaderApp",
                dirArg, "5000");
        assertEquals(0, jvm.await(120), jvm.describe());
        assertEquals(15_000L, Recorded.read(out).invocations().get(APP + "loaded.Worker#step(I)I"), jvm.describe());

        Path out2 = dir.resolve("loaders-default.jfr");
        ForkedJvm dflt = ForkedJvm.start(dir, "output=" + out2, classpath(), APP + "MultiLoaderApp", dirArg, "5000");
        assertEquals(0, dflt.await(120), dflt.describe());
        // Without bootstrap=on only the application loader's copy is instrumented, and the log says why.
        assertEquals(5_000L, Recorded.read(out2).invocations().get(APP + "loaded.Worker#step(I)I"), dflt.describe());
        assertTrue(Files.readString(Path.of(out2 + ".log")).contains("bootstrap=on"));
        assertEquals(jvm.out(), dflt.out());
        assertTrue(jvm.out().startsWith("sum="), jvm.describe());
    }

    @Test
    void attachesToARunningJvmAndDetachRestoresTheCode() throws Exception {
        ForkedJvm jvm = ForkedJvm.start(dir, null, classpath(), APP + "ServerApp");
        try {
            jvm.awaitOutput("ready", 60);
            Path out = dir.resolve("attach.jfr");
            VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.process.pid()));
            try {
                vm.loadAgent(ForkedJvm.AGENT_JAR.toAbsolutePath().toString(), ForkedJvm.mechanics("output=" + out + ",interval=500ms"));
                String status = vm.getSystemProperties().getProperty("oxidizer.agent.status");
                assertTrue(status != null && status.startsWith("running"), status + "\n" + jvm.describe());
                Thread.sleep(1500);
                vm.loadAgent(ForkedJvm.AGENT_JAR.toAbsolutePath().toString(), "detach");
                status = vm.getSystemProperties().getProperty("oxidizer.agent.status");
                assertTrue(status.startsWith("detached"), status + "\n" + jvm.describe());
            } finally {
                vm.detach();
            }
            Recorded rec = Recorded.read(out);
            long work = rec.invocations().getOrDefault(APP + "ServerApp#work(J)J", 0L);
            assertTrue(work > 100_000, "classes loaded before attach are counted: " + work + "\n" + jvm.describe());
            assertTrue(jvm.process.isAlive(), jvm.describe());
            assertEquals("ready", jvm.out().trim(), "the application's output is untouched");
            String log = Files.readString(Path.of(out + ".log"));
            assertTrue(log.contains("detached; original code restored"), log);
        } finally {
            jvm.process.destroyForcibly().waitFor();
        }
    }

    @SuppressWarnings("unused")
    private static String keys(Map<String, Long> m) {
        return m.keySet().stream().collect(Collectors.joining("\n"));
    }
}
