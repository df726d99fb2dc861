package example.app;

/**
 * An interpreter-like program whose dispatch loop ({@link #run}) is a single large method, close to HotSpot's
 * HugeMethodLimit (8,000 bytes of bytecode) as the main loops of real interpreters are: instrumented in full (the
 * probe plus the call-site counters of {@link #mix}), it would cross the limit and never be compiled. Generated
 * by a script (a fixed seed), 216 opcodes; {@code HugeMethodIT} checks its size.
 *
 * <p>Arguments: the number of steps per run and of runs; prints a checksum, identical with and without the agent.
 */
public final class HugeLoopApp {
    private HugeLoopApp() {}

    /** The program's own count of {@link #mix} calls, printed at the end: the truth the agent's count must match. */
    static long mixCalls;

    /** A trivial private helper, counted at its call sites when its callers may be rewritten. */
    private static long mix(long x, int s) {
        mixCalls++;
        return Long.rotateLeft(x * 0x9E3779B97F4A7C15L, s) ^ (x >>> 29);
    }

    /** Runs {@code steps} instructions of a pseudo-random program over 16 registers; returns a checksum. */
    static long run(int[] program, long[] r, int steps) {
        long acc = 1;
        int pc = 0;
        for (int i = 0; i < steps; i++) {
            int op = program[pc];
            switch (op) {
                case 0 -> { r[(pc + 10) & 15] = r[(pc + 4) & 15] * 1337 ^ mix(r[(pc + 12) & 15], 2); }
                case 1 -> { r[2] += (r[3] >>> 2) + 1197; }
                case 2 -> { acc = acc * 31 + mix(r[6] ^ 891, 14); }
                case 3 -> { if (r[2] > r[7]) { r[2] -= 1131; } else { r[2] ^= acc >>> 14; } }
                case 4 -> { r[(pc + 1) & 15] = r[(pc + 3) & 15] * 1295 ^ mix(r[(pc + 7) & 15], 21); }
                case 5 -> { r[1] += (r[12] >>> 2) + 455; }
                case 6 -> { acc = acc * 31 + mix(r[4] ^ 299, 18); }
                case 7 -> { if (r[3] > r[9]) { r[5] -= 215; } else { r[5] ^= acc >>> 19; } }
                case 8 -> { r[(pc + 6) & 15] = r[(pc + 11) & 15] * 1125 ^ mix(r[(pc + 3) & 15], 23); }
                case 9 -> { r[2] += (r[1] >>> 22) + 1019; }
                case 10 -> { acc = acc * 31 + mix(r[13] ^ 1203, 30); }
                case 11 -> { if (r[14] > r[11]) { r[9] -= 511; } else { r[9] ^= acc >>> 26; } }
                case 12 -> { r[(pc + 5) & 15] = r[(pc + 7) & 15] * 1179 ^ mix(r[(pc + 2) & 15], 10); }
                case 13 -> { r[15] += (r[10] >>> 20) + 593; }
                case 14 -> { acc = acc * 31 + mix(r[2] ^ 341, 25); }
                case 15 -> { if (r[10] > r[4]) { r[15] -= 867; } else { r[15] ^= acc >>> 2; } }
                case 16 -> { r[(pc + 2) & 15] = r[(pc + 10) & 15] * 1427 ^ mix(r[(pc + 10) & 15], 12); }
                case 17 -> { r[15] += (r[14] >>> 3) + 1723; }
                case 18 -> { acc = acc * 31 + mix(r[8] ^ 127, 24); }
                case 19 -> { if (r[9] > r[14]) { r[9] -= 1471; } else { r[9] ^= acc >>> 13; } }
                case 20 -> { r[(pc + 11) & 15] = r[(pc + 0) & 15] * 731 ^ mix(r[(pc + 14) & 15], 6); }
                case 21 -> { r[3] += (r[15] >>> 25) + 449; }
                case 22 -> { acc = acc * 31 + mix(r[9] ^ 817, 13); }
                case 23 -> { if (r[15] > r[2]) { r[5] -= 923; } else { r[5] ^= acc >>> 13; } }
                case 24 -> { r[(pc + 8) & 15] = r[(pc + 4) & 15] * 1773 ^ mix(r[(pc + 13) & 15], 18); }
                case 25 -> { r[8] += (r[13] >>> 29) + 1401; }
                case 26 -> { acc = acc * 31 + mix(r[12] ^ 173, 6); }
                case 27 -> { if (r[4] > r[7]) { r[7] -= 27; } else { r[7] ^= acc >>> 16; } }
                case 28 -> { r[(pc + 5) & 15] = r[(pc + 8) & 15] * 11 ^ mix(r[(pc + 9) & 15], 5); }
                case 29 -> { r[13] += (r[11] >>> 5) + 1955; }
                case 30 -> { acc = acc * 31 + mix(r[1] ^ 819, 13); }
                case 31 -> { if (r[12] > r[3]) { r[15] -= 1303; } else { r[15] ^= acc >>> 13; } }
                case 32 -> { r[(pc + 1) & 15] = r[(pc + 6) & 15] * 431 ^ mix(r[(pc + 2) & 15], 15); }
                case 33 -> { r[5] += (r[3] >>> 2) + 1233; }
                case 34 -> { acc = acc * 31 + mix(r[3] ^ 1101, 4); }
                case 35 -> { if (r[11] > r[0]) { r[2] -= 1793; } else { r[2] ^= acc >>> 7; } }
                case 36 -> { r[(pc + 12) & 15] = r[(pc + 4) & 15] * 1959 ^ mix(r[(pc + 8) & 15], 12); }
                case 37 -> { r[11] += (r[15] >>> 28) + 239; }
                case 38 -> { acc = acc * 31 + mix(r[15] ^ 993, 10); }
                case 39 -> { if (r[2] > r[4]) { r[3] -= 1539; } else { r[3] ^= acc >>> 11; } }
                case 40 -> { r[(pc + 8) & 15] = r[(pc + 15) & 15] * 1061 ^ mix(r[(pc + 5) & 15], 1); }
                case 41 -> { r[6] += (r[11] >>> 18) + 1417; }
                case 42 -> { acc = acc * 31 + mix(r[0] ^ 1429, 28); }
                case 43 -> { if (r[8] > r[11]) { r[5] -= 731; } else { r[5] ^= acc >>> 25; } }
                case 44 -> { r[(pc + 7) & 15] = r[(pc + 10) & 15] * 1259 ^ mix(r[(pc + 7) & 15], 26); }
                case 45 -> { r[6] += (r[7] >>> 26) + 1519; }
                case 46 -> { acc = acc * 31 + mix(r[7] ^ 731, 24); }
                case 47 -> { if (r[0] > r[0]) { r[8] -= 971; } else { r[8] ^= acc >>> 9; } }
                case 48 -> { r[(pc + 6) & 15] = r[(pc + 11) & 15] * 1659 ^ mix(r[(pc + 14) & 15], 30); }
                case 49 -> { r[11] += (r[11] >>> 4) + 455; }
                case 50 -> { acc = acc * 31 + mix(r[7] ^ 695, 7); }
                case 51 -> { if (r[15] > r[0]) { r[15] -= 1865; } else { r[15] ^= acc >>> 21; } }
                case 52 -> { r[(pc + 11) & 15] = r[(pc + 2) & 15] * 1867 ^ mix(r[(pc + 3) & 15], 13); }
                case 53 -> { r[6] += (r[15] >>> 26) + 891; }
                case 54 -> { acc = acc * 31 + mix(r[10] ^ 951, 13); }
                case 55 -> { if (r[2] > r[5]) { r[5] -= 263; } else { r[5] ^= acc >>> 1; } }
                case 56 -> { r[(pc + 4) & 15] = r[(pc + 14) & 15] * 1255 ^ mix(r[(pc + 4) & 15], 27); }
                case 57 -> { r[15] += (r[11] >>> 18) + 1127; }
                case 58 -> { acc = acc * 31 + mix(r[4] ^ 1641, 24); }
                case 59 -> { if (r[3] > r[4]) { r[13] -= 1789; } else { r[13] ^= acc >>> 7; } }
                case 60 -> { r[(pc + 6) & 15] = r[(pc + 0) & 15] * 439 ^ mix(r[(pc + 8) & 15], 10); }
                case 61 -> { r[7] += (r[10] >>> 14) + 1117; }
                case 62 -> { acc = acc * 31 + mix(r[4] ^ 1841, 15); }
                case 63 -> { if (r[13] > r[4]) { r[4] -= 1075; } else { r[4] ^= acc >>> 17; } }
                case 64 -> { r[(pc + 0) & 15] = r[(pc + 14) & 15] * 1249 ^ mix(r[(pc + 5) & 15], 1); }
                case 65 -> { r[4] += (r[5] >>> 20) + 973; }
                case 66 -> { acc = acc * 31 + mix(r[3] ^ 1401, 17); }
                case 67 -> { if (r[15] > r[3]) { r[1] -= 511; } else { r[1] ^= acc >>> 7; } }
                case 68 -> { r[(pc + 8) & 15] = r[(pc + 1) & 15] * 1043 ^ mix(r[(pc + 3) & 15], 15); }
                case 69 -> { r[0] += (r[2] >>> 20) + 669; }
                case 70 -> { acc = acc * 31 + mix(r[6] ^ 1043, 18); }
                case 71 -> { if (r[15] > r[7]) { r[8] -= 1893; } else { r[8] ^= acc >>> 18; } }
                case 72 -> { r[(pc + 6) & 15] = r[(pc + 14) & 15] * 857 ^ mix(r[(pc + 4) & 15], 4); }
                case 73 -> { r[12] += (r[14] >>> 22) + 151; }
                case 74 -> { acc = acc * 31 + mix(r[7] ^ 439, 22); }
                case 75 -> { if (r[9] > r[3]) { r[4] -= 1927; } else { r[4] ^= acc >>> 23; } }
                case 76 -> { r[(pc + 11) & 15] = r[(pc + 4) & 15] * 1811 ^ mix(r[(pc + 8) & 15], 5); }
                case 77 -> { r[14] += (r[7] >>> 29) + 819; }
                case 78 -> { acc = acc * 31 + mix(r[15] ^ 333, 23); }
                case 79 -> { if (r[13] > r[12]) { r[10] -= 865; } else { r[10] ^= acc >>> 7; } }
                case 80 -> { r[(pc + 11) & 15] = r[(pc + 10) & 15] * 1481 ^ mix(r[(pc + 2) & 15], 12); }
                case 81 -> { r[0] += (r[10] >>> 23) + 905; }
                case 82 -> { acc = acc * 31 + mix(r[0] ^ 1063, 20); }
                case 83 -> { if (r[9] > r[2]) { r[3] -= 1885; } else { r[3] ^= acc >>> 26; } }
                case 84 -> { r[(pc + 7) & 15] = r[(pc + 3) & 15] * 547 ^ mix(r[(pc + 2) & 15], 9); }
                case 85 -> { r[1] += (r[5] >>> 5) + 1551; }
                case 86 -> { acc = acc * 31 + mix(r[13] ^ 309, 18); }
                case 87 -> { if (r[15] > r[10]) { r[2] -= 575; } else { r[2] ^= acc >>> 2; } }
                case 88 -> { r[(pc + 5) & 15] = r[(pc + 13) & 15] * 553 ^ mix(r[(pc + 2) & 15], 1); }
                case 89 -> { r[2] += (r[8] >>> 28) + 1249; }
                case 90 -> { acc = acc * 31 + mix(r[7] ^ 1769, 4); }
                case 91 -> { if (r[14] > r[0]) { r[10] -= 1135; } else { r[10] ^= acc >>> 14; } }
                case 92 -> { r[(pc + 8) & 15] = r[(pc + 4) & 15] * 1083 ^ mix(r[(pc + 1) & 15], 23); }
                case 93 -> { r[7] += (r[3] >>> 2) + 539; }
                case 94 -> { acc = acc * 31 + mix(r[5] ^ 1291, 10); }
                case 95 -> { if (r[6] > r[9]) { r[14] -= 1027; } else { r[14] ^= acc >>> 22; } }
                case 96 -> { r[(pc + 5) & 15] = r[(pc + 8) & 15] * 1649 ^ mix(r[(pc + 11) & 15], 1); }
                case 97 -> { r[8] += (r[1] >>> 24) + 41; }
                case 98 -> { acc = acc * 31 + mix(r[6] ^ 1917, 15); }
                case 99 -> { if (r[3] > r[13]) { r[15] -= 1121; } else { r[15] ^= acc >>> 27; } }
                case 100 -> { r[(pc + 12) & 15] = r[(pc + 9) & 15] * 473 ^ mix(r[(pc + 6) & 15], 11); }
                case 101 -> { r[6] += (r[4] >>> 2) + 715; }
                case 102 -> { acc = acc * 31 + mix(r[4] ^ 1283, 24); }
                case 103 -> { if (r[8] > r[13]) { r[5] -= 117; } else { r[5] ^= acc >>> 3; } }
                case 104 -> { r[(pc + 12) & 15] = r[(pc + 9) & 15] * 1421 ^ mix(r[(pc + 7) & 15], 10); }
                case 105 -> { r[1] += (r[14] >>> 9) + 325; }
                case 106 -> { acc = acc * 31 + mix(r[14] ^ 749, 11); }
                case 107 -> { if (r[10] > r[7]) { r[1] -= 1981; } else { r[1] ^= acc >>> 29; } }
                case 108 -> { r[(pc + 9) & 15] = r[(pc + 6) & 15] * 377 ^ mix(r[(pc + 11) & 15], 1); }
                case 109 -> { r[10] += (r[12] >>> 9) + 975; }
                case 110 -> { acc = acc * 31 + mix(r[6] ^ 189, 9); }
                case 111 -> { if (r[2] > r[4]) { r[12] -= 1205; } else { r[12] ^= acc >>> 2; } }
                case 112 -> { r[(pc + 12) & 15] = r[(pc + 0) & 15] * 627 ^ mix(r[(pc + 9) & 15], 21); }
                case 113 -> { r[7] += (r[2] >>> 29) + 1349; }
                case 114 -> { acc = acc * 31 + mix(r[12] ^ 309, 10); }
                case 115 -> { if (r[4] > r[1]) { r[13] -= 1505; } else { r[13] ^= acc >>> 23; } }
                case 116 -> { r[(pc + 4) & 15] = r[(pc + 0) & 15] * 177 ^ mix(r[(pc + 7) & 15], 1); }
                case 117 -> { r[1] += (r[4] >>> 4) + 1969; }
                case 118 -> { acc = acc * 31 + mix(r[12] ^ 1289, 1); }
                case 119 -> { if (r[7] > r[15]) { r[8] -= 9; } else { r[8] ^= acc >>> 15; } }
                case 120 -> { r[(pc + 2) & 15] = r[(pc + 2) & 15] * 1531 ^ mix(r[(pc + 2) & 15], 24); }
                case 121 -> { r[15] += (r[8] >>> 9) + 1735; }
                case 122 -> { acc = acc * 31 + mix(r[7] ^ 1519, 21); }
                case 123 -> { if (r[14] > r[15]) { r[12] -= 161; } else { r[12] ^= acc >>> 16; } }
                case 124 -> { r[(pc + 9) & 15] = r[(pc + 1) & 15] * 161 ^ mix(r[(pc + 6) & 15], 20); }
                case 125 -> { r[4] += (r[10] >>> 24) + 1337; }
                case 126 -> { acc = acc * 31 + mix(r[9] ^ 991, 2); }
                case 127 -> { if (r[15] > r[8]) { r[3] -= 1421; } else { r[3] ^= acc >>> 7; } }
                case 128 -> { r[(pc + 15) & 15] = r[(pc + 9) & 15] * 955 ^ mix(r[(pc + 9) & 15], 15); }
                case 129 -> { r[14] += (r[3] >>> 3) + 641; }
                case 130 -> { acc = acc * 31 + mix(r[15] ^ 943, 3); }
                case 131 -> { if (r[14] > r[8]) { r[12] -= 433; } else { r[12] ^= acc >>> 30; } }
                case 132 -> { r[(pc + 6) & 15] = r[(pc + 2) & 15] * 293 ^ mix(r[(pc + 2) & 15], 24); }
                case 133 -> { r[8] += (r[11] >>> 27) + 1239; }
                case 134 -> { acc = acc * 31 + mix(r[8] ^ 477, 16); }
                case 135 -> { if (r[15] > r[12]) { r[0] -= 329; } else { r[0] ^= acc >>> 1; } }
                case 136 -> { r[(pc + 15) & 15] = r[(pc + 14) & 15] * 621 ^ mix(r[(pc + 12) & 15], 24); }
                case 137 -> { r[4] += (r[13] >>> 11) + 773; }
                case 138 -> { acc = acc * 31 + mix(r[3] ^ 667, 25); }
                case 139 -> { if (r[10] > r[12]) { r[3] -= 1927; } else { r[3] ^= acc >>> 30; } }
                case 140 -> { r[(pc + 6) & 15] = r[(pc + 0) & 15] * 521 ^ mix(r[(pc + 9) & 15], 12); }
                case 141 -> { r[2] += (r[12] >>> 19) + 1785; }
                case 142 -> { acc = acc * 31 + mix(r[2] ^ 1551, 9); }
                case 143 -> { if (r[1] > r[8]) { r[3] -= 109; } else { r[3] ^= acc >>> 27; } }
                case 144 -> { r[(pc + 9) & 15] = r[(pc + 4) & 15] * 1991 ^ mix(r[(pc + 7) & 15], 9); }
                case 145 -> { r[13] += (r[10] >>> 12) + 1587; }
                case 146 -> { acc = acc * 31 + mix(r[13] ^ 1873, 29); }
                case 147 -> { if (r[6] > r[2]) { r[1] -= 1915; } else { r[1] ^= acc >>> 24; } }
                case 148 -> { r[(pc + 13) & 15] = r[(pc + 14) & 15] * 1323 ^ mix(r[(pc + 4) & 15], 28); }
                case 149 -> { r[9] += (r[15] >>> 30) + 1871; }
                case 150 -> { acc = acc * 31 + mix(r[4] ^ 853, 11); }
                case 151 -> { if (r[9] > r[9]) { r[8] -= 1517; } else { r[8] ^= acc >>> 24; } }
                case 152 -> { r[(pc + 8) & 15] = r[(pc + 12) & 15] * 619 ^ mix(r[(pc + 7) & 15], 16); }
                case 153 -> { r[12] += (r[3] >>> 6) + 1321; }
                case 154 -> { acc = acc * 31 + mix(r[2] ^ 1131, 8); }
                case 155 -> { if (r[14] > r[10]) { r[14] -= 879; } else { r[14] ^= acc >>> 5; } }
                case 156 -> { r[(pc + 6) & 15] = r[(pc + 7) & 15] * 361 ^ mix(r[(pc + 2) & 15], 11); }
                case 157 -> { r[2] += (r[10] >>> 9) + 757; }
                case 158 -> { acc = acc * 31 + mix(r[6] ^ 787, 14); }
                case 159 -> { if (r[6] > r[12]) { r[8] -= 695; } else { r[8] ^= acc >>> 25; } }
                case 160 -> { r[(pc + 1) & 15] = r[(pc + 15) & 15] * 1179 ^ mix(r[(pc + 8) & 15], 12); }
                case 161 -> { r[4] += (r[6] >>> 29) + 559; }
                case 162 -> { acc = acc * 31 + mix(r[7] ^ 1325, 15); }
                case 163 -> { if (r[13] > r[9]) { r[0] -= 263; } else { r[0] ^= acc >>> 2; } }
                case 164 -> { r[(pc + 13) & 15] = r[(pc + 15) & 15] * 3 ^ mix(r[(pc + 15) & 15], 3); }
                case 165 -> { r[12] += (r[14] >>> 26) + 511; }
                case 166 -> { acc = acc * 31 + mix(r[3] ^ 315, 17); }
                case 167 -> { if (r[3] > r[14]) { r[2] -= 1133; } else { r[2] ^= acc >>> 25; } }
                case 168 -> { r[(pc + 1) & 15] = r[(pc + 0) & 15] * 479 ^ mix(r[(pc + 4) & 15], 19); }
                case 169 -> { r[1] += (r[9] >>> 9) + 1287; }
                case 170 -> { acc = acc * 31 + mix(r[13] ^ 147, 10); }
                case 171 -> { if (r[6] > r[12]) { r[8] -= 461; } else { r[8] ^= acc >>> 26; } }
                case 172 -> { r[(pc + 0) & 15] = r[(pc + 0) & 15] * 947 ^ mix(r[(pc + 9) & 15], 9); }
                case 173 -> { r[10] += (r[7] >>> 8) + 1081; }
                case 174 -> { acc = acc * 31 + mix(r[7] ^ 1447, 21); }
                case 175 -> { if (r[9] > r[1]) { r[0] -= 401; } else { r[0] ^= acc >>> 16; } }
                case 176 -> { r[(pc + 13) & 15] = r[(pc + 2) & 15] * 469 ^ mix(r[(pc + 8) & 15], 22); }
                case 177 -> { r[13] += (r[11] >>> 2) + 1013; }
                case 178 -> { acc = acc * 31 + mix(r[10] ^ 1401, 13); }
                case 179 -> { if (r[6] > r[0]) { r[9] -= 1517; } else { r[9] ^= acc >>> 28; } }
                case 180 -> { r[(pc + 2) & 15] = r[(pc + 6) & 15] * 1989 ^ mix(r[(pc + 15) & 15], 7); }
                case 181 -> { r[9] += (r[6] >>> 8) + 955; }
                case 182 -> { acc = acc * 31 + mix(r[8] ^ 1953, 20); }
                case 183 -> { if (r[15] > r[5]) { r[7] -= 997; } else { r[7] ^= acc >>> 14; } }
                case 184 -> { r[(pc + 1) & 15] = r[(pc + 4) & 15] * 115 ^ mix(r[(pc + 12) & 15], 7); }
                case 185 -> { r[0] += (r[4] >>> 23) + 109; }
                case 186 -> { acc = acc * 31 + mix(r[1] ^ 923, 29); }
                case 187 -> { if (r[10] > r[3]) { r[2] -= 1911; } else { r[2] ^= acc >>> 6; } }
                case 188 -> { r[(pc + 10) & 15] = r[(pc + 6) & 15] * 1339 ^ mix(r[(pc + 5) & 15], 30); }
                case 189 -> { r[14] += (r[1] >>> 24) + 1363; }
                case 190 -> { acc = acc * 31 + mix(r[12] ^ 909, 6); }
                case 191 -> { if (r[3] > r[0]) { r[2] -= 577; } else { r[2] ^= acc >>> 3; } }
                case 192 -> { r[(pc + 11) & 15] = r[(pc + 13) & 15] * 1153 ^ mix(r[(pc + 3) & 15], 25); }
                case 193 -> { r[6] += (r[12] >>> 27) + 1577; }
                case 194 -> { acc = acc * 31 + mix(r[9] ^ 103, 23); }
                case 195 -> { if (r[15] > r[6]) { r[11] -= 1113; } else { r[11] ^= acc >>> 30; } }
                case 196 -> { r[(pc + 14) & 15] = r[(pc + 6) & 15] * 749 ^ mix(r[(pc + 10) & 15], 24); }
                case 197 -> { r[15] += (r[0] >>> 26) + 511; }
                case 198 -> { acc = acc * 31 + mix(r[12] ^ 75, 15); }
                case 199 -> { if (r[2] > r[1]) { r[8] -= 403; } else { r[8] ^= acc >>> 24; } }
                case 200 -> { r[(pc + 2) & 15] = r[(pc + 10) & 15] * 561 ^ mix(r[(pc + 11) & 15], 11); }
                case 201 -> { r[1] += (r[8] >>> 9) + 1895; }
                case 202 -> { acc = acc * 31 + mix(r[9] ^ 53, 27); }
                case 203 -> { if (r[7] > r[3]) { r[15] -= 1469; } else { r[15] ^= acc >>> 15; } }
                case 204 -> { r[(pc + 12) & 15] = r[(pc + 8) & 15] * 1671 ^ mix(r[(pc + 13) & 15], 16); }
                case 205 -> { r[4] += (r[15] >>> 26) + 21; }
                case 206 -> { acc = acc * 31 + mix(r[9] ^ 675, 28); }
                case 207 -> { if (r[10] > r[14]) { r[11] -= 1609; } else { r[11] ^= acc >>> 26; } }
                case 208 -> { r[(pc + 2) & 15] = r[(pc + 6) & 15] * 1545 ^ mix(r[(pc + 12) & 15], 6); }
                case 209 -> { r[7] += (r[13] >>> 2) + 1333; }
                case 210 -> { acc = acc * 31 + mix(r[15] ^ 877, 29); }
                case 211 -> { if (r[3] > r[2]) { r[8] -= 1283; } else { r[8] ^= acc >>> 3; } }
                case 212 -> { r[(pc + 6) & 15] = r[(pc + 3) & 15] * 1023 ^ mix(r[(pc + 13) & 15], 23); }
                case 213 -> { r[14] += (r[5] >>> 14) + 275; }
                case 214 -> { acc = acc * 31 + mix(r[14] ^ 1599, 27); }
                case 215 -> { if (r[9] > r[9]) { r[8] -= 1163; } else { r[8] ^= acc >>> 9; } }
                default -> acc ^= op;
            }
            pc = (pc + 1) % program.length;
        }
        return acc ^ r[0] ^ r[7] ^ r[15];
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        int[] program = new int[4096];
        long seed = 42;
        for (int i = 0; i < program.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            program[i] = (int) ((seed >>> 33) % 216);
        }
        long sum = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < runs; k++) {
            long[] r = new long[16];
            for (int i = 0; i < 16; i++) {
                r[i] = i * 1000003L + k;
            }
            sum += run(program, r, steps);
        }
        System.out.println("checksum " + sum + " mix_calls " + mixCalls);
        System.err.println("time_ms " + (System.nanoTime() - t0) / 1_000_000);
    }
}
