//! The browser entry point: everything lives in the library so that tests and the prerenderer
//! use the same components.
//!
//! The loader (`pattern_script` in `Trunk.toml`) calls `start` with the site's shell, `site.bin`,
//! which it fetches together with the app: the app is code only, and is given its content. The
//! answer says whether the app started (it refuses a damaged shell, or another build's or data
//! format's).

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start(site_file: Vec<u8>) -> bool {
    sendai_cluster::start(site_file.leak())
}

/// Nothing starts at instantiation: the loader calls `start`, with the shell.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary runs in the browser: build the site with `trunk build`.");
    std::process::exit(2);
}
