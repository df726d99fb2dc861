package dev.oxidizer.stubgen;

import dev.oxidizer.autoport.AutoPort;

/** {@code src/lib.rs} of an auto-port: the translated functions, the {@code ffi} shim and the {@code jrt} runtime. */
final class AutoLibEmitter {
    private final PortPlan plan;
    private final AutoPort port;

    AutoLibEmitter(PortPlan plan, AutoPort port) {
        this.plan = plan;
        this.port = port;
    }

    String emit() {
        SourceBuilder b = new SourceBuilder("    ");
        b.block("""
                //! Rust port of `%s`
                //! (Java: `%s`), translated from its byte code by `oxidizer generate --auto`.
                //!
                //! Translated methods: %s.
                //! Java's semantics are kept exactly: wrapping integer arithmetic, masked shifts, IEEE floating point
                //! with Java's NaN comparisons, and the exceptions Java throws (`PortError::Java`), via `src/jrt.rs`.%s
                //! Strings are their UTF-16 code units (`&[u16]`), as Java's `charAt` sees them.
                //!
                //! You may edit this file (then it is yours: `oxidizer generate --auto` refuses to overwrite it without
                //! `--force`); `src/ffi.rs` and `src/jrt.rs` are regenerated.
                """.formatted(plan.method().key(), plan.javaSignature(), String.join(", ", port.methods().stream().map(m -> "`" + m + "`").toList()),
                port.approximate() ? "\n//! It calls `Math` functions that Java computes within 1-2 ulps: results may differ by as much." : ""));
        b.blank();
        b.line("mod ffi;");
        b.line("mod jrt;");
        b.line("pub use ffi::{JavaException, PortError};");
        b.blank();
        return b.build() + port.rust();
    }
}
