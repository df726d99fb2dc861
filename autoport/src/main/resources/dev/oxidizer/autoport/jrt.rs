//! Java semantics for code translated by Oxidizer's auto-port (`oxidizer generate --auto`).
//! Generated, do not edit: every helper does exactly what the JVM instruction or JDK method of the same name does,
//! including the exception it throws. A Java exception does not travel as a `Result` through every instruction: it
//! unwinds (`throw`, never returning, `#[cold]`, like Rust's own bounds-check failure) to the translated entry
//! function, whose `catch` turns it into `PortError::Java`. So a check in a hot loop costs a compare and a branch to
//! cold code, the loop keeps its values in registers, and LLVM is free to move or merge checks. `resume_unwind` runs
//! no panic hook (nothing is printed); a genuine Rust panic is not a `Thrown` and keeps unwinding to `ffi.rs`.
#![allow(dead_code)]

use crate::ffi::{JavaException, PortError};

/// A Java exception in flight between `throw` and the entry function's `catch`.
pub struct Thrown(pub PortError);

#[cold]
#[inline(never)]
pub fn throw(kind: JavaException, message: String) -> ! {
    std::panic::resume_unwind(Box::new(Thrown(PortError::Java(kind, message))))
}

/// Hands the whole call back to the Java method (`JavaException::Deferred`): an input the translation does not
/// cover. Only ports that write no argument defer, so the Java method then sees the call as it was.
#[cold]
#[inline(never)]
pub fn defer() -> ! {
    throw(JavaException::Deferred, String::new())
}

/// Runs a translated body: the Java exception it throws becomes `Err`; any other unwinding goes on.
#[inline(always)]
pub fn catch<T>(body: impl FnOnce() -> T) -> Result<T, PortError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(v) => Ok(v),
        Err(payload) => match payload.downcast::<Thrown>() {
            Ok(t) => Err(t.0),
            Err(other) => std::panic::resume_unwind(other),
        },
    }
}

/// Whether this CPU runs the AVX2 copy of a translated function (detected once, then a relaxed load).
#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
#[inline(always)]
pub fn has_avx2() -> bool {
    std::is_x86_feature_detected!("avx2")
}

#[cold]
#[inline(never)]
fn aioobe(index: i64, length: usize) -> ! {
    throw(
        JavaException::ArrayIndexOutOfBounds,
        format!("Index {index} out of bounds for length {length}"),
    )
}

#[cold]
#[inline(never)]
fn sioobe(what: &str, index: i32, length: usize) -> ! {
    throw(
        JavaException::StringIndexOutOfBounds,
        format!("{what} {index} out of bounds for length {length}"),
    )
}

#[cold]
#[inline(never)]
fn div_by_zero() -> ! {
    throw(JavaException::Arithmetic, "/ by zero".to_string())
}

#[cold]
#[inline(never)]
fn overflow(what: &str) -> ! {
    throw(JavaException::Arithmetic, format!("{what} overflow"))
}

/// `xaload`: element `i`, or ArrayIndexOutOfBoundsException.
#[inline(always)]
pub fn ld<T: Copy>(a: &[T], i: i32) -> T {
    match a.get(i as usize) {
        Some(v) => *v,
        None => aioobe(i as i64, a.len()),
    }
}

/// `xastore`.
#[inline(always)]
pub fn st<T: Copy>(a: &mut [T], i: i32, v: T) {
    let len = a.len();
    match a.get_mut(i as usize) {
        Some(slot) => {
            *slot = v;
        }
        None => aioobe(i as i64, len),
    }
}

/// `xaload` whose index a check before the loop proved in bounds (loop versioning, docs/generator.md).
///
/// # Safety
/// `0 <= i < a.len()`.
#[inline(always)]
pub unsafe fn ld_unchecked<T: Copy>(a: &[T], i: i32) -> T {
    debug_assert!(i >= 0 && (i as usize) < a.len());
    // SAFETY: the caller's hoisted check (see the function's contract).
    unsafe { *a.get_unchecked(i as usize) }
}

/// `xastore` whose index a check before the loop proved in bounds (loop versioning, docs/generator.md).
///
/// # Safety
/// `0 <= i < a.len()`.
#[inline(always)]
pub unsafe fn st_unchecked<T: Copy>(a: &mut [T], i: i32, v: T) {
    debug_assert!(i >= 0 && (i as usize) < a.len());
    // SAFETY: the caller's hoisted check (see the function's contract).
    unsafe {
        *a.get_unchecked_mut(i as usize) = v;
    }
}

/// `arraylength` (Java arrays are shorter than 2^31).
#[inline(always)]
pub fn len<T>(a: &[T]) -> i32 {
    a.len() as i32
}

/// `newarray`: zero-filled, or NegativeArraySizeException.
#[inline(always)]
pub fn new_array<T: Copy + Default>(n: i32) -> Vec<T> {
    if n < 0 {
        throw(JavaException::NegativeArraySize, n.to_string());
    }
    vec![T::default(); n as usize]
}

/// `multianewarray` of a two-dimensional primitive table (`new T[rows][cols]`): zero-filled rows, or
/// NegativeArraySizeException naming the first negative count, as HotSpot checks them.
#[inline(always)]
pub fn new_table<T: Copy + Default>(rows: i32, cols: i32) -> Vec<Vec<T>> {
    if rows < 0 {
        throw(JavaException::NegativeArraySize, rows.to_string());
    }
    if cols < 0 {
        throw(JavaException::NegativeArraySize, cols.to_string());
    }
    vec![vec![T::default(); cols as usize]; rows as usize]
}

/// `aaload` of a table's row: the checked row number, or ArrayIndexOutOfBoundsException.
#[inline(always)]
pub fn row<T>(table: &[Vec<T>], i: i32) -> usize {
    if i >= 0 && (i as usize) < table.len() {
        i as usize
    } else {
        aioobe(i as i64, table.len())
    }
}

#[inline(always)]
pub fn idiv(a: i32, b: i32) -> i32 {
    if b == 0 {
        div_by_zero()
    } else {
        a.wrapping_div(b)
    }
}

#[inline(always)]
pub fn irem(a: i32, b: i32) -> i32 {
    if b == 0 {
        div_by_zero()
    } else {
        a.wrapping_rem(b)
    }
}

#[inline(always)]
pub fn ldiv(a: i64, b: i64) -> i64 {
    if b == 0 {
        div_by_zero()
    } else {
        a.wrapping_div(b)
    }
}

#[inline(always)]
pub fn lrem(a: i64, b: i64) -> i64 {
    if b == 0 {
        div_by_zero()
    } else {
        a.wrapping_rem(b)
    }
}

#[inline(always)]
pub fn iushr(a: i32, s: i32) -> i32 {
    (a as u32).wrapping_shr(s as u32) as i32
}

#[inline(always)]
pub fn lushr(a: i64, s: i32) -> i64 {
    (a as u64).wrapping_shr(s as u32) as i64
}

#[inline(always)]
pub fn lcmp(a: i64, b: i64) -> i32 {
    (a > b) as i32 - (a < b) as i32
}

/// `fcmpl`/`dcmpl`: -1 when either is NaN.
#[inline(always)]
pub fn fcmpl(a: f64, b: f64) -> i32 {
    if a > b {
        1
    } else if a == b {
        0
    } else {
        -1
    }
}

/// `fcmpg`/`dcmpg`: 1 when either is NaN.
#[inline(always)]
pub fn fcmpg(a: f64, b: f64) -> i32 {
    if a < b {
        -1
    } else if a == b {
        0
    } else {
        1
    }
}

// ---- java.lang.Math / StrictMath --------------------------------------------------------------------

#[inline(always)]
pub fn max_f64(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        return a;
    }
    if a == 0.0 && b == 0.0 && a.to_bits() != b.to_bits() {
        return 0.0;
    }
    if a >= b {
        a
    } else {
        b
    }
}

#[inline(always)]
pub fn min_f64(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        return a;
    }
    if a == 0.0 && b == 0.0 && a.to_bits() != b.to_bits() {
        return -0.0;
    }
    if a <= b {
        a
    } else {
        b
    }
}

#[inline(always)]
pub fn max_f32(a: f32, b: f32) -> f32 {
    if a.is_nan() {
        return a;
    }
    if a == 0.0 && b == 0.0 && a.to_bits() != b.to_bits() {
        return 0.0;
    }
    if a >= b {
        a
    } else {
        b
    }
}

#[inline(always)]
pub fn min_f32(a: f32, b: f32) -> f32 {
    if a.is_nan() {
        return a;
    }
    if a == 0.0 && b == 0.0 && a.to_bits() != b.to_bits() {
        return -0.0;
    }
    if a <= b {
        a
    } else {
        b
    }
}

/// `Math.round(double)`: floor(x + 1/2) computed exactly, NaN to 0, saturating.
#[inline(always)]
pub fn round_f64(x: f64) -> i64 {
    let f = x.floor();
    (if x - f >= 0.5 { f + 1.0 } else { f }) as i64
}

#[inline(always)]
pub fn round_f32(x: f32) -> i32 {
    let f = x.floor();
    (if x - f >= 0.5 { f + 1.0 } else { f }) as i32
}

/// 2^`k` for `-1023 < k <= 1023` (`Math.primPowerOfTwoD`).
#[inline(always)]
fn pow2_f64(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// `Math.scalb(double, int)`: `d` × 2^`n` correctly rounded, with JDK 25's sequence of products (all exact but the
/// last), so the result is Java's bit for bit.
pub fn scalb_f64(d: f64, n: i32) -> f64 {
    const BIAS: i32 = 1023;
    const PRECISION: i32 = 53;
    /// 2^1023
    const UP: f64 = f64::from_bits(0x7fe0_0000_0000_0000);
    /// 2^-1023 (subnormal)
    const DOWN: f64 = f64::from_bits(0x0008_0000_0000_0000);
    if n > -BIAS {
        if n <= BIAS {
            return d * pow2_f64(n);
        }
        if n <= 2 * BIAS {
            return d * pow2_f64(n - BIAS) * UP;
        }
        if n < 2 * BIAS + PRECISION - 1 {
            return d * pow2_f64(n - 2 * BIAS) * UP * UP;
        }
        return d * UP * UP * UP;
    }
    if n > -2 * BIAS {
        return d * pow2_f64(n + BIAS) * DOWN;
    }
    if n > -2 * BIAS - PRECISION {
        return d * pow2_f64(n + 2 * BIAS) * DOWN * DOWN;
    }
    d * f64::from_bits(1) * f64::from_bits(1)
}

/// `Math.scalb(float, int)`: the exact product in `f64`, rounded once to `f32`, as Java.
pub fn scalb_f32(f: f32, n: i32) -> f32 {
    // Float.MAX_EXPONENT - Float.MIN_EXPONENT + FloatConsts.SIGNIFICAND_WIDTH + 1
    const MAX_SCALE: i32 = 127 + 126 + 24 + 1;
    (f64::from(f) * pow2_f64(n.clamp(-MAX_SCALE, MAX_SCALE))) as f32
}

#[inline(always)]
pub fn signum_f64(x: f64) -> f64 {
    if x == 0.0 || x.is_nan() {
        x
    } else {
        1.0f64.copysign(x)
    }
}

#[inline(always)]
pub fn signum_f32(x: f32) -> f32 {
    if x == 0.0 || x.is_nan() {
        x
    } else {
        1.0f32.copysign(x)
    }
}

/// `Math.pow`: C's pow except where Java differs (a NaN exponent; ±1 to an infinite power).
#[inline(always)]
pub fn pow(a: f64, b: f64) -> f64 {
    if b.is_nan() || (b.is_infinite() && (a == 1.0 || a == -1.0)) {
        if b == 0.0 {
            1.0
        } else {
            f64::NAN
        }
    } else {
        a.powf(b)
    }
}

#[inline(always)]
pub fn floor_div_i32(a: i32, b: i32) -> i32 {
    let q = idiv(a, b);
    if (a ^ b) < 0 && q.wrapping_mul(b) != a {
        q - 1
    } else {
        q
    }
}

#[inline(always)]
pub fn floor_mod_i32(a: i32, b: i32) -> i32 {
    let r = irem(a, b);
    if (r ^ b) < 0 && r != 0 {
        r + b
    } else {
        r
    }
}

#[inline(always)]
pub fn floor_div_i64(a: i64, b: i64) -> i64 {
    let q = ldiv(a, b);
    if (a ^ b) < 0 && q.wrapping_mul(b) != a {
        q - 1
    } else {
        q
    }
}

#[inline(always)]
pub fn floor_mod_i64(a: i64, b: i64) -> i64 {
    let r = lrem(a, b);
    if (r ^ b) < 0 && r != 0 {
        r + b
    } else {
        r
    }
}

#[inline(always)]
pub fn exact_i32(v: Option<i32>, what: &str) -> i32 {
    match v {
        Some(x) => x,
        None => overflow(what),
    }
}

#[inline(always)]
pub fn exact_i64(v: Option<i64>, what: &str) -> i64 {
    match v {
        Some(x) => x,
        None => overflow(what),
    }
}

// ---- Integer / Long / Character / Float / Double -----------------------------------------------------

#[inline(always)]
pub fn highest_one_bit_i32(i: i32) -> i32 {
    if i == 0 {
        0
    } else {
        ((1u32 << 31) >> (i as u32).leading_zeros()) as i32
    }
}

#[inline(always)]
pub fn highest_one_bit_i64(i: i64) -> i64 {
    if i == 0 {
        0
    } else {
        ((1u64 << 63) >> (i as u64).leading_zeros()) as i64
    }
}

#[inline(always)]
pub fn udiv_i32(a: i32, b: i32) -> i32 {
    if b == 0 {
        div_by_zero()
    } else {
        ((a as u32) / (b as u32)) as i32
    }
}

#[inline(always)]
pub fn urem_i32(a: i32, b: i32) -> i32 {
    if b == 0 {
        div_by_zero()
    } else {
        ((a as u32) % (b as u32)) as i32
    }
}

#[inline(always)]
pub fn udiv_i64(a: i64, b: i64) -> i64 {
    if b == 0 {
        div_by_zero()
    } else {
        ((a as u64) / (b as u64)) as i64
    }
}

#[inline(always)]
pub fn urem_i64(a: i64, b: i64) -> i64 {
    if b == 0 {
        div_by_zero()
    } else {
        ((a as u64) % (b as u64)) as i64
    }
}

/// `Double.compare`: -0.0 < 0.0, NaN above everything and equal to itself.
#[inline(always)]
pub fn compare_f64(a: f64, b: f64) -> i32 {
    if a < b {
        return -1;
    }
    if a > b {
        return 1;
    }
    let x = float_bits_f64(a);
    let y = float_bits_f64(b);
    (x > y) as i32 - (x < y) as i32
}

#[inline(always)]
pub fn compare_f32(a: f32, b: f32) -> i32 {
    if a < b {
        return -1;
    }
    if a > b {
        return 1;
    }
    let x = float_bits_f32(a);
    let y = float_bits_f32(b);
    (x > y) as i32 - (x < y) as i32
}

/// `Double.doubleToLongBits`: every NaN as the canonical 0x7ff8000000000000.
#[inline(always)]
pub fn float_bits_f64(a: f64) -> i64 {
    if a.is_nan() {
        0x7ff8000000000000
    } else {
        a.to_bits() as i64
    }
}

/// `Float.floatToIntBits`: every NaN as 0x7fc00000.
#[inline(always)]
pub fn float_bits_f32(a: f32) -> i32 {
    if a.is_nan() {
        0x7fc00000
    } else {
        a.to_bits() as i32
    }
}

/// `Character.isWhitespace(int)`: Unicode space separators except the no-break ones, plus the ASCII controls
/// Java lists (tab, line feed, vertical tab, form feed, carriage return, and 0x1C to 0x1F).
#[inline(always)]
pub fn is_whitespace(c: i32) -> bool {
    matches!(
        c,
        0x09..=0x0D | 0x1C..=0x20 | 0x1680 | 0x2000..=0x2006 | 0x2008..=0x200A | 0x2028 | 0x2029 | 0x205F | 0x3000
    )
}

// ---- Character's Unicode tables (data in jchar.rs, taken from the JDK that generated the crate) ----------------

/// A set of code points: Latin-1 as a bitmap, the rest as sorted, disjoint, inclusive runs.
pub struct CharSet {
    pub latin1: [u64; 4],
    pub runs: &'static [(u32, u32)],
}

/// An int per code point: Latin-1 directly, the rest as runs `(start, end, base, step)` worth
/// `base + step * (c - start)`, `otherwise` outside them.
pub struct CharValues {
    pub otherwise: i32,
    pub latin1: [i32; 256],
    pub runs: &'static [(u32, u32, i32, i32)],
}

/// A case map: Latin-1 directly, the rest as runs `(start, end, stride, delta)` mapping `c` to `c + delta`
/// when `(c - start) % stride == 0`; every other code point maps to itself.
pub struct CharCase {
    pub latin1: [i32; 256],
    pub runs: &'static [(u32, u32, u32, i32)],
}

/// The run holding `c` (as `u32`: negative ints are above every code point), if any; `bounds` gives a run's
/// first and last code point.
#[inline(always)]
fn run_of<T: Copy>(runs: &[T], c: u32, bounds: impl Fn(&T) -> (u32, u32)) -> Option<T> {
    let n = runs.partition_point(|r| bounds(r).0 <= c);
    let r = *runs.get(n.checked_sub(1)?)?;
    (c <= bounds(&r).1).then_some(r)
}

/// `Character.isDigit`, `isLetter`, ... of the set's table: false for every int that is not a code point.
#[inline(always)]
pub fn in_set(c: i32, t: &CharSet) -> i32 {
    let u = c as u32;
    if u < 256 {
        return ((t.latin1[(u >> 6) as usize] >> (u & 63)) & 1) as i32;
    }
    run_of(t.runs, u, |r| *r).is_some() as i32
}

/// `Character.getType`, `getNumericValue`, ... of the table.
#[inline(always)]
pub fn char_value(c: i32, t: &CharValues) -> i32 {
    let u = c as u32;
    if u < 256 {
        return t.latin1[u as usize];
    }
    run_of(t.runs, u, |r| (r.0, r.1)).map_or(t.otherwise, |(start, _, base, step)| {
        base.wrapping_add(step.wrapping_mul((u - start) as i32))
    })
}

/// `Character.toUpperCase(int)`, `toLowerCase(int)`, `toTitleCase(int)` of the table.
#[inline(always)]
pub fn char_case(c: i32, t: &CharCase) -> i32 {
    let u = c as u32;
    if u < 256 {
        return t.latin1[u as usize];
    }
    match run_of(t.runs, u, |r| (r.0, r.1)) {
        Some((start, _, stride, delta)) if (u - start).is_multiple_of(stride) => {
            c.wrapping_add(delta)
        }
        _ => c,
    }
}

/// `Character.digit(int, int)`: the value `Character.digit(c, 36)` has (`t`), when the radix is 2 to 36 and the
/// value is below it; else -1.
#[inline(always)]
pub fn char_digit(c: i32, radix: i32, t: &CharValues) -> i32 {
    if !(2..=36).contains(&radix) {
        return -1;
    }
    let v = char_value(c, t);
    if v >= 0 && v < radix {
        v
    } else {
        -1
    }
}

/// `Integer.parseInt` and `Long.parseLong` (`min`, `max` their range): an optional `-` or `+`, then at least one
/// digit of the radix by `Character.digit` (Unicode digits included), the value in range; else
/// `NumberFormatException`, as Java.
pub fn parse_integer(s: &[u16], radix: i32, min: i128, max: i128, digits: &CharValues) -> i64 {
    if !(2..=36).contains(&radix) {
        throw(
            JavaException::NumberFormat,
            format!("radix {radix} out of range"),
        );
    }
    let bad = || -> ! {
        throw(
            JavaException::NumberFormat,
            format!(
                "For input string: \"{}\"{}",
                String::from_utf16_lossy(s),
                if radix == 10 {
                    String::new()
                } else {
                    format!(" under radix {radix}")
                }
            ),
        )
    };
    let (negative, start) = match s.first() {
        Some(&c) if c == b'-' as u16 => (true, 1),
        Some(&c) if c == b'+' as u16 => (false, 1),
        Some(_) => (false, 0),
        None => bad(),
    };
    if start == s.len() {
        bad();
    }
    let mut value: i128 = 0;
    for &c in &s[start..] {
        let d = char_digit(c as i32, radix, digits);
        if d < 0 {
            bad();
        }
        value = value * radix as i128 + d as i128;
        if value > max + 1 {
            bad();
        }
    }
    let value = if negative { -value } else { value };
    if value < min || value > max {
        bad();
    }
    value as i64
}

/// `Short.parseShort` and `Byte.parseByte` (`min`, `max` their range): `Integer.parseInt`, then the range, with the
/// JDK's "Value out of range" `NumberFormatException`.
pub fn parse_narrow(s: &[u16], radix: i32, min: i32, max: i32, digits: &CharValues) -> i32 {
    let i = parse_integer(s, radix, i32::MIN as i128, i32::MAX as i128, digits) as i32;
    if i < min || i > max {
        throw(
            JavaException::NumberFormat,
            format!(
                "Value out of range. Value:\"{}\" Radix:{radix}",
                String::from_utf16_lossy(s)
            ),
        );
    }
    i
}

/// `Double.parseDouble`: Java's grammar (`FloatingDecimal`), correctly rounded; else `NumberFormatException`.
pub fn parse_double(s: &[u16]) -> f64 {
    match parse_java_float(s, 53, 1023) {
        Some(v) => v,
        None => bad_float(s),
    }
}

/// `Float.parseFloat`: as `parse_double`, rounded once, directly to `float` (as Java does).
pub fn parse_float(s: &[u16]) -> f32 {
    let text = match java_float_text(s) {
        Some(t) => t,
        None => bad_float(s),
    };
    match text {
        FloatText::Decimal(t) => t.parse::<f32>().unwrap_or_else(|_| bad_float(s)),
        FloatText::Special(v) => v as f32,
        FloatText::Hex(neg, mant, sticky, e2) => {
            f32::from_bits(round_binary(mant, sticky, e2, 24, 127) as u32) * sign(neg) as f32
        }
    }
}

#[cold]
fn bad_float(s: &[u16]) -> ! {
    let t = trim_java(s);
    throw(
        JavaException::NumberFormat,
        if t.is_empty() {
            "empty String".to_string()
        } else {
            format!("For input string: \"{}\"", String::from_utf16_lossy(t))
        },
    )
}

fn sign(negative: bool) -> f64 {
    if negative {
        -1.0
    } else {
        1.0
    }
}

fn parse_java_float(s: &[u16], precision: u32, max_exp: i64) -> Option<f64> {
    Some(match java_float_text(s)? {
        FloatText::Decimal(t) => t.parse::<f64>().ok()?,
        FloatText::Special(v) => v,
        FloatText::Hex(neg, mant, sticky, e2) => {
            f64::from_bits(round_binary(mant, sticky, e2, precision, max_exp)) * sign(neg)
        }
    })
}

/// `String.trim`: code units up to U+0020 removed from both ends.
fn trim_java(s: &[u16]) -> &[u16] {
    let start = s.iter().position(|&c| c > 0x20).unwrap_or(s.len());
    let end = s.iter().rposition(|&c| c > 0x20).map_or(start, |e| e + 1);
    &s[start..end]
}

enum FloatText {
    /// Validated ASCII decimal text (sign, digits, point, exponent) without the suffix.
    Decimal(String),
    /// NaN or an infinity.
    Special(f64),
    /// A hexadecimal literal: sign, up to 64 significant bits, whether nonzero bits were dropped, binary exponent.
    Hex(bool, u64, bool, i64),
}

/// Java's floating-point literal grammar after `trim`: `[+-]` then `NaN`, `Infinity`, a decimal
/// (`digits[.digits][e[+-]digits]`, a digit on one side of the point) or a hexadecimal (`0x` hex digits, an optional
/// point, `p[+-]digits`) literal, then at most one of `f F d D` (not after `NaN`/`Infinity`).
fn java_float_text(s: &[u16]) -> Option<FloatText> {
    let t = trim_java(s);
    let mut i = 0;
    let negative = match *t.first()? {
        c if c == b'-' as u16 => {
            i = 1;
            true
        }
        c if c == b'+' as u16 => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &t[i..];
    let is = |word: &str| rest.iter().copied().eq(word.encode_utf16());
    if is("NaN") {
        return Some(FloatText::Special(f64::NAN));
    }
    if is("Infinity") {
        return Some(FloatText::Special(sign(negative) * f64::INFINITY));
    }
    let body = match rest.last() {
        Some(&c) if [b'f', b'F', b'd', b'D'].iter().any(|&x| c == x as u16) => {
            &rest[..rest.len() - 1]
        }
        _ => rest,
    };
    if body.len() > 1
        && body[0] == b'0' as u16
        && (body[1] == b'x' as u16 || body[1] == b'X' as u16)
    {
        return hex_float(negative, &body[2..]);
    }
    let digit = |c: u16| (b'0' as u16..=b'9' as u16).contains(&c);
    let mut k = 0;
    let mut digits = 0;
    while k < body.len() && digit(body[k]) {
        k += 1;
        digits += 1;
    }
    if k < body.len() && body[k] == b'.' as u16 {
        k += 1;
        while k < body.len() && digit(body[k]) {
            k += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if k < body.len() && (body[k] == b'e' as u16 || body[k] == b'E' as u16) {
        k += 1;
        if k < body.len() && (body[k] == b'+' as u16 || body[k] == b'-' as u16) {
            k += 1;
        }
        let from = k;
        while k < body.len() && digit(body[k]) {
            k += 1;
        }
        if k == from {
            return None;
        }
    }
    if k != body.len() {
        return None;
    }
    let mut text = String::with_capacity(body.len() + 1);
    if negative {
        text.push('-');
    }
    text.extend(body.iter().map(|&c| c as u8 as char));
    Some(FloatText::Decimal(text))
}

/// The part of a hexadecimal literal after `0x` (suffix removed): `hex[.hex]p[+-]digits`.
fn hex_float(negative: bool, b: &[u16]) -> Option<FloatText> {
    let hex = |c: u16| char::from_u32(c as u32).and_then(|ch| ch.to_digit(16));
    let (mut mant, mut sticky, mut kept, mut dropped, mut frac) = (0u64, false, 0i64, 0i64, 0i64);
    let (mut k, mut digits, mut point) = (0, 0, false);
    while k < b.len() {
        if b[k] == b'.' as u16 && !point {
            point = true;
        } else if let Some(d) = hex(b[k]) {
            digits += 1;
            if point {
                frac += 1;
            }
            if mant == 0 && d == 0 {
                // a leading zero: no significant bit
            } else if kept < 15 {
                mant = mant << 4 | d as u64;
                kept += 1;
            } else {
                dropped += 1;
                sticky |= d != 0;
            }
        } else {
            break;
        }
        k += 1;
    }
    if digits == 0 || k == b.len() || (b[k] != b'p' as u16 && b[k] != b'P' as u16) {
        return None;
    }
    k += 1;
    let exp_negative = k < b.len() && b[k] == b'-' as u16;
    if k < b.len() && (b[k] == b'+' as u16 || b[k] == b'-' as u16) {
        k += 1;
    }
    if k == b.len() {
        return None;
    }
    let mut p: i64 = 0;
    while k < b.len() {
        let d = (b[k] as u32).wrapping_sub(b'0' as u32);
        if d > 9 {
            return None;
        }
        p = (p * 10 + d as i64).min(1 << 40);
        k += 1;
    }
    if exp_negative {
        p = -p;
    }
    // the value is mant * 16^(dropped - frac) * 2^p (a dropped digit after the point still counts in frac)
    Some(FloatText::Hex(
        negative,
        mant,
        sticky,
        p + 4 * (dropped - frac),
    ))
}

/// `mant * 2^e2` (plus less than one unit of `mant` when `sticky`) rounded to nearest-even in a binary format of
/// `precision` significand bits and largest exponent `max_exp`: its bits, without the sign.
fn round_binary(mant: u64, sticky: bool, e2: i64, precision: u32, max_exp: i64) -> u64 {
    if mant == 0 {
        return 0;
    }
    let min_exp = 1 - max_exp;
    let width = 64 - mant.leading_zeros() as i64;
    let lead = width - 1 + e2;
    // significand bits the result keeps: fewer below the normal range (subnormals)
    let keep = if lead >= min_exp {
        precision as i64
    } else {
        precision as i64 - (min_exp - lead)
    };
    let drop = width - keep;
    let mut m: u64;
    if drop <= 0 {
        m = mant << (-drop) as u32;
    } else if drop > 64 {
        m = 0;
    } else {
        let half = 1u64 << (drop - 1) as u32;
        let rest = if drop == 64 {
            mant
        } else {
            mant & ((1u64 << drop as u32) - 1)
        };
        m = if drop == 64 { 0 } else { mant >> drop as u32 };
        // nearest, ties to even: a dropped part with nonzero bits beyond it (sticky) is above the tie
        if rest > half || (rest == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
    }
    let mut exp = lead;
    if lead >= min_exp {
        if m >> precision == 1 {
            m >>= 1;
            exp += 1;
        }
        if exp > max_exp {
            return ((2 * max_exp + 1) as u64) << (precision - 1);
        }
        ((exp + max_exp) as u64) << (precision - 1) | (m & ((1u64 << (precision - 1)) - 1))
    } else {
        // subnormal: the significand is the whole field; rounding up to 2^(precision-1) is the least normal
        m
    }
}

// ---- Guava's Preconditions -------------------------------------------------------------------------------------

/// `checkArgument`, `checkState`: throws `kind` with the message when the condition is false.
#[inline(always)]
pub fn check(ok: bool, kind: JavaException, message: impl FnOnce() -> String) {
    if !ok {
        throw(kind, message());
    }
}

#[cold]
fn bad_index(index: i32, size: i32, desc: &str, element: bool) -> ! {
    if index < 0 {
        throw(
            JavaException::IndexOutOfBounds,
            format!("{desc} ({index}) must not be negative"),
        );
    }
    if size < 0 {
        throw(
            JavaException::IllegalArgument,
            format!("negative size: {size}"),
        );
    }
    let rule = if element {
        "must be less than size"
    } else {
        "must not be greater than size"
    };
    throw(
        JavaException::IndexOutOfBounds,
        format!("{desc} ({index}) {rule} ({size})"),
    )
}

/// `checkElementIndex`: `0 <= index < size`.
#[inline(always)]
pub fn check_element_index(index: i32, size: i32, desc: &str) -> i32 {
    if index < 0 || index >= size {
        bad_index(index, size, desc, true);
    }
    index
}

/// `checkPositionIndex`: `0 <= index <= size`.
#[inline(always)]
pub fn check_position_index(index: i32, size: i32, desc: &str) -> i32 {
    if index < 0 || index > size {
        bad_index(index, size, desc, false);
    }
    index
}

/// `checkPositionIndexes`: `0 <= start <= end <= size`.
#[inline(always)]
pub fn check_position_indexes(start: i32, end: i32, size: i32) {
    if start < 0 || end < start || end > size {
        if start < 0 || start > size {
            bad_index(start, size, "start index", false);
        }
        if end < 0 || end > size {
            bad_index(end, size, "end index", false);
        }
        throw(
            JavaException::IndexOutOfBounds,
            format!("end index ({end}) must not be less than start index ({start})"),
        );
    }
}

// ---- String (UTF-16 code units) ---------------------------------------------------------------------

#[inline(always)]
pub fn char_at(s: &[u16], i: i32) -> i32 {
    match s.get(i as usize) {
        Some(c) => *c as i32,
        None => sioobe("Index", i, s.len()),
    }
}

/// `String.hashCode()`.
#[inline]
pub fn string_hash(s: &[u16]) -> i32 {
    s.iter()
        .fold(0i32, |h, &c| h.wrapping_mul(31).wrapping_add(c as i32))
}

/// `String.compareTo`: the difference of the first differing code units, else of the lengths.
#[inline]
pub fn compare_to(a: &[u16], b: &[u16]) -> i32 {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return *x as i32 - *y as i32;
        }
    }
    a.len() as i32 - b.len() as i32
}

/// `String.indexOf(int ch, int fromIndex)`: a code unit below 0x10000 (surrogates included), a surrogate pair
/// above; -1 for ints that are no code point.
pub fn index_of_char(s: &[u16], ch: i32, from: i32) -> i32 {
    let from = from.max(0) as usize;
    if from >= s.len() || !(0..=0x10FFFF).contains(&ch) {
        return -1;
    }
    if ch < 0x10000 {
        return s[from..]
            .iter()
            .position(|&c| c as i32 == ch)
            .map_or(-1, |i| (from + i) as i32);
    }
    let (hi, lo) = surrogates(ch);
    (from..s.len() - 1)
        .find(|&i| s[i] as i32 == hi && s[i + 1] as i32 == lo)
        .map_or(-1, |i| i as i32)
}

/// `String.lastIndexOf(int ch, int fromIndex)`.
pub fn last_index_of_char(s: &[u16], ch: i32, from: i32) -> i32 {
    if from < 0 || s.is_empty() || !(0..=0x10FFFF).contains(&ch) {
        return -1;
    }
    let last = (from as usize).min(s.len() - 1);
    if ch < 0x10000 {
        return s[..=last]
            .iter()
            .rposition(|&c| c as i32 == ch)
            .map_or(-1, |i| i as i32);
    }
    if s.len() < 2 {
        return -1;
    }
    let (hi, lo) = surrogates(ch);
    (0..=last.min(s.len() - 2))
        .rev()
        .find(|&i| s[i] as i32 == hi && s[i + 1] as i32 == lo)
        .map_or(-1, |i| i as i32)
}

/// `String.indexOf(String str, int fromIndex)`: the start clamped to `0..=len`; an empty `str` is found there.
pub fn index_of_str(s: &[u16], t: &[u16], from: i32) -> i32 {
    let from = (from.max(0) as usize).min(s.len());
    if t.len() > s.len() - from {
        return -1;
    }
    if t.is_empty() {
        return from as i32;
    }
    (from..=s.len() - t.len())
        .find(|&i| &s[i..i + t.len()] == t)
        .map_or(-1, |i| i as i32)
}

/// `String.lastIndexOf(String str, int fromIndex)`: the last start at or before `fromIndex` (clamped to
/// `len - str.len()`); -1 when negative; an empty `str` is found at the clamped start.
pub fn last_index_of_str(s: &[u16], t: &[u16], from: i32) -> i32 {
    if t.len() > s.len() || from < 0 {
        return -1;
    }
    let last = (from as usize).min(s.len() - t.len());
    (0..=last)
        .rev()
        .find(|&i| &s[i..i + t.len()] == t)
        .map_or(-1, |i| i as i32)
}

/// `String.startsWith(String prefix, int toffset)` (and `endsWith` at `length - suffix.length`).
#[inline]
pub fn starts_with(s: &[u16], p: &[u16], at: i32) -> bool {
    at >= 0
        && (at as i64) <= s.len() as i64 - p.len() as i64
        && &s[at as usize..at as usize + p.len()] == p
}

/// `String.substring(begin, end)`.
pub fn substring(s: &[u16], begin: i32, end: i32) -> Vec<u16> {
    if begin < 0 || begin > end || end as i64 > s.len() as i64 {
        throw(
            JavaException::StringIndexOutOfBounds,
            format!("begin {begin}, end {end}, length {}", s.len()),
        );
    }
    s[begin as usize..end as usize].to_vec()
}

/// `new String(char[] value, int offset, int count)` and `String.valueOf(char[], int, int)`.
pub fn string_of_range(a: &[u16], offset: i32, count: i32) -> Vec<u16> {
    if offset < 0 || count < 0 || offset as i64 + count as i64 > a.len() as i64 {
        throw(
            JavaException::StringIndexOutOfBounds,
            format!(
                "Range [{offset}, {offset} + {count}) out of bounds for length {}",
                a.len()
            ),
        );
    }
    a[offset as usize..(offset + count) as usize].to_vec()
}

/// The code units between the first and the last that `keep` accepts.
fn kept_middle(s: &[u16], keep: impl Fn(u16) -> bool) -> Vec<u16> {
    let start = s.iter().position(|&c| keep(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|&c| keep(c)).map_or(start, |i| i + 1);
    s[start..end.max(start)].to_vec()
}

/// `String.trim()`: code units up to U+0020 off both ends.
pub fn trim(s: &[u16]) -> Vec<u16> {
    kept_middle(s, |c| c > 0x20)
}

/// `String.strip()`: `Character.isWhitespace` off both ends (every whitespace code point is one BMP code unit).
pub fn strip(s: &[u16]) -> Vec<u16> {
    kept_middle(s, |c| !is_whitespace(c as i32))
}

/// `Character.forDigit(digit, radix)`: `'0'..'9'`, `'a'..'z'`, or `'\0'` for a digit or radix out of range.
#[inline(always)]
pub fn for_digit(digit: i32, radix: i32) -> i32 {
    if digit >= radix || digit < 0 || !(2..=36).contains(&radix) {
        0
    } else if digit < 10 {
        '0' as i32 + digit
    } else {
        'a' as i32 - 10 + digit
    }
}

/// `Integer.toHexString`, `toOctalString`, `toBinaryString` (and `Long`'s): the unsigned value in base 2^shift,
/// lower-case, no leading zeros ("0" for zero).
pub fn unsigned_text(mut v: u64, shift: u32) -> Vec<u16> {
    let mut out = Vec::new();
    loop {
        out.push(b"0123456789abcdef"[(v & ((1 << shift) - 1)) as usize] as u16);
        v >>= shift;
        if v == 0 {
            break;
        }
    }
    out.reverse();
    out
}

/// `Integer.toString(int, int radix)`, `Long.toString(long, int radix)`: radix 10 when out of 2..=36, lower-case
/// digits, a leading `-` for negative values.
pub fn radix_text(v: i64, radix: i32) -> Vec<u16> {
    let radix = if (2..=36).contains(&radix) {
        radix as i128
    } else {
        10
    };
    let mut m = (v as i128).abs();
    let mut out = Vec::new();
    loop {
        out.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(m % radix) as usize] as u16);
        m /= radix;
        if m == 0 {
            break;
        }
    }
    if v < 0 {
        out.push(b'-' as u16);
    }
    out.reverse();
    out
}

/// `String.valueOf(boolean)`.
#[inline(always)]
pub fn bool_text(b: i32) -> &'static [u16] {
    const TRUE: [u16; 4] = [116, 114, 117, 101];
    const FALSE: [u16; 5] = [102, 97, 108, 115, 101];
    if b != 0 {
        &TRUE
    } else {
        &FALSE
    }
}

// ---- StringBuilder (the code units of a builder the method made) ---------------------------------------------------

/// `new StringBuilder(int capacity)`.
pub fn builder_with_capacity(capacity: i32) -> Vec<u16> {
    if capacity < 0 {
        throw(JavaException::NegativeArraySize, capacity.to_string());
    }
    Vec::with_capacity(capacity.min(1 << 20) as usize)
}

/// `StringBuilder.append(char[] str, int offset, int len)`.
pub fn append_range(v: &mut Vec<u16>, a: &[u16], offset: i32, len: i32) {
    let end = offset as i64 + len as i64;
    if offset < 0 || len < 0 || end > a.len() as i64 {
        throw(
            JavaException::IndexOutOfBounds,
            format!("start {offset}, end {end}, length {}", a.len()),
        );
    }
    v.extend_from_slice(&a[offset as usize..end as usize]);
}

/// `String.toUpperCase()` in a locale other than Turkish, Azeri and Lithuanian (the wrapper hands calls in those to
/// Java): each code point on its own, by `upper`, or to several code units by `special` (`ß` becomes `SS`), which
/// is what Java does (no upper-case mapping of these locales depends on the neighbours).
pub fn to_upper_units(s: &[u16], upper: &CharCase, special: &[(u32, &[u16])]) -> Vec<u16> {
    map_code_points(s, |cp, out| {
        match special.binary_search_by_key(&(cp as u32), |e| e.0) {
            Ok(k) => out.extend_from_slice(special[k].1),
            Err(_) => append_code_point(out, char_case(cp, upper)),
        }
    })
}

/// `String.toLowerCase()` in a locale other than Turkish, Azeri and Lithuanian: each code point by `lower`, `İ`
/// (U+0130) to `i̇`; a capital sigma, which Java lowers by its place in the word (`ς` at a word's end, found with a
/// `BreakIterator`), hands the call back to Java.
pub fn to_lower_units(s: &[u16], lower: &CharCase) -> Vec<u16> {
    map_code_points(s, |cp, out| match cp {
        0x03A3 => defer(),
        0x0130 => out.extend_from_slice(&[0x69, 0x307]),
        _ => append_code_point(out, char_case(cp, lower)),
    })
}

/// The code units `f` writes for each code point of `s` in turn (a surrogate pair is one, a lone surrogate itself).
fn map_code_points(s: &[u16], mut f: impl FnMut(i32, &mut Vec<u16>)) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let cp = pair_at(s, i).map_or(i32::from(s[i]), |p| p as i32);
        i += if cp >= 0x10000 { 2 } else { 1 };
        f(cp, &mut out);
    }
    out
}

/// `StringBuilder.appendCodePoint`: one code unit, a surrogate pair, or `IllegalArgumentException`.
pub fn append_code_point(v: &mut Vec<u16>, cp: i32) {
    if (0..0x10000).contains(&cp) {
        v.push(cp as u16);
    } else if (0x10000..=0x10FFFF).contains(&cp) {
        let (hi, lo) = surrogates(cp);
        v.extend_from_slice(&[hi as u16, lo as u16]);
    } else {
        throw(
            JavaException::IllegalArgument,
            format!("Not a valid Unicode code point: 0x{:X}", cp as u32),
        );
    }
}

/// `StringBuilder.setCharAt`.
pub fn set_char_at(v: &mut [u16], i: i32, c: i32) {
    match v.get_mut(i as usize) {
        Some(slot) if i >= 0 => *slot = c as u16,
        _ => sioobe("index", i, v.len()),
    }
}

/// `StringBuilder.setLength`: cut, or padded with `'\0'`.
pub fn set_length(v: &mut Vec<u16>, n: i32) {
    if n < 0 {
        throw(
            JavaException::StringIndexOutOfBounds,
            format!("String index out of range: {n}"),
        );
    }
    v.resize(n as usize, 0);
}

/// `StringBuilder.deleteCharAt`.
pub fn delete_char_at(v: &mut Vec<u16>, i: i32) {
    if i < 0 || i as usize >= v.len() {
        sioobe("index", i, v.len());
    }
    v.remove(i as usize);
}

/// `StringBuilder.insert(int offset, ...)`: `offset` from 0 to the length.
pub fn insert_units(v: &mut Vec<u16>, offset: i32, units: &[u16]) {
    if offset < 0 || offset as usize > v.len() {
        throw(
            JavaException::StringIndexOutOfBounds,
            format!("offset {offset}, length {}", v.len()),
        );
    }
    let at = offset as usize;
    v.splice(at..at, units.iter().copied());
}

/// `StringBuilder.reverse`: code units reversed, then every surrogate pair turned back the right way round.
pub fn reverse_units(v: &mut [u16]) {
    v.reverse();
    let mut i = 0;
    while i + 1 < v.len() {
        if (0xDC00..0xE000).contains(&v[i]) && (0xD800..0xDC00).contains(&v[i + 1]) {
            v.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// `Long.toString`, `Integer.toString`, `String.valueOf` of an integer: Java's decimal form is Rust's.
pub fn decimal(v: i64) -> Vec<u16> {
    v.to_string().encode_utf16().collect()
}

/// `Double.toString` (and `String.valueOf`, `+`, `append` of a `double`), as the JDK (19 and later) writes it.
pub fn double_text(x: f64) -> Vec<u16> {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return special_text(x.is_nan(), x.is_sign_negative(), x == 0.0);
    }
    java_text(x.abs(), x < 0.0, (1e-3..1e7).contains(&x.abs()))
}

/// `Float.toString` (and `String.valueOf`, `+`, `append` of a `float`), as the JDK (19 and later) writes it.
pub fn float_text(x: f32) -> Vec<u16> {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return special_text(x.is_nan(), x.is_sign_negative(), x == 0.0);
    }
    java_text(x.abs(), x < 0.0, (1e-3..1e7).contains(&x.abs()))
}

/// The text of a finite nonzero magnitude `a`: the JDK's digits, laid out plain (`plain`) or in scientific notation.
fn java_text<T>(a: T, negative: bool, plain: bool) -> Vec<u16>
where
    T: std::fmt::LowerExp + std::str::FromStr + PartialEq + Copy,
{
    let sci = closest_shortest(
        format!("{a:e}"),
        |p| format!("{a:.p$e}"),
        |t| t.parse::<T>().ok() == Some(a),
    );
    java_layout(negative, &sci, plain)
}

/// The JDK's choice of digits: among the shortest decimals that round back (two digits where one would do), the
/// closest to the value, an even last digit on a tie. Rust's shortest form has the length but breaks ties upwards
/// (2208571.3 for the float 2208571.25), while its fixed-precision form is the closest, ties to even: that one,
/// when it rounds back.
fn closest_shortest(
    shortest: String,
    with_precision: impl Fn(usize) -> String,
    rounds_back: impl Fn(&str) -> bool,
) -> String {
    let digits = shortest
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    let closest = with_precision(digits.max(2) - 1);
    if rounds_back(&closest) {
        closest
    } else {
        shortest
    }
}

fn special_text(nan: bool, negative: bool, zero: bool) -> Vec<u16> {
    let t = match (nan, negative, zero) {
        (true, _, _) => "NaN",
        (_, false, true) => "0.0",
        (_, true, true) => "-0.0",
        (_, false, false) => "Infinity",
        (_, true, false) => "-Infinity",
    };
    t.encode_utf16().collect()
}

/// Rust's shortest `d.ddde-N` as Java lays it out: plain (`123.45`, `0.00123`) from 10^-3 up to 10^7, else
/// computerized scientific notation (`1.2345E7`, `1.0E-5`), always a digit after the point.
fn java_layout(negative: bool, sci: &str, plain: bool) -> Vec<u16> {
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    if !plain {
        out.push_str(&digits[..1]);
        out.push('.');
        out.push_str(if digits.len() > 1 { &digits[1..] } else { "0" });
        out.push('E');
        out.push_str(&exp.to_string());
    } else if exp >= 0 {
        let int_len = exp as usize + 1;
        if digits.len() > int_len {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        } else {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', int_len - digits.len()));
            out.push_str(".0");
        }
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
        out.push_str(&digits);
    }
    out.encode_utf16().collect()
}

/// The high and low surrogates of a supplementary code point (`0x10000..=0x10FFFF`).
#[inline(always)]
fn surrogates(cp: i32) -> (i32, i32) {
    (
        0xD800 + ((cp - 0x10000) >> 10),
        0xDC00 + ((cp - 0x10000) & 0x3FF),
    )
}

/// The code point of a surrogate pair at `s[i]`, `s[i + 1]`, if there is one.
#[inline(always)]
fn pair_at(s: &[u16], i: usize) -> Option<u32> {
    let c = s[i] as u32;
    if (0xD800..0xDC00).contains(&c) {
        if let Some(&d) = s.get(i + 1) {
            let d = d as u32;
            if (0xDC00..0xE000).contains(&d) {
                return Some(((c - 0xD800) << 10) + (d - 0xDC00) + 0x10000);
            }
        }
    }
    None
}

/// `String.getBytes(StandardCharsets.UTF_8)`: a surrogate that is not half of a pair becomes `?`, as Java's
/// encoder replaces it.
pub fn encode_utf8(s: &[u16]) -> Vec<i8> {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i] as u32;
        if c < 0x80 {
            out.push(c as u8);
        } else if c < 0x800 {
            out.extend_from_slice(&[(0xC0 | (c >> 6)) as u8, (0x80 | (c & 0x3F)) as u8]);
        } else if (0xD800..0xE000).contains(&c) {
            match pair_at(s, i) {
                Some(cp) => {
                    out.extend_from_slice(&[
                        (0xF0 | (cp >> 18)) as u8,
                        (0x80 | ((cp >> 12) & 0x3F)) as u8,
                        (0x80 | ((cp >> 6) & 0x3F)) as u8,
                        (0x80 | (cp & 0x3F)) as u8,
                    ]);
                    i += 1;
                }
                None => out.push(b'?'),
            }
        } else {
            out.extend_from_slice(&[
                (0xE0 | (c >> 12)) as u8,
                (0x80 | ((c >> 6) & 0x3F)) as u8,
                (0x80 | (c & 0x3F)) as u8,
            ]);
        }
        i += 1;
    }
    out.into_iter().map(|b| b as i8).collect()
}

/// `String.getBytes` in a one-byte charset whose chars are `0..=max`: every other char becomes `?`, and a
/// surrogate pair one `?` (one code point), as Java's encoders write.
fn encode_one_byte(s: &[u16], max: u32) -> Vec<i8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i] as u32;
        if c <= max {
            out.push(c as u8 as i8);
        } else {
            if pair_at(s, i).is_some() {
                i += 1;
            }
            out.push(b'?' as i8);
        }
        i += 1;
    }
    out
}

/// `String.getBytes(StandardCharsets.US_ASCII)`.
pub fn encode_ascii(s: &[u16]) -> Vec<i8> {
    encode_one_byte(s, 0x7F)
}

/// `String.getBytes(StandardCharsets.ISO_8859_1)`.
pub fn encode_latin1(s: &[u16]) -> Vec<i8> {
    encode_one_byte(s, 0xFF)
}

/// `String.codePointAt`.
#[inline(always)]
pub fn code_point_at(s: &[u16], i: i32) -> i32 {
    let c = char_at(s, i); // throws for an index out of range, so pair_at may read s[i]
    pair_at(s, i as usize).map_or(c, |cp| cp as i32)
}

// ---- java.util.Arrays / System.arraycopy -------------------------------------------------------------

#[cold]
#[inline(never)]
fn range_error(from: i32, to: i32, len: usize) -> ! {
    if from > to {
        throw(
            JavaException::IllegalArgument,
            format!("fromIndex({from}) > toIndex({to})"),
        )
    } else if from < 0 {
        aioobe(from as i64, len)
    } else {
        aioobe(to as i64, len)
    }
}

/// The checks of `Arrays.rangeCheck`.
#[inline(always)]
pub fn range(from: i32, to: i32, len: usize) -> std::ops::Range<usize> {
    if from > to || from < 0 || to as i64 > len as i64 {
        range_error(from, to, len);
    }
    from as usize..to as usize
}

#[inline(always)]
pub fn fill<T: Copy>(a: &mut [T], v: T) {
    a.fill(v);
}

#[inline(always)]
pub fn fill_range<T: Copy>(a: &mut [T], from: i32, to: i32, v: T) {
    let r = range(from, to, a.len());
    a[r].fill(v);
}

/// `Arrays.copyOf`: truncated or zero-padded.
#[inline(always)]
pub fn copy_of<T: Copy + Default>(a: &[T], n: i32) -> Vec<T> {
    let mut v = new_array::<T>(n);
    let k = v.len().min(a.len());
    v[..k].copy_from_slice(&a[..k]);
    v
}

/// `Arrays.copyOfRange`, step by step as the JDK does it: the new length `to - from` in `int` arithmetic, then
/// `System.arraycopy(a, from, copy, 0, min(a.length - from, newLength))`; `to` may pass the end (zero-padded).
#[inline(always)]
pub fn copy_of_range<T: Copy + Default>(a: &[T], from: i32, to: i32) -> Vec<T> {
    let new_len = to.wrapping_sub(from);
    if new_len < 0 {
        throw(JavaException::IllegalArgument, format!("{from} > {to}"));
    }
    let mut v = new_array::<T>(new_len);
    let n = (a.len() as i32).wrapping_sub(from).min(new_len);
    arraycopy(a, from, &mut v, 0, n);
    v
}

/// `Arrays.equals` of integer arrays.
#[inline(always)]
pub fn equals<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a == b
}

/// `Arrays.hashCode` of a primitive array: `31 * h + hash(element)` from 1, wrapping, where `hash` is the
/// element's `hashCode` as its box computes it (the `hash_*` functions below).
#[inline(always)]
pub fn array_hash<T: Copy>(a: &[T], hash: impl Fn(T) -> i32) -> i32 {
    a.iter()
        .fold(1i32, |h, &e| h.wrapping_mul(31).wrapping_add(hash(e)))
}

/// `Integer.hashCode`, and `Short`/`Byte`/`Character.hashCode` of the value widened to `int`.
#[inline(always)]
pub fn hash_int<T: Into<i32>>(e: T) -> i32 {
    e.into()
}

/// `Long.hashCode`: the two halves xor-ed.
#[inline(always)]
pub fn hash_long(e: i64) -> i32 {
    (e ^ ((e as u64) >> 32) as i64) as i32
}

/// `Boolean.hashCode`.
#[inline(always)]
pub fn hash_bool(e: bool) -> i32 {
    if e {
        1231
    } else {
        1237
    }
}

/// `Float.hashCode`: `floatToIntBits` (one NaN).
#[inline(always)]
pub fn hash_f32(e: f32) -> i32 {
    float_bits_f32(e)
}

/// `Double.hashCode`: `doubleToLongBits` (one NaN), the two halves xor-ed.
#[inline(always)]
pub fn hash_f64(e: f64) -> i32 {
    hash_long(float_bits_f64(e))
}

/// `Arrays.equals(double[], double[])`: compares `doubleToLongBits` (NaN equals NaN, 0.0 differs from -0.0).
#[inline(always)]
pub fn equals_f64(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| float_bits_f64(*x) == float_bits_f64(*y))
}

#[inline(always)]
pub fn equals_f32(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| float_bits_f32(*x) == float_bits_f32(*y))
}

#[inline(always)]
pub fn sort<T: Ord + Copy>(a: &mut [T]) {
    a.sort_unstable();
}

/// `Arrays.sort(double[])`: ascending, -0.0 before 0.0, NaNs last. The non-NaN values are sorted as integer keys
/// that order like the doubles (sign bit flipped for positives, all bits for negatives): the same order as
/// `Double.compare`, at the speed of an integer sort.
pub fn sort_f64(a: &mut [f64]) {
    let mut n = 0;
    for i in 0..a.len() {
        if !a[i].is_nan() {
            a.swap(n, i);
            n += 1;
        }
    }
    let mut keys: Vec<u64> = a[..n]
        .iter()
        .map(|x| {
            let b = x.to_bits();
            if b >> 63 == 1 {
                !b
            } else {
                b | (1 << 63)
            }
        })
        .collect();
    keys.sort_unstable();
    for (x, k) in a[..n].iter_mut().zip(keys) {
        *x = f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k });
    }
}

pub fn sort_f32(a: &mut [f32]) {
    let mut n = 0;
    for i in 0..a.len() {
        if !a[i].is_nan() {
            a.swap(n, i);
            n += 1;
        }
    }
    a[..n].sort_unstable_by(|x, y| x.total_cmp(y));
}

/// `System.arraycopy` between two different arrays.
#[inline(always)]
pub fn arraycopy<T: Copy>(src: &[T], sp: i32, dst: &mut [T], dp: i32, n: i32) {
    check_copy(src.len(), sp, dst.len(), dp, n);
    dst[dp as usize..(dp + n) as usize].copy_from_slice(&src[sp as usize..(sp + n) as usize]);
}

/// `System.arraycopy` within one array: as if through a temporary copy (overlap allowed).
#[inline(always)]
pub fn arraycopy_within<T: Copy>(a: &mut [T], sp: i32, dp: i32, n: i32) {
    check_copy(a.len(), sp, a.len(), dp, n);
    a.copy_within(sp as usize..(sp + n) as usize, dp as usize);
}

#[inline(always)]
fn check_copy(sl: usize, sp: i32, dl: usize, dp: i32, n: i32) {
    if sp < 0
        || dp < 0
        || n < 0
        || sp as i64 + n as i64 > sl as i64
        || dp as i64 + n as i64 > dl as i64
    {
        copy_error(sl, sp, dl, dp, n);
    }
}

#[cold]
#[inline(never)]
fn copy_error(sl: usize, sp: i32, dl: usize, dp: i32, n: i32) -> ! {
    let m = if sp < 0 {
        format!("arraycopy: source index {sp} out of bounds for length {sl}")
    } else if dp < 0 {
        format!("arraycopy: destination index {dp} out of bounds for length {dl}")
    } else if n < 0 {
        format!("arraycopy: length {n} is negative")
    } else if sp as i64 + n as i64 > sl as i64 {
        format!(
            "arraycopy: last source index {} out of bounds for length {sl}",
            sp as i64 + n as i64
        )
    } else {
        format!(
            "arraycopy: last destination index {} out of bounds for length {dl}",
            dp as i64 + n as i64
        )
    };
    throw(JavaException::ArrayIndexOutOfBounds, m)
}

// ---- byte-array VarHandle views (MethodHandles.byteArrayViewVarHandle) --------------------------------

#[cold]
#[inline(never)]
fn view_error(i: i32, len: usize, size: usize) -> ! {
    throw(
        JavaException::ArrayIndexOutOfBounds,
        format!(
            "Index {i} out of bounds for length {}",
            len as i64 - size as i64 + 1
        ),
    )
}

#[inline(always)]
pub fn view<const N: usize>(a: &[i8], i: i32) -> [u8; N] {
    if i >= 0 {
        if let Some(s) = a.get(i as usize..i as usize + N) {
            // SAFETY: `s` holds exactly N bytes; i8 and u8 have the same layout; the read is unaligned.
            return unsafe { std::ptr::read_unaligned(s.as_ptr() as *const [u8; N]) };
        }
    }
    view_error(i, a.len(), N)
}

// ---- recursion: StackOverflowError before the native stack runs out ----------------------------------------------

/// Bytes kept free below the deepest translated frame: the JVM's guard pages of this (Java) thread, the unwinder
/// and the JVM's own frames after the downcall returns all live there.
const STACK_RESERVE: usize = 256 * 1024;

thread_local! {
    static STACK_LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// First statement of every translated function that a recursive call enters: one compare of the stack pointer with a
/// per-thread limit. Past it, throws what Java throws (`StackOverflowError`, reported as a `PortError::Failed` naming
/// it, since the wrapper's exception kinds are unchecked exceptions). Java overflows at a depth of its own; the limit
/// is the thread's whole stack (glibc Linux) minus `STACK_RESERVE`, so the port reaches at least Java's depth for
/// frames of equal size.
#[inline(always)]
pub fn stack_guard() {
    let marker = 0u8;
    let sp = std::hint::black_box(&marker) as *const u8 as usize;
    if sp < STACK_LIMIT.with(|l| l.get()) || STACK_LIMIT.with(|l| l.get()) == 0 {
        stack_check_slow(sp);
    }
}

#[cold]
#[inline(never)]
fn stack_check_slow(sp: usize) {
    let limit = STACK_LIMIT.with(|l| {
        if l.get() == 0 {
            l.set(stack_limit(sp));
        }
        l.get()
    });
    if sp < limit {
        std::panic::resume_unwind(Box::new(Thrown(PortError::Failed(
            "java.lang.StackOverflowError: recursion deeper than this thread's stack allows"
                .to_string(),
        ))));
    }
}

/// The lowest address translated frames may use on this thread.
fn stack_limit(sp: usize) -> usize {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        #[repr(C, align(16))]
        struct Attr([u8; 128]);
        extern "C" {
            fn pthread_self() -> usize;
            fn pthread_getattr_np(thread: usize, attr: *mut Attr) -> i32;
            fn pthread_attr_getstack(
                attr: *const Attr,
                addr: *mut *mut u8,
                size: *mut usize,
            ) -> i32;
            fn pthread_attr_destroy(attr: *mut Attr) -> i32;
        }
        let mut attr = Attr([0; 128]);
        let mut addr: *mut u8 = std::ptr::null_mut();
        let mut size = 0usize;
        // SAFETY: glibc's documented calls on the calling thread; `Attr` is larger than glibc's pthread_attr_t.
        let ok = unsafe {
            pthread_getattr_np(pthread_self(), &mut attr) == 0 && {
                let got = pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
                pthread_attr_destroy(&mut attr);
                got
            }
        };
        let low = addr as usize;
        if ok && low < sp && sp <= low + size && sp - low > 2 * STACK_RESERVE {
            return low + STACK_RESERVE;
        }
    }
    // Unknown stack bounds: allow half a megabyte below the first recursive frame.
    sp.saturating_sub(512 * 1024)
}

// ---- try/catch --------------------------------------------------------------------------------------------------

/// `PortError::Java(kind, message)`: the exception a translated `throw` caught in the same method carries.
#[cold]
#[inline(never)]
pub fn exception(kind: JavaException, message: String) -> PortError {
    PortError::Java(kind, message)
}

/// `athrow` of a caught exception (a rethrow, or the end of a `finally`).
#[cold]
#[inline(never)]
pub fn rethrow(e: Option<PortError>) -> ! {
    std::panic::resume_unwind(Box::new(Thrown(e.expect("a caught exception"))))
}

/// Whether a `catch (T e)` with `T` one of `types` (internal names) catches `e`: its class or a superclass is listed.
#[allow(unreachable_patterns)]
pub fn catches(e: &Option<PortError>, types: &[&str]) -> bool {
    let chain: &[&str] = match e {
        Some(PortError::Java(kind, _)) => match kind {
            JavaException::Arithmetic => &["java/lang/ArithmeticException"],
            JavaException::ArrayIndexOutOfBounds => &[
                "java/lang/ArrayIndexOutOfBoundsException",
                "java/lang/IndexOutOfBoundsException",
            ],
            JavaException::NegativeArraySize => &["java/lang/NegativeArraySizeException"],
            JavaException::NullPointer => &["java/lang/NullPointerException"],
            JavaException::IllegalArgument => &["java/lang/IllegalArgumentException"],
            JavaException::IllegalState => &["java/lang/IllegalStateException"],
            JavaException::IndexOutOfBounds => &["java/lang/IndexOutOfBoundsException"],
            JavaException::StringIndexOutOfBounds => &[
                "java/lang/StringIndexOutOfBoundsException",
                "java/lang/IndexOutOfBoundsException",
            ],
            JavaException::UnsupportedOperation => &["java/lang/UnsupportedOperationException"],
            JavaException::NumberFormat => &[
                "java/lang/NumberFormatException",
                "java/lang/IllegalArgumentException",
            ],
            JavaException::Runtime => &[],
            // the class chain travels in the message's second field (application_message)
            JavaException::Application => {
                let chain = message_of(e).split('\u{1}').nth(1).unwrap_or("");
                return types.iter().any(|t| chain.split(',').any(|c| c == *t));
            }
            _ => &[],
        },
        Some(PortError::Failed(m)) if m.starts_with("java.lang.StackOverflowError") => {
            return types.iter().any(|t| {
                matches!(
                    *t,
                    "java/lang/StackOverflowError"
                        | "java/lang/VirtualMachineError"
                        | "java/lang/Error"
                        | "java/lang/Throwable"
                )
            });
        }
        _ => return false,
    };
    types.iter().any(|t| {
        chain.contains(t)
            || matches!(
                *t,
                "java/lang/RuntimeException" | "java/lang/Exception" | "java/lang/Throwable"
            )
    })
}

fn message_of(e: &Option<PortError>) -> &str {
    match e {
        Some(PortError::Java(_, m))
        | Some(PortError::Failed(m))
        | Some(PortError::NotYetPorted(m)) => m,
        None => "",
    }
}

/// The message of `JavaException::Application`: the site the wrapper constructs, the class chain (internal names up
/// to `java/lang/Throwable`, for `catches`), then the constructor's arguments, separated by U+0001 (see the
/// generator's `ApplicationException`).
pub fn application_message(site: u32, chain: &str, args: &[String]) -> String {
    let mut m = format!("{site}\u{1}{chain}");
    for a in args {
        m.push('\u{1}');
        m.push_str(a);
    }
    m
}

/// A String argument of an application exception: four hexadecimal digits per UTF-16 code unit (lone surrogates
/// and U+0001 included).
pub fn units_hex(s: &[u16]) -> String {
    s.iter().map(|u| format!("{u:04x}")).collect()
}

/// A caught call's value (a default when it threw) and its exception.
#[inline(always)]
pub fn split<T: Default>(r: Result<T, PortError>) -> (T, Option<PortError>) {
    match r {
        Ok(v) => (v, None),
        Err(e) => (T::default(), Some(e)),
    }
}
