package dev.oxidizer.autoport;

/** Where the translator reads class files from: a class path, never a class loader (classes are read, not loaded). */
@FunctionalInterface
public interface ClassSource {
    /**
     * @param internalName e.g. {@code com/acme/Stats}
     * @return the class file's bytes, or null when the class path has no such class
     */
    byte[] read(String internalName);
}
