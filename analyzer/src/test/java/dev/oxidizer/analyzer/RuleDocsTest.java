package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.Rule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule the analyzer runs (found by ServiceLoader, plus the {@code covered-by-callee} pass over the verdicts) is
 * documented in docs/analyzer.md's rule table and among the report format's rule ids (docs/formats/report-json.md),
 * with each of its thresholds in the documented configuration.
 */
class RuleDocsTest {
    @Test
    void everyRuleAndThresholdIsDocumented() throws Exception {
        Path docs = Path.of("..", "docs");
        String analyzer = Files.readString(docs.resolve("analyzer.md"));
        String format = Files.readString(docs.resolve("formats/report-json.md"));
        List<String> ids = new ArrayList<>(List.of(CoveredByCallee.ID));
        List<String> thresholds = new ArrayList<>(List.of(CoveredByCallee.MIN_SHARE.key()));
        for (Rule r : ServiceLoader.load(Rule.class)) {
            ids.add(r.id());
            r.thresholds().forEach(t -> thresholds.add(t.key()));
        }
        assertTrue(ids.size() >= 10, ids.toString());
        for (String id : ids) {
            assertTrue(analyzer.contains("| `" + id + "` |"), "docs/analyzer.md has no row for rule " + id);
            assertTrue(format.contains("`" + id + "`"), "docs/formats/report-json.md does not name rule " + id);
        }
        for (String t : thresholds) {
            assertTrue(analyzer.contains("\n" + t + "="), "docs/analyzer.md's configuration does not list " + t);
        }
    }
}
