//! The record each queue slot carries. Generated from `long id, double price, int qty, boolean buy, char side, short type`: do not edit, regenerate instead
//! (the Java producer writes exactly this layout; a mismatch is refused through the fingerprint).

/// One queue item, `#[repr(C)]`: fields in declared order at their natural alignment, as the Java
/// producer `OrderQueue` writes them. `boolean` fields are `u8` (0 or 1), `char` fields are UTF-16 units.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub id: i64,
    pub price: f64,
    pub qty: i32,
    pub buy: u8,
    pub side: u16,
    pub type_: i16,
}

/// Size of [`Item`] in bytes.
pub const ITEM_SIZE: usize = 32;
/// Fingerprint of the field names, types and offsets; the Java side writes the same value.
pub const LAYOUT_FINGERPRINT: u64 = 0x26c9a04831290925;

const _: () = assert!(std::mem::size_of::<Item>() == ITEM_SIZE);
const _: () = assert!(std::mem::offset_of!(Item, id) == 0);
const _: () = assert!(std::mem::offset_of!(Item, price) == 8);
const _: () = assert!(std::mem::offset_of!(Item, qty) == 16);
const _: () = assert!(std::mem::offset_of!(Item, buy) == 20);
const _: () = assert!(std::mem::offset_of!(Item, side) == 22);
const _: () = assert!(std::mem::offset_of!(Item, type_) == 24);

const FNV_PRIME: u64 = 0x100000001b3;

impl Item {
    /// Order-independent check value of one item: FNV-style mix of the raw bits of every field. The
    /// runtime sums it over all items so both sides can prove nothing was lost or torn;
    /// `OrderQueue.checksumOf` computes the same.
    pub fn checksum_word(&self) -> u64 {
        let mut h: u64 = 0;
        h = (h ^ (self.id as u64)).wrapping_mul(FNV_PRIME);
        h = (h ^ self.price.to_bits()).wrapping_mul(FNV_PRIME);
        h = (h ^ (self.qty as u32 as u64)).wrapping_mul(FNV_PRIME);
        h = (h ^ (self.buy as u64)).wrapping_mul(FNV_PRIME);
        h = (h ^ (self.side as u64)).wrapping_mul(FNV_PRIME);
        h = (h ^ (self.type_ as u16 as u64)).wrapping_mul(FNV_PRIME);
        h
    }
}
