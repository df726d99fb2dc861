package dev.oxidizer.maven;

import dev.oxidizer.stubgen.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativePlatformTest {
    @Test
    void namesPlatformsAsTheGeneratorAndTheWrapperDo() {
        for (String os : List.of("Linux", "Mac OS X", "Windows 11", "FreeBSD")) {
            for (String arch : List.of("amd64", "x86_64", "aarch64", "arm64", "riscv64", "ppc64le")) {
                assertEquals(Platform.of(os, arch), NativePlatform.of(os, arch), os + " " + arch);
            }
        }
        assertEquals(Platform.current(), NativePlatform.current());
    }

    @Test
    void mapsRustTargetTriplesToTheNameAJvmThereComputes() {
        assertEquals("linux-x86_64", NativePlatform.ofTriple("x86_64-unknown-linux-gnu"));
        assertEquals("linux-aarch64", NativePlatform.ofTriple("aarch64-unknown-linux-musl"));
        assertEquals("macos-aarch64", NativePlatform.ofTriple("aarch64-apple-darwin"));
        assertEquals("windows-x86_64", NativePlatform.ofTriple("x86_64-pc-windows-msvc"));
        assertEquals("libx.dylib", NativePlatform.libraryFile("macos-aarch64", "x"));
        assertEquals("x.dll", NativePlatform.libraryFile("windows-x86_64", "x"));
        assertEquals("libx.so", NativePlatform.libraryFile("linux-riscv64", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativePlatform.ofTriple("wasm32-unknown-unknown"));
        assertTrue(e.getMessage().contains("architecture wasm32 is not supported"), e.getMessage());
    }
}
