package dev.oxidizer.agent.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forms the JIT limits choose for methods of real compiled classes. */
class FormPlannerTest {
    private static final String RUN = "run([I[JI)J";

    private static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheCodeLengthOfEveryMethod() throws IOException {
        Map<String, Integer> sizes = CodeSizes.of(classFile(example.app.HugeLoopApp.class));
        int run = sizes.get(RUN);
        assertTrue(run > 7000 && run <= 8000, "the interpreter loop is just under HugeMethodLimit: " + run);
        assertEquals(23, sizes.get("mix(JI)J"), "" + sizes); // as javap -c shows
    }

    @Test
    void aMethodTheProbesWouldPushPastHugeMethodLimitIsCountedAtEntryOnlyAndItsCalleesKeepTheirProbe()
            throws IOException {
        byte[] bytes = classFile(example.app.HugeLoopApp.class);
        Set<String> trivial = TrivialMethods.of(bytes);
        TrivialCallSites sites = TrivialCallSites.plan(bytes, trivial, name -> true, name -> null);
        assertEquals(Set.of("mix(JI)J"), sites.counted());
        int added = sites.addedBytes(bytes).get(RUN);
        assertTrue(added > 500, "call-site counters in run: " + added);

        FormPlanner planner = new FormPlanner(JitLimits.HOTSPOT_DEFAULTS);
        Map<String, FormPlanner.Decision> d = planner.decide(CodeSizes.of(bytes), FormPlanner.shapes(bytes), trivial,
                sites.counted(), sites.addedBytes(bytes));
        FormPlanner.Decision run = d.get(RUN);
        assertEquals(MethodForms.ENTRY, run.form(), "" + d);
        assertEquals(MethodForms.HUGE, run.reason());
        assertEquals(8000, run.limit());
        assertTrue(run.estimatedBytes() > 8000, "" + run);

        // run's code stays unchanged, so mix is no longer counted at its call sites
        TrivialCallSites kept = TrivialCallSites.plan(bytes, trivial, name -> true, name -> null, Set.of(RUN));
        assertTrue(kept.counted().isEmpty(), "" + kept.counted());
        assertFalse(d.containsKey("main([Ljava/lang/String;)V"), "" + d);
    }

    @Test
    void aMethodThatCannotTakeEvenTheEntryProbeIsLeftOut() {
        FormPlanner planner = new FormPlanner(JitLimits.HOTSPOT_DEFAULTS);
        Map<String, FormPlanner.Decision> d = planner.decide(Map.of("big()V", 7995, "huge()V", 9000, "small()V", 300),
                Map.of("big()V", new FormPlanner.Shape(0, 1, true, 0, 0, 0), "huge()V", new FormPlanner.Shape(0, 1, true, 0, 0, 0),
                        "small()V", new FormPlanner.Shape(0, 1, false, 0, 0, 0)),
                Set.of(), Set.of(), Map.of());
        assertEquals(MethodForms.NONE, d.get("big()V").form());
        assertFalse(d.containsKey("huge()V"), "already above the limit: nothing to lose");
        // 300 bytes, no loop: the full probe would stop C2 inlining it at hot call sites
        assertEquals(MethodForms.ENTRY, d.get("small()V").form());
        assertEquals(MethodForms.INLINE, d.get("small()V").reason());
    }

    @Test
    void aMethodWithALoopMayGrowPastTheInliningSize() {
        FormPlanner planner = new FormPlanner(JitLimits.HOTSPOT_DEFAULTS);
        Map<String, FormPlanner.Decision> d = planner.decide(Map.of("loop()V", 300),
                Map.of("loop()V", new FormPlanner.Shape(0, 1, true, 0, 0, 0)), Set.of(), Set.of(), Map.of());
        assertTrue(d.isEmpty(), "" + d);
    }
}
