package dev.oxidizer.analyzer;

import dev.oxidizer.vocabulary.ArrayWrites;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What the recorded application's class files say about a method: its parameter names and written arrays
 * ({@link #parameterFacts}), and which JDK method it calls at a bytecode index, read from the recorded JVM's class path (its
 * {@code jdk.InitialSystemProperty} {@code java.class.path}, relative entries resolved against its {@code user.dir},
 * jars' manifest {@code Class-Path} followed). A JIT intrinsic run as a stub from compiled code (System.arraycopy,
 * CRC32.update) leaves no frame of its own in JFR's stacks: its samples show on the calling method, at the index of the
 * call. Reading the invocations on that source line tells them apart from the method's own work (lines, because the
 * agent's probes shift bytecode indexes but not lines; a line that also holds other work is counted whole, which is the
 * precision of JFR's line numbers). When the class files are not where
 * the recording says (analysed on another machine, or rebuilt since), nothing is found and nothing changes.
 *
 * <p>Not thread-safe; one instance per analysis. Class files are parsed once.
 */
public final class StubCallSites implements AutoCloseable {
    private final List<Path> entries = new ArrayList<>();
    private final Map<String, Map<Integer, String>> byMethod = new HashMap<>();
    private final Map<Path, JarFile> jars = new HashMap<>();
    private final ArrayWrites arrayWrites = new ArrayWrites(this::classBytes);

    /** @param classPaths {java.class.path, user.dir} of each recording, either may be null */
    public StubCallSites(Collection<String[]> classPaths) {
        Set<Path> seen = new LinkedHashSet<>();
        for (String[] cp : classPaths) {
            if (cp[0] == null) {
                continue;
            }
            Path base = cp[1] == null ? Path.of("") : Path.of(cp[1]);
            for (String e : cp[0].split(java.io.File.pathSeparator)) {
                if (!e.isBlank()) {
                    addEntry(base.resolve(e).normalize(), seen);
                }
            }
        }
        entries.addAll(seen);
    }

    private void addEntry(Path p, Set<Path> seen) {
        if (!seen.add(p) || !p.toString().endsWith(".jar") || !Files.isRegularFile(p)) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            var manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String e : classPath.trim().split("\\s+")) {
                    if (!e.isBlank() && !e.contains(":")) {
                        addEntry(p.getParent() == null ? Path.of(e) : p.getParent().resolve(e).normalize(), seen);
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable jar holds nothing we can read
        }
    }

    /**
     * The JDK method ({@code binary.Class.method}) that {@code className.methodName(descriptor)} invokes on source line
     * {@code line} when it is backed by an intrinsic or stub ({@link JdkIntrinsics}); null otherwise or when the class
     * file cannot be read.
     */
    String intrinsicAt(String className, String methodName, String descriptor, int line) {
        if (descriptor == null || line < 0) {
            return null;
        }
        return invokes(className, methodName, descriptor).get(line);
    }

    /**
     * The parameter names and written array parameters of a method, from its class file ({@link ArrayWrites}, the
     * generator's own analysis); null when the class file is not found.
     */
    public ArrayWrites.Facts parameterFacts(String className, String methodName, String descriptor) {
        return arrayWrites.facts(className, methodName, descriptor);
    }

    private Map<Integer, String> invokes(String className, String methodName, String descriptor) {
        String key = className + "#" + methodName + descriptor;
        Map<Integer, String> found = byMethod.get(key);
        if (found != null) {
            return found;
        }
        found = new HashMap<>();
        byte[] bytes = classBytes(className);
        if (bytes != null) {
            try {
                ClassModel cm = ClassFile.of().parse(bytes);
                for (MethodModel m : cm.methods()) {
                    if (!m.methodName().equalsString(methodName) || !m.methodType().equalsString(descriptor) || m.code().isEmpty()) {
                        continue;
                    }
                    int line = -1;
                    for (CodeElement e : m.code().get()) {
                        if (e instanceof LineNumber ln) {
                            line = ln.line();
                        } else if (e instanceof InvokeInstruction inv && line >= 0) {
                            String owner = inv.owner().asInternalName().replace('/', '.');
                            String name = inv.name().stringValue();
                            if (JdkIntrinsics.matches(owner, name)) {
                                found.putIfAbsent(line, owner + "." + name);
                            }
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                // not a class file we can parse: nothing found
            }
        }
        byMethod.put(key, found);
        return found;
    }

    private byte[] classBytes(String className) {
        String resource = className.replace('.', '/') + ".class";
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry)) {
                    Path f = entry.resolve(resource);
                    if (Files.isRegularFile(f)) {
                        return Files.readAllBytes(f);
                    }
                } else {
                    JarFile jar = jars.get(entry);
                    if (jar == null) {
                        jar = new JarFile(entry.toFile());
                        jars.put(entry, jar);
                    }
                    ZipEntry ze = jar.getEntry(resource);
                    if (ze != null) {
                        try (InputStream in = jar.getInputStream(ze)) {
                            return in.readAllBytes();
                        }
                    }
                }
            } catch (IOException e) {
                // try the next entry
            }
        }
        return null;
    }

    @Override
    public void close() {
        for (JarFile j : jars.values()) {
            try {
                j.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
