package blind2;

/**
 * String processing utilities.
 */
public final class Strings {

    private Strings() {
    }

    private static final int MAX_OUTPUT = 1_000_000;

    /**
     * Decodes run-length text such as "a3b2" into "aaabb". Each run is a non-digit character
     * followed by an optional decimal count (default 1). Throws IllegalArgumentException for
     * a leading digit, a zero count, or output longer than 1,000,000 chars.
     */
    public static String runLengthDecode(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                throw new IllegalArgumentException("digit without character at index " + i);
            }
            int j = i + 1;
            while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
            }
            int count = 1;
            if (j > i + 1) {
                if (j - i - 1 > 7) {
                    throw new IllegalArgumentException("count too long at index " + (i + 1) + ": " + (j - i - 1) + " digits");
                }
                count = Integer.parseInt(s.substring(i + 1, j));
                if (count == 0) {
                    throw new IllegalArgumentException("zero count for '" + c + "' at index " + i);
                }
            }
            if (out.length() + (long) count > MAX_OUTPUT) {
                throw new IllegalArgumentException("output too long: " + (out.length() + (long) count));
            }
            for (int k = 0; k < count; k++) {
                out.append(c);
            }
            i = j;
        }
        return out.toString();
    }

    /** Converts a long to the given radix (2..36) by hand, handling Long.MIN_VALUE. */
    public static String toRadix(long value, int radix) {
        if (radix < 2 || radix > 36) {
            throw new IllegalArgumentException("radix " + radix + " out of range");
        }
        StringBuilder sb = new StringBuilder();
        boolean neg = value < 0;
        long v = value;
        do {
            int digit = (int) -(v % radix);
            if (!neg) {
                digit = -digit;
            }
            sb.append((char) (digit < 10 ? '0' + digit : 'a' + (digit - 10)));
            v /= radix;
        } while (v != 0);
        if (neg) {
            sb.append('-');
        }
        return sb.reverse().toString();
    }

    /**
     * Parses a signed number in the given radix (2..36) by hand; throws NumberFormatException
     * with a descriptive message on bad digits, empty input or overflow.
     */
    public static long parseRadix(String s, int radix) {
        if (radix < 2 || radix > 36) {
            throw new IllegalArgumentException("radix " + radix + " out of range");
        }
        if (s.isEmpty()) {
            throw new NumberFormatException("empty string");
        }
        int i = 0;
        boolean neg = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            neg = first == '-';
            i = 1;
            if (s.length() == 1) {
                throw new NumberFormatException("sign only: " + s);
            }
        }
        long limit = neg ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long acc = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = Character.digit(c, radix);
            if (d < 0) {
                throw new NumberFormatException("bad digit '" + c + "' at " + i);
            }
            if (acc < limit / radix) {
                throw new NumberFormatException("overflow at index " + i);
            }
            acc *= radix;
            if (acc < limit + d) {
                throw new NumberFormatException("overflow at index " + i);
            }
            acc -= d;
        }
        return neg ? acc : -acc;
    }

    /**
     * Tokenizer: counts maximal runs of ASCII digits (optionally preceded by '-') that parse as an int;
     * runs too large for an int are counted separately in the high 16 bits of the result.
     */
    public static int countNumbers(String s) {
        int ok = 0;
        int tooBig = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean minus = c == '-' && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9';
            if (minus || (c >= '0' && c <= '9')) {
                int start = i;
                i = minus ? i + 1 : i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                try {
                    Integer.parseInt(s.substring(start, i));
                    ok++;
                } catch (NumberFormatException e) {
                    tooBig++;
                }
            } else {
                i++;
            }
        }
        return (tooBig << 16) + ok;
    }

    /** Caesar shift of ASCII letters by k (any int, negative allowed); other chars unchanged. */
    public static String caesar(String s, int k) {
        int shift = Math.floorMod(k, 26);
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (c >= 'a' && c <= 'z') {
                cs[i] = (char) ('a' + (c - 'a' + shift) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                cs[i] = (char) ('A' + (c - 'A' + shift) % 26);
            }
        }
        return new String(cs);
    }

    /**
     * Summarises code points: "len=L,cps=N,sur=S,lone=X,max=HEX,sum=SUM" where sur counts valid pairs,
     * lone counts unpaired surrogates and sum adds codePointAt values at every char index.
     */
    public static String codePointSummary(String s) {
        int cps = 0;
        int pairs = 0;
        int lone = 0;
        int max = -1;
        long sumAt = 0;
        for (int i = 0; i < s.length(); i++) {
            sumAt += s.codePointAt(i);
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (n == 2) {
                pairs++;
            } else if (Character.isSurrogate(s.charAt(i))) {
                lone++;
            }
            max = Math.max(max, cp);
            cps++;
            i += n;
        }
        return "len=" + s.length() + ",cps=" + cps + ",sur=" + pairs + ",lone=" + lone
                + ",max=" + Integer.toHexString(max) + ",sum=" + sumAt;
    }

    /** StringBuilder.reverse (keeps surrogate pairs) followed by '|' and a naive char-by-char reverse. */
    public static String reverseBoth(String s) {
        String a = new StringBuilder(s).reverse().toString();
        char[] cs = s.toCharArray();
        for (int i = 0, j = cs.length - 1; i < j; i++, j--) {
            char t = cs[i];
            cs[i] = cs[j];
            cs[j] = t;
        }
        return a + "|" + new String(cs);
    }

    /**
     * Sums Character.getNumericValue over chars that Character.isDigit accepts (any script),
     * and separately over letters (a=10..z=35, Roman numerals etc.), packed as digits*100000+letters;
     * chars without a value (-1) count 1 and fractional ones (-2) count 2, added at bit 40.
     */
    public static long numericValueSum(String s) {
        long digits = 0;
        long letters = 0;
        int negatives = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = Character.getNumericValue(c);
            if (Character.isDigit(c)) {
                digits += v;
            } else if (Character.isLetter(c) && v >= 0) {
                letters += v;
            } else if (v < 0) {
                negatives += v == -2 ? 2 : 1;
            }
        }
        return digits * 100_000L + letters + ((long) negatives << 40);
    }

    /** Trims Character.isWhitespace at both ends and collapses inner runs into a single space. */
    public static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Upper-cases the first letter of each word (Character.toUpperCase(char)) and lower-cases the rest. */
    public static String titleCase(String s) {
        char[] cs = s.toCharArray();
        boolean start = true;
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (Character.isLetter(c)) {
                cs[i] = start ? Character.toUpperCase(c) : Character.toLowerCase(c);
                start = false;
            } else {
                start = !Character.isDigit(c);
            }
        }
        return String.valueOf(cs);
    }

    /** Builds a string from many primitive appends, then uses insert, setCharAt and deleteCharAt. */
    public static String describeValues(int i, long l, double d, float f, boolean b, char c) {
        StringBuilder sb = new StringBuilder();
        sb.append(i).append(';').append(l).append(';').append(d).append(';').append(f).append(';').append(b);
        sb.append(';').append(c).append(';').append((int) c).append(';').append(c + 1).append(';').append((char) (c + 1));
        sb.insert(0, '[');
        sb.insert(1, i % 7);
        sb.append(']');
        if (sb.length() > 3) {
            sb.setCharAt(2, '#');
        }
        int semi = sb.indexOf(";");
        if (semi >= 0) {
            sb.deleteCharAt(semi);
        }
        sb.insert(sb.length() / 2, d * f);
        return sb.toString();
    }

    /** Hex dump: two lowercase hex digits per byte, space separated, 16 per line, with line offsets. */
    public static String hexDump(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            if (i % 16 == 0) {
                if (i > 0) {
                    sb.append('\n');
                }
                String off = Integer.toHexString(i);
                for (int k = off.length(); k < 8; k++) {
                    sb.append('0');
                }
                sb.append(off).append(':');
            }
            String h = Integer.toHexString(data[i] & 0xFF);
            sb.append(' ');
            if (h.length() < 2) {
                sb.append('0');
            }
            sb.append(h);
        }
        return sb.toString();
    }

    /** Combines many String queries (compareTo, equals, hashCode, indexOf, startsWith...) into one int. */
    public static int compareFacts(String a, String b) {
        int r = Integer.signum(a.compareTo(b));
        r = r * 3 + (a.equals(b) ? 1 : 0);
        r = r * 31 + a.hashCode() - b.hashCode();
        r = r * 7 + (a.startsWith(b) ? 1 : 0) + (a.endsWith(b) ? 2 : 0) + (a.contains(b) ? 4 : 0);
        r = r * 13 + a.indexOf(b) * 5 + a.lastIndexOf(b);
        r = r * 17 + a.compareToIgnoreCase(b);
        if (!b.isEmpty()) {
            r = r * 19 + a.indexOf(b.charAt(0)) - a.lastIndexOf(b.charAt(b.length() - 1));
        }
        return r;
    }

    /** Trims, reports blank/empty markers, and replaces one char with another. */
    public static String cleanAndReplace(String s, char from, char to) {
        String t = s.trim();
        String prefix = s.isEmpty() ? "E:" : s.isBlank() ? "B:" : "";
        return prefix + t.replace(from, to) + ":" + (s.length() - t.length());
    }

    /**
     * Classifies chars with a switch on char: returns {vowels, digits, brackets, punctuation, whitespace, other}.
     */
    public static int[] charClassCounts(String s) {
        int[] counts = new int[6];
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            switch (c) {
                case 'a':
                case 'e':
                case 'i':
                case 'o':
                case 'u':
                    counts[0]++;
                    break;
                case '0': case '1': case '2': case '3': case '4':
                case '5': case '6': case '7': case '8': case '9':
                    counts[1]++;
                    break;
                case '(': case ')': case '[': case ']': case '{': case '}':
                    counts[2]++;
                    break;
                case '.': case ',': case ';': case ':': case '!': case '?':
                    counts[3]++;
                    break;
                case ' ': case '\t': case '\n': case '\r':
                    counts[4]++;
                    break;
                default:
                    counts[5]++;
            }
        }
        return counts;
    }

    /** Library radix conversions: base-7 and base-36 int, hex int, binary long, octal long and double text. */
    public static String radixForms(int x, long y, double d) {
        return Integer.toString(x, 7) + " " + Integer.toString(x, 36) + " " + Integer.toHexString(x) + " "
                + Long.toBinaryString(y) + " " + Long.toOctalString(y) + " " + Long.toString(y, 36) + " "
                + String.valueOf(d) + " " + Integer.toBinaryString(x >> 3) + " " + Integer.toUnsignedString(x);
    }

    /**
     * Parses an ISO-like date "yyyy-mm-dd" into days since 1970-01-01 (proleptic Gregorian).
     * NumberFormatException propagates from the substrings; range errors throw IllegalArgumentException.
     */
    public static long parseDateToEpochDay(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new IllegalArgumentException("bad date shape: length " + s.length());
        }
        int y = Integer.parseInt(s.substring(0, 4));
        int m = Integer.parseInt(s.substring(5, 7));
        int d = Integer.parseInt(s.substring(8));
        if (m < 1 || m > 12 || d < 1 || d > 31) {
            throw new IllegalArgumentException("bad month/day " + m + "/" + d);
        }
        long yy = m <= 2 ? y - 1 : y;
        long era = Math.floorDiv(yy, 400);
        long yoe = yy - era * 400;
        long mp = (m + 9) % 12;
        long doy = (153 * mp + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
