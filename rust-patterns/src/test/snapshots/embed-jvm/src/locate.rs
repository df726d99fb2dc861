//! Finds libjvm at run time: an explicit `--jvm` path, else `$JAVA_HOME`, else the newest JDK/JRE
//! under /usr/lib/jvm (by the major version in its `release` file).

use std::path::{Path, PathBuf};

const LAYOUTS: [&str; 5] = [
    "lib/server/libjvm.so",
    "lib/server/libjvm.dylib",
    "jre/lib/amd64/server/libjvm.so",
    "jre/lib/aarch64/server/libjvm.so",
    "lib/amd64/server/libjvm.so",
];

fn in_home(home: &Path) -> Option<PathBuf> {
    LAYOUTS.iter().map(|l| home.join(l)).find(|p| p.is_file())
}

/// Major Java version from a JDK's `release` file (`JAVA_VERSION="21.0.2"` → 21, `"1.8.0_392"` → 8).
fn major_version(home: &Path) -> u32 {
    let Ok(text) = std::fs::read_to_string(home.join("release")) else {
        return 0;
    };
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("JAVA_VERSION=") {
            let v = v.trim_matches('"');
            let mut parts = v.split(|c: char| !c.is_ascii_digit());
            let first: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            return if first == 1 {
                parts.next().and_then(|p| p.parse().ok()).unwrap_or(0)
            } else {
                first
            };
        }
    }
    0
}

pub fn find_libjvm(explicit: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_path_buf())
        } else {
            Err(format!("--jvm {}: no such file", p.display()))
        };
    }
    if let Some(home) = std::env::var_os("JAVA_HOME").filter(|h| !h.is_empty()) {
        let home = PathBuf::from(home);
        // JAVA_HOME names the JVM the user chose: never silently run another one.
        return in_home(&home).ok_or_else(|| {
            format!(
                "JAVA_HOME={} holds no libjvm (looked for {}); point JAVA_HOME at a JDK or JRE, or unset it to search /usr/lib/jvm",
                home.display(),
                LAYOUTS.join(", ")
            )
        });
    }
    let mut best: Option<(u32, PathBuf)> = None;
    if let Ok(entries) = std::fs::read_dir("/usr/lib/jvm") {
        let mut homes: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        homes.sort();
        for home in homes {
            if let Some(lib) = in_home(&home) {
                let version = major_version(&home);
                let newer = match &best {
                    None => true,
                    Some((v, _)) => version > *v,
                };
                if newer {
                    best = Some((version, lib));
                }
            }
        }
    }
    best.map(|(_, lib)| lib).ok_or_else(|| {
        "no libjvm found: JAVA_HOME is not set and no JDK/JRE under /usr/lib/jvm has lib/server/libjvm.so; install one (e.g. apt-get install openjdk-21-jre-headless) or set JAVA_HOME or pass --jvm".to_string()
    })
}
