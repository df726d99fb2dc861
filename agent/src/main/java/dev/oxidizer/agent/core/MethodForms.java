package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instrumentation form of each method and why it has it, as recorded in {@code oxidizer.MethodProfile} and
 * {@code oxidizer.MethodForm} (docs/formats/agent-events.md, version 2). A method's form follows from its probe
 * kind and timing mask ({@link #formOf}); a reason is kept here when something other than the timing policy chose
 * it: a JIT limit at transform time, or the cost budget later. Every change is queued for the next flush, which
 * writes it as an {@code oxidizer.MethodForm} event.
 *
 * <p>Threading: all methods are synchronized; called at transform time (class-loading threads) and by the flusher.
 */
final class MethodForms {
    /** Every call timed. */
    static final String TIMED = "timed";
    /** One call in {@code samplingInterval} timed, every call counted. */
    static final String SAMPLED = "sampled";
    /** Every call and exceptional exit counted, none timed. */
    static final String COUNT = "count";
    /** Every call counted at entry (count-only probe, or at its call sites); exceptional exits not counted. */
    static final String ENTRY = "entry";
    /** Not instrumented: calls unknown. */
    static final String NONE = "none";

    /** Reason: would have crossed {@code HugeMethodLimit} (never compiled). */
    static final String HUGE = "huge-method-limit";
    /** Reason: would have crossed {@code FreqInlineSize} (no longer inlined at hot call sites). */
    static final String INLINE = "inline-limit";
    /** Reason: demoted because the agent's cost exceeded its budget. */
    static final String BUDGET = "budget";
    /** Reason: a trivial method (docs/agent.md), counted and never timed, or left out ({@code trivial=skip}). */
    static final String TRIVIAL = "trivial";
    /** Reason: outside the agent's {@code scope} ({@link Scope}): never instrumented, calls unknown. */
    static final String SCOPE = "scope";

    /** Why a method has its form, with the sizes that decided it (0 when no size did). */
    record Reason(String reason, int bytes, int estimatedBytes, int limit) {}

    /**
     * A change to write: method, new form, the form before ("" for the first decision), why. {@code method} names a
     * method that has no id (left out at transform time: {@link #leftOut}), else null.
     */
    record Change(int id, String form, String previous, Reason reason, long atMillis, Unregistered method) {
        Change(int id, String form, String previous, Reason reason, long atMillis) {
            this(id, form, previous, reason, atMillis, null);
        }
    }

    /** A method left out without an id: class (binary name), name, descriptor, access flags. */
    record Unregistered(String className, String methodName, String descriptor, int modifiers) {}

    /**
     * Classes (reason, then binary name) whose left-out methods {@link #leftOut} has queued, so that a retransformation
     * or a second class loader adds none; one entry per class, not per method, to keep it small.
     */
    private final java.util.Set<String> leftOutClasses = new java.util.HashSet<>();

    private final Map<Integer, Reason> reasons = new HashMap<>();
    private final List<Change> pending = new ArrayList<>();

    /** The form of a method from its probe kind and timing mask. */
    static String formOf(int probe, int mask) {
        return switch (probe) {
            case MethodTable.PROBE_NONE -> NONE;
            case MethodTable.PROBE_COUNT, MethodTable.PROBE_CALL_SITE -> ENTRY;
            default -> mask == MethodTable.MASK_ALL ? TIMED : mask == MethodTable.MASK_OFF ? COUNT : SAMPLED;
        };
    }

    /** Records a decision (transform time or budget) and queues it for the next flush. */
    synchronized void decided(int id, String form, String previous, Reason reason) {
        Reason known = reasons.get(id);
        if (known != null && known.reason().equals(reason.reason()) && previous.isEmpty()) {
            return; // the same decision again: a class loaded by a second loader, or retransformed
        }
        reasons.put(id, reason);
        pending.add(new Change(id, form, previous, reason, System.currentTimeMillis()));
    }

    /**
     * Records the methods of one class never instrumented (form {@code none}) for a reason decided at transform time
     * without giving them an id ({@link #SCOPE}, or {@link #TRIVIAL} with {@code trivial=skip}): no per-thread slot is
     * spent on them. Once per class and reason.
     */
    synchronized void leftOut(String className, List<Unregistered> methods, String reason) {
        if (!methods.isEmpty() && leftOutClasses.add(reason + ' ' + className)) {
            long now = System.currentTimeMillis();
            for (Unregistered m : methods) {
                pending.add(new Change(-1, NONE, "", new Reason(reason, 0, 0, 0), now, m));
            }
        }
    }

    /** The reason code of a method's form, "" for the default. */
    synchronized String reason(int id) {
        Reason r = reasons.get(id);
        return r == null ? "" : r.reason();
    }

    /** Whether the budget has demoted this method (the timing policy then leaves its mask alone). */
    synchronized boolean pinned(int id) {
        Reason r = reasons.get(id);
        return r != null && r.reason().equals(BUDGET);
    }

    /** The changes since the last call (flusher). */
    synchronized List<Change> drain() {
        List<Change> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }
}
