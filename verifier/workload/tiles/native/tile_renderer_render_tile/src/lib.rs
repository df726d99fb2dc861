//! Hand-written port of payoff.tiles.TileRenderer#renderTile (the labelled tile service's tile renderer).
mod ffi;
pub use ffi::PortError;

/// Copies tile (tile_x, tile_y) of the atlas into `out`, tinted, and returns Java's checksum of the pixels.
/// An index outside the atlas or `out` is the error Java's ArrayIndexOutOfBoundsException is.
pub fn render_tile(arg0: &[i32], arg1: i32, arg2: i32, arg3: i32, arg4: i32, arg5: i32, arg6: &mut [i32]) -> Result<i32, PortError> {
    let (atlas, atlas_width, tile_x, tile_y, tile_size, tint, out) = (arg0, arg1, arg2, arg3, arg4, arg5, arg6);
    let mut checksum: i32 = 17;
    let base = tile_y.wrapping_mul(tile_size).wrapping_mul(atlas_width).wrapping_add(tile_x.wrapping_mul(tile_size));
    let tr = ((tint as u32 >> 16) & 0xFF) as i32;
    let tg = ((tint as u32 >> 8) & 0xFF) as i32;
    let tb = (tint & 0xFF) as i32;
    for y in 0..tile_size.max(0) {
        let row = base.wrapping_add(y.wrapping_mul(atlas_width));
        let o = y.wrapping_mul(tile_size);
        if tile_size > 0 {
            let (r0, r1) = (row as i64, row as i64 + tile_size as i64);
            let (o0, o1) = (o as i64, o as i64 + tile_size as i64);
            if r0 < 0 || r1 > atlas.len() as i64 || o0 < 0 || o1 > out.len() as i64 {
                return Err(PortError::Failed(format!("index out of bounds: row {} of the atlas ({} pixels) or {} of out ({})",
                    row, atlas.len(), o, out.len())));
            }
            let src = &atlas[r0 as usize..r1 as usize];
            let dst = &mut out[o0 as usize..o1 as usize];
            for (d, &p) in dst.iter_mut().zip(src) {
                let a = (p as u32 >> 24) as i32;
                let r = ((p as u32 >> 16) & 0xFF) as i32 * tr / 255;
                let g = ((p as u32 >> 8) & 0xFF) as i32 * tg / 255;
                let b = (p & 0xFF) * tb / 255;
                let q = (a << 24) | (r << 16) | (g << 8) | b;
                *d = q;
                checksum = checksum.wrapping_mul(31).wrapping_add(q);
            }
        }
    }
    Ok(checksum)
}
