//! The precompressed copies: `name.br` and `name.gz` beside every text file and the wasm, which
//! hosts that serve precompressed files send as they are.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::files;

/// Files worth compressing: text, and wasm and the pages' data files, which compress well.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "wasm", "bin", "css", "svg", "xml", "txt", "json",
];

/// Writes `name.br` and `name.gz` beside every compressible file, at the highest settings:
/// this runs once per build, and every visitor gains.
pub fn precompress(dist: &Path) -> std::io::Result<()> {
    for file in files(dist)? {
        let compressible = file
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !compressible {
            continue;
        }
        let data = fs::read(&file)?;
        let mut br = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            writer.write_all(&data)?;
        }
        fs::write(with_suffix(&file, "br"), br)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&data)?;
        fs::write(with_suffix(&file, "gz"), gz.finish()?)?;
    }
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
