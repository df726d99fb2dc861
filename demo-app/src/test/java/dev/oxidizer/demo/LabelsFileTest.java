package dev.oxidizer.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LabelsFileTest {

    private static final Set<String> RULES =
            Set.of("calls-per-day", "latency-path", "cpu-bound", "granularity", "portable-signature", "parallelism");
    private static final Pattern KEY = Pattern.compile("([\\w.$]+)#([\\w$]+)(\\(.*\\).+)");

    private static JsonNode labels() throws IOException {
        try (InputStream in = LabelsFileTest.class.getResourceAsStream("/dev/oxidizer/demo/labels.json")) {
            assertNotNull(in, "labels.json is not on the class path");
            return new ObjectMapper().readTree(in);
        }
    }

    /** Finds {@code key}'s method by name and JVM descriptor, or fails naming the key. */
    static Method resolve(String key) {
        Matcher m = KEY.matcher(key);
        assertTrue(m.matches(), "key '" + key + "' is not binary.ClassName#name(descriptor)");
        Class<?> type;
        try {
            type = Class.forName(m.group(1), false, LabelsFileTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("labelled class does not exist: " + key, e);
        }
        List<String> seen = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
            if (method.getName().equals(m.group(2)) && descriptor.equals(m.group(3))) {
                return method;
            }
            seen.add(method.getName() + descriptor);
        }
        throw new AssertionError("labelled method does not exist: " + key + "; " + type.getName() + " declares " + seen);
    }

    @Test
    void headerMatchesTheTeamContract() throws IOException {
        JsonNode root = labels();
        assertEquals("oxidizer-demo-labels", root.path("schema").asText());
        assertEquals(1, root.path("version").asInt());
        assertEquals("dev.oxidizer.demo.server.RequestHandler.handle", root.path("entryPoints").path(0).asText());
        assertEquals("request-worker-*", root.path("latencyThreads").path(0).asText());
        // The entry point named in the file must exist too.
        assertFalse(List.of(dev.oxidizer.demo.server.RequestHandler.class.getDeclaredMethods()).stream()
                .filter(x -> x.getName().equals("handle")).toList().isEmpty());
    }

    @Test
    void everyLabelledMethodExistsAsAStaticMethod() throws IOException {
        for (JsonNode entry : labels().path("methods")) {
            Method method = resolve(entry.path("key").asText());
            assertTrue(Modifier.isStatic(method.getModifiers()), entry.path("key").asText() + " should be static");
        }
    }

    @Test
    void resolvingFailsForAMethodThatDoesNotExist() {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> resolve("dev.oxidizer.demo.kernels.Stats#summarize([D)D"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> resolve("dev.oxidizer.demo.kernels.NoSuchClass#f()V"));
    }

    @Test
    void labelsAreWellFormedAndCoverEveryRejectionRule() throws IOException {
        Set<String> keys = new HashSet<>();
        Set<String> decoyRules = new HashSet<>();
        int candidates = 0;
        for (JsonNode entry : labels().path("methods")) {
            String key = entry.path("key").asText();
            assertTrue(keys.add(key), "duplicate key " + key);
            assertFalse(entry.path("why").asText().isBlank(), key + " has no why");
            switch (entry.path("label").asText()) {
                case "candidate" -> {
                    candidates++;
                    assertTrue(entry.path("rejectedBy").isMissingNode(), key + ": a candidate names no rejecting rule");
                }
                case "decoy" -> {
                    String rule = entry.path("rejectedBy").asText();
                    assertTrue(RULES.contains(rule), key + ": unknown rule '" + rule + "'");
                    decoyRules.add(rule);
                }
                default -> fail(key + ": label must be candidate or decoy, got " + entry.path("label"));
            }
        }
        assertEquals(4, candidates);
        assertEquals(Set.of("cpu-bound", "granularity", "calls-per-day", "portable-signature", "latency-path"), decoyRules);
    }
}
