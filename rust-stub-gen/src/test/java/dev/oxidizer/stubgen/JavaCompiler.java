package dev.oxidizer.stubgen;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Test support: compiles generated Java with {@code -Xlint:all -Werror} through javax.tools and loads it. */
final class JavaCompiler {
    private JavaCompiler() {}

    /** Compiles {@code sources} into {@code out} against this JVM's class path plus {@code extra}; fails the test with every diagnostic. */
    static void compile(List<Path> sources, Path out, List<Path> extra) {
        javax.tools.JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            Files.createDirectories(out);
            List<String> cp = new ArrayList<>();
            extra.forEach(p -> cp.add(p.toString()));
            cp.add(System.getProperty("java.class.path"));
            List<String> options = List.of("-Xlint:all", "-Werror", "-d", out.toString(), "-cp", String.join(File.pathSeparator, cp));
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
                StringBuilder sb = new StringBuilder("generated Java does not compile cleanly with -Xlint:all -Werror:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    sb.append(d.getKind()).append(' ').append(d.getSource() == null ? "" : d.getSource().getName())
                            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
                }
                fail(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over {@code roots}, child of this test's loader (which has JUnit and the fixtures). */
    static URLClassLoader loader(Path... roots) {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            try {
                urls[i] = roots[i].toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new URLClassLoader(urls, JavaCompiler.class.getClassLoader());
    }
}
