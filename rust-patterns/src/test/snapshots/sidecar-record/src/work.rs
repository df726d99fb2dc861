//! Your task body. Edit freely: regenerating never overwrites this file once you changed it (unless
//! forced). It runs on one of the sidecar's worker threads; keep state in statics or thread-locals
//! if you need it across tasks.

use crate::record::Record;

/// Computes one task. `Err(message)` completes the Java future exceptionally with that message; a
/// panic is caught and reported the same way (the worker survives).
pub fn work(input: &Record) -> Result<f64, String> {
    let _ = input;
    Err("not yet ported: write the task body in src/work.rs".to_string())
}
