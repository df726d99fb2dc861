package blind;

import java.util.Arrays;

/** Classic string algorithms. */
public final class Text {

    private Text() {
    }

    public static String reverseWords(String s) {
        if (s == null) {
            return null;
        }
        String[] parts = s.trim().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    public static boolean isAnagram(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.length() != b.length()) {
            return false;
        }
        char[] x = a.toLowerCase().toCharArray();
        char[] y = b.toLowerCase().toCharArray();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }

    public static boolean isLetterAnagram(String a, String b) {
        int[] counts = new int[26];
        for (int i = 0; i < a.length(); i++) {
            char c = Character.toLowerCase(a.charAt(i));
            if (c >= 'a' && c <= 'z') {
                counts[c - 'a']++;
            }
        }
        for (int i = 0; i < b.length(); i++) {
            char c = Character.toLowerCase(b.charAt(i));
            if (c >= 'a' && c <= 'z') {
                counts[c - 'a']--;
            }
        }
        for (int count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    public static boolean isPalindrome(String s) {
        int i = 0;
        int j = s.length() - 1;
        while (i < j) {
            char a = s.charAt(i);
            char b = s.charAt(j);
            if (!Character.isLetterOrDigit(a)) {
                i++;
            } else if (!Character.isLetterOrDigit(b)) {
                j--;
            } else {
                if (Character.toLowerCase(a) != Character.toLowerCase(b)) {
                    return false;
                }
                i++;
                j--;
            }
        }
        return true;
    }

    public static int levenshtein(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] dp = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            dp[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            dp[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                dp[i][j] = Math.min(Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1),
                        dp[i - 1][j - 1] + cost);
            }
        }
        return dp[n][m];
    }

    public static int lcsLength(String a, String b) {
        int[][] dp = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    dp[i][j] = dp[i - 1][j - 1] + 1;
                } else {
                    dp[i][j] = Math.max(dp[i - 1][j], dp[i][j - 1]);
                }
            }
        }
        return dp[a.length()][b.length()];
    }

    private static int[] failureTable(String pattern) {
        int[] fail = new int[pattern.length()];
        int k = 0;
        for (int i = 1; i < pattern.length(); i++) {
            while (k > 0 && pattern.charAt(i) != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (pattern.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        return fail;
    }

    public static int kmpIndexOf(String text, String pattern) {
        if (pattern.isEmpty()) {
            return 0;
        }
        int[] fail = failureTable(pattern);
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            while (k > 0 && text.charAt(i) != pattern.charAt(k)) {
                k = fail[k - 1];
            }
            if (text.charAt(i) == pattern.charAt(k)) {
                k++;
            }
            if (k == pattern.length()) {
                return i - k + 1;
            }
        }
        return -1;
    }

    public static int countVowels(String s) {
        if (s == null) {
            return 0;
        }
        int count = 0;
        for (char c : s.toCharArray()) {
            switch (Character.toLowerCase(c)) {
                case 'a':
                case 'e':
                case 'i':
                case 'o':
                case 'u':
                    count++;
                    break;
                default:
                    break;
            }
        }
        return count;
    }

    public static String capitalizeWords(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                startOfWord = true;
                sb.append(c);
            } else if (startOfWord) {
                sb.append(Character.toUpperCase(c));
                startOfWord = false;
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** "aaabcc" -> "a3b1c2". */
    public static String runLengthEncode(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        char current = s.charAt(0);
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == current) {
                run++;
            } else {
                sb.append(current).append(run);
                current = c;
                run = 1;
            }
        }
        sb.append(current).append(run);
        return sb.toString();
    }

    public static String camelToSnake(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && s.charAt(i - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static boolean luhnCheck(String digits) {
        if (digits == null || digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static int romanValue(char c) {
        switch (c) {
            case 'I': return 1;
            case 'V': return 5;
            case 'X': return 10;
            case 'L': return 50;
            case 'C': return 100;
            case 'D': return 500;
            case 'M': return 1000;
            default:
                throw new IllegalArgumentException("not a roman digit: " + c);
        }
    }

    public static int romanToInt(String s) {
        int total = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            int v = romanValue(Character.toUpperCase(s.charAt(i)));
            if (i + 1 < n && v < romanValue(Character.toUpperCase(s.charAt(i + 1)))) {
                total -= v;
            } else {
                total += v;
            }
        }
        return total;
    }

    public static String intToRoman(int num) {
        if (num <= 0 || num >= 4000) {
            throw new IllegalArgumentException("out of range: " + num);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (num > 0) {
            if (num >= values[i]) {
                sb.append(symbols[i]);
                num -= values[i];
            } else {
                i++;
            }
        }
        return sb.toString();
    }

    public static String caesar(String s, int shift) {
        int k = ((shift % 26) + 26) % 26;
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= 'a' && c <= 'z') {
                out[i] = (char) ('a' + (c - 'a' + k) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                out[i] = (char) ('A' + (c - 'A' + k) % 26);
            }
        }
        return new String(out);
    }

    public static int parseInt(String s) {
        if (s == null || s.isEmpty()) {
            throw new NumberFormatException("empty input");
        }
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
            if (s.length() == 1) {
                throw new NumberFormatException("sign only: " + s);
            }
        }
        int limit = negative ? Integer.MIN_VALUE : -Integer.MAX_VALUE;
        int multmin = limit / 10;
        int result = 0;
        do {
            int digit = Character.digit(s.charAt(i), 10);
            if (digit < 0) {
                throw new NumberFormatException("bad digit in: " + s);
            }
            if (result < multmin) {
                throw new NumberFormatException("overflow: " + s);
            }
            result *= 10;
            if (result < limit + digit) {
                throw new NumberFormatException("overflow: " + s);
            }
            result -= digit;
            i++;
        } while (i < s.length());
        return negative ? result : -result;
    }

    public static String longestPalindrome(String s) {
        if (s == null || s.length() < 2) {
            return s;
        }
        int bestStart = 0;
        int bestLen = 1;
        for (int center = 0; center < s.length(); center++) {
            int odd = expand(s, center, center);
            int even = expand(s, center, center + 1);
            int len = Math.max(odd, even);
            if (len > bestLen) {
                bestLen = len;
                bestStart = center - (len - 1) / 2;
            }
        }
        return s.substring(bestStart, bestStart + bestLen);
    }

    private static int expand(String s, int left, int right) {
        while (left >= 0 && right < s.length() && s.charAt(left) == s.charAt(right)) {
            left--;
            right++;
        }
        return right - left - 1;
    }

    public static int wordFrequency(String text, String word) {
        if (text == null || word == null || word.isEmpty()) {
            return 0;
        }
        int count = 0;
        int n = text.length();
        int i = 0;
        outer:
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i - start != word.length()) {
                continue;
            }
            for (int k = 0; k < word.length(); k++) {
                if (Character.toLowerCase(text.charAt(start + k))
                        != Character.toLowerCase(word.charAt(k))) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }
}
