package dev.oxidizer.vocabulary;

import dev.oxidizer.vocabulary.fixture.Writers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayWritesTest {
    private static byte[] bytes(String binaryName) {
        try (InputStream in = ArrayWritesTest.class.getClassLoader().getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final ArrayWrites writes = new ArrayWrites(ArrayWritesTest::bytes);
    private final String cls = Writers.class.getName();

    @Test
    void aReadOnlyArrayIsNotWritten() {
        ArrayWrites.Facts f = writes.facts(cls, "sum", "([D)D");
        assertEquals(Set.of(), f.written());
        assertTrue(f.known());
    }

    @Test
    void anArrayStoreCountsAsWritten() {
        assertEquals(Set.of(0), writes.facts(cls, "normalizeInPlace", "([D)V").written());
    }

    @Test
    void aByteArrayHandedToAVarHandleViewCountsAsWritten() {
        assertEquals(Set.of(0), writes.facts(cls, "putLong", "([BJ)I").written());
    }

    @Test
    void writesThroughAPrivateHelperAreFollowed() {
        assertEquals(Set.of(0), writes.facts(cls, "fill", "([II)V").written());
    }

    @Test
    void namesComeFromTheClassFileWhenCompiledWithThem() {
        // the build compiles with -parameters or -g (maven-compiler-plugin's default debug info has the local variables)
        assertEquals(List.of("out", "v"), writes.facts(cls, "putLong", "([BJ)I").names());
    }

    @Test
    void anUnreadableClassIsUnknownAndTheGeneratorAssumesEveryArrayWritten() {
        assertNull(writes.facts("no.Such", "m", "([D)V"));
        ArrayWrites.Facts f = ArrayWrites.unknown("([DI[B)V");
        assertEquals(List.of("arg0", "arg1", "arg2"), f.names());
        assertEquals(Set.of(0, 2), f.written());
        assertFalse(f.known());
    }
}
