package dev.oxidizer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which crossing cost applies to a method, and the field's round trip through JSON. */
class AssumptionsTest {

    @Test
    void primitiveOnlySignaturesGetThePlainCallCost() {
        Report.Assumptions a = new Report.Assumptions(2.0, 120.0, true, 9.0);
        assertEquals(9.0, a.ffmCallNsFor("(JI)D"));
        assertEquals(9.0, a.ffmCallNsFor("()V"));
        assertEquals(120.0, a.ffmCallNsFor("([D)D"), "an array is copied or pinned");
        assertEquals(120.0, a.ffmCallNsFor("(Ljava/lang/String;)I"));
        assertEquals(120.0, a.ffmCallNsFor("(J)Ljava/lang/Long;"), "a boxed result is an object");
        assertEquals(120.0, a.ffmCallNsFor(null));
        assertEquals(120.0, new Report.Assumptions(2.0, 120.0, true).ffmCallNsFor("(J)J"),
                "a report without the plain figure uses one cost for all");
        assertFalse(Report.Assumptions.plainValues("(J)"), "malformed");
        assertFalse(Report.Assumptions.plainValues("J)J"), "malformed");
        assertTrue(Report.Assumptions.plainValues("(ZBCSIJFD)Z"));
    }

    @Test
    void thePlainCallCostSurvivesTheJsonRoundTrip() throws Exception {
        Report r = new Report(Report.SCHEMA, Report.SCHEMA_VERSION, "2026-11-22T00:00:00Z", "test", null, "agent", null,
                java.util.List.of(), java.util.Map.of(), new Report.Assumptions(2.0, 120.0, true, 9.0), null,
                java.util.List.of(), java.util.List.of());
        Report back = ReportJson.fromJson(ReportJson.toJson(r), "r.json");
        assertEquals(9.0, back.assumptions().ffmPlainCallNs());
        assertEquals(r, back);
    }
}
