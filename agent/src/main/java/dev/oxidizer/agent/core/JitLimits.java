package dev.oxidizer.agent.core;

import java.lang.management.ManagementFactory;

/**
 * The running JVM's compiler limits that instrumentation must not push a method across, read once per session
 * through {@code HotSpotDiagnosticMXBean}.
 *
 * <ul>
 *   <li>{@code HugeMethodLimit} (8,000 bytes of bytecode) with {@code DontCompileHugeMethods} (on by default): a
 *   method larger than the limit is never compiled and runs interpreted for the life of the JVM.
 *   {@code HugeMethodLimit} is a {@code develop} flag, fixed at 8,000 in product builds and not readable there;
 *   the compiled-in value is used then ({@link #hugeFromFlag} says which).</li>
 *   <li>{@code FreqInlineSize} (325 bytes): the largest method C2 inlines at a hot call site.</li>
 *   <li>{@code MaxInlineSize} (35 bytes): the largest method inlined at any call site; read and logged, not
 *   enforced (docs/agent.md, "JIT limits": crossing it changes inlining only at call sites that are not hot).</li>
 * </ul>
 *
 * @param hugeMethodLimit       bytes of bytecode above which a method is not compiled (when enforced)
 * @param dontCompileHugeMethods whether the JVM enforces {@code hugeMethodLimit}
 * @param freqInlineSize        largest method inlined at a hot call site
 * @param maxInlineSize         largest method inlined at a cold call site
 * @param hugeFromFlag          whether {@code hugeMethodLimit} was read from the JVM (false: the product default)
 */
record JitLimits(int hugeMethodLimit, boolean dontCompileHugeMethods, int freqInlineSize, int maxInlineSize,
                 boolean hugeFromFlag) {

    /** HotSpot's defaults (x86-64 and AArch64), used where a flag cannot be read. */
    static final JitLimits HOTSPOT_DEFAULTS = new JitLimits(8000, true, 325, 35, false);

    /** The limits of this JVM; HotSpot's defaults for any flag it does not expose. Never throws. */
    static JitLimits read() {
        return read(null);
    }

    /**
     * The limits of this JVM, read through the JDK's own {@code HotSpotDiagnostic} bean when {@code inst} can open its
     * package to the agent ({@link JdkPackages}), else through {@code ManagementFactory}, whose first
     * call costs the agent's start about 50 ms; HotSpot's defaults for any flag it does not expose. Never throws.
     */
    static JitLimits read(java.lang.instrument.Instrumentation inst) {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean = inst == null ? null : direct(inst);
            if (bean == null) {
                bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            }
            if (bean == null) {
                return HOTSPOT_DEFAULTS;
            }
            Integer huge = intOption(bean, "HugeMethodLimit");
            Boolean dont = boolOption(bean, "DontCompileHugeMethods");
            Integer freq = intOption(bean, "FreqInlineSize");
            Integer max = intOption(bean, "MaxInlineSize");
            return new JitLimits(huge != null ? huge : HOTSPOT_DEFAULTS.hugeMethodLimit(),
                    dont != null ? dont : HOTSPOT_DEFAULTS.dontCompileHugeMethods(),
                    freq != null ? freq : HOTSPOT_DEFAULTS.freqInlineSize(),
                    max != null ? max : HOTSPOT_DEFAULTS.maxInlineSize(), huge != null);
        } catch (Throwable notHotSpot) { // no jdk.management module, another VM
            return HOTSPOT_DEFAULTS;
        }
    }

    /** jdk.management's bean, as the platform would create it (HotSpot, JDK 9 and later); null if not this layout. */
    private static com.sun.management.HotSpotDiagnosticMXBean direct(java.lang.instrument.Instrumentation inst) {
        try {
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            // its static initialiser loads the native library the flags are read through
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true, platform);
            Class<?> impl = Class.forName("com.sun.management.internal.HotSpotDiagnostic", false, platform);
            JdkPackages.openToAgent(inst, impl);
            java.lang.reflect.Constructor<?> c = impl.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance() instanceof com.sun.management.HotSpotDiagnosticMXBean b ? b : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThisLayout) {
            return null;
        }
    }

    private static Integer intOption(com.sun.management.HotSpotDiagnosticMXBean bean, String name) {
        try {
            return Integer.valueOf(bean.getVMOption(name).getValue());
        } catch (IllegalArgumentException notAvailable) { // develop flags in product builds, or not a number
            return null;
        }
    }

    private static Boolean boolOption(com.sun.management.HotSpotDiagnosticMXBean bean, String name) {
        try {
            return Boolean.valueOf(bean.getVMOption(name).getValue());
        } catch (IllegalArgumentException notAvailable) {
            return null;
        }
    }

    /** For the agent's log. */
    String describe() {
        return "HugeMethodLimit " + hugeMethodLimit + (hugeFromFlag ? "" : " (product default)")
                + ", DontCompileHugeMethods " + dontCompileHugeMethods + ", FreqInlineSize " + freqInlineSize
                + ", MaxInlineSize " + maxInlineSize;
    }
}
