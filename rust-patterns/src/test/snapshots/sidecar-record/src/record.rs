//! The task input record. Generated from `long id, double spot, float vol, boolean call`: do not edit, regenerate instead (the Java
//! handle writes exactly this layout).

/// One task's input, `#[repr(C)]`: fields in declared order at their natural alignment.
/// `boolean` fields are `u8` (0 or 1), `char` fields are UTF-16 units.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    pub id: i64,
    pub spot: f64,
    pub vol: f32,
    pub call: u8,
}

/// Size of [`Record`] in bytes.
pub const RECORD_SIZE: usize = 24;

const _: () = assert!(std::mem::size_of::<Record>() == RECORD_SIZE);
const _: () = assert!(std::mem::offset_of!(Record, id) == 0);
const _: () = assert!(std::mem::offset_of!(Record, spot) == 8);
const _: () = assert!(std::mem::offset_of!(Record, vol) == 16);
const _: () = assert!(std::mem::offset_of!(Record, call) == 20);
