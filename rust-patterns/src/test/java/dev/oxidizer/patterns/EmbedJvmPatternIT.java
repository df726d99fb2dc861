package dev.oxidizer.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generates the host pattern (an int entry and a void main), builds the Rust binaries, and runs them against real
 * compiled Java classes: success with Unicode arguments, exit codes from Java, and every JVM failure with its own
 * exit code and message.
 */
class EmbedJvmPatternIT {
    static final String INT_CRATE = "app_host_it";
    static final String VOID_CRATE = "app_main_host_it";
    static Path dir;
    static Path good;
    static Path noMethod;
    static Path badInit;

    static final String APP = """
            package com.example.app;

            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class App {
                private App() {
                }

                public static int run(String[] args) throws Exception {
                    Files.writeString(Path.of(System.getProperty("out")), String.join("|", args) + "\\n", StandardCharsets.UTF_8);
                    if (args.length > 0 && args[0].equals("throw")) {
                        throw new IllegalStateException("boom from Java");
                    }
                    if (args.length > 0 && args[0].equals("exit")) {
                        return Integer.parseInt(args[1]);
                    }
                    return 0;
                }

                public static void main(String[] args) {
                    Thread t = new Thread(() -> {
                        try {
                            Thread.sleep(300);
                            Files.writeString(Path.of(System.getProperty("out")), "late thread ran " + args.length, StandardCharsets.UTF_8);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    t.setDaemon(false);
                    t.start();
                }
            }
            """;
    static final String APP_NO_METHOD = """
            package com.example.app;

            public final class App {
                private App() {
                }

                public int run(String[] args) {
                    return 1;
                }
            }
            """;
    static final String APP_BAD_INIT = """
            package com.example.app;

            public final class App {
                static final int VALUE = Integer.parseInt("not a number");

                private App() {
                }

                public static int run(String[] args) {
                    return VALUE;
                }
            }
            """;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        dir = ItSupport.workDir("host");
        PatternGenerator gen = new PatternGenerator();
        gen.generate(PatternKind.EMBED_JVM, new EmbedJvmSpec(INT_CRATE, "com.example.app.App", "run", true), dir.resolve("int"), false);
        gen.generate(PatternKind.EMBED_JVM, new EmbedJvmSpec(VOID_CRATE, "com.example.app.App", "main", false), dir.resolve("void"), false);
        ItSupport.cargoBuild(dir.resolve("int"));
        ItSupport.cargoBuild(dir.resolve("void"));
        good = compile("good", APP);
        noMethod = compile("nomethod", APP_NO_METHOD);
        badInit = compile("badinit", APP_BAD_INIT);
    }

    static Path compile(String name, String source) throws Exception {
        Path src = dir.resolve("src-" + name);
        ItSupport.writeSource(src, "com.example.app", "App", source);
        Path classes = dir.resolve("classes-" + name);
        ItSupport.compileJava(classes, src);
        return classes;
    }

    static ItSupport.Run host(String crate, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ItSupport.binary(crate).toString());
        cmd.addAll(List.of(args));
        return ItSupport.run(cmd, dir, env, Duration.ofMinutes(1));
    }

    static Map<String, String> jdk() {
        return Map.of("JAVA_HOME", ItSupport.javaHome().toString());
    }

    @Test
    void callsTheEntryWithUnicodeArgumentsAndExitsZero() throws Exception {
        Path out = dir.resolve("out-ok.txt");
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", good.toString(), "-J-Dout=" + out, "--", "plain", "wörld €", "𝄞", "");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("plain|wörld €|𝄞|\n", Files.readString(out, StandardCharsets.UTF_8), r::describe);
    }

    @Test
    void intEntryResultBecomesTheExitCode() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", good.toString(), "-J-Dout=" + dir.resolve("out-exit.txt"), "exit", "42");
        assertEquals(42, r.exitCode(), r::describe);
    }

    @Test
    void voidMainWaitsForNonDaemonThreadsBeforeExiting() throws Exception {
        Path out = dir.resolve("out-void.txt");
        ItSupport.Run r = host(VOID_CRATE, jdk(), "--classpath", good.toString(), "-J-Dout=" + out, "a", "b");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("late thread ran 2", Files.readString(out), r::describe);
    }

    @Test
    void javaExceptionExitsEightWithItsMessageAndStackTrace() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", good.toString(), "-J-Dout=" + dir.resolve("out-throw.txt"), "throw");
        assertEquals(8, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("error: com.example.app.App.run threw java.lang.IllegalStateException: boom from Java"), r::describe);
        assertTrue(r.stderr().contains("at com.example.app.App.run(App.java"), r::describe);
    }

    @Test
    void missingClassExitsSix() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", dir.resolve("nowhere").toString());
        assertEquals(6, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("class com.example.app.App not found on class path"), r::describe);
    }

    @Test
    void missingStaticEntryExitsSeven() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", noMethod.toString());
        assertEquals(7, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("method 'public static int run(String[])' not found in com.example.app.App"), r::describe);
    }

    @Test
    void failingStaticInitializerExitsEight() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", badInit.toString());
        assertEquals(8, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("initializing com.example.app.App threw java.lang.ExceptionInInitializerError"), r::describe);
        assertTrue(r.stderr().contains("NumberFormatException"), r::describe);
    }

    @Test
    void javaHomeWithoutLibjvmExitsThreeAndNamesIt() throws Exception {
        ItSupport.Run r = host(INT_CRATE, Map.of("JAVA_HOME", dir.resolve("no-jdk").toString()), "--classpath", good.toString());
        assertEquals(3, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("JAVA_HOME=" + dir.resolve("no-jdk") + " holds no libjvm"), r::describe);
        ItSupport.Run explicit = host(INT_CRATE, jdk(), "--jvm", dir.resolve("libjvm.so").toString());
        assertEquals(3, explicit.exitCode(), explicit::describe);
    }

    @Test
    void unloadableLibjvmExitsFour() throws Exception {
        Path fake = dir.resolve("fake-libjvm.so");
        Files.writeString(fake, "not a library");
        ItSupport.Run r = host(INT_CRATE, jdk(), "--jvm", fake.toString());
        assertEquals(4, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("cannot load " + fake), r::describe);
    }

    @Test
    void badJvmOptionExitsFive() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath", good.toString(), "-J-Xno-such-option");
        assertEquals(5, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("JNI_CreateJavaVM failed"), r::describe);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        ItSupport.Run r = host(INT_CRATE, jdk(), "--classpath");
        assertEquals(2, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("--classpath needs a value"), r::describe);
        ItSupport.Run unknown = host(INT_CRATE, jdk(), "--frobnicate");
        assertEquals(2, unknown.exitCode(), unknown::describe);
        ItSupport.Run help = host(INT_CRATE, jdk(), "--help");
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().startsWith("usage: " + INT_CRATE), help::describe);
    }

    @Test
    void withoutJavaHomePicksTheNewestJdkUnderUsrLibJvm() throws Exception {
        // Classes compiled for release 25: only the newest JDK on this machine can load them.
        Path out = dir.resolve("out-search.txt");
        ItSupport.Run r = host(INT_CRATE, Map.of("JAVA_HOME", ""), "--classpath", good.toString(), "-J-Dout=" + out, "found");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("found\n", Files.readString(out), r::describe);
    }
}
