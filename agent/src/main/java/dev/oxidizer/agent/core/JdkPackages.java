package dev.oxidizer.agent.core;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Opens a package of the JDK's own management implementation ({@code jdk.management}'s
 * {@code com.sun.management.internal}) to the agent's module only, so that the agent can use a bean directly instead
 * of through {@code ManagementFactory} or the platform MBean server, whose first use costs the application's start
 * tens to hundreds of ms (docs/performance.md). Callers fall back to the public API when this fails.
 */
final class JdkPackages {
    private JdkPackages() {}

    /** Opens {@code jdkClass}'s package to the agent's module; throws what {@code redefineModule} throws. */
    static void openToAgent(Instrumentation inst, Class<?> jdkClass) {
        Module owner = jdkClass.getModule();
        Module self = JdkPackages.class.getModule();
        if (!owner.isOpen(jdkClass.getPackageName(), self)) {
            inst.redefineModule(owner, Set.of(), Map.of(), Map.of(jdkClass.getPackageName(), Set.of(self)), Set.of(), Map.of());
        }
    }
}
