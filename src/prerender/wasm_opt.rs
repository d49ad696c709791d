//! The app's wasm, optimised by wasm-opt in release builds, here rather than by Trunk: Trunk runs
//! it on every build, five of a release build's seconds, though the app is the same whatever the
//! content. Here its output is kept in the build cache under the wasm's bytes, the options and
//! wasm-opt's version, and made again only when one of them changes.
//!
//! Trunk names the wasm by its bytes before wasm-opt, as it did when it ran wasm-opt itself; the
//! pages pin the optimised file by its hash ([`super::page::prepare_template`] runs after this).

use std::path::{Path, PathBuf};
use std::process::Command;

use sendai_build_cache::{Cache, Key};

use super::tools::run;

/// The wasm-opt the site is built with: npm's binaryen 132 (Debian's wasm-opt 108 builds a wasm
/// that fails in the browser).
const VERSION: &str = "version 132";

/// What wasm-opt is asked to do: shrink the code for size until it shrinks no more; remove the
/// stream adapters leptos's server_fn exports (IntoUnderlying*: the site has no server
/// functions); strip the producers and target-features sections, which no browser reads; and
/// use the low memory, which Rust leaves unused (its 1 MiB stack comes first, data above it).
const OPTIONS: [&str; 7] = [
    "--remove-exports",
    "--pass-arg=remove-exports@*intounderlying*",
    "--strip-producers",
    "--strip-target-features",
    "-Oz",
    "--converge",
    "--low-memory-unused",
];

/// The search page's wasm (`crates/search_page`), which Trunk names by its binary.
const SEARCH_WASM: &str = "search/search_bg.wasm";

/// Optimises the wasm files Trunk wrote into `dist` (the app's, and the search page's where
/// there is one) in place, or takes an optimised file from `cache` if this very wasm was
/// optimised before by the same wasm-opt.
pub fn optimise(dist: &Path, cache: &Cache) -> std::io::Result<()> {
    let version = run(Command::new("wasm-opt").arg("--version"), &[])?;
    if !version.contains(VERSION) {
        return Err(std::io::Error::other(format!(
            "wasm-opt on PATH is {:?}, not binaryen's {VERSION}: run the build through \
             .ci/setup-build, which installs it and puts it first on PATH",
            version.trim()
        )));
    }
    let search = dist.join(SEARCH_WASM);
    for wasm in std::iter::once(app_wasm(dist)?).chain(search.exists().then_some(search)) {
        optimise_file(&wasm, version.trim(), cache)?;
    }
    Ok(())
}

fn optimise_file(wasm: &Path, version: &str, cache: &Cache) -> std::io::Result<()> {
    let bytes = std::fs::read(wasm)?;
    let key = Key::new("wasm-opt")
        .with(version.as_bytes())
        .with(OPTIONS.join(" ").as_bytes())
        .with(&bytes);
    let optimised = cache.output("wasm-opt", key, || {
        let out = wasm.with_extension("opt.wasm");
        run(
            Command::new("wasm-opt")
                .args(OPTIONS)
                .arg(wasm)
                .arg("--output")
                .arg(&out),
            &[],
        )?;
        let optimised = std::fs::read(&out)?;
        std::fs::remove_file(&out)?;
        Ok(optimised)
    })?;
    std::fs::write(wasm, optimised)
}

/// The one `*_bg.wasm` file Trunk wrote.
fn app_wasm(dist: &Path) -> std::io::Result<PathBuf> {
    let mut found = std::fs::read_dir(dist)?
        .map(|entry| entry.map(|entry| entry.path()))
        .filter(|path| {
            path.as_ref().map_or(true, |path| {
                path.file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.ends_with("_bg.wasm"))
            })
        })
        .collect::<std::io::Result<Vec<_>>>()?;
    match (found.pop(), found.is_empty()) {
        (Some(wasm), true) => Ok(wasm),
        _ => Err(std::io::Error::other(format!(
            "{} should hold exactly one *_bg.wasm file, the app Trunk built",
            dist.display()
        ))),
    }
}
