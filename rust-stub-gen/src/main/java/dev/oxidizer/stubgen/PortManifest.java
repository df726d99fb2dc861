package dev.oxidizer.stubgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The file between {@code oxidizer generate} and {@code oxidizer verify}: {@value #FILE_NAME} in the port folder
 * (schema {@value #SCHEMA}, version {@value #VERSION}; docs/formats/port-manifest.md). The generator writes it with the
 * other files; verify reads the method, the crate and the classes to compile and run from it, never from the sources.
 * Written deterministically (fields in declaration order, indented, no time stamp), so regenerating the same method
 * gives the same bytes.
 *
 * @param schema          {@value #SCHEMA}
 * @param schemaVersion   {@value #VERSION}
 * @param methodKey       the ported method, {@code pkg.Class#name(descriptor)}
 * @param crate           the Cargo package and library name
 * @param javaPackage     package of the generated Java classes ("" for the unnamed package)
 * @param wrapperClass    binary name of the FFM wrapper
 * @param testClass       binary name of the differential test
 * @param benchmarkClass  binary name of the JMH benchmark
 * @param pairedRunClass  binary name of the interleaved Java-against-Rust run verify measures with
 * @param memory          {@code critical} or {@code arena}
 * @param memoryReason    why that memory mode
 * @param bodyOrigin      who wrote {@code src/lib.rs} at generation: {@code stub} (the generated stub), {@code auto}
 *                        (an automatic port), {@code hand} (a hand-written body put in by a tool such as the demo).
 *                        Verify reports {@code hand} when {@code src/lib.rs} no longer has its generated hash
 * @param inputs          what the differential test and the benchmark run on
 */
public record PortManifest(String schema, int schemaVersion, String methodKey, String crate, String javaPackage,
                           String wrapperClass, String testClass, String benchmarkClass, String pairedRunClass,
                           String memory, String memoryReason, String bodyOrigin, Inputs inputs) {
    public static final String FILE_NAME = "oxidizer-port.json";
    public static final String SCHEMA = "oxidizer-port";
    public static final int VERSION = 1;
    /** Body origins. */
    public static final List<String> ORIGINS = List.of("stub", "auto", "hand");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * The inputs of the generated test and benchmark.
     *
     * @param source        {@code generated} (edge values and seeded random values only), {@code recorded-lengths}
     *                      (arrays and Strings of the lengths the agent recorded), {@code captured} (the captured calls)
     * @param capturedCalls calls replayed from a capture file (0 without one)
     * @param capturesFile  the capture file copied into the port, relative to the port folder; null without one
     * @param lengths       per parameter, the array or String lengths the benchmark uses (empty when generated)
     */
    public record Inputs(String source, int capturedCalls, String capturesFile, List<ParamLengths> lengths) {
        public Inputs {
            lengths = List.copyOf(lengths == null ? List.of() : lengths);
        }

        /** Only generated inputs. */
        public static Inputs generated() {
            return new Inputs("generated", 0, null, List.of());
        }
    }

    /**
     * Lengths of one array or String parameter.
     *
     * @param parameter 1-based position among the declared parameters
     * @param name      the parameter's Java name
     * @param lengths   the lengths used, in the order the benchmark cycles through them
     */
    public record ParamLengths(int parameter, String name, List<Integer> lengths) {
        public ParamLengths {
            lengths = List.copyOf(lengths);
        }
    }

    /** The manifest of a plan's files, inputs as given. */
    static PortManifest of(PortPlan plan, String bodyOrigin, Inputs inputs) {
        String prefix = plan.javaPackage().isEmpty() ? "" : plan.javaPackage() + ".";
        return new PortManifest(SCHEMA, VERSION, plan.method().key(), plan.crateName(), plan.javaPackage(),
                prefix + plan.javaClass(), prefix + plan.javaClass() + "DifferentialTest",
                prefix + plan.javaClass() + "Benchmark", prefix + plan.javaClass() + "PairedRun",
                plan.memory().option(), plan.memoryReason(), bodyOrigin, inputs);
    }

    /** The JSON text, deterministic. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("port manifest could not be serialized: " + e.getOriginalMessage(), e);
        }
    }

    /** This manifest with another body origin (a tool that puts a body in says so). */
    public PortManifest withBodyOrigin(String origin) {
        return new PortManifest(schema, schemaVersion, methodKey, crate, javaPackage, wrapperClass, testClass,
                benchmarkClass, pairedRunClass, memory, memoryReason, origin, inputs);
    }

    /**
     * Reads {@code <dir>/oxidizer-port.json}.
     *
     * @throws IllegalArgumentException one sentence naming the file and what is wrong with it (missing, not JSON, another
     *                                  schema, a newer version, a missing field)
     */
    public static PortManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + " has no " + FILE_NAME + "; expected a folder written by 'oxidizer generate' "
                    + "(regenerate ports made before the port manifest existed)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON (line " + e.getLocation().getLineNr()
                    + "); regenerate it with 'oxidizer generate'");
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException(file + " is not a port manifest (no \"schema\": \"" + SCHEMA + "\")");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException(file + ": port manifest version " + version + " is not supported; this build reads 1 to " + VERSION);
        }
        PortManifest m = MAPPER.treeToValue(root, PortManifest.class);
        for (String[] f : new String[][] {{"methodKey", m.methodKey()}, {"crate", m.crate()}, {"testClass", m.testClass()},
                {"benchmarkClass", m.benchmarkClass()}, {"pairedRunClass", m.pairedRunClass()}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new IllegalArgumentException(file + " lacks \"" + f[0] + "\"; regenerate it with 'oxidizer generate'");
            }
        }
        if (m.bodyOrigin() != null && !ORIGINS.contains(m.bodyOrigin())) {
            throw new IllegalArgumentException(file + ": bodyOrigin '" + m.bodyOrigin() + "' is not one of " + ORIGINS);
        }
        return m;
    }
}
