//! The *read* stage's one walk of `content/`: every file and folder, sorted by where it is
//! before any is read. Hidden files and editors' backups (`.DS_Store`, `concept.md~`) are not
//! content; names in each list are in order, so that messages and outputs are too.

use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::files::{self, FILES_DIR};

/// A file or folder, by its name.
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
}

/// What `content/` holds.
pub struct Walk {
    /// The files at its top: pages (`concept.md`) and the site's data files (`strings.toml`).
    pub top: Vec<Entry>,
    /// Each folder but `files/`, which are sections, with what each holds (files and folders).
    pub folders: Vec<(Entry, Vec<Entry>)>,
    /// `files/`, sorted into documents and pictures.
    pub files: files::Listed,
}

impl Walk {
    /// A folder with nothing in it, for the build to go on and report what is missing.
    pub fn empty() -> Walk {
        Walk {
            top: Vec::new(),
            folders: Vec::new(),
            files: files::Listed::default(),
        }
    }
}

/// Walks the content folder `dir` once; an unreadable folder is the only problem here.
pub fn walk(dir: &Path) -> Result<Walk, Diagnostic> {
    let top = entries(dir).map_err(|err| {
        Diagnostic::in_file(
            dir,
            format!("the content folder cannot be read ({err})"),
            "check that the folder exists",
        )
    })?;
    let mut walk = Walk::empty();
    for entry in top {
        match (entry.path.is_dir(), entry.name == FILES_DIR) {
            (true, true) => walk.files = files::sort(entries(&entry.path).unwrap_or_default()),
            (true, false) => {
                let inside = entries(&entry.path).unwrap_or_default();
                walk.folders.push((entry, inside));
            }
            (false, _) => walk.top.push(entry),
        }
    }
    Ok(walk)
}

/// The content entries of a folder, in the order of their names.
fn entries(dir: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            (!name.starts_with('.') && !name.ends_with('~')).then(|| Entry {
                path: entry.path(),
                name,
            })
        })
        .collect();
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_walk_sorts_pages_sections_documents_and_pictures() {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["files", "events", "notices"] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
        }
        for file in [
            "concept.md",
            "_index.md",
            ".DS_Store",
            "concept.md~",
            "events/_index.md",
            "files/report.pdf",
            "files/photo.JPG",
        ] {
            std::fs::write(dir.path().join(file), "").unwrap();
        }
        let walk = walk(dir.path()).unwrap();
        let names = |entries: &[Entry]| entries.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&walk.top), ["_index.md", "concept.md"]);
        let folders: Vec<(String, Vec<String>)> = walk
            .folders
            .iter()
            .map(|(folder, inside)| (folder.name.clone(), names(inside)))
            .collect();
        assert_eq!(
            folders,
            [
                ("events".to_owned(), vec!["_index.md".to_owned()]),
                ("notices".to_owned(), vec![])
            ]
        );
        let listed =
            |files: &[(String, PathBuf)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(listed(&walk.files.documents), ["report.pdf"]);
        assert_eq!(listed(&walk.files.pictures), ["photo.JPG"]);
    }
}
