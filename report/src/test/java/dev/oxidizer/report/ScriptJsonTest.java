package dev.oxidizer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class ScriptJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void neutralisesEverySequenceThatEndsOrConfusesAScriptElement() throws Exception {
        String value = "</script><!-- a&b > c \u2028\u2029 </SCRIPT ü🦀";
        String raw = JSON.writeValueAsString(Map.of("k", value));
        String safe = ScriptJson.escape(raw);
        for (String bad : new String[] {"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(safe.contains(bad), "still contains " + bad + ": " + safe);
        }
        assertEquals(value, JSON.readTree(safe).get("k").asText(), "parses back to the same value");
    }

    @Test
    void returnsCleanTextUnchanged() {
        String clean = "{\"k\":\"plain\"}";
        assertSame(clean, ScriptJson.escape(clean));
    }
}
