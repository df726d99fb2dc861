package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortPlannerTest {
    private static final String K = "dev.oxidizer.stubgen.fixture.Kernels";

    @Test
    void refusesCollectionsAndObjectsNamingEachPositionAndTheAlternatives() throws Exception {
        GeneratorException e = assertThrows(GeneratorException.class,
                () -> StubGenerator.generate(Fixtures.kernel("names"), GeneratorOptions.defaults()));
        assertEquals(GeneratorException.Kind.UNSUPPORTED, e.kind());
        String what = "cannot port " + K + "#names(Ljava/util/List;Ljava/lang/Object;)Ljava/util/List;: ";
        assertEquals(List.of(
                what + "parameter 1 'in' has type java.util.List<java.lang.String>, which cannot cross to Rust (a collection"
                        + " of objects has no memory layout Rust can read; pass a primitive array such as double[] instead); "
                        + PortPlanner.SUPPORTED,
                what + "parameter 2 'o' has type java.lang.Object, which cannot cross to Rust (an Object has no fixed layout;"
                        + " pass the primitives, arrays or Strings the method needs); " + PortPlanner.SUPPORTED,
                what + "the return type java.util.List<java.lang.String> cannot cross to Rust (a collection of objects has no"
                        + " memory layout Rust can read; pass a primitive array such as double[] instead); " + PortPlanner.SUPPORTED),
                e.problems());
    }

    @Test
    void refusesTwoDimensionalArraysSuggestingToFlattenThem() throws Exception {
        GeneratorException e = assertThrows(GeneratorException.class,
                () -> PortPlanner.plan(Fixtures.kernel("trace"), GeneratorOptions.defaults()));
        assertEquals("cannot port " + K + "#trace([[D)D: parameter 1 'm' has type double[][], which cannot cross to Rust"
                + " (flatten it into one primitive array and pass its dimensions as int parameters); " + PortPlanner.SUPPORTED, e.getMessage());
    }

    @Test
    void refusesAnInstanceMethodThatWritesItsReceiver() throws Exception {
        GeneratorException e = assertThrows(GeneratorException.class,
                () -> PortPlanner.plan(Fixtures.kernel("next"), GeneratorOptions.defaults()));
        assertEquals("cannot port " + K + "#next()I: it is an instance method and its receiver cannot be replaced by its fields"
                + " because it writes the field counter of its receiver; make it static, passing what it needs as parameters,"
                + " or port a static helper it calls", e.getMessage());
    }

    @Test
    void passesTheReceiversFieldsFirstForInstanceMethods() throws Exception {
        PortPlan p = PortPlanner.plan(Fixtures.kernel("score"), GeneratorOptions.defaults());
        assertEquals("pub fn score(this_weight: f64, x: f64) -> Result<f64, PortError>", p.rustSignature());
        assertEquals(List.of("thisWeight", "x"), p.args().stream().map(PortPlan.Arg::javaName).toList());
    }

    @Test
    void suffixesRustKeywords() throws Exception {
        PortPlan p = PortPlanner.plan(Fixtures.kernel("fn"), GeneratorOptions.defaults());
        assertEquals("pub fn fn_(type_: i32, self_: i32, loop_: i32) -> Result<i32, PortError>", p.rustSignature());
        PortPlan mix = PortPlanner.plan(Fixtures.kernel("mix"), GeneratorOptions.defaults());
        assertEquals("pub fn mix(flag: bool, b: i8, c: u16, s: i16, match_: i32, l: i64, f: f32, d: f64) -> Result<f64, PortError>",
                mix.rustSignature());
    }

    @Test
    void givesOverloadsDistinctStableNames() throws Exception {
        PortPlan i = PortPlanner.plan(Fixtures.kernel("clamp(I)I"), GeneratorOptions.defaults());
        PortPlan j = PortPlanner.plan(Fixtures.kernel("clamp(J)J"), GeneratorOptions.defaults());
        assertNotEquals(i.symbol(), j.symbol());
        assertEquals("ox_clamp_" + Names.shortHash(K + "#clamp(I)I"), i.symbol());
        assertEquals("kernels_clamp_int", i.crateName());
        assertEquals("kernels_clamp_long", j.crateName());
        assertEquals("KernelsClampIntRust", i.javaClass());
        assertEquals(i.symbol(), PortPlanner.plan(Fixtures.kernel("clamp(I)I"), GeneratorOptions.defaults()).symbol());
    }

    @Test
    void mapsArraysByMutationAndResultsByShape() throws Exception {
        assertEquals("pub fn scale(values: &mut [f64], factor: f64) -> Result<(), PortError>",
                PortPlanner.plan(Fixtures.kernel("scale"), GeneratorOptions.defaults()).rustSignature());
        assertEquals("pub fn sum_ints(xs: &[i32]) -> Result<i64, PortError>",
                PortPlanner.plan(Fixtures.kernel("sumInts"), GeneratorOptions.defaults()).rustSignature());
        assertEquals("pub fn greet(name: &str) -> Result<String, PortError>",
                PortPlanner.plan(Fixtures.kernel("greet"), GeneratorOptions.defaults()).rustSignature());
        assertEquals("pub fn reverse(bytes: &[i8]) -> Result<Vec<i8>, PortError>",
                PortPlanner.plan(Fixtures.kernel("reverse"), GeneratorOptions.defaults()).rustSignature());
    }

    @Test
    void choosesCriticalCallsOnlyForMeasuredShortCalls() throws Exception {
        MethodSpec spec = Fixtures.kernel("sumInts");
        assertEquals(MemoryMode.ARENA, PortPlanner.plan(spec, GeneratorOptions.defaults()).memory());
        assertEquals(MemoryMode.CRITICAL, PortPlanner.plan(spec.withMeasuredP99Ns(5_000L), GeneratorOptions.defaults()).memory());
        assertEquals(MemoryMode.ARENA, PortPlanner.plan(spec.withMeasuredP99Ns(2_000_000L), GeneratorOptions.defaults()).memory());
        assertEquals(MemoryMode.ARENA, PortPlanner.plan(spec.withMeasuredP99Ns(5_000L),
                GeneratorOptions.defaults().withMemory(MemoryMode.ARENA)).memory());
        assertEquals("measured p99 latency 5000 ns is at or below the critical-call limit of 100000 ns",
                PortPlanner.plan(spec.withMeasuredP99Ns(5_000L), GeneratorOptions.defaults()).memoryReason());
    }
}
