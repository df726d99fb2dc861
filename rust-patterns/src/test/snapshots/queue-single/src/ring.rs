//! Ring buffer layout v1, shared with the Java producer `OrderQueue` (and with other processes when the
//! queue lives in a memory-mapped file). All integers are native-endian.
//!
//! ```text
//! offset  size  field
//!      0     8  magic "OXQUEUE1"; written last by the creator with release ordering
//!      8     4  layout version (1)
//!     12     4  capacity (slots, a power of two >= 2)
//!     16     4  slot size in bytes (8 + item size, rounded up to 8)
//!     20     4  item size in bytes
//!     24     8  item layout fingerprint
//!     64     8  tail: items claimed by producers; bit 63 = CLOSED      (own cache line)
//!    128     8  head: items taken by the consumer, updated every 64      (own cache line)
//!    192     8  consumer state: 0 none, 1 attached, 2 drained and finished
//!    256     -  capacity slots: [sequence u64][item][padding]
//! ```
//!
//! Protocol (Vyukov's bounded queue, one consumer). Slot `i` starts with sequence `i`.
//! A producer that claimed position `p` (tail CAS from `p` to `p+1`, or a plain store when there is
//! a single producer) waits for sequence == `p`, writes the item with plain stores, then stores
//! sequence `p+1` with **release**. The consumer loads sequence with **acquire**; when it equals
//! `head+1` the item is complete and visible, it copies it out, then stores sequence
//! `head+capacity` with **release**, which hands the slot back to the producer of the next lap
//! (that producer loads it with acquire before writing). Closing sets bit 63 of tail with a CAS,
//! so every claim either happened before the close (and is drained) or fails: nothing accepted
//! is lost. The consumer stops when tail is CLOSED and head == tail without the bit.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::item::{Item, ITEM_SIZE, LAYOUT_FINGERPRINT};

pub const MAGIC: u64 = 0x314555455551584f;
pub const VERSION: u32 = 1;
pub const OFF_MAGIC: usize = 0;
pub const OFF_VERSION: usize = 8;
pub const OFF_CAPACITY: usize = 12;
pub const OFF_SLOT_SIZE: usize = 16;
pub const OFF_ITEM_SIZE: usize = 20;
pub const OFF_FINGERPRINT: usize = 24;
pub const OFF_TAIL: usize = 64;
pub const OFF_HEAD: usize = 128;
pub const OFF_CONSUMER: usize = 192;
pub const HEADER_SIZE: usize = 256;
pub const SLOT_SIZE: usize = (8 + ITEM_SIZE).next_multiple_of(8);
pub const CLOSED: u64 = 1 << 63;
pub const CONSUMER_ATTACHED: u64 = 1;
pub const CONSUMER_FINISHED: u64 = 2;

/// A validated view of queue memory owned by someone else (the JVM or a file mapping).
pub struct Ring {
    base: *mut u8,
    capacity: u64,
}

// SAFETY: all shared words are accessed atomically; item bytes are only read after an acquire
// load of their slot sequence proved the producer finished writing them.
unsafe impl Send for Ring {}

/// Counters of one consumer run.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    pub consumed: u64,
    pub checksum: u64,
    pub failed: u64,
    pub panicked: u64,
    pub result: u64,
    pub first_error: Option<String>,
}

impl Ring {
    /// Checks that `len` bytes at `base` hold a v1 queue of this crate's item layout and claims it as
    /// its only consumer.
    ///
    /// # Safety
    /// `base` must point to `len` readable and writable bytes that stay mapped until the consumer
    /// finished ([`Ring::consume`] returned).
    pub unsafe fn attach(base: *mut u8, len: usize) -> Result<Ring, String> {
        if base.is_null() {
            return Err("queue memory pointer is null".into());
        }
        if (base as usize) & 7 != 0 {
            return Err(format!("queue memory at {:p} is not 8-byte aligned", base));
        }
        if len < HEADER_SIZE {
            return Err(format!(
                "queue memory is {len} bytes, smaller than the {HEADER_SIZE}-byte header"
            ));
        }
        let magic = word(base, OFF_MAGIC).load(Ordering::Acquire);
        if magic != MAGIC {
            return Err(format!(
                "no initialized queue here: magic {magic:#x}, expected {MAGIC:#x}"
            ));
        }
        let version = (base.add(OFF_VERSION) as *const u32).read();
        let capacity = (base.add(OFF_CAPACITY) as *const u32).read() as u64;
        let slot_size = (base.add(OFF_SLOT_SIZE) as *const u32).read() as usize;
        let item_size = (base.add(OFF_ITEM_SIZE) as *const u32).read() as usize;
        let fingerprint = (base.add(OFF_FINGERPRINT) as *const u64).read();
        if version != VERSION {
            return Err(format!(
                "queue layout version {version}, this consumer reads version {VERSION}"
            ));
        }
        if fingerprint != LAYOUT_FINGERPRINT || item_size != ITEM_SIZE || slot_size != SLOT_SIZE {
            return Err(format!(
                "queue item layout differs (fingerprint {fingerprint:#x}, item {item_size} bytes) from this consumer's (fingerprint {LAYOUT_FINGERPRINT:#x}, item {ITEM_SIZE} bytes): regenerate both sides from one spec"
            ));
        }
        if capacity < 2 || !capacity.is_power_of_two() {
            return Err(format!(
                "queue capacity {capacity} is not a power of two >= 2"
            ));
        }
        let needed = HEADER_SIZE as u64 + capacity * SLOT_SIZE as u64;
        if (len as u64) < needed {
            return Err(format!(
                "queue memory is {len} bytes, capacity {capacity} needs {needed}"
            ));
        }
        if word(base, OFF_CONSUMER)
            .compare_exchange(0, CONSUMER_ATTACHED, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Err(
                "another consumer is already attached to this queue (one consumer per queue)"
                    .into(),
            );
        }
        Ok(Ring { base, capacity })
    }

    fn word(&self, offset: usize) -> &AtomicU64 {
        // SAFETY: offsets are 8-aligned inside the validated region.
        unsafe { word(self.base, offset) }
    }

    /// Drains items until the queue is closed and empty, calling `f` for each one; returns how many.
    /// Marks the consumer state FINISHED at the end so a producer in another process can wait for it.
    pub fn consume<F: FnMut(&Item)>(&self, mut f: F) -> u64 {
        let mask = self.capacity - 1;
        let mut head = self.word(OFF_HEAD).load(Ordering::Acquire);
        let mut idle: u32 = 0;
        loop {
            let slot_off = HEADER_SIZE + ((head & mask) as usize) * SLOT_SIZE;
            let seq = self.word(slot_off);
            if seq.load(Ordering::Acquire) == head + 1 {
                // SAFETY: the acquire load above saw the producer's release store made after its
                // writes to this item; no producer writes the slot until we release it below.
                let item = unsafe { (self.base.add(slot_off + 8) as *const Item).read() };
                seq.store(head + self.capacity, Ordering::Release);
                head += 1;
                if head & 63 == 0 {
                    self.word(OFF_HEAD).store(head, Ordering::Release);
                }
                f(&item);
                idle = 0;
            } else {
                let tail = self.word(OFF_TAIL).load(Ordering::Acquire);
                if tail & CLOSED != 0 && head == tail & !CLOSED {
                    break;
                }
                backoff(&mut idle);
            }
        }
        self.word(OFF_HEAD).store(head, Ordering::Release);
        self.word(OFF_CONSUMER)
            .store(CONSUMER_FINISHED, Ordering::Release);
        head
    }
}

/// Spin briefly (the next item is usually nanoseconds away under load), then yield the CPU for a
/// while (cheap to resume, and fair when cores are oversubscribed), then sleep 50 µs at a time so
/// an idle consumer costs almost no CPU.
fn backoff(idle: &mut u32) {
    *idle = idle.saturating_add(1);
    if *idle < 64 {
        std::hint::spin_loop();
    } else if *idle < 20_000 {
        std::thread::yield_now();
    } else {
        std::thread::sleep(std::time::Duration::from_micros(50));
    }
}

unsafe fn word<'a>(base: *mut u8, offset: usize) -> &'a AtomicU64 {
    AtomicU64::from_ptr(base.add(offset) as *mut u64)
}

/// Runs a [`crate::process::Processor`] over the ring until closed and drained. Never panics:
/// panics of `process` are caught per item, panics of `new`/`finish` are reported in the outcome.
pub fn run(ring: &Ring) -> Outcome {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let mut out = Outcome::default();
    let mut processor = match catch_unwind(crate::process::Processor::new) {
        Ok(p) => Some(p),
        Err(e) => {
            out.first_error = Some(format!(
                "Processor::new panicked: {}",
                crate::panic_message(&*e)
            ));
            None
        }
    };
    out.consumed = ring.consume(|item| {
        out.checksum = out.checksum.wrapping_add(item.checksum_word());
        let Some(p) = processor.as_mut() else {
            out.failed += 1;
            return;
        };
        match catch_unwind(AssertUnwindSafe(|| p.process(item))) {
            Ok(Ok(())) => {}
            Ok(Err(message)) => {
                out.failed += 1;
                out.first_error.get_or_insert(message);
            }
            Err(e) => {
                out.panicked += 1;
                out.first_error
                    .get_or_insert_with(|| format!("panic: {}", crate::panic_message(&*e)));
            }
        }
    });
    if let Some(mut p) = processor {
        match catch_unwind(AssertUnwindSafe(|| p.finish())) {
            Ok(v) => out.result = v,
            Err(e) => {
                out.first_error.get_or_insert_with(|| {
                    format!("Processor::finish panicked: {}", crate::panic_message(&*e))
                });
            }
        }
    }
    out
}
