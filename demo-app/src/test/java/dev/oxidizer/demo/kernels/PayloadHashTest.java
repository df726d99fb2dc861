package dev.oxidizer.demo.kernels;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Expected values come from the reference C implementation (libxxhash 0.8.1, {@code XXH64(data, len, seed)}
 * called through ctypes on this machine), so a Rust port can be checked against the same table.
 */
class PayloadHashTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void emptyInputHashesToTheSeedOnlyValue() {
        assertEquals(0xEF46DB3751D8E999L, PayloadHash.xxh64(new byte[0], 0));
    }

    @Test
    void shortInputsUseTheTailPathOnly() {
        assertEquals(0xD24EC4F1A98C6E5BL, PayloadHash.xxh64(ascii("a"), 0));
        assertEquals(0x44BC2CF5AD770999L, PayloadHash.xxh64(ascii("abc"), 0));
    }

    @Test
    void inputsOfThirtyTwoBytesOrMoreUseTheStripeLoop() {
        byte[] text = ascii("Nobody inspects the spammish repetition");
        assertEquals(0xFBCEA83C8A378BF1L, PayloadHash.xxh64(text, 0));
        assertEquals(0xCE06936136852706L, PayloadHash.xxh64(text, 20141025));
    }

    @Test
    void everyByteValueIsHashedUnsigned() {
        // 256 byte values four times, then "xyz": exercises stripes, 8-, 4- and 1-byte tails with high bits set.
        byte[] data = new byte[1027];
        for (int i = 0; i < 1024; i++) {
            data[i] = (byte) i;
        }
        data[1024] = 'x';
        data[1025] = 'y';
        data[1026] = 'z';
        assertEquals(0x209783F9E8C84688L, PayloadHash.xxh64(data, 0x0DDBA11L));
    }

    @Test
    void seedChangesTheHash() {
        assertNotEquals(PayloadHash.xxh64(ascii("abc"), 0), PayloadHash.xxh64(ascii("abc"), 1));
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> PayloadHash.xxh64(null, 0));
    }
}
