package dev.oxidizer.agent.runtime;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lengths of array and String arguments, sampled: called at the entry of instrumented methods that take arrays or
 * Strings (one call per such parameter, code inserted by the agent's {@code InputRecording}), it looks at 1 call in
 * {@link #SAMPLE_EVERY} (a thread-local random draw: no shared write on the other calls) and records that argument's
 * length. Per parameter it keeps the count of sampled calls, the minimum, maximum and sum, and a uniform reservoir of
 * {@link #RESERVOIR} lengths, so the generated benchmark can use the sizes production sees. No argument's content is
 * ever read or kept.
 *
 * <p>Cost: on the 63 calls in 64 not sampled, a field read, a thread-local random draw and a compare (a few ns per
 * array parameter); on a sampled call, a short lock on the parameter's own statistics. After {@link #MAX_SAMPLES}
 * samples of a parameter (about 262,000 calls) only the field read remains: the lengths describe the first part of a
 * run. Never throws (an unknown id is caught like anything else).
 */
public final class ArgumentLengths {
    /** One call in this many is sampled. */
    public static final int SAMPLE_EVERY = 64;
    /** Lengths kept per parameter. */
    public static final int RESERVOIR = 64;
    /** Sampled calls per parameter after which it stops sampling (about 262,000 calls), so a hot method pays a field read. */
    public static final int MAX_SAMPLES = 4096;

    /** Statistics of one parameter; guarded by itself. */
    public static final class Stats {
        public final String methodKey;
        public final int parameter;
        public final String type;
        long samples;
        long nulls;
        /** Set once {@link #MAX_SAMPLES} were taken; read without a lock (a stale false costs one more sample). */
        boolean closed;
        int min = Integer.MAX_VALUE;
        int max = -1;
        long sum;
        final int[] reservoir = new int[RESERVOIR];

        Stats(String methodKey, int parameter, String type) {
            this.methodKey = methodKey;
            this.parameter = parameter;
            this.type = type;
        }

        synchronized void add(int length, ThreadLocalRandom r) {
            if (length < 0) {
                nulls++;
                return;
            }
            long n = samples++;
            if (samples >= MAX_SAMPLES) {
                closed = true;
            }
            min = Math.min(min, length);
            max = Math.max(max, length);
            sum += length;
            if (n < RESERVOIR) {
                reservoir[(int) n] = length;
            } else {
                long j = r.nextLong(n + 1);
                if (j < RESERVOIR) {
                    reservoir[(int) j] = length;
                }
            }
        }

        /** A copy for the reader: samples, nulls, min, max, sum, then the kept lengths. */
        public synchronized long[] snapshot() {
            int kept = (int) Math.min(samples, RESERVOIR);
            long[] s = new long[5 + kept];
            s[0] = samples;
            s[1] = nulls;
            s[2] = samples == 0 ? 0 : min;
            s[3] = samples == 0 ? 0 : max;
            s[4] = sum;
            for (int i = 0; i < kept; i++) {
                s[5 + i] = reservoir[i];
            }
            return s;
        }
    }

    private static volatile Stats[] table = new Stats[256];
    private static int size;

    private ArgumentLengths() {}

    /** Registers one array or String parameter (0-based among the declared ones); returns its id. Transform time only. */
    public static synchronized int register(String methodKey, int parameter, String type) {
        Stats[] t = table;
        if (size == t.length) {
            t = java.util.Arrays.copyOf(t, t.length * 2);
        }
        t[size] = new Stats(methodKey, parameter, type);
        table = t;
        return size++;
    }

    /** Samples the length of {@code value} (an array or a String, or null) for parameter {@code id}. Never throws. */
    public static void record(Object value, int id) {
        try {
            Stats st = table[id];
            if (st.closed) {
                return;
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            if ((r.nextInt() & (SAMPLE_EVERY - 1)) != 0) {
                return;
            }
            int length = value == null ? -1 : value instanceof String s ? s.length() : Array.getLength(value);
            st.add(length, r);
        } catch (Throwable ignored) {
            // never into the application
        }
    }

    /** Every registered parameter with at least one sample. */
    public static List<Stats> all() {
        List<Stats> out = new ArrayList<>();
        Stats[] t = table;
        for (Stats s : t) {
            if (s != null && s.snapshot()[0] > 0) {
                out.add(s);
            }
        }
        return out;
    }
}
