package dev.oxidizer.stubgen;

import java.util.regex.Pattern;

/**
 * A Maven artifact's {@code groupId:artifactId:version}.
 *
 * @param groupId    e.g. {@code com.acme}
 * @param artifactId e.g. {@code acme-stats}
 * @param version    e.g. {@code 1.4.0} or {@code 1.5.0-SNAPSHOT}
 */
public record MavenCoordinates(String groupId, String artifactId, String version) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.+-]+");

    public MavenCoordinates {
        for (String[] p : new String[][] {{"groupId", groupId}, {"artifactId", artifactId}, {"version", version}}) {
            if (p[1] == null || !PART.matcher(p[1]).matches()) {
                throw new IllegalArgumentException(p[0] + " '" + p[1] + "' is not accepted; expected letters, digits and . _ + -");
            }
        }
    }

    /** Parses {@code groupId:artifactId:version}. */
    public static MavenCoordinates parse(String gav) {
        String[] parts = gav.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + gav + "' is not groupId:artifactId:version, e.g. com.acme:acme-stats:1.4.0");
        }
        return new MavenCoordinates(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
