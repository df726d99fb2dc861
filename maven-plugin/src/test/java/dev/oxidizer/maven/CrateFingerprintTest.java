package dev.oxidizer.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CrateFingerprintTest {
    @TempDir
    Path crate;

    @Test
    void seesSourcesTheLockFileTheCommandTheToolchainAndCargoEnvironmentButNotBuildOutputs() throws Exception {
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");
        Files.writeString(crate.resolve("src/lib.rs"), "pub fn f() {}\n");
        Files.createDirectories(crate.resolve("target/release"));
        Files.createDirectories(crate.resolve("java/target"));
        Path module = crate.resolve("java");
        List<String> cmd = List.of("build", "--release");
        CrateFingerprint base = CrateFingerprint.of(crate, Set.of(module), cmd, "cargo 1.95", Map.of("PATH", "/bin"));
        assertEquals(2, base.files());

        Files.writeString(crate.resolve("target/release/libx.so"), "output");
        Files.writeString(crate.resolve("java/pom.xml"), "<project/>");
        assertEquals(base, CrateFingerprint.of(crate, Set.of(module), cmd, "cargo 1.95", Map.of("PATH", "/usr/bin")));

        assertEquals(List.of("changed toolchain"), CrateFingerprint.of(crate, Set.of(module), cmd, "cargo 1.96", Map.of()).changesSince(base, 5));
        assertEquals(List.of("changed command"), CrateFingerprint.of(crate, Set.of(module), List.of("build"), "cargo 1.95", Map.of()).changesSince(base, 5));
        assertEquals(List.of("added env:RUSTFLAGS"), CrateFingerprint.of(crate, Set.of(module), cmd, "cargo 1.95", Map.of("RUSTFLAGS", "-C target-cpu=native")).changesSince(base, 5));

        Files.writeString(crate.resolve("Cargo.lock"), "version = 4\n");
        Files.writeString(crate.resolve("src/lib.rs"), "pub fn f() { }\n");
        CrateFingerprint edited = CrateFingerprint.of(crate, Set.of(module), cmd, "cargo 1.95", Map.of());
        assertEquals(List.of("added Cargo.lock", "changed src/lib.rs"), edited.changesSince(base, 5));
        assertNotEquals(base.id(), edited.id());

        Path stamp = crate.resolve("stamp");
        edited.write(stamp);
        assertEquals(edited, CrateFingerprint.read(stamp));
    }
}
