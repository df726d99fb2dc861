package dev.oxidizer.analyzer;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Timestamp;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/** The agent's event layout v1 (docs/formats/agent-events.md), re-declared so tests can write recordings without the agent. */
final class TestEvents {
    private TestEvents() {}

    @Name("oxidizer.AgentSession")
    static final class AgentSession extends Event {
        int formatVersion = 1;
        String agentVersion = "test";
        String sessionId;
        long pid;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long jvmStart;
        String mainClass;
        String options = "";
        int instrumentedMethods;
        double timerOverheadNs;
        long flushIntervalMs = 1000;
    }

    @Name("oxidizer.MethodProfile")
    static final class MethodProfile extends Event {
        int formatVersion = 1;
        String sessionId;
        int methodId;
        String className;
        String methodName;
        String descriptor;
        int modifiers;
        long invocations;
        long exceptional;
        long timedCount;
        String timingPolicy = "all";
        int samplingInterval = 1;
        String histogram;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long intervalStart;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long intervalEnd;
        long overheadNs;
    }

    /** Agent format v2 (docs/formats/agent-events.md): a form decided by a JIT limit or the budget. */
    @Name("oxidizer.MethodForm")
    static final class MethodForm extends Event {
        int formatVersion = 2;
        String sessionId;
        int methodId;
        String className;
        String methodName;
        String descriptor;
        int modifiers;
        String form;
        String previousForm = "";
        String reason;
        int bytecodeSize;
        int instrumentedSize;
        int limit;
    }

    /** Emits a MethodForm event for {@code key}. */
    static void form(String session, String key, int modifiers, String form, String reason) {
        MethodForm e = new MethodForm();
        int hash = key.indexOf('#');
        int paren = key.indexOf('(');
        e.sessionId = session;
        e.methodId = key.hashCode();
        e.className = key.substring(0, hash);
        e.methodName = key.substring(hash + 1, paren);
        e.descriptor = key.substring(paren);
        e.modifiers = modifiers;
        e.form = form;
        e.reason = reason;
        e.commit();
    }

    @Name("oxidizer.AgentOverhead")
    static final class AgentOverhead extends Event {
        int formatVersion = 1;
        String sessionId;
        long countedCalls;
        long timedCalls;
        double nsPerCountedCall;
        double nsPerTimedCall;
        long estimatedOverheadNs;
        long flushNs;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long intervalStart;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long intervalEnd;
    }

    static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), n));
    }

    /** A histogram of {@code count} values equal to {@code ns}. */
    static Histogram constant(long ns, long count) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(ns, count);
        return h;
    }

    /** Emits one MethodProfile for {@code key} ({@code pkg.Cls#name(desc)}) over [from, to] ms. */
    static void profile(String session, String key, int modifiers, long invocations, Histogram h, long fromMs, long toMs) {
        MethodProfile e = new MethodProfile();
        int hash = key.indexOf('#');
        int paren = key.indexOf('(');
        e.sessionId = session;
        e.methodId = key.hashCode();
        e.className = key.substring(0, hash);
        e.methodName = key.substring(hash + 1, paren);
        e.descriptor = key.substring(paren);
        e.modifiers = modifiers;
        e.invocations = invocations;
        e.timedCount = h == null ? 0 : h.getTotalCount();
        e.histogram = h == null ? "" : encode(h);
        e.timingPolicy = h == null ? "off" : "all";
        e.samplingInterval = h == null ? 0 : 1;
        e.intervalStart = fromMs;
        e.intervalEnd = toMs;
        e.commit();
    }

    static void session(String session, String mainClass, double timerOverheadNs) {
        AgentSession s = new AgentSession();
        s.sessionId = session;
        s.pid = ProcessHandle.current().pid();
        s.jvmStart = System.currentTimeMillis() - 1000;
        s.mainClass = mainClass;
        s.timerOverheadNs = timerOverheadNs;
        s.commit();
    }
}
