package dev.oxidizer.workloads.libraries;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/** Integrity checks with the JDK. */
public final class Integrity {
    private Integrity() {}

    /** SHA-256 of a 32 KB page repeated 8 times by {@code MessageDigest} (SHA intrinsics). Label: decoy for {@code jdk-bound}. */
    public static long sha256(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 8; i++) {
                md.update(data);
            }
            byte[] d = md.digest();
            return d[0] | (d[1] << 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CRC32 of a 32 KB page, 96 passes (the CRC32 intrinsic). Label: decoy for {@code jdk-bound}. */
    public static long crc32(byte[] data) {
        CRC32 crc = new CRC32();
        for (int pass = 0; pass < 96; pass++) {
            crc.update(data, 0, data.length);
        }
        return crc.getValue();
    }
}
