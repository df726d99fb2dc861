package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the probes' estimated cost within a share of the process's CPU (the {@code budget} option, 5 % by default).
 * At each flush it compares the interval's estimated probe cost (calibration × counts, the sum of the methods'
 * {@code overheadNs}) with the CPU the process used in the interval; over budget, it demotes the costliest methods
 * first, one step each per flush, until the estimate fits:
 * {@code timed → sampled → count} (timing masks, at once) {@code → entry → none} (by retransformation, through the
 * {@link Demoter}; at most one batch of retransformations per {@link #RECODE_COOLDOWN_NS}, and only for methods
 * whose probes cost at least {@link #RECODE_SHARE} of the budget). Each demotion is recorded ({@link MethodForms}, reason {@code budget}) and written as an
 * {@code oxidizer.MethodForm} event; a demoted method stays demoted for the rest of the session.
 *
 * <p>Threading: used by the flusher only, under its lock.
 */
final class CostBudget {
    /** Applies demotions that need the method's code changed ({@code entry}, {@code none}). */
    interface Demoter {
        void demote(List<Demotion> demotions);
    }

    /** One method to re-instrument with a smaller form. */
    record Demotion(int id, String className, String method, String form) {}

    private record Cost(int id, MethodTable.MethodInfo info, int mask, long invocations, long timed, long overheadNs,
                        double rate) {}

    private final double fraction;
    private final Calibration calibration;
    private final TimingPolicy policy;
    private final MethodForms forms;
    private final AgentLog log;
    private final List<Cost> costs = new ArrayList<>();
    private long lastCpuNs = -1;
    private Demoter demoter;
    /**
     * When the budget last re-instrumented classes ({@link System#nanoTime}), or null. A retransformation throws away
     * the class's compiled code and that of every method it was inlined into, and C2 then compiles it all again: on
     * the library bench two steps a second or two apart ({@code count -> entry -> none}) cost BZip2's sort 4-5 s of
     * C2 time against 0.7 s plain, and on Rhino and JavaParser such steps made a deoptimization storm (846 methods
     * made not entrant against 2 plain). So the budget retransforms at most once per {@link #RECODE_COOLDOWN_NS},
     * all classes chosen in that interval in one batch, and only for a method whose probes cost at least
     * {@link #RECODE_SHARE} of the budget; meanwhile it takes the cheap steps (timing masks) only.
     */
    private Long lastRecodeNs;
    /** The least time between two retransformations by the budget. */
    static final long RECODE_COOLDOWN_NS = 30_000_000_000L;
    /** The least share of the allowed CPU a method's probes must cost for the budget to retransform its class. */
    static final double RECODE_SHARE = 0.10;
    private final java.util.function.LongSupplier clock;

    CostBudget(double fraction, Calibration calibration, TimingPolicy policy, MethodForms forms, AgentLog log) {
        this(fraction, calibration, policy, forms, log, System::nanoTime);
    }

    /** With the clock the retransformation cooldown is measured on (tests). */
    CostBudget(double fraction, Calibration calibration, TimingPolicy policy, MethodForms forms, AgentLog log,
               java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.fraction = fraction;
        this.calibration = calibration;
        this.policy = policy;
        this.forms = forms;
        this.log = log;
    }

    void demoter(Demoter d) {
        this.demoter = d;
    }

    /** CPU time of the whole process so far, or -1 if unknown. */
    long processCpuNs() {
        return AgentCpu.processCpuNs();
    }

    void startInterval() {
        costs.clear();
    }

    /** One method's cost in the interval just ended. */
    void cost(int id, MethodTable.MethodInfo info, int mask, long invocations, long timed, long overheadNs,
              double seconds) {
        if (overheadNs > 0 && info.probe() != MethodTable.PROBE_NONE && info.probe() != MethodTable.PROBE_CALL_SITE) {
            costs.add(new Cost(id, info, mask, invocations, timed, overheadNs, invocations / Math.max(seconds, 1e-3)));
        }
    }

    /** Demotes methods if the interval's estimated cost exceeded the budget. */
    void enforce(long estimatedNs) {
        long cpu = processCpuNs();
        long used = lastCpuNs < 0 || cpu < 0 ? -1 : cpu - lastCpuNs;
        lastCpuNs = cpu;
        if (fraction <= 0 || used <= 0) {
            return;
        }
        double allowed = fraction * used;
        double excess = estimatedNs - allowed;
        if (excess <= 0) {
            return;
        }
        // A method whose probes cost under 1 % of the budget is not worth a demotion: it would save nothing.
        double negligible = allowed / 100;
        costs.sort(Comparator.comparingLong(Cost::overheadNs).reversed());
        List<Demotion> recode = new ArrayList<>();
        long now = clock.getAsLong();
        boolean mayRecode = lastRecodeNs == null || now - lastRecodeNs >= RECODE_COOLDOWN_NS;
        double full = calibration.fullNs;
        double counted = calibration.countedNs;
        double timedExtra = Math.max(0, calibration.timedNs - full);
        for (Cost c : costs) {
            if (excess <= 0 || c.overheadNs() < negligible) {
                break;
            }
            String from = MethodForms.formOf(c.info().probe(), c.mask());
            String to;
            double saving;
            if (c.info().probe() == MethodTable.PROBE_FULL && c.mask() != MethodTable.MASK_OFF) {
                int next = c.mask() == MethodTable.MASK_ALL ? policy.sampledMask(c.rate()) : MethodTable.MASK_OFF;
                if (next == c.mask()) {
                    next = MethodTable.MASK_OFF;
                }
                saving = c.timed() * timedExtra * (next == MethodTable.MASK_OFF ? 1 : 1 - 1.0 / (next + 1));
                MethodTable.setMask(c.id(), next);
                to = MethodForms.formOf(MethodTable.PROBE_FULL, next);
            } else if (demoter == null || !mayRecode || c.overheadNs() < RECODE_SHARE * allowed) {
                continue;
            } else if (c.info().probe() == MethodTable.PROBE_FULL) {
                to = MethodForms.ENTRY;
                saving = c.invocations() * Math.max(0, full - counted);
            } else {
                to = MethodForms.NONE;
                saving = c.overheadNs();
            }
            if (to.equals(MethodForms.ENTRY) || to.equals(MethodForms.NONE)) {
                recode.add(new Demotion(c.id(), c.info().className(), c.info().methodName() + c.info().descriptor(),
                        to));
            }
            forms.decided(c.id(), to, from, new MethodForms.Reason(MethodForms.BUDGET, 0, 0, 0));
            log.info("budget: " + c.info().key() + " " + from + " -> " + to + " (estimated " + c.overheadNs() / 1000
                    + " us of probes in the interval; the probes' estimate " + estimatedNs / 1000 + " us exceeds "
                    + Math.round(fraction * 100) + " % of the process's " + used / 1000 + " us of CPU)");
            excess -= saving;
        }
        if (!recode.isEmpty()) {
            lastRecodeNs = now;
            try {
                demoter.demote(recode);
            } catch (Throwable t) {
                log.warn("retransformation for the budget failed: " + t, t);
            }
        }
    }
}
