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
        TrivialCallSites plan = TrivialCallSites.plan(bytes, trivial, name -> true, TrivialCallSitesTest::classFileOf);
        // neg is referenced by a method handle (CallSitesApp::neg), onlyReflective has no call site
        assertEquals(Set.of("isSpace(C)Z", "mix(J)J", "twice(I)I"), plan.counted());
    }

    @Test
    void methodsTheFilterExcludesAreNotCounted() throws IOException {
        byte[] bytes = classFile(example.app.CallSitesApp.class);
        TrivialCallSites plan = TrivialCallSites.plan(bytes, TrivialMethods.of(bytes), name -> !name.equals("mix"),
                TrivialCallSitesTest::classFileOf);
        assertEquals(Set.of("isSpace(C)Z", "twice(I)I"), plan.counted());
    }

    /** A nest member whose private trivial method only it calls. */
    static final class Nested {
        private static int inc(int x) {
            return x + 1;
        }

        static int use(int n) {
            int s = 0;
            for (int i = 0; i < n; i++) {
                s += inc(i) + Shared.dec(i);
            }
            return s;
        }
    }

    /** A nest member whose private trivial method a nest mate ({@link Nested#use}) calls directly. */
    static final class Shared {
        private static int dec(int x) {
            return x - 1;
        }

        static int self(int x) {
            return dec(x);
        }
    }

    private static byte[] classFileOf(String internalName) {
        try (InputStream in = TrivialCallSitesTest.class.getResourceAsStream("/" + internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void nestMatesAreReadAndAMethodANestMateCallsKeepsItsProbe() {
        String nested = TrivialCallSitesTest.class.getName().replace('.', '/') + "$Nested";
        byte[] bytes = classFileOf(nested);
        assertEquals(Set.of("inc(I)I"), TrivialCallSites.plan(bytes, TrivialMethods.of(bytes), name -> true,
                TrivialCallSitesTest::classFileOf).counted());
        byte[] shared = classFileOf(TrivialCallSitesTest.class.getName().replace('.', '/') + "$Shared");
        assertEquals(true, TrivialMethods.of(shared).contains("dec(I)I"));
        assertSame(TrivialCallSites.NONE, TrivialCallSites.plan(shared, TrivialMethods.of(shared), name -> true,
                TrivialCallSitesTest::classFileOf)); // Nested.use calls it
        // a nest mate whose class file cannot be read: nothing is counted at call sites
        assertSame(TrivialCallSites.NONE, TrivialCallSites.plan(bytes, TrivialMethods.of(bytes), name -> true,
                internalName -> internalName.equals(nested) ? bytes : null));
    }

    @Test
    void anUnreadableClassFileIsLeftToTheProbes() {
        assertSame(TrivialCallSites.NONE, TrivialCallSites.plan(new byte[] {1, 2, 3}, Set.of("x()V"), name -> true,
                TrivialCallSitesTest::classFileOf));
    }
}
