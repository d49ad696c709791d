//! The precompressed copies: `name.br` and `name.gz` beside every text file and the wasm, which
//! hosts that serve precompressed files send as they are.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::files;

/// Files worth compressing: text, and wasm and the pages' data files, which compress well.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "wasm", "bin", "css", "svg", "xml", "txt", "json",
];

/// Writes `name.br` and `name.gz` beside every compressible file, at the highest settings:
/// this runs once per build, and every visitor gains. Brotli's highest setting takes most of a
/// build's time where there are many pages (a notice is one in each edition), so the files are
/// shared among the machine's cores.
pub fn precompress(dist: &Path) -> std::io::Result<()> {
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
            Some(file) => compress(file)?,
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

/// Writes `file.br` and `file.gz`.
fn compress(file: &Path) -> std::io::Result<()> {
    let data = fs::read(file)?;
    let mut br = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        writer.write_all(&data)?;
    }
    fs::write(with_suffix(file, "br"), br)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&data)?;
    fs::write(with_suffix(file, "gz"), gz.finish()?)
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
