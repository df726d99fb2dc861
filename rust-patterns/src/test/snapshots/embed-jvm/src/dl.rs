//! `dlopen`/`dlsym` declared by hand from libc (std only, no crates).

use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

extern "C" {
    fn dlopen(filename: *const c_char, flags: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *mut c_char;
}

const RTLD_NOW: c_int = 2;

/// A loaded shared library; never unloaded (a JVM cannot be unloaded from a process).
pub struct Library {
    handle: *mut c_void,
}

fn last_error() -> String {
    // SAFETY: dlerror returns null or a NUL-terminated string valid until the next dl* call.
    unsafe {
        let e = dlerror();
        if e.is_null() {
            "unknown dlopen error".to_string()
        } else {
            CStr::from_ptr(e).to_string_lossy().into_owned()
        }
    }
}

impl Library {
    pub fn open(path: &Path) -> Result<Library, String> {
        let c = CString::new(path.as_os_str().as_bytes())
            .map_err(|_| format!("library path {} contains a NUL byte", path.display()))?;
        // SAFETY: c is a valid NUL-terminated path.
        let handle = unsafe { dlopen(c.as_ptr(), RTLD_NOW) };
        if handle.is_null() {
            return Err(format!("cannot load {}: {}", path.display(), last_error()));
        }
        Ok(Library { handle })
    }

    pub fn symbol(&self, name: &str) -> Result<*mut c_void, String> {
        let c = CString::new(name).map_err(|_| "symbol name contains NUL".to_string())?;
        // SAFETY: handle is a live dlopen handle, c a valid C string.
        let s = unsafe { dlsym(self.handle, c.as_ptr()) };
        if s.is_null() {
            return Err(format!("symbol {name} not found: {}", last_error()));
        }
        Ok(s)
    }
}
