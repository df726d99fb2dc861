package dev.oxidizer.cli;

import picocli.CommandLine;

/** Version string from the jar manifest (set by the build), with the running JDK. */
final class Version implements CommandLine.IVersionProvider {
    static String oxidizerVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
                "oxidizer " + oxidizerVersion(),
                "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                        + System.getProperty("java.home")};
    }
}
