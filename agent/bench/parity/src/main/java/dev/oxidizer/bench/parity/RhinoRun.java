package dev.oxidizer.bench.parity;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs bench.js in Mozilla Rhino for a number of rounds and prints a checksum and the time of the second half.
 * {@code interpreted} runs Rhino's interpreter (its dispatch loop, {@code Interpreter.interpretLoop}, is one of the
 * largest methods in common use); {@code compiled} has Rhino generate JVM bytecode for the script.
 *
 * <p>Usage: {@code RhinoRun interpreted|compiled ROUNDS}
 */
public final class RhinoRun {
    private RhinoRun() {}

    public static void main(String[] args) throws IOException {
        boolean interpreted = args[0].equals("interpreted");
        int rounds = Integer.parseInt(args[1]);
        String source;
        try (InputStream in = RhinoRun.class.getResourceAsStream("/bench.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Context cx = Context.enter()) {
            cx.setInterpretedMode(interpreted);
            Scriptable scope = cx.initStandardObjects();
            cx.evaluateString(scope, source, "bench.js", 1, null);
            Function work = (Function) scope.get("work", scope);
            long checksum = 0;
            long halfStart = 0;
            for (int r = 0; r < rounds; r++) {
                if (r == rounds / 2) {
                    halfStart = System.nanoTime();
                }
                Object v = work.call(cx, scope, scope, new Object[] {r});
                checksum = checksum * 31 + (long) Context.toNumber(v);
            }
            System.err.println("checksum " + checksum);
            System.err.printf("steady_ms %.1f%n", (System.nanoTime() - halfStart) / 1e6);
        }
    }
}
