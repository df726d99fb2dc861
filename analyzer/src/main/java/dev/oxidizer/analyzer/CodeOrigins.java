package dev.oxidizer.analyzer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whose code a class is: the JDK's (the {@code sampling-only.excludePackages} prefixes), the Oxidizer agent's, the
 * application's own (class-name globs: the {@code application} setting, else the package of the main class the agent
 * saw, and its subpackages), or a dependency's (anything else). Without any application glob every non-JDK class is
 * taken as the application's.
 */
final class CodeOrigins {
    /** A class's origin. */
    enum Kind {
        APPLICATION("application"), DEPENDENCY("dependency"), JDK("jdk"), AGENT("agent");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final List<String> jdkPrefixes;
    private final List<String> applicationGlobs;
    private final List<Pattern> application;

    CodeOrigins(List<String> jdkPrefixes, List<String> applicationGlobs) {
        this.jdkPrefixes = List.copyOf(jdkPrefixes);
        this.applicationGlobs = List.copyOf(applicationGlobs);
        this.application = applicationGlobs.stream().map(Globs::compile).toList();
    }

    /** The application globs in force (empty: every non-JDK class is the application's). */
    List<String> applicationGlobs() {
        return applicationGlobs;
    }

    Kind kind(String className) {
        if (className.startsWith(Analyzer.AGENT_PACKAGE)) {
            return Kind.AGENT;
        }
        for (String p : jdkPrefixes) {
            if (className.startsWith(p)) {
                return Kind.JDK;
            }
        }
        if (application.isEmpty()) {
            return Kind.APPLICATION;
        }
        for (Pattern p : application) {
            if (p.matcher(className).matches()) {
                return Kind.APPLICATION;
            }
        }
        return Kind.DEPENDENCY;
    }

    /**
     * The application's globs derived from a main class name: its package and subpackages ({@code com.acme.app.**} for
     * {@code com.acme.app.Main}), as the agent's default include. Null for a jar path or a class in no package.
     */
    static String globOfMainClass(String mainClass) {
        if (mainClass == null || mainClass.isBlank() || mainClass.endsWith(".jar") || mainClass.contains("/")
                || mainClass.contains(" ")) {
            return null;
        }
        int dot = mainClass.lastIndexOf('.');
        return dot <= 0 ? null : mainClass.substring(0, dot) + ".**";
    }
}
