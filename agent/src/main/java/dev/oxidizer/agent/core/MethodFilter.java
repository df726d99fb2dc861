package dev.oxidizer.agent.core;

import java.util.ArrayList;
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
    /**
     * Which globs have decided a method (set when an include lets one in or an exclude keeps one out), for the
     * end-of-run note of globs that matched nothing. Written racily by class-loading threads: a flag only goes
     * from false to true, and a late read only delays the note.
     */
    private final boolean[] includeUsed;
    private final boolean[] excludeUsed;

    public MethodFilter(List<MethodGlob> includes, List<MethodGlob> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.includeUsed = new boolean[this.includes.size()];
        this.excludeUsed = new boolean[this.excludes.size()];
    }

    /**
     * The globs that have matched no method so far, as {@code include=GLOB} or {@code exclude=GLOB}: most often a
     * typing mistake, such as a method written {@code Class.method} (a class glob, which matches no class) instead
     * of {@code Class#method}.
     */
    public List<String> unmatched() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < includes.size(); i++) {
            if (!includeUsed[i]) {
                out.add("include=" + includes.get(i));
            }
        }
        for (int i = 0; i < excludes.size(); i++) {
            if (!excludeUsed[i]) {
                out.add("exclude=" + excludes.get(i));
            }
        }
        return out;
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
        for (int i = 0; i < excludes.size(); i++) {
            MethodGlob g = excludes.get(i);
            if (g.allMethods() && g.matchesClass(className)) {
                excludeUsed[i] = true;
                return false;
            }
        }
        return true;
    }

    /** Whether this method of an instrumentable class is included and not excluded. */
    public boolean instrumentMethod(String className, String methodName) {
        int included = -1;
        for (int i = 0; i < includes.size(); i++) {
            if (includes.get(i).matches(className, methodName)) {
                included = i;
                break;
            }
        }
        if (included < 0) {
            return false;
        }
        for (int i = 0; i < excludes.size(); i++) {
            if (excludes.get(i).matches(className, methodName)) {
                excludeUsed[i] = true;
                return false;
            }
        }
        includeUsed[included] = true;
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
