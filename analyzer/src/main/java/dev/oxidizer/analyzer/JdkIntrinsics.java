package dev.oxidizer.analyzer;

import java.util.List;

/**
 * JDK methods whose work HotSpot does in a JIT intrinsic or a native stub: string coding, digests and checksums,
 * array copies and comparisons, number parsing and formatting, BigInteger arithmetic, AES and GHASH, Base64, zlib.
 * Time a method spends inside them is not portable work: a Rust port would have to reimplement the JDK's
 * vectorised (SHA-NI, CLMUL, AES-NI, AVX) code and would likely lose to it, and a wrapper passing a String still
 * calls the JDK's encoder. Frames are matched as {@code binary.Class.method} prefixes, against the JDK method the
 * application's (or library's) code called: the outermost JDK frame of a sample.
 *
 * <p>An intrinsic the JIT runs as a stub from compiled code (System.arraycopy, CRC32.update) leaves no frame of its
 * own in JFR's stacks, so its time shows as the caller's: {@code StubCallSites} finds those from the caller's bytecode.
 * Single-instruction intrinsics (Math.sqrt, Math.fma, Long.bitCount) are deliberately absent: a port compiles to the
 * same instruction.
 */
final class JdkIntrinsics {
    private JdkIntrinsics() {}

    /** Frame prefixes ({@code Class.method} or a package / class prefix). */
    static final List<String> PREFIXES = List.of(
            // string coding
            "java.lang.String.getBytes", "java.lang.String.<init>", "java.lang.String.encode", "java.lang.String.decode",
            "java.lang.StringCoding.", "java.lang.StringLatin1.", "java.lang.StringUTF16.", "sun.nio.cs.",
            "java.lang.String.equals", "java.lang.String.indexOf", "java.lang.String.compareTo",
            "java.lang.String.regionMatches", "java.lang.String.contentEquals", "java.lang.String.toCharArray",
            "java.lang.String.getChars",
            // digests, checksums, ciphers
            "sun.security.provider.", "java.security.MessageDigest.", "java.util.zip.CRC32", "java.util.zip.Adler32",
            "java.util.zip.Deflater", "java.util.zip.Inflater", "com.sun.crypto.provider.", "javax.crypto.",
            // array copies and comparisons
            "java.lang.System.arraycopy", "java.util.Arrays.copyOf", "java.util.Arrays.equals", "java.util.Arrays.mismatch",
            "java.util.Arrays.compare",
            "java.util.Arrays.fill", "java.util.Arrays.hashCode", "jdk.internal.util.ArraysSupport.",
            "jdk.internal.misc.Unsafe.copyMemory", "jdk.internal.misc.Unsafe.setMemory",
            // number parsing and formatting
            "jdk.internal.math.", "java.lang.Double.parseDouble", "java.lang.Double.toString", "java.lang.Double.valueOf",
            "java.lang.Float.parseFloat", "java.lang.Float.toString", "java.lang.Integer.parseInt", "java.lang.Integer.toString",
            "java.lang.Long.parseLong", "java.lang.Long.toString", "java.lang.Integer.valueOf", "java.lang.Long.valueOf",
            // BigInteger, Base64
            "java.math.BigInteger.", "java.util.Base64$");

    /** Whether frame {@code className.methodName} is backed by an intrinsic or native stub. */
    static boolean matches(String className, String methodName) {
        String label = className + "." + methodName;
        for (String p : PREFIXES) {
            if (label.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
