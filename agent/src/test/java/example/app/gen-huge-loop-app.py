#!/usr/bin/env python3
# Generates HugeLoopApp.java (python3 gen-huge-loop-app.py 216 HugeLoopApp.java); fixed seed, so the output is stable.
import random, sys
random.seed(7)
n = int(sys.argv[1])
cases = []
for k in range(n):
    a, b, d = random.randrange(16), random.randrange(16), random.randrange(16)
    c = random.randrange(3, 2000) | 1
    e = random.randrange(1, 31)
    kind = k % 4
    if kind == 0:
        body = f"r[(pc + {a}) & 15] = r[(pc + {b}) & 15] * {c} ^ mix(r[(pc + {d}) & 15], {e});"
    elif kind == 1:
        body = f"r[{a}] += (r[{b}] >>> {e}) + {c};"
    elif kind == 2:
        body = f"acc = acc * 31 + mix(r[{a}] ^ {c}, {e});"
    else:
        body = f"if (r[{a}] > r[{b}]) {{ r[{d}] -= {c}; }} else {{ r[{d}] ^= acc >>> {e}; }}"
    cases.append(f"                case {k} -> {{ {body} }}")
src = f'''package example.app;

/**
 * An interpreter-like program whose dispatch loop ({{@link #run}}) is a single large method, close to HotSpot's
 * HugeMethodLimit (8,000 bytes of bytecode) as the main loops of real interpreters are: instrumented in full (the
 * probe plus the call-site counters of {{@link #mix}}), it would cross the limit and never be compiled. Generated
 * by a script (a fixed seed), {n} opcodes; {{@code HugeMethodIT}} checks its size.
 *
 * <p>Arguments: the number of steps per run and of runs; prints a checksum, identical with and without the agent.
 */
public final class HugeLoopApp {{
    private HugeLoopApp() {{}}

    /** The program's own count of {{@link #mix}} calls, printed at the end: the truth the agent's count must match. */
    static long mixCalls;

    /** A trivial private helper, counted at its call sites when its callers may be rewritten. */
    private static long mix(long x, int s) {{
        mixCalls++;
        return Long.rotateLeft(x * 0x9E3779B97F4A7C15L, s) ^ (x >>> 29);
    }}

    /** Runs {{@code steps}} instructions of a pseudo-random program over 16 registers; returns a checksum. */
    static long run(int[] program, long[] r, int steps) {{
        long acc = 1;
        int pc = 0;
        for (int i = 0; i < steps; i++) {{
            int op = program[pc];
            switch (op) {{
{chr(10).join(cases)}
                default -> acc ^= op;
            }}
            pc = (pc + 1) % program.length;
        }}
        return acc ^ r[0] ^ r[7] ^ r[15];
    }}

    public static void main(String[] args) {{
        int steps = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        int[] program = new int[4096];
        long seed = 42;
        for (int i = 0; i < program.length; i++) {{
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            program[i] = (int) ((seed >>> 33) % {n});
        }}
        long sum = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < runs; k++) {{
            long[] r = new long[16];
            for (int i = 0; i < 16; i++) {{
                r[i] = i * 1000003L + k;
            }}
            sum += run(program, r, steps);
        }}
        System.out.println("checksum " + sum + " mix_calls " + mixCalls);
        System.err.println("time_ms " + (System.nanoTime() - t0) / 1_000_000);
    }}
}}
'''
open(sys.argv[2] if len(sys.argv) > 2 else "HugeLoopApp.java", "w").write(src)
