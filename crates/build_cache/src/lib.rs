//! Build outputs kept between builds, each under the hash of everything it is made from (its
//! *key*), so that a build makes again only what changed: an output is found by its inputs, never
//! by a name or a date, and a changed input gives another key, never a stale output.
//!
//! The prerenderer keeps its compressed copies and the app's optimised wasm here; processed
//! pictures have a folder of their own beside them (`sendai_content`'s picture cache). This crate
//! is compiled optimised in every profile (the workspace's `Cargo.toml`): the prerenderer runs as
//! a debug build, and brotli's generic code is compiled where it is called, so compressing here
//! rather than in the prerenderer's own crate makes it about three times faster.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

/// The environment variable that moves the cache (a folder), for builds that must start without
/// one (the benchmark's) or keep their own.
pub const CACHE_DIR_VARIABLE: &str = "SITE_BUILD_CACHE";

/// Outputs that no build has used for this long are removed by [`Cache::prune`]: long enough that
/// switching between branches keeps them, short enough that the folder does not grow for ever.
pub const UNUSED_FOR: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// The site's build cache: `$SITE_BUILD_CACHE` if set, else `target/build-cache` in the
/// workspace, which `cargo clean` empties.
pub fn cache_dir() -> PathBuf {
    std::env::var_os(CACHE_DIR_VARIABLE).map_or_else(
        || {
            let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2);
            workspace
                .expect("this crate is in the workspace's crates/")
                .join("target/build-cache")
        },
        PathBuf::from,
    )
}

/// Everything an output is made from, hashed: the recipe (what makes it, with its settings and
/// version) and each input, in order. Each part is hashed with its length, so that two lists of
/// parts never give the same key by running into each other. A key's common parts can be hashed
/// once and the key cloned for each output.
#[derive(Clone)]
pub struct Key(Sha256);

impl Key {
    /// A key for an output made by `recipe`: a text naming the step, its tool's version and its
    /// settings, so that changing any of them makes every output of the step again.
    pub fn new(recipe: &str) -> Key {
        Key(Sha256::new()).with(recipe.as_bytes())
    }

    /// The key with one more input.
    pub fn with(mut self, input: &[u8]) -> Key {
        self.0.update((input.len() as u64).to_le_bytes());
        self.0.update(input);
        self
    }

    /// The key as 64 hex digits.
    pub fn hex(self) -> String {
        self.0
            .finalize()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }
}

/// A folder of outputs, and how many of them this build made and reused.
pub struct Cache {
    dir: PathBuf,
    made: AtomicUsize,
    reused: AtomicUsize,
}

impl Cache {
    /// The outputs kept in `dir` (created when the first is kept).
    pub fn open(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: dir.into(),
            made: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    /// The output of kind `kind` (a folder name: `brotli`, `wasm-opt`) for `key`: the one kept by
    /// an earlier build if there is one, else the one `make` makes, kept for the next.
    pub fn output(
        &self,
        kind: &str,
        key: Key,
        make: impl FnOnce() -> io::Result<Vec<u8>>,
    ) -> io::Result<Vec<u8>> {
        let hex = key.hex();
        let file = self.dir.join(kind).join(&hex[..2]).join(&hex);
        if let Ok(bytes) = fs::read(&file) {
            // Used now: pruning keeps it.
            fs::File::options()
                .write(true)
                .open(&file)?
                .set_modified(SystemTime::now())?;
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Ok(bytes);
        }
        let bytes = make()?;
        keep(&file, &bytes)?;
        self.made.fetch_add(1, Ordering::Relaxed);
        Ok(bytes)
    }

    /// How many outputs this build made, and how many it reused.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.made.load(Ordering::Relaxed),
            self.reused.load(Ordering::Relaxed),
        )
    }

    /// Removes the outputs that no build has used for [`UNUSED_FOR`], and says how many.
    pub fn prune(&self) -> io::Result<usize> {
        let Some(cutoff) = SystemTime::now().checked_sub(UNUSED_FOR) else {
            return Ok(0);
        };
        let mut removed = 0;
        for kind in read_dir_or_none(&self.dir)? {
            for shard in read_dir_or_none(&kind)? {
                for file in read_dir_or_none(&shard)? {
                    if fs::metadata(&file)?.modified()? < cutoff {
                        fs::remove_file(&file)?;
                        removed += 1;
                    }
                }
            }
        }
        Ok(removed)
    }
}

/// Writes `bytes` to `file` whole or not at all: into a file of its own, then renamed, so that a
/// build stopped halfway leaves no truncated output for the next to reuse, and two builds writing
/// the same output at once each leave a whole one.
fn keep(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = file.parent().expect("an output is inside the cache");
    fs::create_dir_all(folder)?;
    let mut partial = tempfile_in(folder)?;
    partial.1.write_all(bytes)?;
    partial.1.sync_data()?;
    fs::rename(&partial.0, file)
}

/// A new file in `folder`, named for this process and thread.
fn tempfile_in(folder: &Path) -> io::Result<(PathBuf, fs::File)> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        ".partial-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let path = folder.join(name);
    let file = fs::File::create(&path)?;
    Ok((path, file))
}

/// The entries of `dir`, or none if it does not exist.
fn read_dir_or_none(dir: &Path) -> io::Result<Vec<PathBuf>> {
    match fs::read_dir(dir) {
        Ok(entries) => entries.map(|entry| Ok(entry?.path())).collect(),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(err),
    }
}

/// Brotli's highest quality (11) with a 4 MiB window: each visitor gains, and the cache makes it
/// a cost paid once per output.
pub const BROTLI: &str = "brotli 8, quality 11, window 22";

/// `data` compressed with brotli at [`BROTLI`]'s settings.
pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut compressed = Vec::with_capacity(data.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer
            .write_all(data)
            .expect("writing into memory does not fail");
    }
    compressed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made_by(cache: &Cache, key: Key, bytes: &[u8]) -> Vec<u8> {
        cache
            .output("test", key, || Ok(bytes.to_vec()))
            .expect("the cache can be written")
    }

    #[test]
    fn an_output_is_made_once_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path());
        assert_eq!(
            made_by(&cache, Key::new("step").with(b"input"), b"first"),
            b"first"
        );
        // The same inputs: the kept output, not what `make` would make now.
        assert_eq!(
            made_by(&cache, Key::new("step").with(b"input"), b"second"),
            b"first"
        );
        assert_eq!(cache.counts(), (1, 1));
    }

    #[test]
    fn a_changed_input_recipe_or_split_is_another_output() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path());
        made_by(&cache, Key::new("step").with(b"ab").with(b"c"), b"kept");
        for key in [
            Key::new("step").with(b"ab").with(b"d"),
            Key::new("step 2").with(b"ab").with(b"c"),
            Key::new("step").with(b"a").with(b"bc"),
        ] {
            assert_eq!(made_by(&cache, key, b"new"), b"new");
        }
        assert_eq!(cache.counts(), (4, 0));
    }

    #[test]
    fn a_failed_step_keeps_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path());
        let failed = cache.output("test", Key::new("step"), || Err(io::Error::other("broke")));
        assert!(failed.is_err());
        assert_eq!(made_by(&cache, Key::new("step"), b"made"), b"made");
    }

    #[test]
    fn pruning_removes_only_what_no_build_used_for_a_month() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path());
        made_by(&cache, Key::new("old"), b"old");
        made_by(&cache, Key::new("recent"), b"recent");
        let old = fs::read_dir(dir.path().join("test"))
            .unwrap()
            .flat_map(|shard| fs::read_dir(shard.unwrap().path()).unwrap())
            .map(|file| file.unwrap().path())
            .find(|file| fs::read(file).unwrap() == b"old")
            .unwrap();
        let long_ago = SystemTime::now() - UNUSED_FOR - Duration::from_secs(60);
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        assert_eq!(cache.prune().unwrap(), 1);
        assert!(!old.exists());
        assert_eq!(made_by(&cache, Key::new("recent"), b"again"), b"recent");
    }

    #[test]
    fn brotli_round_trips() {
        let text = "知的クラスター Knowledge Cluster ".repeat(100);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(text.as_bytes())[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
    }
}
