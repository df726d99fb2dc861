package dev.oxidizer.verify;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a JUnit run reported, read from the legacy XML reports the console launcher writes
 * ({@code TEST-*.xml}: {@code testsuite} with {@code tests}, {@code failures}, {@code errors},
 * {@code skipped}; one {@code testcase} per test with a {@code failure} or {@code error} child).
 *
 * @param tests    tests run
 * @param failed   failures plus errors
 * @param skipped  skipped or aborted
 * @param messages the first line of each failure, "test name: message"
 */
record JUnitSummary(int tests, int failed, int skipped, List<String> messages) {

    static JUnitSummary read(Path reportsDir) throws VerifyException {
        int tests = 0, failed = 0, skipped = 0;
        List<String> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(reportsDir)) {
            List<Path> xmls = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
            if (xmls.isEmpty()) {
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "JUnit wrote no report in " + reportsDir);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Path xml : xmls) {
                Element suite = factory.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
                tests += intAttr(suite, "tests");
                failed += intAttr(suite, "failures") + intAttr(suite, "errors");
                skipped += intAttr(suite, "skipped");
                NodeList cases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    for (String tag : List.of("failure", "error")) {
                        NodeList problems = c.getElementsByTagName(tag);
                        if (problems.getLength() > 0) {
                            Element problem = (Element) problems.item(0);
                            String msg = problem.getAttribute("message");
                            if (msg.isBlank()) {
                                // errors (e.g. ExceptionInInitializerError) often carry no message: use the trace's first line
                                msg = problem.getTextContent().strip();
                            }
                            messages.add(c.getAttribute("name") + ": " + firstLine(msg));
                        }
                    }
                }
            }
        } catch (VerifyException e) {
            throw e;
        } catch (Exception e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot read JUnit's report in " + reportsDir + ": " + e.getMessage(), e);
        }
        return new JUnitSummary(tests, failed, skipped, List.copyOf(messages));
    }

    private static int intAttr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
