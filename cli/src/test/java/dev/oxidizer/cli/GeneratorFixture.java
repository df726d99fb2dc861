package dev.oxidizer.cli;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test support: compiles a small third-party-like class into a folder, as the generator's input. */
final class GeneratorFixture {
    private GeneratorFixture() {}

    static final String SOURCE = """
            package acme.math;

            import java.util.List;

            public class Stats {
                public static double mean(double[] values) {
                    double s = 0;
                    for (double v : values) {
                        s += v;
                    }
                    return values.length == 0 ? Double.NaN : s / values.length;
                }

                public static int clamp(int v) {
                    return Math.max(0, v);
                }

                public static long clamp(long v) {
                    return Math.max(0L, v);
                }

                public static int count(List<String> names) {
                    return names.size();
                }
            }
            """;

    /** Compiles {@link #SOURCE} with {@code -g} into {@code dir/classes}; returns that folder. */
    static Path compile(Path dir) throws IOException {
        Path src = dir.resolve("src/acme/math/Stats.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("fixture did not compile");
        }
        return classes;
    }
}
