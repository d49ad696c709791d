//! Writing the site's files into Trunk's staging folder.
//!
//! A release build writes every file. `trunk serve`'s rebuilds, which an editor waits for at each
//! save, take the last build's files back from the folder it serves instead (each top-level entry
//! moved whole, one rename each) and write only the files whose inputs changed, removing those no
//! longer made: with a thousand notices, writing every file again took most of a rebuild. A record
//! of what the last build wrote (each file's path with the hash of its inputs), kept in the build
//! cache's folder, says which is which; a mark in the served folder names that record, and without
//! both every file is written.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sendai_build_cache::Key;

/// The mark's file in the served folder: the id of the record of the build that wrote it.
const MARK: &str = ".sc-preview";

/// The files a build writes, and those it can take from the last one.
pub struct Writer {
    dir: PathBuf,
    /// The last build's files (now in `dir`), each path with its inputs' hash.
    last: HashMap<PathBuf, String>,
    /// This build's.
    written: BTreeMap<PathBuf, String>,
    /// Where this build's record goes, if rebuilds take files from it.
    record: Option<PathBuf>,
}

impl Writer {
    /// Every file written into `dir`.
    pub fn all(dir: &Path) -> Writer {
        Writer {
            dir: dir.to_owned(),
            last: HashMap::new(),
            written: BTreeMap::new(),
            record: None,
        }
    }

    /// Files written into `dir` (Trunk's staging folder), taking back from `served` (the folder
    /// the last build was moved to) what its record in `records` says is there.
    pub fn reusing(dir: &Path, served: &Path, records: &Path) -> io::Result<Writer> {
        fs::create_dir_all(records)?;
        let served_name = Key::new("served folder")
            .with(served.to_string_lossy().as_bytes())
            .hex();
        let record = records.join(served_name);
        let mut output = Writer {
            record: Some(record.clone()),
            ..Writer::all(dir)
        };
        let mark = fs::read_to_string(served.join(MARK)).unwrap_or_default();
        let Ok(text) = fs::read_to_string(&record) else {
            return Ok(output);
        };
        let mut lines = text.lines();
        if mark.is_empty() || lines.next() != Some(mark.as_str()) {
            return Ok(output);
        }
        let last: HashMap<PathBuf, String> = lines
            .filter_map(|line| line.split_once(' '))
            .map(|(hash, path)| (PathBuf::from(path), hash.to_owned()))
            .collect();
        // Trunk's own files are in the staging folder already, fresh; the staging folder itself
        // is inside the served one.
        for entry in fs::read_dir(served)? {
            let from = entry?.path();
            let name = from.file_name().expect("an entry has a name");
            if name != MARK && !dir.starts_with(&from) && !dir.join(name).exists() {
                fs::rename(&from, dir.join(name)).map_err(|err| {
                    io::Error::new(
                        err.kind(),
                        format!(
                            "{} cannot be moved into {}: {err}",
                            from.display(),
                            dir.display()
                        ),
                    )
                })?;
            }
        }
        output.last = last;
        Ok(output)
    }

    /// Writes `bytes` at `path` (relative to the folder), unless the last build wrote the same.
    pub fn write(&mut self, path: impl Into<PathBuf>, bytes: &[u8]) -> io::Result<()> {
        // Only a build that keeps a record compares files by their hash.
        let hash = match self.record {
            Some(_) => Key::new("file").with(bytes).hex(),
            None => String::new(),
        };
        self.write_made(path.into(), hash, || Ok(bytes.to_vec()))
    }

    /// Writes what `make` makes at `path`, unless the last build wrote it from the same inputs
    /// (`key`): then `make` is not called.
    pub fn write_keyed(
        &mut self,
        path: impl Into<PathBuf>,
        key: Key,
        make: impl FnOnce() -> io::Result<Vec<u8>>,
    ) -> io::Result<()> {
        self.write_made(path.into(), key.hex(), make)
    }

    fn write_made(
        &mut self,
        path: PathBuf,
        hash: String,
        make: impl FnOnce() -> io::Result<Vec<u8>>,
    ) -> io::Result<()> {
        let file = self.dir.join(&path);
        if self.last.get(&path) != Some(&hash) || !file.exists() {
            fs::create_dir_all(file.parent().expect("a file is inside the folder"))?;
            fs::write(&file, make()?)?;
        }
        if self.record.is_some() {
            self.written.insert(path, hash);
        }
        Ok(())
    }

    /// Removes the files the last build wrote that this one did not: a page or picture that is
    /// gone. Call it once every file is written, before anything reads the folder's listing.
    pub fn remove_gone(&mut self) -> io::Result<()> {
        for path in self.last.keys() {
            if !self.written.contains_key(path) {
                match fs::remove_file(self.dir.join(path)) {
                    Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
                    _ => {}
                }
            }
        }
        self.last.clear();
        Ok(())
    }

    /// Keeps the record of what this build wrote, for the next, and marks the folder with it.
    pub fn finish(self) -> io::Result<()> {
        let Some(record) = self.record else {
            return Ok(());
        };
        let id = Key::new("record")
            .with(format!("{:?}", std::time::SystemTime::now()).as_bytes())
            .with(&std::process::id().to_le_bytes())
            .hex();
        let mut text = format!("{id}\n");
        for (path, hash) in &self.written {
            text.push_str(&format!("{hash} {}\n", path.display()));
        }
        fs::write(record, text)?;
        fs::write(self.dir.join(MARK), id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk's part between two builds: the staging folder's entries moved into the served
    /// folder, whose old entries go first, and a new staging folder with Trunk's own file.
    fn apply(staging: &Path, served: &Path) {
        for entry in fs::read_dir(served).unwrap() {
            let path = entry.unwrap().path();
            if path != staging {
                if path.is_dir() {
                    fs::remove_dir_all(&path).unwrap();
                } else {
                    fs::remove_file(&path).unwrap();
                }
            }
        }
        for entry in fs::read_dir(staging).unwrap() {
            let path = entry.unwrap().path();
            fs::rename(&path, served.join(path.file_name().unwrap())).unwrap();
        }
        fs::write(staging.join("index.html"), "trunk").unwrap();
    }

    fn read(dir: &Path, path: &str) -> Option<String> {
        fs::read_to_string(dir.join(path)).ok()
    }

    #[test]
    fn a_rebuild_writes_what_changed_removes_what_is_gone_and_keeps_the_rest() {
        let root = std::env::temp_dir().join(format!("sendai-output-{}", std::process::id()));
        let served = root.join("dist");
        let staging = served.join(".stage");
        let records = root.join("records");
        fs::create_dir_all(&staging).unwrap();
        fs::write(staging.join("index.html"), "trunk").unwrap();
        let mut made = Vec::new();
        let build = |pages: &[(&str, &str)], made: &mut Vec<String>| {
            let mut out = Writer::reusing(&staging, &served, &records).unwrap();
            for (path, text) in pages {
                out.write_keyed(*path, Key::new(text), || {
                    made.push((*path).to_owned());
                    Ok(text.as_bytes().to_vec())
                })
                .unwrap();
            }
            out.write("robots.txt", b"robots").unwrap();
            out.remove_gone().unwrap();
            out.finish().unwrap();
            apply(&staging, &served);
        };
        build(&[("a/index.html", "A"), ("b/index.html", "B")], &mut made);
        assert_eq!(made, ["a/index.html", "b/index.html"]);
        made.clear();
        build(&[("a/index.html", "A2"), ("c/index.html", "C")], &mut made);
        // Only the changed and the new page were made; b is gone, the rest is as it was.
        assert_eq!(made, ["a/index.html", "c/index.html"]);
        assert_eq!(read(&served, "a/index.html").as_deref(), Some("A2"));
        assert_eq!(read(&served, "b/index.html"), None);
        assert_eq!(read(&served, "c/index.html").as_deref(), Some("C"));
        assert_eq!(read(&served, "robots.txt").as_deref(), Some("robots"));
        assert_eq!(read(&served, "index.html").as_deref(), Some("trunk"));
        // A file removed from the served folder behind the record's back is written again;
        // without the mark, every file is.
        made.clear();
        fs::remove_file(served.join("c/index.html")).unwrap();
        build(&[("a/index.html", "A2"), ("c/index.html", "C")], &mut made);
        assert_eq!(made, ["c/index.html"]);
        made.clear();
        fs::remove_file(served.join(MARK)).unwrap();
        build(&[("a/index.html", "A2"), ("c/index.html", "C")], &mut made);
        assert_eq!(made, ["a/index.html", "c/index.html"]);
        fs::remove_dir_all(&root).unwrap();
    }
}
