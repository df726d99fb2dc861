package dev.oxidizer.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An application in a named module (run with {@code --module-path} and {@code -m}): probes inlined into its classes call
 * the agent's runtime in the application class loader's unnamed module (the transformer adds a read edge where the
 * module cannot read it). Counts are exact and the output is unchanged.
 */
class ModularAppIT {
    @TempDir
    Path dir;

    @Test
    void aClassOfANamedModuleIsCountedExactly() throws Exception {
        Path src = dir.resolve("src/m.app");
        Files.createDirectories(src.resolve("m/app"));
        Files.writeString(src.resolve("module-info.java"), "module m.app { }\n");
        Files.writeString(src.resolve("m/app/Main.java"), """
                package m.app;
                public class Main {
                    static int mix(int x) {
                        int h = x * 0x9E3779B9;
                        for (int i = 0; i < 20; i++) {
                            h = Integer.rotateLeft(h ^ i, 5) * 31;
                        }
                        return h;
                    }
                    public static void main(String[] args) {
                        long s = 0;
                        for (int i = 0; i < 100_000; i++) {
                            s += mix(i);
                        }
                        System.out.println(s);
                    }
                }
                """);
        Path classes = dir.resolve("mods/m.app");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("module-info.java").toString(), src.resolve("m/app/Main.java").toString());
        assertEquals(0, rc, "the module compiles");

        Path out = dir.resolve("modular.jfr");
        List<String> agent = List.of("-javaagent:" + ForkedJvm.AGENT_JAR.toAbsolutePath() + "=output=" + out
                + ",include=m.app.**,budget=off");
        String plain = run(List.of()).strip();
        String instrumented = run(agent).strip();
        assertEquals(plain, instrumented, "the application's output is unchanged");
        assertEquals(100_000L, Recorded.read(out).invocations().get("m.app.Main#mix(I)I"),
                Files.readString(Path.of(out + ".log")));
        assertFalse(Files.readString(Path.of(out + ".log")).contains("not instrumented"));
    }

    private String run(List<String> jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ForkedJvm.JAVA.toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("--module-path", dir.resolve("mods").toString(), "-m", "m.app/m.app.Main"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + text);
        return text;
    }
}
