package dev.oxidizer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@link Report} as JSON.
 *
 * <p>Writing is deterministic (map keys sorted, fields in declaration order) and atomic (a temporary
 * file in the same folder, then a rename), so a reader never sees half a report. Reading checks
 * {@link Report#SCHEMA} and refuses a {@link Report#SCHEMA_VERSION} newer than this build's; unknown
 * fields are ignored so minor additions stay readable by older builds.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ReportJson() {}

    /** Serializes {@code report} to a JSON string. */
    public static String toJson(Report report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report model could not be serialized: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code report} to {@code file} atomically (see {@link AtomicFiles}), creating parent folders. */
    public static void write(Report report, Path file) throws IOException {
        AtomicFiles.write(file, toJson(report));
    }

    /** Parses a report from a JSON string; {@code origin} names the source in error messages. */
    public static Report fromJson(String json, String origin) throws ReportFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(origin + ": not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); expected an Oxidizer report written by 'oxidizer analyze --json'", e);
        }
        if (root == null || !root.isObject() || !Report.SCHEMA.equals(root.path("schema").asText(null))) {
            throw new ReportFormatException(origin + ": not an Oxidizer report (no \"schema\": \"" + Report.SCHEMA
                    + "\"); expected a file written by 'oxidizer analyze --json'");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version < 1 || version > Report.SCHEMA_VERSION) {
            throw new ReportFormatException(origin + ": report schema version " + version + " is not supported; this build reads 1 to "
                    + Report.SCHEMA_VERSION);
        }
        try {
            return MAPPER.treeToValue(root, Report.class);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(origin + ": malformed report: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a report file. */
    public static Report read(Path file) throws ReportFormatException, IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ReportFormatException(file + ": no such file; expected an Oxidizer report (.json)");
        }
        return fromJson(text, file.toString());
    }
}
