package dev.oxidizer.workloads.libraries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON documents through Jackson. */
public final class Documents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {}

    /** Renders a 256-line order document as JSON with Jackson. Label: library. */
    public static long render(int id, double[] values) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", "sku-" + i);
            line.put("price", values[i]);
            line.put("qty", i % 7);
            lines.add(line);
        }
        doc.put("lines", lines);
        try {
            return JSON.writeValueAsBytes(doc).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
