//! The precompressed copies: `name.br` beside every text file and the wasm, which hosts that
//! serve precompressed files send as they are.
//!
//! Brotli only: every browser asks for it over HTTPS, and the hosts that serve files as they are
//! (nginx with `brotli_static`, Caddy's `precompressed`) compress for the rare client that asks
//! for gzip alone themselves. A `.gz` copy of every file would add a third to the files a build
//! publishes, and hosts count files (Cloudflare Pages serves 20,000 at most) while CDNs compress
//! for themselves and ignore them (docs/deploying.md).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use sendai_build_cache::{brotli, Cache, Key, BROTLI};

use super::files;

/// Files worth compressing: text, and wasm and the pages' data files, which compress well.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "wasm", "bin", "css", "svg", "xml", "txt", "json",
];

/// Writes `name.br` beside every compressible file, at brotli's highest setting: each visitor
/// gains. A file compressed by an earlier build is taken from `cache` (keyed by its bytes): a
/// build compresses only what changed. The rest is shared among the machine's cores.
pub fn precompress(dist: &Path, cache: &Cache) -> std::io::Result<()> {
    let compressible: Vec<PathBuf> = files(dist)?
        .into_iter()
        .filter(|file| {
            file.extension()
                .and_then(|ext| ext.to_str())
                .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
        })
        .collect();
    // Each thread takes the next file not yet taken: their sizes differ too much to share
    // them out in advance.
    let next = AtomicUsize::new(0);
    let work = || loop {
        match compressible.get(next.fetch_add(1, Ordering::Relaxed)) {
            Some(file) => compress(file, cache)?,
            None => return Ok(()),
        }
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        threads
            .into_iter()
            .try_for_each(|thread| thread.join().expect("a compressing thread does not panic"))
    })
}

/// Writes `file.br`.
fn compress(file: &Path, cache: &Cache) -> std::io::Result<()> {
    let data = fs::read(file)?;
    let compressed = cache.output("brotli", Key::new(BROTLI).with(&data), || Ok(brotli(&data)))?;
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    fs::write(PathBuf::from(name), compressed)
}
