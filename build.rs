//! Compiles the site's content (`content/`, or the folder named by `SITE_CONTENT_DIR`) into Rust
//! data that the browser app and the prerenderer both include (`src/content.rs`).
//!
//! Bad content stops the build with cargo's `error:` lines, which an editor reads first: each
//! names the file, line and column, what is wrong and what to do. (A build script that fails
//! with an exit code instead gets its whole output dumped under cargo's own message.)

use std::path::PathBuf;

use sendai_content::compile::{bake, compile};

fn main() {
    println!("cargo::rerun-if-env-changed=SITE_CONTENT_DIR");
    let dir = std::env::var_os("SITE_CONTENT_DIR")
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", dir.display());
    match compile(&dir) {
        Ok(site) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            std::fs::write(out.join("site.rs"), bake(&site)).expect("OUT_DIR is writable");
        }
        Err(report) => {
            for line in report.to_string().lines().filter(|line| !line.is_empty()) {
                println!("cargo::error={line}");
            }
        }
    }
}
