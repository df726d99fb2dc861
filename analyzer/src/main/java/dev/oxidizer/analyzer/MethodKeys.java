package dev.oxidizer.analyzer;

/** The method key used everywhere: {@code binary.ClassName#methodName(descriptor)}. */
final class MethodKeys {
    private MethodKeys() {}

    static String key(String className, String methodName, String descriptor) {
        return className + "#" + methodName + (descriptor == null ? "" : descriptor);
    }
}
