package dev.oxidizer.agent.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's costs that are not per call, measured as CPU time rather than estimated, for
 * {@code oxidizer.AgentOverhead} (docs/formats/agent-events.md): its start (the process's CPU while the agent starts,
 * before the application's {@code main} runs, plus the calibration on the flusher thread), class transformation
 * (the CPU of each class load spent in the agent's transformer, on the loading thread), and the CPU of JFR's own Java
 * threads (its recorder and periodic-task threads: the recording is the agent's too). What stays unmeasured: the
 * extra work of the JIT compiler threads and of JFR's native sampler thread, which no Java API reports per thread.
 *
 * <p>Threading: {@link #transformStarted}/{@link #transformEnded} on class-loading threads; the {@code take} methods on
 * the flusher only.
 */
final class AgentCpu {
    private final AtomicLong startupNs = new AtomicLong();
    private final AtomicLong transformNs = new AtomicLong();
    private final ThreadLocal<long[]> transformStart = ThreadLocal.withInitial(() -> new long[2]);
    /** CPU so far of each JFR thread seen, by thread id. */
    private final Map<Long, Long> jfrSeen = new HashMap<>();
    private int scans;
    /** CPU so far of each JIT compiler thread seen, by Linux thread id. */
    private final Map<String, Long> jitSeen = new HashMap<>();
    private int jitScans;
    /** Process CPU at the end of the last interval taken (at first, where counting starts). */
    private long processSeen;

    /**
     * {@code processFrom}: where the process's CPU is counted from: 0 at premain (the JVM's start, so the first
     * interval holds the agent's start and the JVM's own), the process CPU at attach time when attached; the JIT's CPU
     * is counted from the same point.
     */
    AgentCpu(long processFrom, boolean attached) {
        this.processSeen = processFrom;
        if (attached) {
            takeJit();
        }
    }

    /**
     * The management beans, created on first use: {@code ManagementFactory}'s first call costs about 50 ms (its
     * providers, the container's cgroup metrics), which the application's start should not wait for. The agent's
     * start reads {@link #startCpuNs} instead; the flusher thread creates these.
     */
    private static final class Beans {
        static final ThreadMXBean THREADS = threads();
        /** Null where the JVM does not measure process CPU (or the java.management module is absent). */
        static final com.sun.management.OperatingSystemMXBean PROCESS = processBean();

        private static ThreadMXBean threads() {
            try {
                ThreadMXBean b = ManagementFactory.getThreadMXBean();
                return b.isCurrentThreadCpuTimeSupported() && b.isThreadCpuTimeSupported() ? b : null;
            } catch (Throwable unavailable) {
                return null;
            }
        }

        private static com.sun.management.OperatingSystemMXBean processBean() {
            try {
                return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
            } catch (Throwable unavailable) {
                return null;
            }
        }
    }

    /** CPU time of the whole process so far, or -1 if unknown. */
    static long processCpuNs() {
        try {
            return Beans.PROCESS == null ? -1 : Beans.PROCESS.getProcessCpuTime();
        } catch (Throwable unavailable) {
            return -1;
        }
    }

    /**
     * CPU time of the whole process so far for the agent's start window, read where reading it costs the start
     * little: on Linux the user and system time of {@code /proc/self/stat}, in the kernel's clock ticks ({@code
     * USER_HZ}, 100 per second on every Linux architecture the JDK supports: 10 ms resolution, against a start of
     * hundreds of ms); elsewhere {@link #processCpuNs}. -1 if unknown.
     */
    static long startCpuNs() {
        try {
            String stat = readOrNull(java.nio.file.Path.of("/proc/self/stat"));
            if (stat != null) {
                // the fields after the command name, which is in parentheses and may hold spaces: state is field 3,
                // utime field 14, stime field 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
            }
        } catch (RuntimeException notThisLayout) {
            // below
        }
        return processCpuNs();
    }

    /** CPU time of the calling thread, or -1 where the JVM does not measure it. */
    static long threadCpuNs() {
        try {
            return Beans.THREADS == null ? -1 : Beans.THREADS.getCurrentThreadCpuTime();
        } catch (Throwable unsupported) {
            return -1;
        }
    }

    /** Adds CPU time spent starting (the start window, the calibration). */
    void startup(long ns) {
        if (ns > 0) {
            startupNs.addAndGet(ns);
        }
    }

    /** A class load enters the agent's transformer (nested loads count once, in the outermost). */
    void transformStarted() {
        long[] s = transformStart.get();
        if (s[1]++ == 0) {
            s[0] = threadCpuNs();
        }
    }

    /** The class load that {@link #transformStarted} leaves the transformer. */
    void transformEnded() {
        long[] s = transformStart.get();
        if (s[1] > 0 && --s[1] == 0 && s[0] >= 0) {
            long now = threadCpuNs();
            if (now > s[0]) {
                transformNs.addAndGet(now - s[0]);
            }
        }
    }

    /** The whole process's CPU since the last call (at first, since where counting starts); 0 when unknown. */
    long takeProcess() {
        long now = processCpuNs();
        if (now < 0) {
            return 0;
        }
        long d = Math.max(0, now - processSeen);
        processSeen = now;
        return d;
    }

    long takeStartup() {
        return startupNs.getAndSet(0);
    }

    long takeTransform() {
        return transformNs.getAndSet(0);
    }

    /** CPU of JFR's Java threads since the last call (threads looked up again every 30 calls: JFR may start more). */
    long takeJfr() {
        ThreadMXBean threads = Beans.THREADS;
        if (threads == null) {
            return 0;
        }
        try {
            if (scans++ % 30 == 0) {
                for (ThreadInfo i : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (i != null && i.getThreadName().startsWith("JFR ")) {
                        jfrSeen.putIfAbsent(i.getThreadId(), 0L);
                    }
                }
            }
            long sum = 0;
            for (Map.Entry<Long, Long> e : jfrSeen.entrySet()) {
                long cpu = threads.getThreadCpuTime(e.getKey());
                if (cpu > e.getValue()) {
                    sum += cpu - e.getValue();
                    e.setValue(cpu);
                }
            }
            return sum;
        } catch (Throwable unsupported) {
            return 0;
        }
    }

    /**
     * CPU of the JIT compiler threads since the last call, or -1 where it cannot be read (it is read from Linux's
     * {@code /proc/self/task/<tid>/schedstat}, in ns; the threads are found by their names, {@code C1 CompilerThre} and
     * {@code C2 CompilerThre}, and looked up again every 30 calls, since HotSpot starts and stops compiler threads as
     * its queue grows and shrinks). A compiler thread that ended since the last call loses its last interval's CPU.
     * No Java API reports these threads' CPU: they are not Java threads to {@code ThreadMXBean}.
     */
    long takeJit() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        try {
            if (jitScans++ % 30 == 0) {
                try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(tasks)) {
                    for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) all::iterator) {
                        String name = readOrNull(t.resolve("comm"));
                        if (name != null && (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"))) {
                            jitSeen.putIfAbsent(t.getFileName().toString(), 0L);
                        }
                    }
                }
            }
            long sum = 0;
            for (java.util.Iterator<Map.Entry<String, Long>> it = jitSeen.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Long> e = it.next();
                String stat = readOrNull(tasks.resolve(e.getKey()).resolve("schedstat"));
                if (stat == null) {
                    it.remove(); // the thread ended
                    continue;
                }
                long ns = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                if (ns > e.getValue()) {
                    sum += ns - e.getValue();
                    e.setValue(ns);
                }
            }
            return sum;
        } catch (java.io.IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** A small text file's content, stripped; null when it cannot be read (not Linux, a thread that ended). */
    private static String readOrNull(java.nio.file.Path file) {
        try {
            // ISO-8859-1 reads any bytes (a thread's name may be UTF-8); the numbers and names looked for are ASCII
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        } catch (java.io.IOException gone) {
            return null;
        }
    }
}
