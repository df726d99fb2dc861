package dev.oxidizer.verify;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles a port's Java side (wrapper, differential test, JMH benchmark) in-process with the JDK's
 * compiler, running JMH's annotation processor so the benchmark's harness classes are generated.
 */
final class PortCompiler {
    private PortCompiler() {}

    /**
     * @param sourceRoots  folders of .java files
     * @param classPath    the application's classes plus JUnit and JMH
     * @param processorPath JMH's annotation processor and its dependencies
     * @param out          output folder (emptied first)
     */
    static void compile(List<Path> sourceRoots, List<Path> classPath, List<Path> processorPath, Path out) throws VerifyException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "no Java compiler in " + System.getProperty("java.home")
                    + "; run oxidizer with a JDK (not a JRE)");
        }
        List<Path> sources = new ArrayList<>();
        try {
            deleteRecursively(out);
            Files.createDirectories(out);
            for (Path root : sourceRoots) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot prepare " + out + ": " + e.getMessage(), e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-encoding", "UTF-8", "-proc:full",
                    "-classpath", join(classPath), "-processorpath", join(processorPath), "-nowarn");
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(5)
                        .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                                + d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("; "));
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "the port's Java side does not compile: " + errors
                        + (log.toString().isBlank() ? "" : " " + log.toString().strip()));
            }
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "javac failed: " + e.getMessage(), e);
        }
    }

    static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
