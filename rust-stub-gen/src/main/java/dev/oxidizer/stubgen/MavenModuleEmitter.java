package dev.oxidizer.stubgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emits {@code java/pom.xml}: a Maven module around the generated Java sources that builds the crate in {@code ..}
 * with {@code oxidizer-maven-plugin}, bundles the library into its jar, and runs the Rust tests and the differential
 * test. Fixed text: template {@code module-pom.xml.template}; versions: {@code build-versions.properties}, filled in
 * from the parent pom when Oxidizer is built. No absolute path is written: the crate is {@code ${project.basedir}/..}.
 *
 * <p>Coordinates of the module: the original's {@code groupId} when known (else the Java package),
 * {@code artifactId} the crate name with {@code -} for {@code _}, version {@code 0.1.0-SNAPSHOT}. The original class's
 * artifact is a test dependency (the differential test calls it); when it is unknown the dependency is written with
 * {@code FIXME} coordinates, and the build says so.
 */
final class MavenModuleEmitter {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    private static final String TEMPLATE = Templates.text("module-pom.xml.template");
    private static final Properties VERSIONS = versions();

    private final PortPlan plan;
    private final MavenCoordinates original;

    /**
     * @param plan     the port
     * @param original the artifact holding the original class, or null when unknown
     */
    MavenModuleEmitter(PortPlan plan, MavenCoordinates original) {
        this.plan = plan;
        this.original = original;
    }

    /** Coordinates the module is given. */
    MavenCoordinates coordinates() {
        String group = original != null ? original.groupId()
                : plan.javaPackage().isEmpty() ? "oxidizer.port" : plan.javaPackage();
        return new MavenCoordinates(group, plan.crateName().replace('_', '-').toLowerCase(Locale.ROOT), "0.1.0-SNAPSHOT");
    }

    /** Whether the differential test needs an artifact besides the JDK: not for ports of JDK methods. */
    boolean needsOriginal() {
        return !plan.javaPackage().startsWith("oxidizer.port.");
    }

    String emit() {
        MavenCoordinates self = coordinates();
        Map<String, String> values = new LinkedHashMap<>();
        VERSIONS.stringPropertyNames().forEach(k -> values.put(k, VERSIONS.getProperty(k)));
        values.put("methodKey", plan.method().key());
        values.put("simpleKey", plan.method().className().substring(plan.method().className().lastIndexOf('.') + 1)
                + "#" + plan.method().methodName());
        values.put("crate", plan.crateName());
        values.put("groupId", self.groupId());
        values.put("artifactId", self.artifactId());
        values.put("version", self.version());
        values.put("originalDependency", originalDependency());
        Matcher m = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("module-pom.xml.template: no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("originalDependency") ? v : xml(v)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String originalDependency() {
        if (!needsOriginal()) {
            return "    <!-- the original method is the JDK's: the differential test needs nothing more -->";
        }
        MavenCoordinates o = original != null ? original : new MavenCoordinates("FIXME", "FIXME", "FIXME");
        String comment = original != null
                ? "the artifact holding " + plan.method().className() + ", which the differential test compares the port with"
                : "FIXME: the artifact holding " + plan.method().className() + " (not found from the class path; generate with"
                + " the option original-artifact to set it), which the differential test compares the port with";
        return """
                    <!-- %s; not passed on to users of this jar -->
                    <dependency>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>%s</version>
                      <scope>test</scope>
                    </dependency>""".formatted(comment, o.groupId(), o.artifactId(), o.version()).indent(4).stripTrailing();
    }

    /** Only what XML cannot hold raw; every value is plain text. */
    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("--", "- -");
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = MavenModuleEmitter.class.getResourceAsStream("build-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/oxidizer/stubgen/build-versions.properties is missing from the generator's jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
