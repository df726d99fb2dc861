package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader every generated wrapper nests ({@link NativeLibraryTemplate}), on a real shared library built by rustc:
 * extraction into the per-version cache and reuse, a tampered or truncated cached copy replaced, a damaged bundled
 * library refused, a read-only home falling back to {@code java.io.tmpdir}, nowhere writable named, a missing platform
 * named with the platforms that are bundled, and JVMs and threads extracting at the same moment.
 */
class NativeLibraryLoaderIT {
    private static final String CRATE = "oxprobe";
    private static final String FILE = System.mapLibraryName(CRATE);
    private static final String PLATFORM = Platform.current();

    @TempDir
    static Path shared;
    static Path classes;
    static byte[] library;
    static String sha;

    @TempDir
    Path work;

    /** Builds the probe library (one exported function returning 42) and compiles the template inside a harness. */
    @BeforeAll
    static void buildProbeAndHarness() throws Exception {
        Path src = shared.resolve("probe.rs");
        Files.writeString(src, "#[unsafe(no_mangle)]\npub extern \"C\" fn ox_probe() -> i32 { 42 }\n");
        Process rustc = new ProcessBuilder("rustc", "--edition", "2024", "--crate-type", "cdylib", "-O", "-o",
                shared.resolve(FILE).toString(), src.toString()).redirectErrorStream(true).start();
        String out = new String(rustc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rustc.waitFor(120, TimeUnit.SECONDS) && rustc.exitValue() == 0, "rustc failed:\n" + out);
        library = Files.readAllBytes(shared.resolve(FILE));
        sha = Names.sha256(library);

        Path harness = shared.resolve("src/probe/Harness.java");
        Files.createDirectories(harness.getParent());
        String imports = String.join("\n", NativeLibraryTemplate.imports());
        Files.writeString(harness, """
                package probe;

                %s
                import java.lang.foreign.FunctionDescriptor;
                import java.lang.foreign.Linker;
                import java.lang.invoke.MethodHandle;

                @SuppressWarnings("restricted")
                public final class Harness {
                    static final String CRATE = "%s";

                    /** Opens the library and calls its probe. */
                    public static int call() throws Throwable {
                        MethodHandle probe = Linker.nativeLinker().downcallHandle(Library.open().findOrThrow("ox_probe"),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT));
                        return (int) probe.invokeExact();
                    }

                    public static Path extractInto(Path cache, Path folder, String fileName, byte[] bytes, String sha) throws IOException {
                        return Library.extractInto(cache, folder, fileName, bytes, sha);
                    }

                    /** args: an instant to start at (ms since the epoch); prints the probe's result. */
                    public static void main(String[] args) throws Throwable {
                        long start = Long.parseLong(args[0]);
                        while (System.currentTimeMillis() < start) {
                            Thread.onSpinWait();
                        }
                        System.out.println("probe=" + call());
                    }

                %s}
                """.formatted(imports, CRATE, NativeLibraryTemplate.body().indent(4)));
        classes = shared.resolve("classes");
        JavaCompiler.compile(List.of(harness), classes, List.of());
    }

    @Test
    void extractsIntoAPrivatePerVersionFolderOnceAndReusesIt() throws Throwable {
        Path cache = work.resolve("cache");
        Path extracted = cache.resolve(CRATE).resolve(sha.substring(0, 16)).resolve(FILE);
        assertEquals(42, callWith(resources(library, sha), cache));
        assertArrayEquals(library, Files.readAllBytes(extracted));
        for (Path p = extracted.getParent(); !p.equals(cache.getParent()); p = p.getParent()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        var modified = Files.getLastModifiedTime(extracted);
        Thread.sleep(20);
        assertEquals(42, callWith(resources(library, sha), cache));
        assertEquals(modified, Files.getLastModifiedTime(extracted), "an intact copy is reused, not rewritten");
        assertEquals(List.of(FILE), list(extracted.getParent()), "no temporary file is left behind");
    }

    @Test
    void aTamperedOrTruncatedCachedCopyIsReplacedBeforeLoading() throws Throwable {
        Path cache = work.resolve("cache");
        Path res = resources(library, sha);
        assertEquals(42, callWith(res, cache));
        Path extracted = cache.resolve(CRATE).resolve(sha.substring(0, 16)).resolve(FILE);

        byte[] tampered = library.clone();
        tampered[tampered.length / 2] ^= 0x5a;
        // A new file, as another process would leave it: writing in place would corrupt this JVM's own mapping.
        Files.delete(extracted);
        Files.write(extracted, tampered);
        assertEquals(42, callWith(res, cache));
        assertArrayEquals(library, Files.readAllBytes(extracted), "the tampered copy was replaced");

        Files.delete(extracted);
        Files.write(extracted, Arrays.copyOf(library, library.length / 3));
        assertEquals(42, callWith(res, cache));
        assertArrayEquals(library, Files.readAllBytes(extracted), "the truncated copy was replaced");
        assertEquals(List.of(FILE), list(extracted.getParent()));
    }

    @Test
    void aDamagedBundledLibraryIsRefusedWithItsHashes() throws Throwable {
        Path cache = work.resolve("cache");
        UnsatisfiedLinkError truncated = linkError(resources(Arrays.copyOf(library, 1000), sha), cache);
        assertTrue(truncated.getMessage().contains("(1000 bytes) has SHA-256 ") && truncated.getMessage().contains("but its .sha256 says " + sha)
                && truncated.getMessage().contains("refusing to load it"), truncated.getMessage());
        UnsatisfiedLinkError wrongHash = linkError(resources(library, "0".repeat(64)), cache);
        assertTrue(wrongHash.getMessage().contains("but its .sha256 says " + "0".repeat(64)), wrongHash.getMessage());
        Path noHash = resources(library, sha);
        Files.delete(noHash.resolve("native/" + CRATE + "/" + PLATFORM + "/" + FILE + ".sha256"));
        UnsatisfiedLinkError missingHash = linkError(noHash, cache);
        assertTrue(missingHash.getMessage().contains(".sha256 is missing"), missingHash.getMessage());
        assertTrue(!Files.exists(cache.resolve(CRATE)), "nothing was extracted");
    }

    @Test
    void aMissingPlatformIsNamedWithThePlatformsTheJarBundles() throws Throwable {
        Path jar = work.resolve("other-platforms.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String dir : List.of("native/", "native/" + CRATE + "/", "native/" + CRATE + "/linux-riscv64/",
                    "native/" + CRATE + "/windows-aarch64/")) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
            for (String platform : List.of("linux-riscv64", "windows-aarch64")) {
                out.putNextEntry(new JarEntry("native/" + CRATE + "/" + platform + "/" + FILE));
                out.write(library);
                out.closeEntry();
            }
        }
        UnsatisfiedLinkError e = linkError(jar, work.resolve("cache"));
        assertTrue(e.getMessage().startsWith("Rust library " + FILE + " of crate " + CRATE + " not found for platform " + PLATFORM
                + "; tried class path resource /native/" + CRATE + "/" + PLATFORM + "/" + FILE), e.getMessage());
        assertTrue(e.getMessage().contains("the class path bundles it only for linux-riscv64, windows-aarch64"), e.getMessage());
    }

    @Test
    void aReadOnlyHomeFallsBackToTheTemporaryFolder() throws Exception {
        Path home = work.resolve("home");
        Files.createDirectories(home);
        // Root ignores permissions: a file where ~/.cache would go blocks it for every user.
        Files.writeString(home.resolve(".cache"), "not a folder");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path tmp = work.resolve("tmp");
        Files.createDirectories(tmp);
        Process p = fork(resources(library, sha), List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-Duser.name=alice"), 0);
        assertEquals("probe=42", output(p));
        Path extracted = tmp.resolve("oxidizer-native-alice").resolve(CRATE).resolve(sha.substring(0, 16)).resolve(FILE);
        assertArrayEquals(library, Files.readAllBytes(extracted));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void nowhereWritableIsOneErrorNamingEveryPlaceAndTheProperty() throws Exception {
        Path blocked = work.resolve("blocked");
        Files.writeString(blocked, "a file, so nothing can be created under it");
        Process p = fork(resources(library, sha), List.of("-Duser.home=" + blocked.resolve("home"),
                "-Djava.io.tmpdir=" + blocked.resolve("tmp"), "-Doxidizer.native.dir=" + blocked.resolve("cache")), 0);
        String out = output(p);
        assertTrue(out.contains("UnsatisfiedLinkError: cannot extract /native/" + CRATE + "/" + PLATFORM + "/" + FILE + " for platform " + PLATFORM)
                && out.contains(blocked.resolve("cache").toString()) && out.contains(blocked.resolve("home").toString())
                && out.contains("a new folder in " + blocked.resolve("tmp"))
                && out.contains("pass -Doxidizer.native.dir=<a folder only you can write>"), out);
    }

    @Test
    void aFolderOthersMayWriteIsMadePrivate() throws Throwable {
        Path cache = work.resolve("cache");
        Path folder = cache.resolve(CRATE).resolve(sha.substring(0, 16));
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(42, callWith(resources(library, sha), cache));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(folder));
    }

    @Test
    void aCacheFolderOwnedByAnotherUserIsSkipped() throws Exception {
        Assumptions.assumeTrue(System.getProperty("user.name").equals("root"), "only root can give a folder to another user");
        Path cache = work.resolve("theirs");
        Path folder = cache.resolve(CRATE).resolve(sha.substring(0, 16));
        Files.createDirectories(folder);
        var nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        for (Path p = folder; !p.equals(work); p = p.getParent()) {
            Files.setOwner(p, nobody);
        }
        Path home = work.resolve("home");
        Process p = fork(resources(library, sha), List.of("-Doxidizer.native.dir=" + cache, "-Duser.home=" + home), 0);
        assertEquals("probe=42", output(p));
        assertEquals(List.of(), list(folder), "nothing was left in the other user's folder");
        assertArrayEquals(library, Files.readAllBytes(home.resolve(".cache/oxidizer/native").resolve(CRATE)
                .resolve(sha.substring(0, 16)).resolve(FILE)));
    }

    @Test
    void threadsExtractingAtTheSameMomentAllGetTheIntactFile() throws Exception {
        try (URLClassLoader loader = JavaCompiler.loader(classes)) {
            Method extract = loader.loadClass("probe.Harness").getMethod("extractInto", Path.class, Path.class, String.class, byte[].class, String.class);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 10; round++) {
                    Path cache = work.resolve("race-" + round);
                    Path folder = cache.resolve(CRATE).resolve(sha.substring(0, 16));
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Path>> results = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        results.add(pool.submit(() -> {
                            go.await();
                            return (Path) extract.invoke(null, cache, folder, FILE, library, sha);
                        }));
                    }
                    go.countDown();
                    for (Future<Path> r : results) {
                        assertArrayEquals(library, Files.readAllBytes(r.get(60, TimeUnit.SECONDS)));
                    }
                    assertEquals(List.of(FILE), list(folder), "round " + round + ": exactly the library, no temporary files");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void jvmsStartingTogetherOnAnEmptyCacheAllLoadTheLibrary() throws Exception {
        Path cache = work.resolve("cache");
        Path res = resources(library, sha);
        long start = Instant.now().toEpochMilli() + 3000;
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jvms.add(fork(res, List.of("-Doxidizer.native.dir=" + cache), start));
        }
        for (Process p : jvms) {
            assertEquals("probe=42", output(p));
        }
        Path folder = cache.resolve(CRATE).resolve(sha.substring(0, 16));
        assertEquals(List.of(FILE), list(folder));
        assertArrayEquals(library, Files.readAllBytes(folder.resolve(FILE)));
    }

    // ---- support

    /** A class path root holding the library for this platform with {@code hash} as its .sha256. */
    private Path resources(byte[] bytes, String hash) throws IOException {
        Path root = Files.createTempDirectory(work, "res");
        Path dir = root.resolve("native/" + CRATE + "/" + PLATFORM);
        Files.createDirectories(dir);
        Files.write(dir.resolve(FILE), bytes);
        Files.writeString(dir.resolve(FILE + ".sha256"), hash + "  " + FILE + "\n");
        return root;
    }

    /** Loads the harness afresh over {@code resources}, with {@code cache} as oxidizer.native.dir, and calls the probe. */
    private static int callWith(Path resources, Path cache) throws Throwable {
        String before = System.setProperty("oxidizer.native.dir", cache.toString());
        try (URLClassLoader loader = JavaCompiler.loader(classes, resources)) {
            return (int) loader.loadClass("probe.Harness").getMethod("call").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (before == null) {
                System.clearProperty("oxidizer.native.dir");
            } else {
                System.setProperty("oxidizer.native.dir", before);
            }
        }
    }

    private static UnsatisfiedLinkError linkError(Path resources, Path cache) {
        Throwable t = assertThrows(Throwable.class, () -> callWith(resources, cache));
        return assertInstanceOf(UnsatisfiedLinkError.class, t);
    }

    private static Process fork(Path resources, List<String> properties, long startAt) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(properties);
        cmd.addAll(List.of("-cp", classes + java.io.File.pathSeparator + resources, "probe.Harness", Long.toString(startAt)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("XDG_CACHE_HOME");
        return pb.start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the forked JVM did not finish");
        return out;
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
