package dev.oxidizer.report;

import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens rendered reports from disk in real headless Chromium and checks what a reader sees and does:
 * ranking, sorting, filtering, charts, print and dark mode, no console errors, no network, and no script
 * from hostile names. Saves the README screenshot to docs/images/report.png.
 */
class ReportInBrowserIT {
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]*)\"");
    private static Path work;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        work = Path.of(System.getProperty("oxidizer.it.output", "target/it"));
        Files.createDirectories(work);
        browser = Chromium.start(work);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        Chromium.deleteProfiles(work);
    }

    private static Path render(Report r, String name) throws IOException {
        Path json = work.resolve(name + ".json");
        ReportJson.write(r, json);
        Path html = work.resolve(name + ".html");
        ReportToHtml.write(r, json, html);
        return html;
    }

    private static void open(Path html) {
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(html.toUri().toString());
    }

    private static List<String> rowKeys() {
        List<String> keys = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("#candidates-table tbody tr"))) {
            keys.add(tr.getDomAttribute("data-key"));
        }
        return keys;
    }

    private static List<Double> column(int index) {
        List<Double> v = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("#candidates-table tbody tr"))) {
            v.add(Double.parseDouble(tr.findElements(By.tagName("td")).get(index).getDomAttribute("data-sort")));
        }
        return v;
    }

    /** Console errors and every URL the page requested since the last call. */
    private static void assertNoErrorsAndNoNetwork() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
        assertEquals(List.of(), errors, "console errors or warnings");
        List<String> urls = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            String m = e.getMessage();
            if (m.contains("\"Network.requestWillBeSent\"")) {
                Matcher u = URL.matcher(m.substring(m.indexOf("\"request\"")));
                if (u.find()) {
                    urls.add(u.group(1));
                }
            }
        }
        assertTrue(!urls.isEmpty(), "the performance log shows the page's own request");
        for (String u : urls) {
            assertTrue(u.startsWith("file:") || u.startsWith("data:"), "network request " + u + " in " + urls);
        }
    }

    @Test
    void readerSeesTheRankingAndCanSortFilterAndReadTheCharts() throws Exception {
        Report report = TestReports.service();
        Path html = render(report, "service");
        open(html);
        assertEquals(report.candidates().stream().sorted(java.util.Comparator.comparing(m -> m.rank())).toList().getFirst().key(),
                rowKeys().getFirst(), "top candidate first");
        assertEquals("Curves.interpolate", browser.findElement(By.cssSelector("#candidates-table tbody tr td.name a")).getText());

        // sort by mean: ascending on first click, descending on the second
        WebElement mean = browser.findElement(By.xpath("//table[@id='candidates-table']//th[button[text()='Mean']]"));
        mean.findElement(By.tagName("button")).click();
        List<Double> asc = column(5);
        assertEquals(asc.stream().sorted().toList(), asc);
        assertEquals("ascending", mean.getDomAttribute("aria-sort"));
        mean.findElement(By.tagName("button")).click();
        List<Double> desc = column(5);
        assertEquals(desc.stream().sorted(java.util.Comparator.reverseOrder()).toList(), desc);
        assertEquals("descending", mean.getDomAttribute("aria-sort"));
        browser.findElement(By.xpath("//th[button[text()='Rank']]/button")).click();
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), column(0));

        // filter hides rows and their panels
        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("tokenizer");
        List<WebElement> rows = browser.findElements(By.cssSelector("#candidates-table tbody tr"));
        assertEquals(1, rows.stream().filter(WebElement::isDisplayed).count());
        assertTrue(rows.stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().getText().contains("Tokenizer.split"));
        assertEquals("1 of 5 shown", browser.findElement(By.id("filter-count")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("details.panel")).stream().filter(WebElement::isDisplayed).count());
        filter.clear();
        filter.sendKeys(" ");
        assertEquals(5, browser.findElements(By.cssSelector("#candidates-table tbody tr")).stream().filter(WebElement::isDisplayed).count());

        // charts of the open first panel are drawn with a real size
        WebElement chart = browser.findElement(By.cssSelector("details.panel[open] svg.latency"));
        assertTrue(chart.getSize().getWidth() > 200 && chart.getSize().getHeight() > 80, "chart size " + chart.getSize());
        Number curve = (Number) browser.executeScript("return arguments[0].querySelector('path.curve').getTotalLength()", chart);
        assertTrue(curve.doubleValue() > 100, "curve length " + curve);
        WebElement flame = browser.findElement(By.cssSelector("details.panel[open] svg.flame"));
        assertTrue(flame.getSize().getWidth() > 200 && flame.getSize().getHeight() > 30, "flame size " + flame.getSize());

        // a closed panel opens on click
        WebElement second = browser.findElements(By.cssSelector("details.panel")).get(1);
        second.findElement(By.tagName("summary")).click();
        assertTrue(second.findElement(By.cssSelector("svg.latency")).isDisplayed());

        // the method link opens its candidate's panel
        WebElement third = browser.findElements(By.cssSelector("#candidates-table tbody tr td.name a")).get(2);
        WebElement thirdPanel = browser.findElement(By.id(third.getDomAttribute("href").substring(1)));
        assertTrue(thirdPanel.getDomAttribute("open") == null, "third panel starts closed");
        third.click();
        assertTrue(thirdPanel.getDomAttribute("open") != null, "link opened the panel");

        // the copy button either copies or selects the command, without an error either way
        WebElement copy = second.findElement(By.cssSelector("button.copy"));
        copy.click();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (copy.getText().equals("Copy") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(List.of("Copied", "Select").contains(copy.getText()), "copy button says " + copy.getText());
        assertNoErrorsAndNoNetwork();

        screenshot();
    }

    @Test
    void printingExpandsEveryPanelAndDarkModeChangesColours() throws Exception {
        Path html = render(TestReports.service(), "service-media");
        open(html);
        String closedBody = "return document.querySelectorAll('details.panel')[3].getBoundingClientRect().height";
        assertTrue(((Number) browser.executeScript(closedBody)).doubleValue() < 80, "closed on screen");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertTrue(((Number) browser.executeScript(closedBody)).doubleValue() > 400, "expanded in print");
        assertEquals("none", browser.executeScript("return getComputedStyle(document.querySelector('.controls')).display"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "screen",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertEquals("rgb(20, 23, 28)", browser.executeScript("return getComputedStyle(document.documentElement).backgroundColor"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "screen",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        assertEquals("rgb(255, 255, 255)", browser.executeScript("return getComputedStyle(document.documentElement).backgroundColor"));
        assertNoErrorsAndNoNetwork();
    }

    @Test
    void realAgentReportOfTheDemoOpensCleanly() throws Exception {
        Report real = ReportToHtmlTest.demoAgent();
        open(render(real, "demo-agent"));
        assertEquals(real.candidates().getFirst().key(), rowKeys().getFirst(), "top candidate first");
        WebElement chart = browser.findElement(By.cssSelector("details.panel[open] svg.latency"));
        assertTrue(chart.getSize().getWidth() > 200 && chart.getSize().getHeight() > 80, "chart size " + chart.getSize());
        browser.findElement(By.id("filter")).sendKeys(real.candidates().getLast().methodName());
        assertTrue(browser.findElements(By.cssSelector("#candidates-table tbody tr")).stream().filter(WebElement::isDisplayed)
                .anyMatch(r -> real.candidates().getLast().key().equals(r.getDomAttribute("data-key"))));
        assertNoErrorsAndNoNetwork();
    }

    @Test
    void realSamplingOnlyReportOfTheDemoOpensCleanly() throws Exception {
        Report real = ReportToHtmlTest.demoSamplingOnly();
        open(render(real, "demo-sampling-only"));
        assertEquals(real.candidates().getFirst().key(), rowKeys().getFirst());
        browser.findElement(By.xpath("//th[button[text()='CPU saved/day']]/button")).click();
        List<Double> asc = column(2);
        assertEquals(asc.stream().sorted().toList(), asc);
        WebElement flame = browser.findElement(By.cssSelector("details.panel[open] svg.flame"));
        assertTrue(flame.getSize().getHeight() > 30, "flame size " + flame.getSize());
        assertNoErrorsAndNoNetwork();
    }

    @Test
    void twoThousandMethodsFitThePageAndNoWhyTextIsCut() throws Exception {
        Report large = LargeReports.of(2_000);
        Path html = render(large, "large-2000");
        assertTrue(Files.size(html) < LargeReportTest.BUDGET_BYTES, "page of " + Files.size(html) + " bytes");
        open(html);
        assertEquals(Boolean.TRUE, browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the page must not be wider than the window");
        assertEquals(Boolean.TRUE, browser.executeScript("var t = document.getElementById('rejected-table');"
                + "return t.getBoundingClientRect().width <= t.parentElement.clientWidth + 1"), "the rejected table fits its column");
        // no cell's content is wider than the cell (text cut or overflowing) in the rejected table
        Object overflowing = browser.executeScript("var bad = [];"
                + "document.querySelectorAll('#rejected-table td').forEach(function (td) {"
                + " if (td.scrollWidth > td.clientWidth + 1) { bad.push(td.textContent.slice(0, 80)); } });"
                + "return bad.slice(0, 5);");
        assertEquals(List.of(), overflowing, "cells whose text overflows");
        assertEquals((long) large.rejected().size(), browser.executeScript("return document.querySelectorAll('#rejected-table tbody tr').length"));
        browser.executeScript("document.getElementById('rejected').scrollIntoView(true)");
        Files.write(work.resolve("large-2000-rejected.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoErrorsAndNoNetwork();
    }

    @Test
    void hostileNamesRunNoScript() throws Exception {
        Path html = render(HostileNames.report(), "hostile");
        open(html);
        // open every panel and hover everything, so a payload hanging on an event handler would fire
        browser.executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });"
                + "document.querySelectorAll('*').forEach(function (e) {"
                + " ['mouseover', 'mouseenter', 'focus', 'click'].forEach(function (t) {"
                + "  if (t !== 'click' || e.tagName === 'TD') { e.dispatchEvent(new MouseEvent(t, {bubbles: true})); } }); });");
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#candidates-table td.name a"))).perform();
        browser.findElement(By.id("filter")).sendKeys("<script>");
        long shown = browser.findElements(By.cssSelector("#candidates-table tbody tr")).stream().filter(WebElement::isDisplayed).count();
        assertEquals(HostileNames.CLASS_NAMES.size(), shown, "every signature contains <script> as text");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "an alert fired");
        assertEquals(Boolean.TRUE, browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "a 4,000-character name must wrap, not widen the page");
        assertEquals(2L, browser.executeScript("return document.scripts.length"));
        assertEquals(HostileNames.report().methods().getFirst().key(),
                browser.executeScript("return JSON.parse(document.getElementById('oxidizer-report-model').textContent).methods[0].key"));
        assertNoErrorsAndNoNetwork();
    }

    /** The README picture: the top of the report at a laptop-sized window. */
    private static void screenshot() throws IOException {
        Path root = Path.of(System.getProperty("oxidizer.project.root", ".."));
        Path images = root.resolve("docs/images");
        Files.createDirectories(images);
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(12_000, height.intValue() + 200)));
        Files.write(work.resolve("report-full.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.executeScript("document.getElementById('filter').value=''; window.scrollTo(0, 0)");
        new Actions(browser).moveToLocation(1, 1).perform();
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        assertTrue(png.length < 400_000, "screenshot " + png.length + " bytes");
        Files.write(work.resolve("report.png"), png);
        Files.write(images.resolve("report.png"), png);
        // The first candidate's panel: rules, percentile chart, CPU vs wait, flame graph, break-even, command.
        WebElement panel = browser.findElement(By.cssSelector("details.panel"));
        browser.manage().window().setSize(new Dimension(1100, 1640));
        browser.executeScript("arguments[0].scrollIntoView(true)", panel);
        byte[] panelPng = browser.getScreenshotAs(OutputType.BYTES);
        assertTrue(panelPng.length < 400_000, "panel screenshot " + panelPng.length + " bytes");
        Files.write(images.resolve("report-panel.png"), panelPng);
    }
}
