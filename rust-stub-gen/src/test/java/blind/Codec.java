package blind;

import java.util.Arrays;

/** Checksums, hashes and simple binary codecs. */
public final class Codec {

    private static final int[] CRC_TABLE = new int[256];

    private static final char[] BASE64_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                if ((c & 1) != 0) {
                    c = 0xEDB88320 ^ (c >>> 1);
                } else {
                    c = c >>> 1;
                }
            }
            CRC_TABLE[n] = c;
        }
    }

    private Codec() {
    }

    public static int crc32(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc = CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >>> 8);
        }
        return ~crc;
    }

    public static int crc32Bitwise(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("bad range");
        }
        int crc = ~0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                int mask = -(crc & 1);
                crc = (crc >>> 1) ^ (0xEDB88320 & mask);
            }
        }
        return ~crc;
    }

    public static int adler32(byte[] data) {
        final int mod = 65521;
        int a = 1;
        int b = 0;
        for (int i = 0; i < data.length; i++) {
            a = (a + (data[i] & 0xFF)) % mod;
            b = (b + a) % mod;
        }
        return (b << 16) | a;
    }

    public static int fnv1a32(byte[] data) {
        int hash = 0x811C9DC5;
        for (byte b : data) {
            hash ^= (b & 0xFF);
            hash *= 0x01000193;
        }
        return hash;
    }

    public static long fnv1a64(byte[] data) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < data.length; i++) {
            hash ^= data[i] & 0xFFL;
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    public static int djb2(String s) {
        int hash = 5381;
        for (int i = 0; i < s.length(); i++) {
            hash = ((hash << 5) + hash) + s.charAt(i);
        }
        return hash;
    }

    /** MurmurHash3 fmix32 finalizer. */
    public static int murmurMix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    public static String hexEncode(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0, j = 0; i < data.length; i++) {
            int v = data[i] & 0xFF;
            out[j++] = HEX_DIGITS[v >>> 4];
            out[j++] = HEX_DIGITS[v & 0x0F];
        }
        return new String(out);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("invalid hex digit: " + c);
    }

    public static byte[] hexDecode(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd length hex string");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexValue(hex.charAt(2 * i));
            int lo = hexValue(hex.charAt(2 * i + 1));
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    public static String base64Encode(byte[] data) {
        StringBuilder sb = new StringBuilder(((data.length + 2) / 3) * 4);
        int i = 0;
        while (i + 2 < data.length) {
            int n = ((data[i] & 0xFF) << 16) | ((data[i + 1] & 0xFF) << 8) | (data[i + 2] & 0xFF);
            sb.append(BASE64_ALPHABET[(n >>> 18) & 63]);
            sb.append(BASE64_ALPHABET[(n >>> 12) & 63]);
            sb.append(BASE64_ALPHABET[(n >>> 6) & 63]);
            sb.append(BASE64_ALPHABET[n & 63]);
            i += 3;
        }
        int remaining = data.length - i;
        if (remaining == 1) {
            int n = (data[i] & 0xFF) << 16;
            sb.append(BASE64_ALPHABET[(n >>> 18) & 63]);
            sb.append(BASE64_ALPHABET[(n >>> 12) & 63]);
            sb.append("==");
        } else if (remaining == 2) {
            int n = ((data[i] & 0xFF) << 16) | ((data[i + 1] & 0xFF) << 8);
            sb.append(BASE64_ALPHABET[(n >>> 18) & 63]);
            sb.append(BASE64_ALPHABET[(n >>> 12) & 63]);
            sb.append(BASE64_ALPHABET[(n >>> 6) & 63]);
            sb.append('=');
        }
        return sb.toString();
    }

    /** Unsigned LEB128 encoding of the 64-bit pattern. */
    public static byte[] varintEncode(long value) {
        byte[] buf = new byte[10];
        int n = 0;
        do {
            byte b = (byte) (value & 0x7F);
            value >>>= 7;
            if (value != 0) {
                b |= (byte) 0x80;
            }
            buf[n++] = b;
        } while (value != 0);
        return Arrays.copyOf(buf, n);
    }

    public static long varintDecode(byte[] data) {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < data.length; i++) {
            if (shift > 63) {
                throw new IllegalArgumentException("varint too long");
            }
            byte b = data[i];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
        throw new IllegalArgumentException("truncated varint");
    }

    public static long zigzagEncode(long n) {
        return (n << 1) ^ (n >> 63);
    }

    public static long zigzagDecode(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    public static byte[] xorCipher(byte[] data, byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("key must not be empty");
        }
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ key[i % key.length]);
        }
        return out;
    }

    /** Encodes as (count, value) pairs with count in 1..255. */
    public static byte[] rleEncode(byte[] data) {
        byte[] tmp = new byte[data.length * 2];
        int n = 0;
        int i = 0;
        while (i < data.length) {
            byte v = data[i];
            int run = 1;
            while (i + run < data.length && data[i + run] == v && run < 255) {
                run++;
            }
            tmp[n++] = (byte) run;
            tmp[n++] = v;
            i += run;
        }
        byte[] out = new byte[n];
        System.arraycopy(tmp, 0, out, 0, n);
        return out;
    }

    public static int readIntBE(byte[] buf, int offset) {
        return ((buf[offset] & 0xFF) << 24)
                | ((buf[offset + 1] & 0xFF) << 16)
                | ((buf[offset + 2] & 0xFF) << 8)
                | (buf[offset + 3] & 0xFF);
    }

    public static long readLongLE(byte[] buf, int offset) {
        long result = 0;
        for (int i = 7; i >= 0; i--) {
            result = (result << 8) | (buf[offset + i] & 0xFFL);
        }
        return result;
    }
}
