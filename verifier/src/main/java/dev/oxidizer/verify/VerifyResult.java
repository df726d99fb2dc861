package dev.oxidizer.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.oxidizer.model.AtomicFiles;
import dev.oxidizer.model.MethodReport.PortResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of verifying one port, as written to {@code <port>/oxidizer-verify.json} (schema
 * {@code oxidizer-verify}, version 1), where {@code oxidizer report --ports} and {@code oxidizer demo} pick
 * it up.
 *
 * @param schema         {@link #SCHEMA}
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param methodKey      the ported method
 * @param crate          the Cargo package
 * @param testsRun       differential tests run
 * @param testsFailed    of which failed
 * @param failures       first line of each failure
 * @param bodyOrigin     who wrote the Rust body: {@code stub}, {@code auto} or {@code hand} (see {@link GeneratedPort#bodyOrigin()})
 * @param port           the figures as they go into the report model, with the speedup's interval and the verdict
 */
public record VerifyResult(String schema, int schemaVersion, String methodKey, String crate, int testsRun, int testsFailed,
                           List<String> failures, String bodyOrigin, PortResult port) {
    public static final String SCHEMA = "oxidizer-verify";
    /** 2: the speedup's interval and verdict in {@code port}, {@code bodyOrigin}; JMH's error bars gone. */
    public static final int SCHEMA_VERSION = 2;
    /** File name inside the port folder. */
    public static final String FILE_NAME = "oxidizer-verify.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public VerifyResult {
        failures = List.copyOf(failures == null ? List.of() : failures);
    }

    /** Writes the result into {@code portDir} atomically. */
    public Path write(Path portDir) throws IOException {
        Path file = portDir.resolve(FILE_NAME);
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(this));
        return file;
    }

    /** Reads {@code <portDir>/oxidizer-verify.json}. */
    public static VerifyResult read(Path portDir) throws VerifyException {
        Path file = portDir.resolve(FILE_NAME);
        try {
            VerifyResult r = MAPPER.readValue(file.toFile(), VerifyResult.class);
            if (!SCHEMA.equals(r.schema()) || r.schemaVersion() < 1 || r.schemaVersion() > SCHEMA_VERSION) {
                throw new VerifyException(VerifyException.Kind.BAD_INPUT, file + ": not an oxidizer-verify file of version 1 to " + SCHEMA_VERSION);
            }
            return r;
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, "cannot read " + file + " (" + e.getMessage()
                    + "); run 'oxidizer verify " + portDir + "' first", e);
        }
    }
}
