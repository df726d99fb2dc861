package dev.oxidizer.stubgen;

import dev.oxidizer.autoport.AutoPort;

import java.util.Map;

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
        b.block(Templates.fill("autoport-lib-head.rs.template", Map.of(
                "key", plan.method().key(),
                "javaSignature", plan.javaSignature(),
                "methods", String.join(", ", port.methods().stream().map(m -> "`" + m + "`").toList()),
                "approximateNote", port.approximate()
                        ? "\n//! It calls `Math` functions that Java computes within 1-2 ulps: results may differ by as much." : "")));
        b.blank();
        b.line("mod ffi;");
        if (port.charTables() != null) {
            b.line("mod jchar;"); // in rustfmt's order
        }
        b.line("mod jrt;");
        b.line("pub use ffi::{JavaException, PortError};");
        b.blank();
        return b.build() + port.rust();
    }
}
