package dev.oxidizer.agent.runtime;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Opt-in capture of real calls (agent option {@code capture=GLOB}): for the chosen methods, a bounded sample of their
 * arguments (primitives, copies of primitive arrays up to {@code maxArray} elements, Strings) taken at entry and their
 * result or exception type at exit, kept in memory and written at the end of the run to a file beside the recording
 * (docs/formats/captures.md). The data may be user data: it never goes into the recording or a report.
 *
 * <p>Bounds: at most {@code maxCalls} captured calls per method and {@code maxBytes} of copies per method (so memory
 * is at most {@code maxBytes} times the captured methods; a call that would exceed it is not captured), 1 call in
 * {@code every} considered. Once a method's budget is spent, its calls cost a counter check (and the argument array
 * Byte Buddy builds for the advice). Copies are taken, nothing of the application's is changed or kept; the advice
 * suppresses everything it might throw.
 */
public final class ArgumentCapture {
    /** One captured call: copies of the arguments, then the result (or the exception's class name). */
    public static final class Call {
        public final int method;
        public final Object[] args;
        public Object result;
        public String thrown;
        public boolean complete;

        Call(int method, Object[] args) {
            this.method = method;
            this.args = args;
        }
    }

    private static volatile String[] keys = new String[16];
    private static int size;
    private static volatile AtomicLongArray seen = new AtomicLongArray(16);
    private static volatile AtomicLongArray taken = new AtomicLongArray(16);
    private static volatile AtomicLongArray methodBytes = new AtomicLongArray(16);
    private static final AtomicLong bytes = new AtomicLong();
    private static final AtomicInteger skippedTooLarge = new AtomicInteger();
    private static final ConcurrentLinkedQueue<Call> done = new ConcurrentLinkedQueue<>();
    private static final ThreadLocal<ArrayDeque<Call>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
    private static volatile int maxCalls = 200;
    private static volatile long maxBytes = 16L << 20;
    private static volatile int maxArray = 1 << 20;
    private static volatile int every = 1;

    private ArgumentCapture() {}

    /** Sets the budget (agent start). */
    public static void configure(int calls, long totalBytes, int arrayElements, int sampleEvery) {
        maxCalls = calls;
        maxBytes = totalBytes;
        maxArray = arrayElements;
        every = Math.max(1, sampleEvery);
    }

    /** Registers a captured method by key; returns its id. Transform time only. */
    public static synchronized int register(String methodKey) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(methodKey)) {
                return i;
            }
        }
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            seen = grow(seen, size * 2);
            taken = grow(taken, size * 2);
            methodBytes = grow(methodBytes, size * 2);
        }
        keys[size] = methodKey;
        return size++;
    }

    private static AtomicLongArray grow(AtomicLongArray a, int n) {
        AtomicLongArray b = new AtomicLongArray(n);
        for (int i = 0; i < a.length(); i++) {
            b.set(i, a.get(i));
        }
        return b;
    }

    /** At entry: true when this call is captured (its copies taken now, before the method can change them). */
    public static boolean enter(int id, Object[] args) {
        try {
            if (taken.get(id) >= maxCalls || methodBytes.get(id) >= maxBytes) {
                return false;
            }
            if ((seen.getAndIncrement(id) % every) != 0) {
                return false;
            }
            Object[] copy = new Object[args.length];
            long size = 16;
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                long n = a == null ? 0 : a instanceof String s ? s.length() : a.getClass().isArray()
                        ? java.lang.reflect.Array.getLength(a) : 0;
                if (a != null && a.getClass().isArray() && n > maxArray) {
                    skippedTooLarge.incrementAndGet();
                    return false;
                }
                copy[i] = copyOf(a);
                size += 16 + n * elementBytes(a);
            }
            if (methodBytes.get(id) + size > maxBytes || taken.incrementAndGet(id) > maxCalls) {
                return false;
            }
            methodBytes.addAndGet(id, size);
            bytes.addAndGet(size);
            OPEN.get().push(new Call(id, copy));
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /** At exit of a captured call: its result or exception. */
    public static void exit(Object result, Throwable thrown) {
        try {
            Call c = OPEN.get().pop();
            c.result = copyOf(result);
            c.thrown = thrown == null ? null : thrown.getClass().getName();
            c.complete = true;
            done.add(c);
        } catch (Throwable ignored) {
            // never into the application
        }
    }

    private static int elementBytes(Object a) {
        if (a instanceof String || a instanceof char[] || a instanceof short[]) return 2;
        if (a instanceof int[] || a instanceof float[]) return 4;
        if (a instanceof long[] || a instanceof double[]) return 8;
        return 1;
    }

    private static Object copyOf(Object a) {
        if (a instanceof boolean[] x) return x.clone();
        if (a instanceof byte[] x) return x.clone();
        if (a instanceof char[] x) return x.clone();
        if (a instanceof short[] x) return x.clone();
        if (a instanceof int[] x) return x.clone();
        if (a instanceof long[] x) return x.clone();
        if (a instanceof float[] x) return x.clone();
        if (a instanceof double[] x) return x.clone();
        return a; // boxed primitives and Strings are immutable; other objects are never captured (see Instrumenter)
    }

    /** The method key of an id. */
    public static String key(int id) {
        return keys[id];
    }

    /** The completed calls so far. */
    public static List<Call> calls() {
        return List.copyOf(done);
    }

    /** Bytes of copies taken. */
    public static long bytes() {
        return bytes.get();
    }

    /** Calls not captured because an array was larger than the limit. */
    public static int skippedTooLarge() {
        return skippedTooLarge.get();
    }
}
