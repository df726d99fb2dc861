package dev.oxidizer.workloads.libraries;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Content hashing through BouncyCastle. */
public final class Crypto {
    private Crypto() {}

    /**
     * BLAKE2b-512 of a 32 KB page with BouncyCastle's pure-Java digest (no JDK intrinsic). Label: library.
     */
    public static long blake2b(byte[] data) {
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(data, 0, data.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out[0] | (out[1] << 8);
    }
}
