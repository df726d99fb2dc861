package dev.oxidizer.agent.core;

import java.io.File;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the application's main class from {@code sun.java.command}: the first word is a class name, a
 * {@code module/class}, or a jar whose manifest names the {@code Main-Class}.
 */
public final class MainClassDetector {
    private MainClassDetector() {}

    /** The main class's binary name, or null when unknown. */
    public static String mainClass() {
        String command = System.getProperty("sun.java.command");
        if (command == null || command.isBlank()) {
            return null;
        }
        String first = command.trim().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            File f = new File(first);
            try (JarFile jar = new JarFile(f)) {
                Manifest m = jar.getManifest();
                String main = m == null ? null : m.getMainAttributes().getValue("Main-Class");
                return main == null ? null : main.trim();
            } catch (Exception e) {
                return null;
            }
        }
        int slash = first.indexOf('/');
        return slash >= 0 ? first.substring(slash + 1) : first;
    }

    /** The default include glob for a main class: its package and subpackages, or the default package. */
    public static String defaultInclude(String mainClass) {
        if (mainClass == null || mainClass.isBlank()) {
            return null;
        }
        int dot = mainClass.lastIndexOf('.');
        return dot < 0 ? "*" : mainClass.substring(0, dot) + ".**";
    }
}
