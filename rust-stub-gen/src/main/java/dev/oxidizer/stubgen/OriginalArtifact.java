package dev.oxidizer.stubgen;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Maven coordinates of the artifact holding the ported method's class, which the generated module's differential
 * test needs on its class path. Read from where the class file was found ({@link MethodSpec#source()}): a jar's single
 * {@code META-INF/maven/<g>/<a>/pom.properties} (every jar Maven builds has one), or for a folder
 * {@code <module>/target/classes} the {@code <module>/pom.xml} ({@code groupId} and {@code version} inherited from
 * {@code <parent>} when absent). Anything else, or a version that is a property ({@code ${revision}}), is unknown.
 */
public final class OriginalArtifact {
    private OriginalArtifact() {}

    /** The coordinates, or empty when they cannot be known from the class file's location. */
    public static Optional<MavenCoordinates> find(MethodSpec spec) {
        String source = spec.source();
        if (source == null) {
            return Optional.empty();
        }
        try {
            int bang = source.indexOf("!/");
            if (bang > 0) {
                return fromJar(Path.of(source.substring(0, bang)));
            }
            String rel = spec.className().replace('.', '/') + ".class";
            String normalized = source.replace('\\', '/');
            if (!normalized.endsWith(rel)) {
                return Optional.empty();
            }
            Path classes = Path.of(source.substring(0, source.length() - rel.length()));
            Path target = classes.getParent();
            // target/test-classes holds classes the module's artifact does not ship
            if (classes.getFileName() == null || !classes.getFileName().toString().equals("classes") || target == null
                    || target.getFileName() == null || !target.getFileName().toString().equals("target")) {
                return Optional.empty();
            }
            return fromPom(target.getParent().resolve("pom.xml"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<MavenCoordinates> fromJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> poms = new ArrayList<>();
            zip.stream().filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")).forEach(poms::add);
            if (poms.size() != 1) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(poms.getFirst())) {
                p.load(in);
            }
            return coordinates(p.getProperty("groupId"), p.getProperty("artifactId"), p.getProperty("version"));
        }
    }

    static Optional<MavenCoordinates> fromPom(Path pom) throws IOException {
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = f.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            Element parent = child(project, "parent");
            String group = text(project, "groupId");
            String version = text(project, "version");
            if (group == null && parent != null) {
                group = text(parent, "groupId");
            }
            if (version == null && parent != null) {
                version = text(parent, "version");
            }
            return coordinates(group, text(project, "artifactId"), version);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            return Optional.empty();
        }
    }

    private static Optional<MavenCoordinates> coordinates(String g, String a, String v) {
        if (g == null || a == null || v == null || (g + a + v).contains("${")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MavenCoordinates(g.strip(), a.strip(), v.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name.equals(e.getLocalName()) || name.equals(e.getTagName()))) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
