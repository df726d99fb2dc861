package dev.oxidizer.analyzer;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark driver for analyzer/bench/run.sh (not a test): what {@code jdk.jfr} itself costs for the analyzer's
 * input, the floor no analysis built on {@code jdk.jfr.consumer} can go below. Streams one file on one thread the
 * way the analyzer does (unordered, reused event objects, the same event types subscribed) and prints one line
 * {@code floor_seconds=S events=N}.
 *
 * <ul>
 *   <li>{@code JfrFloorBench FILE}: handlers that only count events;</li>
 *   <li>{@code JfrFloorBench --touch FILE}: handlers that also read what any analysis of these events must read
 *       once: each event's start time, thread and stack trace, each distinct stack trace's frames and their
 *       methods (once per object, as the analyzer does), and the agent's histogram text;</li>
 *   <li>{@code JfrFloorBench --inflate FILE}: as {@code --touch}, and each histogram text base64-decoded and
 *       inflated (zlib), which any exact merge of the agent's compressed histograms must do, before adding a single
 *       count.</li>
 * </ul>
 * The line also holds the process's CPU time by thread role ({@code cpu_s}, {@code c2_s}, ...; see
 * {@link dev.oxidizer.analyzer.bench.AnalyzeBench#cpuByRole}).
 */
public final class JfrFloorBench {
    private JfrFloorBench() {}

    public static void main(String[] args) throws Exception {
        boolean inflate = args.length == 2 && args[0].equals("--inflate");
        boolean touch = inflate || args.length == 2 && args[0].equals("--touch");
        Path file = Path.of(args[args.length - 1]);
        long[] events = {0};
        long[] sink = {0};
        Map<RecordedStackTrace, Boolean> walked = new IdentityHashMap<>();
        long t0 = System.nanoTime();
        try (EventStream es = EventStream.openFile(file)) {
            es.setOrdered(false);
            es.setReuse(true);
            for (String name : EventKind.EVENTS) {
                es.onEvent(name, touch ? e -> {
                    events[0]++;
                    sink[0] += touch(e, walked, inflate);
                } : e -> events[0]++);
            }
            es.start();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "floor_seconds=%.2f events=%d%s%s%n", seconds, events[0], sink[0] == 42 ? " " : "",
                dev.oxidizer.analyzer.bench.AnalyzeBench.cpuByRole());
    }

    private static final java.util.zip.Inflater INFLATER = new java.util.zip.Inflater();
    private static final byte[] INFLATED = new byte[1 << 20];

    private static long touch(RecordedEvent e, Map<RecordedStackTrace, Boolean> walked, boolean inflate) {
        long x = e.getStartTime().getNano();
        if (e.hasField("eventThread") && e.getValue("eventThread") instanceof RecordedThread t) {
            x += t.getId();
        }
        if (e.hasField("stackTrace") && e.getValue("stackTrace") instanceof RecordedStackTrace st
                && walked.put(st, Boolean.TRUE) == null) {
            for (RecordedFrame f : st.getFrames()) {
                x += f.getMethod() == null ? 0 : 1;
            }
            if (walked.size() > 200_000) {
                walked.clear();
            }
        }
        if (e.hasField("histogram") && e.getValue("histogram") instanceof String h) {
            x += h.length();
            if (inflate && !h.isEmpty()) {
                x += inflate(java.util.Base64.getDecoder().decode(h));
            }
        }
        return x;
    }

    /** Inflates a compressed HdrHistogram's payload (after its 8-byte header) as the analyzer does; returns its size. */
    private static int inflate(byte[] compressed) {
        INFLATER.reset();
        INFLATER.setInput(compressed, 8, compressed.length - 8);
        try {
            int n = 0;
            while (!INFLATER.finished() && n < INFLATED.length) {
                int got = INFLATER.inflate(INFLATED, n, INFLATED.length - n);
                if (got == 0 && INFLATER.needsInput()) {
                    break;
                }
                n += got;
            }
            return n;
        } catch (java.util.zip.DataFormatException bad) {
            return 0;
        }
    }
}
