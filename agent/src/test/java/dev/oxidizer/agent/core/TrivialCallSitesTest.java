package dev.oxidizer.agent.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which trivial methods of real compiled classes are counted at their call sites, and which keep a probe. */
class TrivialCallSitesTest {
    private static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void privateTrivialMethodsWithCallSitesAreCountedThereAndOthersKeepTheirProbe() throws IOException {
        byte[] bytes = classFile(example.app.CallSitesApp.class);
        Set<String> trivial = TrivialMethods.of(bytes);
        TrivialCallSites plan = TrivialCallSites.plan(bytes, trivial, name -> true);
        // neg is referenced by a method handle (CallSitesApp::neg), onlyReflective has no call site
        assertEquals(Set.of("isSpace(C)Z", "mix(J)J", "twice(I)I"), plan.counted());
    }

    @Test
    void methodsTheFilterExcludesAreNotCounted() throws IOException {
        byte[] bytes = classFile(example.app.CallSitesApp.class);
        TrivialCallSites plan = TrivialCallSites.plan(bytes, TrivialMethods.of(bytes), name -> !name.equals("mix"));
        assertEquals(Set.of("isSpace(C)Z", "twice(I)I"), plan.counted());
    }

    /** A nest member: its nest mates may call {@code inc} directly, so its call sites are not all here. */
    static final class Nested {
        private static int inc(int x) {
            return x + 1;
        }

        static int use(int n) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                s += inc(i);
            }
            return s;
        }
    }

    @Test
    void aClassWithNestMatesIsLeftToTheProbes() throws IOException {
        byte[] bytes;
        try (InputStream in = Nested.class.getResourceAsStream("TrivialCallSitesTest$Nested.class")) {
            bytes = in.readAllBytes();
        }
        Set<String> trivial = TrivialMethods.of(bytes);
        assertEquals(true, trivial.contains("inc(I)I"));
        assertSame(TrivialCallSites.NONE, TrivialCallSites.plan(bytes, trivial, name -> true));
    }

    @Test
    void anUnreadableClassFileIsLeftToTheProbes() {
        assertSame(TrivialCallSites.NONE, TrivialCallSites.plan(new byte[] {1, 2, 3}, Set.of("x()V"), name -> true));
    }
}
