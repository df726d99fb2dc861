package blind2;

/**
 * Integer, bit-twiddling and byte-level utilities.
 */
public final class Bits {

    private Bits() {
    }

    private static final int FNV32_OFFSET = 0x811C9DC5;
    private static final int FNV32_PRIME = 0x01000193;

    /** FNV-1a 32-bit hash over the bytes, treating each byte as unsigned. */
    public static int fnv1a32(byte[] data) {
        int h = FNV32_OFFSET;
        for (byte b : data) {
            h ^= (b & 0xFF);
            h *= FNV32_PRIME;
        }
        return h;
    }

    /** MurmurHash3 fmix64 finalizer. */
    public static long murmurMix64(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** One step of Marsaglia's xorshift32 generator; zero state is replaced by a constant. */
    public static int xorshift32Next(int state) {
        int x = state == 0 ? 0x9E3779B9 : state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x;
    }

    /** One step of xorshift64*: returns the scrambled output of the next state. */
    public static long xorshift64StarNext(long state) {
        long x = state;
        if (x == 0L) {
            x = 0x2545F4914F6CDD1DL;
        }
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        return x * 0x2545F4914F6CDD1DL;
    }

    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), computed bitwise. */
    public static int crc16Ccitt(byte[] data) {
        char crc = 0xFFFF;
        for (int i = 0; i < data.length; i++) {
            crc ^= (char) ((data[i] & 0xFF) << 8);
            for (int bit = 0; bit < 8; bit++) {
                if ((crc & 0x8000) != 0) {
                    crc = (char) ((crc << 1) ^ 0x1021);
                } else {
                    crc = (char) (crc << 1);
                }
            }
        }
        return crc;
    }

    /** Fletcher-16 checksum over the range [offset, offset+length) of data. */
    public static int fletcher16(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length + " for length " + data.length);
        }
        int sum1 = 0;
        int sum2 = 0;
        for (int i = offset; i < offset + length; i++) {
            sum1 = (sum1 + (data[i] & 0xFF)) % 255;
            sum2 = (sum2 + sum1) % 255;
        }
        return (sum2 << 8) | sum1;
    }

    /** Packs an int then a long into 12 bytes: the int big-endian, the long little-endian. */
    public static byte[] packIntBeLongLe(int i, long l) {
        byte[] out = new byte[12];
        out[0] = (byte) (i >>> 24);
        out[1] = (byte) (i >> 16);
        out[2] = (byte) (i >> 8);
        out[3] = (byte) i;
        for (int k = 0; k < 8; k++) {
            out[4 + k] = (byte) (l >>> (8 * k));
        }
        return out;
    }

    /** Reads a little-endian long starting at offset; throws ArrayIndexOutOfBounds if too short. */
    public static long readLongLe(byte[] data, int offset) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (data[offset + k] & 0xFF);
        }
        return v;
    }

    /** Reads a big-endian int at offset, sign-extended differently depending on the width (1, 2, 3 or 4 bytes). */
    public static int readSignedBe(byte[] data, int offset, int width) {
        int v;
        switch (width) {
            case 1:
                return data[offset];
            case 2:
                return (short) (((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF));
            case 3:
                v = ((data[offset] & 0xFF) << 16) | ((data[offset + 1] & 0xFF) << 8) | (data[offset + 2] & 0xFF);
                return (v << 8) >> 8;
            case 4:
                v = 0;
                for (int k = 0; k < 4; k++) {
                    v = (v << 8) | (data[offset + k] & 0xFF);
                }
                return v;
            default:
                throw new IllegalArgumentException("width must be 1..4 but was " + width);
        }
    }

    /** Total Hamming distance between two long arrays of equal length. */
    public static int hammingDistance(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("length mismatch: " + a.length + " vs " + b.length);
        }
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Long.bitCount(a[i] ^ b[i]);
        }
        return d;
    }

    /**
     * Mixes arithmetic and logical shifts of x by s (shift distances are masked by
     * Java, so s = 33 behaves like s = 1 for ints), combined into a long.
     */
    public static long shiftMix(int x, int s) {
        int arith = x >> s;
        int logical = x >>> s;
        int left = x << s;
        long wide = ((long) x) >> s;
        long wideLogical = ((long) x) >>> (s + 32);
        return (arith ^ (long) logical) + left * 3L - wide + wideLogical;
    }

    /** Narrows a long through int, short, byte and char and combines the pieces. */
    public static long narrowingChain(long v) {
        int i = (int) v;
        short s = (short) v;
        byte b = (byte) v;
        char c = (char) v;
        short fromChar = (short) c;
        char fromByte = (char) b;
        int widened = fromByte + fromChar;
        return (long) i * 7 + s * 5L + b * 3 + c + ((long) widened << 20);
    }

    /** Combines /, %, floorDiv and floorMod; includes the MIN_VALUE / -1 overflow case. */
    public static long divModMix(int a, int b) {
        int q = a / b;
        int r = a % b;
        int fq = Math.floorDiv(a, b);
        int fm = Math.floorMod(a, b);
        long check = (long) q * b + r;
        return ((long) q << 32) ^ (r * 31L) ^ ((long) fq * 1_000_003L) ^ fm ^ (check - a);
    }

    /** Returns Math.abs applied to both ints and a long cast, encoded together. */
    public static long absVariants(int x) {
        int a = Math.abs(x);
        long b = Math.abs((long) x);
        int c = -x;
        return a + b * 2 + c;
    }

    /** Summarises bit-level facts of v: trailing zeros, leading zeros, bit count, reversed int bits. */
    public static int bitFacts(long v) {
        int tz = Long.numberOfTrailingZeros(v);
        int lz = Long.numberOfLeadingZeros(v);
        int lo = (int) v;
        int hi = (int) (v >>> 32);
        int pc = Integer.bitCount(lo) + Integer.bitCount(hi);
        int rev = Integer.reverse(lo) ^ Integer.reverseBytes(hi);
        return rev + tz * 65 + lz * 4097 + (pc << 24) + Long.signum(v);
    }

    /** Binary GCD of two longs; throws for Long.MIN_VALUE inputs whose gcd does not fit. */
    public static long gcd(long a, long b) {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            if ((a == Long.MIN_VALUE || a == 0) && (b == Long.MIN_VALUE || b == 0)) {
                throw new ArithmeticException("gcd overflow for " + a + " and " + b);
            }
        }
        if (a == 0) {
            return Math.abs(b);
        }
        if (b == 0) {
            return Math.abs(a);
        }
        int az = Long.numberOfTrailingZeros(a);
        int bz = Long.numberOfTrailingZeros(b);
        int shift = Math.min(az, bz);
        a = Math.abs(a >> az);
        b = Math.abs(b >> bz);
        while (a != b) {
            if (a > b) {
                long t = a;
                a = b;
                b = t;
            }
            b -= a;
            b >>= Long.numberOfTrailingZeros(b);
        }
        return a << shift;
    }

    /**
     * Forms shorts from pairs of chars ((hi &lt;&lt; 8) | (lo &amp; 0xFF), narrowed) and sums them plus (byte) hi;
     * an odd trailing char is subtracted.
     */
    public static long charsAsShorts(char[] cs) {
        long sum = 0;
        for (int i = 0; i + 1 < cs.length; i += 2) {
            short s = (short) ((cs[i] << 8) | (cs[i + 1] & 0xFF));
            sum += s;
            sum += (byte) cs[i];
        }
        if ((cs.length & 1) == 1) {
            sum -= cs[cs.length - 1];
        }
        return sum;
    }
}
