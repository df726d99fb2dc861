package dev.oxidizer.autoport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The translator's shape on small methods; building and running the Rust is AutoPortCorpusIT's job (rust-stub-gen). */
class AutoPorterTest {
    /** Fixtures: javac compiles them into this module's test classes, which the translator reads as class files. */
    static final class ImpureTables {
        private static final int[] SEEDED = new int[2];

        static {
            SEEDED[0] = (int) System.nanoTime();
        }

        static int seeded(int i) {
            return SEEDED[i];
        }
    }

    static final class Fixtures {
        static int nested(int[] a, int n) {
            int s = 0;
            outer:
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < a.length; j++) {
                    if (a[j] == i) {
                        continue outer;
                    }
                    if (a[j] < 0) {
                        break outer;
                    }
                    s += a[j] / (i + 1);
                }
            }
            return s;
        }

        static int sw(int k) {
            switch (k) {
                case 1: return 10;
                case 2: return 20;
                case 3: return 30;
                default: return helper(k);
            }
        }

        private static int helper(int k) {
            return k >>> 3;
        }

        static void fill(double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = i * 0.5;
            }
        }

        static int listed(int n) {
            java.util.List<Integer> list = new java.util.ArrayList<>(); // refused here
            list.add(n);
            return list.size();
        }

        static String build(int n) {
            StringBuilder sb = new StringBuilder();
            sb.append(n).append(',');
            return sb.toString();
        }

        static int recurse(int n) {
            return n <= 0 ? 0 : recurse(n - 1) + 1;
        }

        static boolean isEven(int n) {
            return n == 0 || isOdd(n - 1);
        }

        private static boolean isOdd(int n) {
            return n != 0 && isEven(n - 1);
        }

        static void quicksort(int[] a, int lo, int hi) {
            if (lo >= hi) {
                return;
            }
            int p = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            quicksort(a, lo, j);
            quicksort(a, i, hi);
        }

        private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
        private static final int[] COMPUTED = new int[4];
        static final int[] OPEN = {1, 2, 3};
        private static final long[] LEAKED = {5L, -6L};

        static {
            for (int i = 0; i < COMPUTED.length; i++) {
                COMPUTED[i] = i * i;
            }
        }

        static int hexSum(byte[] data) {
            int s = 0;
            for (byte b : data) {
                s += HEX[b & 15];
            }
            return s + HEX.length;
        }

        private static final int[] CRC_TABLE = crcTable();

        private static int[] crcTable() {
            int[] t = new int[256];
            for (int n = 0; n < 256; n++) {
                int c = n;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
                }
                t[n] = c;
            }
            return t;
        }

        static int crc(byte[] data) {
            int c = ~0;
            for (byte b : data) {
                c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >>> 8);
            }
            return ~c;
        }

        static int computed(int i) {
            return COMPUTED[i];
        }

        static int open(int i) {
            return OPEN[i];
        }

        static long leaked(int i) {
            return LEAKED[i];
        }

        static long[] leak() {
            return LEAKED;
        }

        static int firstOr(int[] a, int d) {
            if (a == null) {
                throw new IllegalArgumentException("a is \"null\"");
            }
            return a.length == 0 ? d : a[0];
        }

        static long lastOr(long[] a) {
            if (a == null || a.length == 0) {
                return -1L;
            }
            return a[a.length - 1];
        }

        static int required(int[] a, String s) {
            java.util.Objects.requireNonNull(a, "a");
            java.util.Objects.requireNonNull(s);
            return a.length + s.length();
        }

        static int callsUnderscored(int x) {
            return littleEndian_Low(x) + littleEndian__High(x);
        }

        private static int littleEndian_Low(int x) {
            return x & 0xFF;
        }

        private static int littleEndian__High(int x) {
            return x >>> 24;
        }

        static String tableWritten(int i) {
            String[] t = {"a", "b"};
            t[0] = "c";
            return t[i];
        }

        static boolean tableSame(int i) {
            String[] t = {"a", "b"};
            return t[i] == t[0];
        }

        static String tableRead(int i) {
            String[] t = {"zero", "one", "\u00e9"};
            return t[i] + t.length;
        }

        static double twiceLog(double x) {
            return logHelper(x, null) + logHelper(x + 1, null);
        }

        /** FastMath.log's shape: {@code hiPrec} receives the result's high part when a caller passes one. */
        private static double logHelper(double x, double[] hiPrec) {
            double r = x * 0.5;
            if (hiPrec != null) {
                hiPrec[0] = r;
                hiPrec[1] = r - x;
            }
            return r + 1;
        }

        static double usesNull(double x) {
            return firstOf(null, x);
        }

        private static double firstOf(double[] a, double x) {
            return a.length + x;
        }

        static int lateCheck(int[] a, int i) {
            int x = 10 / i;
            if (a == null) {
                return x;
            }
            return a[0] + x;
        }

        private static final byte[] EMPTY = {};

        static byte[] copyOrEmpty(byte[] in) {
            if (in == null || in.length == 0) {
                return EMPTY;
            }
            return java.util.Arrays.copyOf(in, in.length);
        }

        static int safeDivide(int a, int b) {
            try {
                return a / b;
            } catch (ArithmeticException e) {
                return 0;
            }
        }

        static int rethrow(int[] a, int i) {
            try {
                return a[i];
            } catch (IndexOutOfBoundsException e) {
                throw e;
            }
        }

        static int viaHelper(int[] a) {
            return a.length + sumOrZero(a);
        }

        static int editDistance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }

        static int aliasedRow(int n) {
            int[] prev = new int[n];
            for (int i = 0; i < 3; i++) {
                int[] cur = new int[n];
                cur[0] = prev[0] + i;
                prev = cur;
                cur[0]++; // cur is still used: prev and cur name one array
            }
            return prev[0];
        }

        static int lcsTable(String a, String b) {
            int[][] dp = new int[a.length() + 1][b.length() + 1];
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    dp[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
                }
            }
            return dp[a.length()][b.length()];
        }

        static int[] firstRow(int n) {
            int[][] t = new int[n][n];
            return t[0];
        }

        static int jagged(int n) {
            int[][] t = new int[n][];
            return t.length;
        }

        static String stripZeros(String s) {
            while (s.length() > 1 && s.charAt(0) == '0') {
                s = s.substring(1);
            }
            return s;
        }

        private static final long ONE_AND_HALF_BITS = Double.doubleToRawLongBits(1.5) + 1;
        private static final double ROOT = Math.pow(2, 0.5);

        static long bitsPlus(long x) {
            return x + ONE_AND_HALF_BITS;
        }

        static double timesRoot(double x) {
            return x * ROOT;
        }

        static int firstDigit(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isDigit(s.charAt(i))) {
                    return s.charAt(i) - '0';
                }
            }
            throw new FixtureBadInput("no digit in " + s, s.length());
        }

        static int checkedFailure(int x) throws FixtureCheckedFailure {
            if (x < 0) {
                throw new FixtureCheckedFailure("negative");
            }
            return x;
        }

        private static int sumOrZero(int[] a) {
            if (a == null) {
                return 0;
            }
            int s = 0;
            for (int v : a) {
                s += v;
            }
            return s;
        }
    }

    private static final ClassSource CLASSES = internal -> {
        try (InputStream in = AutoPorterTest.class.getClassLoader().getResourceAsStream(internal + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private static AutoPort port(String name, String desc, String... params) throws Refusal {
        return new AutoPorter(CLASSES).port(Fixtures.class.getName(), name, desc,
                new AutoPorter.Entry(name, List.of(params), Map.of(), Set.of()));
    }

    @Test
    void nestedLoopsWithLabelledBreakAndContinueStayLoops() throws Refusal {
        String rust = port("nested", "([II)I", "a", "n").rust();
        assertTrue(rust.contains("pub fn nested(a: &[i32], n: i32) -> Result<i32, PortError>"), rust);
        assertEquals(2, rust.split(": loop \\{", -1).length - 1, "two Rust loops for two Java loops:\n" + rust);
        assertTrue(rust.contains("continue 'l"), rust);
        assertTrue(rust.contains("jrt::idiv("), "division by zero throws ArithmeticException:\n" + rust);
        assertFalse(rust.contains("match "), "no dispatch on a state variable:\n" + rust);
    }

    @Test
    void tableswitchBecomesAMatchAndTheCalleeIsTranslatedToo() throws Refusal {
        AutoPort p = port("sw", "(I)I", "k");
        assertTrue(p.rust().contains("match "), p.rust());
        assertTrue(p.rust().contains("fn helper(p0: i32) -> i32"), "an infallible callee returns its value:\n" + p.rust());
        assertTrue(p.rust().contains("jrt::iushr("), p.rust());
        assertEquals(2, p.methods().size());
    }

    @Test
    void anArrayWrittenByTheMethodIsMutable() throws Refusal {
        AutoPort p = port("fill", "([D)V", "out");
        assertEquals(List.of(true), p.paramWritten());
        assertTrue(p.rust().contains("out: &mut [f64]"), p.rust());
    }

    @Test
    void rowsThatTakeTurnsAreVariablesOwningTheirArraysAndAssignmentMovesThem() throws Refusal {
        String rust = port("editDistance", "(Ljava/lang/String;Ljava/lang/String;)I", "a", "b").rust();
        // prev, cur and t: each its own Vec, and the swap three moves (each source dead after it)
        assertEquals(3, rust.split("= std::mem::take\\(&mut l[0-9]+vi32\\);", -1).length - 1, rust);
        assertEquals(2, rust.split("= std::mem::take\\(&mut a[0-9]+\\);", -1).length - 1, "the two allocations move in:\n" + rust);
    }

    @Test
    void twoLiveVariablesNamingOneArrayAreRefusedWithTheSlots() {
        Refusal r = assertThrows(Refusal.class, () -> port("aliasedRow", "(I)I", "n"));
        assertTrue(r.getMessage().contains("two variables referring to the same array at once"), r.getMessage());
        assertTrue(r.getMessage().contains("astore") && r.line() > 0, r.getMessage());
    }

    @Test
    void aTwoDimensionalTableIsAVecOfRowsAndEachRowReadIsACheckedRowNumber() throws Refusal {
        String rust = port("lcsTable", "(Ljava/lang/String;Ljava/lang/String;)I", "a", "b").rust();
        assertTrue(rust.contains(": Vec<Vec<i32>> = Vec::new();"), rust);
        assertTrue(rust.contains("jrt::new_table::<i32>("), rust);
        // dp[i][j] = ..., dp[i-1][j-1], dp[i-1][j], dp[i][j-1] and dp[n][m]: five row reads, each checked once
        assertEquals(5, rust.split("= jrt::row\\(&\\*a[0-9]+, ", -1).length - 1, rust);
        assertTrue(rust.matches("(?s).*jrt::st\\(&mut \\*a[0-9]+\\[r[0-9]+\\], .*"), "the store writes through the table's row:\n" + rust);
    }

    @Test
    void rowsThatEscapeAndJaggedTablesAreRefusedWithTheReason() {
        Refusal escaping = assertThrows(Refusal.class, () -> port("firstRow", "(I)[I", "n"));
        assertTrue(escaping.getMessage().contains("returning a row of a table"), escaping.getMessage());
        Refusal jagged = assertThrows(Refusal.class, () -> port("jagged", "(I)I", "n"));
        assertTrue(jagged.getMessage().contains("anewarray") && jagged.getMessage().contains("new T[n][m] are in it"), jagged.getMessage());
    }

    @Test
    void aStringParameterTheMethodReassignsStartsAsACopyAndEachNewStringMovesIn() throws Refusal {
        String rust = port("stripZeros", "(Ljava/lang/String;)Ljava/lang/String;", "s").rust();
        assertTrue(rust.contains("let mut l0vstr: Vec<u16> = s.to_vec();"), rust);
        assertTrue(rust.matches("(?s).*l0vstr = std::mem::take\\(&mut a[0-9]+\\);.*"), "the substring moves in:\n" + rust);
        assertTrue(rust.matches("(?s).*return \\(l0vstr\\);.*"), rust);
    }

    @Test
    void anApplicationsUncheckedExceptionIsASiteTheWrapperConstructs() throws Refusal {
        AutoPort p = port("firstDigit", "(Ljava/lang/String;)I", "s");
        assertEquals(1, p.applicationExceptions().size());
        ApplicationException site = p.applicationExceptions().getFirst();
        assertEquals(FixtureBadInput.class.getName(), site.className());
        assertEquals("(Ljava/lang/String;I)V", site.descriptor());
        assertEquals(List.of("dev/oxidizer/autoport/FixtureBadInput", "java/lang/IllegalArgumentException", "java/lang/RuntimeException",
                "java/lang/Exception", "java/lang/Throwable"), site.chain());
        assertTrue(p.rust().contains("jrt::throw(JavaException::Application, jrt::application_message(0, "), p.rust());
    }

    @Test
    void aCheckedExceptionOfTheApplicationIsRefusedWithTheReason() {
        Refusal r = assertThrows(Refusal.class, () -> port("checkedFailure", "(I)I", "x"));
        assertTrue(r.getMessage().contains("new dev.oxidizer.autoport.FixtureCheckedFailure")
                && r.getMessage().contains("a checked exception"), r.getMessage());
    }

    @Test
    void aStaticFinalPrimitiveComputedFromConstantsByExactOperationsIsItsValue() throws Refusal {
        String rust = port("bitsPlus", "(J)J", "x").rust();
        assertTrue(rust.contains(String.valueOf(Double.doubleToRawLongBits(1.5) + 1)), rust);
        // Math.pow may differ by an ulp between JVMs (and between the interpreter and C2): not a constant
        Refusal r = assertThrows(Refusal.class, () -> port("timesRoot", "(D)D", "x"));
        assertTrue(r.getMessage().contains("getstatic") && r.getMessage().contains("static fields are outside the subset"), r.getMessage());
    }

    @Test
    void objectsAreRefusedWithTheInstructionAndItsLine() {
        Refusal r = assertThrows(Refusal.class, () -> port("listed", "(I)I", "n"));
        assertTrue(r.getMessage().contains("new java.util.ArrayList at line "), r.getMessage());
        assertTrue(r.line() > 0, r.getMessage());
    }

    @Test
    void aStringBuilderTheMethodCreatesIsTheVecOfItsCodeUnits() throws Refusal {
        String rust = port("build", "(I)Ljava/lang/String;", "n").rust();
        assertTrue(rust.contains("-> Result<Vec<u16>, PortError>"), rust);
        assertTrue(rust.contains(".extend_from_slice(&jrt::decimal("), rust);
        assertTrue(rust.contains(".push(("), rust);
        assertTrue(rust.contains(".clone()"), rust);
    }

    @Test
    void selfRecursionCallsTheInternalTranslationWhichGuardsTheStack() throws Refusal {
        String rust = port("recurse", "(I)I", "n").rust();
        assertTrue(rust.contains("fn recurse_2(p0: i32) -> i32 {\n    jrt::stack_guard();"), rust);
        assertTrue(rust.contains("recurse_2("), rust);
    }

    @Test
    void mutualRecursionIsTranslated() throws Refusal {
        AutoPort p = port("isEven", "(I)Z", "n");
        assertTrue(p.rust().contains("fn is_odd(p0: i32) -> i32"), p.rust());
        assertTrue(p.rust().contains("jrt::stack_guard();"), p.rust());
        assertTrue(p.rust().contains("fn is_even(p0: i32) -> i32"), "the entry's internal translation, for the call back:\n" + p.rust());
        assertEquals(2, p.methods().size(), p.methods().toString());
    }

    @Test
    void aRecursiveMethodThatWritesItsArrayIsTranslatedAgainWithAMutableParameter() throws Refusal {
        AutoPort p = port("quicksort", "([III)V", "a", "lo", "hi");
        assertEquals(List.of(true, false, false), p.paramWritten());
        assertTrue(p.rust().contains("fn quicksort_2(p0: &mut [i32], p1: i32, p2: i32)"), p.rust());
        assertEquals(1, p.rust().split("fn quicksort_2\\(", -1).length - 1, "translated once in the output:\n" + p.rust());
    }

    @Test
    void aPrivateConstantTableBecomesARustStatic() throws Refusal {
        String rust = port("hexSum", "([B)I", "data").rust();
        assertTrue(rust.contains("static T_HEX: &[i8] = &[48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];"), rust);
        assertTrue(rust.contains("jrt::ld(&*T_HEX, "), rust);
    }

    @Test
    void aTableTheStaticInitializerComputesFromConstantsIsComputedHere() throws Refusal {
        String rust = port("computed", "(I)I", "i").rust();
        assertTrue(rust.contains("static T_COMPUTED: &[i32] = &[0, 1, 4, 9];"), rust);
        String crc = port("crc", "([B)I", "data").rust();
        assertTrue(crc.contains("static T_CRC_TABLE: &[i32] = &[0, 1996959894, -301047508, -1727442502,"), crc);
    }

    @Test
    void tablesThatAreComputedOpenOrEscapingAreRefusedWithTheReason() {
        Refusal computed = assertThrows(Refusal.class, () -> new AutoPorter(CLASSES).port(ImpureTables.class.getName(), "seeded", "(I)I",
                new AutoPorter.Entry("seeded", List.of("i"), Map.of(), Set.of())));
        assertTrue(computed.getMessage().contains("getstatic") && computed.getMessage().contains("nor can it be computed here: the static"
                + " initializer stores a value not known here into it"), computed.getMessage());
        Refusal open = assertThrows(Refusal.class, () -> port("open", "(I)I", "i"));
        assertTrue(open.getMessage().contains("another class could write"), open.getMessage());
        Refusal leaked = assertThrows(Refusal.class, () -> port("leaked", "(I)J", "i"));
        assertTrue(leaked.getMessage().contains("leak lets it escape (areturn)"), leaked.getMessage());
    }

    @Test
    void prologueNullChecksBecomeTheWrappersAndTheirBranchesAreDropped() throws Refusal {
        AutoPort p = port("firstOr", "([II)I", "a", "d");
        assertEquals(1, p.nullGuards().size());
        assertEquals("if (a == null) {\n    throw new java.lang.IllegalArgumentException(\"a is \\\"null\\\"\");\n}",
                p.nullGuards().get(0).javaStatement("a"));
        assertFalse(p.rust().contains("IllegalArgument"), "the null branch is not translated:\n" + p.rust());

        AutoPort empty = port("copyOrEmpty", "([B)[B", "in");
        assertEquals("if (in == null) {\n    return new byte[0];\n}", empty.nullGuards().get(0).javaStatement("in"));
        assertTrue(empty.rust().contains("static T_EMPTY: &[i8] = &[];"), empty.rust());

        AutoPort last = port("lastOr", "([J)J", "a");
        assertEquals("if (a == null) {\n    return (-1L);\n}", last.nullGuards().get(0).javaStatement("a"));

        AutoPort req = port("required", "([ILjava/lang/String;)I", "a", "s");
        assertEquals(List.of("java.util.Objects.requireNonNull(a, \"a\");", "java.util.Objects.requireNonNull(s);"),
                req.nullGuards().stream().map(g -> g.javaStatement(g.param() == 0 ? "a" : "s")).toList());
    }

    @Test
    void aNullCheckAfterOtherWorkHandsANullToJavaAndACalleesIsTranslated() throws Refusal {
        AutoPort late = port("lateCheck", "([II)I", "a", "i");
        assertEquals(List.of(NullGuard.Kind.JAVA), late.nullGuards().stream().map(NullGuard::kind).toList());
        assertEquals(0, late.nullGuards().get(0).param());
        assertEquals("if (a == null) {\n    return p.C.lateCheck(a, i);\n}", late.nullGuards().get(0).javaStatement("a", "p.C.lateCheck(a, i)"));
        assertTrue(late.rust().contains("jrt::ld(&*a, 0i32)"), "the non-null branch is translated:\n" + late.rust());
        AutoPort p = port("viaHelper", "([I)I", "a");
        assertEquals(List.of(), p.nullGuards());
        assertTrue(p.rust().contains("fn sum_or_zero(p0: &[i32]) -> i32"), p.rust());
    }

    @Test
    void aNullArgumentOfACalleeGetsACopyWithoutTheParameterAndItsNonNullBranches() throws Refusal {
        String rust = port("twiceLog", "(D)D", "x").rust();
        assertTrue(rust.contains("fn log_helper_null(p0: f64) -> f64"), rust);
        assertEquals(1, rust.split("fn log_helper_null", -1).length - 1, "one copy for both calls:\n" + rust);
        assertFalse(rust.contains("jrt::st("), "the non-null branch is not translated:\n" + rust);
        assertTrue(rust.contains("Translated from `dev.oxidizer.autoport.AutoPorterTest$Fixtures#logHelper(D[D)D with null for parameter 2`"), rust);

        Refusal r = assertThrows(Refusal.class, () -> port("usesNull", "(D)D", "x"));
        assertTrue(r.getMessage().contains("aload at line") && r.getMessage().contains("null in this call"), r.getMessage());
    }

    @Test
    void calleeNamesAreSnakeCaseWithSingleUnderscores() throws Refusal {
        String rust = port("callsUnderscored", "(I)I", "x").rust();
        assertTrue(rust.contains("fn little_endian_low(p0: i32) -> i32") && rust.contains("fn little_endian_high(p0: i32) -> i32"), rust);
        assertFalse(java.util.regex.Pattern.compile("fn \\w*__").matcher(rust).find(), "rustc warns of a double underscore:\n" + rust);
    }

    @Test
    void aStringTableOfConstantsIsAConstantArrayAndIsNeverWrittenOrComparedByReference() throws Refusal {
        String rust = port("tableRead", "(I)Ljava/lang/String;", "i").rust();
        assertTrue(rust.contains("[&[u16]; 3] = [&[122u16, 101u16, 114u16, 111u16][..], &[111u16, 110u16, 101u16][..], &[233u16][..]];"), rust);
        assertTrue(rust.contains("jrt::ld(&t"), "indexed as Java indexes (ArrayIndexOutOfBoundsException):\n" + rust);
        Refusal written = assertThrows(Refusal.class, () -> port("tableWritten", "(I)Ljava/lang/String;", "i"));
        assertTrue(written.getMessage().contains("aastore at line") && written.getMessage().contains("never written afterwards"), written.getMessage());
        Refusal same = assertThrows(Refusal.class, () -> port("tableSame", "(I)Z", "i"));
        assertTrue(same.getMessage().contains("by reference"), same.getMessage());
    }

    @Test
    void aCatchBecomesACheckedCallAndABranchToTheHandlerByExceptionClass() throws Refusal {
        String rust = port("safeDivide", "(II)I", "a", "b").rust();
        assertTrue(rust.contains("jrt::split(jrt::catch(|| jrt::idiv("), rust);
        assertTrue(rust.contains("jrt::catches(&e") && rust.contains("[\"java/lang/ArithmeticException\"]"), rust);
        assertTrue(rust.contains("jrt::rethrow("), "an exception no handler catches goes on:\n" + rust);
        String re = port("rethrow", "([II)I", "a", "i").rust();
        assertTrue(re.contains("java/lang/IndexOutOfBoundsException"), re);
    }
}
