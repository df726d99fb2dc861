package dev.oxidizer.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plugin reads from a crate's {@code Cargo.toml}: the package name and the library's name (the
 * {@code [lib] name}, else the package name with {@code -} as {@code _}), which is also the {@code <crate>} of the
 * resource path {@code native/<crate>/<os>-<arch>/}. Only these two keys are read, with the TOML subset Cargo.toml
 * files use for them ({@code name = "..."} under {@code [package]} and {@code [lib]}).
 *
 * @param dir     the crate folder, absolute
 * @param pkg     {@code [package] name}
 * @param libName the library's base name
 */
record CargoManifest(Path dir, String pkg, String libName) {
    private static final Pattern SECTION = Pattern.compile("(?m)^\\s*\\[([^\\]]+)]\\s*$");
    private static final Pattern NAME = Pattern.compile("(?m)^\\s*name\\s*=\\s*\"([A-Za-z0-9_-]+)\"");

    static CargoManifest read(Path crateDir) throws MojoExecutionException {
        Path dir = crateDir.toAbsolutePath().normalize();
        Path toml = dir.resolve("Cargo.toml");
        if (!Files.isRegularFile(toml)) {
            throw new MojoExecutionException(dir + " has no Cargo.toml; set <crate> to the Rust crate's folder (a module written by"
                    + " 'oxidizer generate' uses <crate>${project.basedir}/..</crate>)");
        }
        String text;
        try {
            text = Files.readString(toml);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + toml + ": " + e.getMessage(), e);
        }
        String pkg = nameIn(text, "package");
        if (pkg == null) {
            throw new MojoExecutionException(toml + " has no package name; expected name = \"...\" under [package]");
        }
        String lib = nameIn(text, "lib");
        return new CargoManifest(dir, pkg, lib != null ? lib : pkg.replace('-', '_'));
    }

    /** {@code name = "..."} inside {@code [section]}, or null. */
    private static String nameIn(String toml, String section) {
        Matcher s = SECTION.matcher(toml);
        while (s.find()) {
            if (s.group(1).strip().equals(section)) {
                int start = s.end();
                int end = s.find() ? s.start() : toml.length();
                Matcher n = NAME.matcher(toml.substring(start, end));
                return n.find() ? n.group(1) : null;
            }
        }
        return null;
    }
}
