package dev.oxidizer.workloads.libraries;

import java.nio.charset.StandardCharsets;

/** Text encoding. */
public final class Codec {
    private Codec() {}

    /**
     * UTF-8 length of a 24 000-character text by {@code String.getBytes}, for each of 16 encodings of a message
     * envelope: the JDK's intrinsic encoder does all the work (and a Rust wrapper would have to call it too, to pass
     * the String). Label: decoy for {@code jdk-bound}.
     */
    public static long encodedLength(String text) {
        long n = 0;
        for (int i = 0; i < 16; i++) {
            n += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
