package dev.oxidizer.agent.core;

import java.util.List;

/**
 * Decides which classes and methods are instrumented: included by a user (or default) include glob, not
 * matched by an exclude glob, and never part of the JDK or of the agent itself.
 */
public final class MethodFilter {
    /** Packages never instrumented, whatever the globs say. */
    static final List<String> ALWAYS_EXCLUDED_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.ietf.jgss.", "org.w3c.dom.", "org.xml.sax.",
            "dev.oxidizer.agent.");

    private final List<MethodGlob> includes;
    private final List<MethodGlob> excludes;

    public MethodFilter(List<MethodGlob> includes, List<MethodGlob> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** Cheap test on the name alone, used before any class file is parsed. */
    public boolean mayInstrumentClass(String className) {
        if (className == null || isAlwaysExcluded(className)) {
            return false;
        }
        boolean included = false;
        for (MethodGlob g : includes) {
            if (g.matchesClass(className)) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (MethodGlob g : excludes) {
            if (g.allMethods() && g.matchesClass(className)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this method of an instrumentable class is included and not excluded. */
    public boolean instrumentMethod(String className, String methodName) {
        boolean included = false;
        for (MethodGlob g : includes) {
            if (g.matches(className, methodName)) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (MethodGlob g : excludes) {
            if (g.matches(className, methodName)) {
                return false;
            }
        }
        return true;
    }

    static boolean isAlwaysExcluded(String className) {
        for (String p : ALWAYS_EXCLUDED_PREFIXES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
