//! `order_queue-consumer FILE [--wait-ms N]`: drains a `OrderQueue` queue living in a memory-mapped
//! file that a JVM (or any producer speaking layout v1) fills, until the producer closes it.
//! Prints one line `consumed=N checksum=X failed=F panicked=P result=R` and exits 0.
//! Exit codes: 2 usage, 3 file cannot be opened or mapped, 4 not a queue of this layout,
//! 5 the consumer failed.

use std::ffi::c_void;
use std::os::fd::AsRawFd;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use order_queue::ring::{self, Ring};

// Declared by hand from libc (std only, no crates): POSIX mmap/munmap.
extern "C" {
    fn mmap(
        addr: *mut c_void,
        len: usize,
        prot: i32,
        flags: i32,
        fd: i32,
        offset: i64,
    ) -> *mut c_void;
    fn munmap(addr: *mut c_void, len: usize) -> i32;
}
/// This program's name and the Java class whose files it reads, for messages.
const BIN: &str = "order_queue-consumer";
const CLASS: &str = "OrderQueue";
const PROT_READ: i32 = 1;
const PROT_WRITE: i32 = 2;
const MAP_SHARED: i32 = 1;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut file = None;
    let mut wait = Duration::ZERO;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--wait-ms" if i + 1 < args.len() => match args[i + 1].parse::<u64>() {
                Ok(ms) => {
                    wait = Duration::from_millis(ms);
                    i += 1;
                }
                Err(_) => {
                    return usage(&format!(
                        "--wait-ms takes milliseconds, got '{}'",
                        args[i + 1]
                    ))
                }
            },
            a if a.starts_with('-') => return usage(&format!("unknown option '{a}'")),
            a if file.is_none() => file = Some(a.to_string()),
            a => return usage(&format!("unexpected argument '{a}'")),
        }
        i += 1;
    }
    let Some(path) = file else {
        return usage("missing the queue FILE");
    };
    let handle = match std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) => return fail(3, &format!("cannot open queue file {path}: {e}")),
    };
    let len = match handle.metadata() {
        Ok(m) => m.len() as usize,
        Err(e) => return fail(3, &format!("cannot stat queue file {path}: {e}")),
    };
    if len < ring::HEADER_SIZE {
        return fail(
            4,
            &format!(
                "{path} is {len} bytes: too small to be a queue (header is {} bytes)",
                ring::HEADER_SIZE
            ),
        );
    }
    // SAFETY: a fresh shared read-write mapping of the whole file; unmapped after the consumer ended.
    let base = unsafe {
        mmap(
            std::ptr::null_mut(),
            len,
            PROT_READ | PROT_WRITE,
            MAP_SHARED,
            handle.as_raw_fd(),
            0,
        )
    };
    if base as isize == -1 || base.is_null() {
        return fail(
            3,
            &format!("cannot map {path}: {}", std::io::Error::last_os_error()),
        );
    }
    let deadline = Instant::now() + wait;
    let ring = loop {
        // SAFETY: the mapping covers len bytes and outlives the ring.
        match unsafe { Ring::attach(base as *mut u8, len) } {
            Ok(r) => break r,
            Err(e) if e.starts_with("no initialized queue") && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Err(e) => {
                unsafe { munmap(base, len) };
                return fail(4, &format!("{path}: {e}"));
            }
        }
    };
    let outcome = ring::run(&ring);
    println!(
        "consumed={} checksum={:#018x} failed={} panicked={} result={}",
        outcome.consumed, outcome.checksum, outcome.failed, outcome.panicked, outcome.result
    );
    if let Some(e) = &outcome.first_error {
        println!("first-error={e}");
    }
    // SAFETY: nothing references the mapping any more.
    unsafe { munmap(base, len) };
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("{BIN}: {problem}");
    eprintln!("usage: {BIN} FILE [--wait-ms N]   (FILE made by {CLASS}.createFile)");
    ExitCode::from(2)
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("{BIN}: error: {message}");
    ExitCode::from(code)
}
