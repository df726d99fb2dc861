//! Your consumer logic. Edit freely: regenerating never overwrites this file once you changed it
//! (unless forced).

use crate::item::Item;

/// State kept by the single consumer thread. Created once per consumer run.
pub struct Processor {
    items: u64,
}

impl Processor {
    pub fn new() -> Self {
        Processor { items: 0 }
    }

    /// Called once per item, in queue order, on the consumer thread, after the slot was given back to
    /// the producers (so slow work here does not hold a slot). `Err` counts the item as failed and keeps
    /// the first message; a panic is caught, counted, and the consumer goes on with the next item.
    /// The generated body only counts items: put the real work here.
    pub fn process(&mut self, item: &Item) -> Result<(), String> {
        let _ = item;
        self.items += 1;
        Ok(())
    }

    /// Called once after the queue was closed and drained; the value is reported to Java as
    /// `Stats.result` (and printed by the consumer binary).
    pub fn finish(&mut self) -> u64 {
        self.items
    }
}

impl Default for Processor {
    fn default() -> Self {
        Self::new()
    }
}
