package dev.oxidizer.agent.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The platform thread that runs the caller: a virtual thread's carrier, otherwise the thread itself. The probes
 * keep their counts per carrier, not per virtual thread: an application may start a million virtual threads,
 * and a state each (counters, histograms) would exhaust its heap. That is safe because a virtual thread leaves
 * its carrier only where it blocks, and the probes never block between finding their state and writing to it;
 * the one place that can block, {@code Probe.claim}, checks the carrier again before it returns.
 *
 * <p>{@code Thread.currentCarrierThread()} is not public: the agent opens {@code java.lang} to this module before
 * anything initialises this class (before the first probe runs). Where it cannot (or on JDK 17–20, which have no such method, and
 * JDK 17–18, which have no virtual threads) this falls back to {@code Thread.currentThread()}, and
 * {@link #perCarrier()} says so, for the agent's log.
 */
public final class Carrier {
    /** {@code () -> Thread}: {@code Thread.currentCarrierThread()}, or {@code Thread.currentThread()} without it. */
    static final MethodHandle CURRENT;
    /** Why the carrier thread cannot be reached (null when it can). */
    private static final String WHY_NOT;

    static {
        MethodType type = MethodType.methodType(Thread.class);
        MethodHandle carrier = null;
        String why = null;
        try {
            carrier = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "currentCarrierThread", type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // java.lang not opened to us, or a JDK without the method: per thread, as before virtual threads
            why = e.toString();
        }
        WHY_NOT = why;
        try {
            CURRENT = carrier != null ? carrier : MethodHandles.publicLookup().findStatic(Thread.class, "currentThread", type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Carrier() {}

    /** Why counts are not kept per carrier thread, or null if they are. */
    public static String whyNotPerCarrier() {
        return WHY_NOT;
    }

    /** Whether counts are kept per carrier thread (else per thread, including each virtual thread). */
    public static boolean perCarrier() {
        return WHY_NOT == null;
    }

    /** The platform thread running the caller (see the class comment). */
    static Thread current() {
        try {
            return (Thread) CURRENT.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t); // neither method throws
        }
    }
}
