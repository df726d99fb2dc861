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

    /** How every hint names the file a reader expects. */
    static final String WRITTEN_BY = "expected an Oxidizer report written by 'oxidizer analyze -o FILE.json'";

    /**
     * Parses a report from a JSON string; {@code origin} names the source in error messages. Every refusal is one
     * line naming the file, what was wrong (empty, truncated at line L column C, not JSON, not a report, a newer
     * schema version, a field of the wrong shape) and what is accepted; no parser internals.
     */
    public static Report fromJson(String json, String origin) throws ReportFormatException {
        if (json.isBlank()) {
            throw new ReportFormatException(origin + ": the file is empty" + (json.isEmpty() ? "" : " (only white space)")
                    + "; " + WRITTEN_BY);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(origin + ": " + describe(e) + "; " + WRITTEN_BY, e);
        }
        if (root == null || !root.isObject()) {
            throw new ReportFormatException(origin + ": not an Oxidizer report (the JSON is " + kind(root)
                    + ", not an object); " + WRITTEN_BY);
        }
        if (!Report.SCHEMA.equals(root.path("schema").asText(null))) {
            throw new ReportFormatException(origin + ": not an Oxidizer report (no \"schema\": \"" + Report.SCHEMA
                    + "\"); " + WRITTEN_BY);
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version < 1 || version > Report.SCHEMA_VERSION) {
            throw new ReportFormatException(origin + ": report schema version " + root.path("schemaVersion")
                    + " is not supported; this build reads 1 to " + Report.SCHEMA_VERSION);
        }
        JsonNode methods = root.get("methods");
        if (methods == null || !methods.isArray()) {
            throw new ReportFormatException(origin + ": malformed report: \"methods\" is " + kind(methods)
                    + "; expected a list of methods (empty when nothing was analysed)");
        }
        for (int i = 0; i < methods.size(); i++) {
            if (!methods.get(i).isObject() || !methods.get(i).path("key").isTextual()) {
                throw new ReportFormatException(origin + ": malformed report: methods[" + i + "] is " + kind(methods.get(i))
                        + " without a \"key\"; expected a method object as 'oxidizer analyze' writes it");
            }
        }
        try {
            return MAPPER.treeToValue(root, Report.class);
        } catch (JsonProcessingException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? fieldPath(m) : "";
            throw new ReportFormatException(origin + ": malformed report" + (path.isEmpty() ? "" : " at " + path) + ": "
                    + firstClause(e.getOriginalMessage()) + "; " + WRITTEN_BY, e);
        }
    }

    /** One clause for a parse failure: truncated or not JSON, with its line and column, no parser internals. */
    private static String describe(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return "truncated: the JSON ends" + where + " before the report is complete (was it copied or written "
                    + "only in part?)";
        }
        return "not JSON" + where + " (" + firstClause(e.getOriginalMessage()) + ")";
    }

    /** A parser message up to its first line break or location detail ("(start marker at [Source: ..."). */
    private static String firstClause(String message) {
        if (message == null) {
            return "unreadable";
        }
        String s = message;
        for (String cut : new String[] {"\n", " (start marker", " at [Source", "(for ", " (through reference"}) {
            int i = s.indexOf(cut);
            if (i > 0) {
                s = s.substring(0, i);
            }
        }
        s = s.strip();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    private static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a report file. */
    public static Report read(Path file) throws ReportFormatException, IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ReportFormatException(file + ": no such file; " + WRITTEN_BY);
        }
        return fromJson(text, file.toString());
    }
}
