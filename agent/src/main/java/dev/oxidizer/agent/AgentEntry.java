package dev.oxidizer.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Entry point of the agent jar ({@code Premain-Class} and {@code Agent-Class}). Deliberately tiny and free
 * of dependencies: it never lets anything escape into the application. Any failure prints one line on
 * stderr and the application runs on without the agent.
 *
 * <p>With the option {@code bootstrap=on} it first puts the hot-path classes (package
 * {@code dev.oxidizer.agent.runtime} and the relocated HdrHistogram) on the bootstrap class path, so advice
 * inlined into a class of any class loader, even one that does not delegate to the application class loader,
 * can call them. It is off by default because the JVM then prints a CDS warning on stderr. It then hands over
 * to {@code dev.oxidizer.agent.core.OxidizerAgent} by reflection.
 */
public final class AgentEntry {
    private static final String CORE = "dev.oxidizer.agent.core.OxidizerAgent";
    private static final String[] BOOT_PREFIXES = {
            "dev/oxidizer/agent/runtime/", "dev/oxidizer/agent/shaded/org/HdrHistogram/"};

    private AgentEntry() {}

    /** Called for {@code -javaagent:oxidizer-agent.jar[=options]}. */
    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    /** Called when the agent is loaded into a running JVM (attach, or {@code detach} as the argument). */
    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        try {
            if (args != null && args.replace(" ", "").matches("(^|.*,)bootstrap=(on|true)(,.*|$)")) {
                installRuntimeOnBootClassPath(inst);
            }
            Class<?> core = Class.forName(CORE, true, AgentEntry.class.getClassLoader());
            core.getMethod("start", String.class, Instrumentation.class, boolean.class)
                    .invoke(null, args, inst, attached);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause() : t;
            System.err.println("oxidizer-agent: could not start (" + cause + "); the application runs without the agent");
        }
    }

    private static void installRuntimeOnBootClassPath(Instrumentation inst) throws IOException {
        try {
            Class.forName("dev.oxidizer.agent.runtime.Probe", false, null);
            return; // already there (a second attach into the same JVM)
        } catch (ClassNotFoundException expected) {
            // first load in this JVM
        }
        File self;
        try {
            self = new File(AgentEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IOException("cannot locate the agent jar: " + e, e);
        }
        Path bootJar = Files.createTempFile("oxidizer-runtime-", ".jar");
        bootJar.toFile().deleteOnExit();
        try (JarFile jar = new JarFile(self);
             OutputStream out = Files.newOutputStream(bootJar);
             JarOutputStream jout = new JarOutputStream(out)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || !startsWithAny(e.getName())) {
                    continue;
                }
                jout.putNextEntry(new JarEntry(e.getName()));
                try (InputStream in = jar.getInputStream(e)) {
                    in.transferTo(jout);
                }
                jout.closeEntry();
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(bootJar.toFile()));
    }

    private static boolean startsWithAny(String name) {
        for (String p : BOOT_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
