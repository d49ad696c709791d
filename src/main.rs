//! The browser entry point: everything lives in the library so that tests and the prerenderer
//! use the same components.

#[cfg(target_arch = "wasm32")]
fn main() {
    sendai_cluster::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary runs in the browser: build the site with `trunk build`.");
    std::process::exit(2);
}
