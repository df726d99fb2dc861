//! Hand-written port of payoff.tiles.Fingerprint#of (the labelled tile service's blob fingerprint).
mod ffi;
pub use ffi::PortError;

const P1: u64 = 0x9E3779B185EBCA87;
const P2: u64 = 0xC2B2AE3D27D4EB4F;

/// Same result as the Java method for every input: a 64-bit multiply-rotate hash over 8-byte little-endian words.
pub fn of(arg0: &[i8], arg1: i64) -> Result<i64, PortError> {
    // i8 and u8 have the same layout; the hash reads bytes
    let data: &[u8] = unsafe { std::slice::from_raw_parts(arg0.as_ptr() as *const u8, arg0.len()) };
    let seed = arg1 as u64;
    let mut h1 = seed ^ P1;
    let mut h2 = seed ^ P2;
    let n = data.len();
    let mut chunks = data.chunks_exact(16);
    for c in &mut chunks {
        let a = u64::from_le_bytes(c[0..8].try_into().unwrap());
        let b = u64::from_le_bytes(c[8..16].try_into().unwrap());
        h1 = (h1 ^ a.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1);
        h2 = (h2 ^ b.wrapping_mul(P1)).rotate_left(27).wrapping_mul(P2);
    }
    for &x in chunks.remainder() {
        h1 = (h1 ^ (x as u64).wrapping_mul(P1)).rotate_left(11).wrapping_mul(P2);
    }
    let mut h = h1 ^ h2.rotate_left(17) ^ (n as u64);
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    Ok(h as i64)
}
