package dev.oxidizer.report;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders {@link HostileNames#report()} and proves, with a real HTML parser, that no markup got in. */
class HostileNamesTest {
    private static final Report HOSTILE = HostileNames.report();
    private static final String HTML = ReportToHtml.renderToString(HOSTILE, java.nio.file.Path.of("it's here/r.json"));
    private static final Document DOC = Jsoup.parse(HTML);

    /** Elements the template itself writes; anything else came from the data. */
    private static final Set<String> TEMPLATE_TAGS = Set.of("html", "head", "body", "meta", "title", "style", "script",
            "header", "h1", "h2", "h3", "p", "span", "nav", "a", "main", "section", "div", "ul", "ol", "li", "strong",
            "dl", "dt", "dd", "code", "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td",
            "label", "input", "button", "figure", "figcaption", "svg", "line", "text", "rect", "path", "circle", "g",
            "pre", "footer", "br", "#root");

    /** Attributes the template writes; SVG geometry ones only inside an svg element. */
    private static final Set<String> TEMPLATE_ATTRIBUTES = Set.of("class", "id", "href", "title", "lang", "charset",
            "name", "content", "http-equiv", "type", "role", "open", "scope", "for", "placeholder", "autocomplete",
            "spellcheck", "viewbox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "d",
            "dy", "text-anchor", "preserveaspectratio", "hidden");
    private static final Set<String> SVG_ATTRIBUTES = Set.of("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx",
            "d", "dy", "text-anchor", "preserveaspectratio", "viewbox");

    @Test
    void onlyThePagesOwnTwoScriptsExist() throws Exception {
        Elements scripts = DOC.select("script");
        assertEquals(2, scripts.size(), scripts.toString());
        assertEquals("application/json", scripts.get(0).attr("type"));
        assertEquals("oxidizer-report-model", scripts.get(0).id());
        String code = scripts.get(1).data();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(code.getBytes(StandardCharsets.UTF_8)));
        assertTrue(DOC.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")
                .contains("script-src 'sha256-" + hash + "'"), "the one executable script is the page's own, by hash");
        Matcher m = Pattern.compile("</script", Pattern.CASE_INSENSITIVE).matcher(HTML);
        int ends = 0;
        while (m.find()) {
            ends++;
        }
        assertEquals(2, ends, "no </script in the data");
    }

    @Test
    void noEventHandlerAttributesOrForeignElements() {
        for (Element e : DOC.getAllElements()) {
            assertTrue(TEMPLATE_TAGS.contains(e.tagName().toLowerCase(Locale.ROOT)), "injected element <" + e.tagName() + ">");
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), "event handler " + a + " on " + e.tagName());
                String key = a.getKey().toLowerCase(Locale.ROOT);
                boolean inSvg = e.closest("svg") != null;
                assertTrue(key.startsWith("data-") || key.startsWith("aria-") || TEMPLATE_ATTRIBUTES.contains(key)
                        && (inSvg || !SVG_ATTRIBUTES.contains(key)), "attribute from a payload: " + a + " on " + e.tagName());
            }
            if (e.hasAttr("href")) {
                assertTrue(e.attr("href").startsWith("#m-") || e.attr("href").matches("#[a-z]+"), e.attr("href"));
            }
        }
        assertTrue(DOC.select("img, iframe, object, embed, svg script, svg foreignObject").isEmpty());
    }

    @Test
    void namesArriveAsTextExactlyAsGiven() {
        Elements rows = DOC.select("#candidates-table tbody tr");
        assertEquals(HostileNames.CLASS_NAMES.size(), rows.size());
        List<MethodReport> candidates = HOSTILE.candidates();
        for (int i = 0; i < rows.size(); i++) {
            MethodReport m = candidates.get(i);
            assertEquals(m.key(), rows.get(i).attr("data-key"), "attribute round-trips");
            assertEquals(m.key(), rows.get(i).selectFirst("td.name a").attr("title"));
            assertEquals(m.javaSignature(), rows.get(i).selectFirst("td.name .sig").text());
        }
        assertEquals(HostileNames.SCRIPT_END + HostileNames.SVG_BREAK, DOC.selectFirst("h1 .app").text());
        assertTrue(DOC.title().endsWith(HostileNames.SCRIPT_END + HostileNames.SVG_BREAK), DOC.title());
        Element flame = DOC.selectFirst("details.panel svg.flame");
        assertTrue(flame.select("title").eachText().stream().anyMatch(t -> t.startsWith(HostileNames.SVG_BREAK + " — 60 samples")),
                flame.toString());
        assertTrue(DOC.select("#summary li").eachText().containsAll(
                List.of(HostileNames.SCRIPT_TAG, HostileNames.SCRIPT_END, HostileNames.SVG_BREAK, HostileNames.UNICODE)));
        assertTrue(DOC.selectFirst("details.panel").text().contains("\"><svg onload=alert(5)>"));
        assertTrue(DOC.text().contains(HostileNames.LONG), "very long name kept whole in the text");
    }

    @Test
    void embeddedModelHasNoMarkupAndParsesBackToTheSameReport() throws Exception {
        String raw = DOC.getElementById("oxidizer-report-model").data();
        assertFalse(raw.contains("<"), "no < at all in the embedded JSON");
        assertFalse(raw.contains(">"));
        assertFalse(raw.contains("&"));
        assertEquals(HOSTILE, ReportJson.fromJson(raw, "embedded"));
    }

    @Test
    void generateCommandsStaySingleShellWords() {
        for (Element code : DOC.select("details.panel .cmd code")) {
            String cmd = code.text();
            assertTrue(cmd.startsWith("oxidizer generate --report 'it'\\''s here/r.json' --candidate '"), cmd);
            assertTrue(cmd.matches(".* -o ports/m\\d+_onmouseover_alert_[a-z0-9_]+"), cmd);
        }
    }
}
