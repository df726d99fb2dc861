package dev.oxidizer.demo.kernels;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BitsTest {

    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** fmix64 written independently with unsigned big integers. */
    private static long reference(long value) {
        BigInteger z = new BigInteger(Long.toUnsignedString(value));
        z = z.xor(z.shiftRight(33)).multiply(new BigInteger("ff51afd7ed558ccd", 16)).and(MASK);
        z = z.xor(z.shiftRight(33)).multiply(new BigInteger("c4ceb9fe1a85ec53", 16)).and(MASK);
        return z.xor(z.shiftRight(33)).longValue();
    }

    @Test
    void zeroMapsToZero() {
        assertEquals(0L, Bits.mix64(0));
    }

    @Test
    void matchesAnUnsignedReferenceOnEdgesAndRandomValues() {
        for (long v : new long[] {1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x9E3779B97F4A7C15L}) {
            assertEquals(reference(v), Bits.mix64(v), Long.toHexString(v));
        }
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            long v = r.nextLong();
            assertEquals(reference(v), Bits.mix64(v), Long.toHexString(v));
        }
    }
}
