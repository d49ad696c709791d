//! What editors put in `content/files/`: the documents pages link to and the pictures they show,
//! told apart by their names' endings.

use std::path::PathBuf;

use super::walk::Entry;

/// The folder of `content/` that holds the documents and pictures, and the documents' address
/// on the site.
pub const FILES_DIR: &str = "files";

/// The file name endings of pictures; every other file is a document.
pub const PICTURE_ENDINGS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// The files of `content/files/`, each with its name, in the order of their names.
#[derive(Default)]
pub struct Listed {
    pub documents: Vec<(String, PathBuf)>,
    pub pictures: Vec<(String, PathBuf)>,
}

/// The entries of `content/files/` (from the one walk of the content folder), sorted into
/// documents and pictures.
pub fn sort(entries: Vec<Entry>) -> Listed {
    let mut listed = Listed::default();
    for Entry { name, path } in entries {
        let kind = if is_picture(&name) {
            &mut listed.pictures
        } else {
            &mut listed.documents
        };
        kind.push((name, path));
    }
    listed
}

/// The documents and pictures of the content folder `dir`, for the tests of what reads them.
#[cfg(test)]
pub fn list(dir: &std::path::Path) -> Listed {
    super::walk::walk(dir)
        .map(|walk| walk.files)
        .unwrap_or_default()
}

/// Whether `name` in `content/files/` is a picture, by its ending.
pub fn is_picture(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ending)| {
        PICTURE_ENDINGS
            .iter()
            .any(|e| e.eq_ignore_ascii_case(ending))
    })
}

/// The file's name in a link's address: `annual-report.pdf` in `/files/annual-report.pdf`.
pub fn name_in(url: &str) -> Option<&str> {
    url.strip_prefix('/')?
        .strip_prefix(FILES_DIR)?
        .strip_prefix('/')
}

/// A size as people read it, in units of 1,024 as file managers show them, rounded up so that it
/// never says less than a tap costs: `248 KB`, `1.2 MB`; never less than 1 KB.
pub fn size(bytes: u64) -> (String, &'static str) {
    const KB: f64 = 1024.0;
    let kb = (bytes as f64 / KB).ceil().max(1.0);
    if kb < 1000.0 {
        (format!("{kb}"), "KB")
    } else {
        let mb = (bytes as f64 / KB / KB * 10.0).ceil() / 10.0;
        (format!("{mb:.1}"), "MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_file_managers_show_them() {
        assert_eq!(size(10), ("1".into(), "KB"));
        assert_eq!(size(248 * 1024), ("248".into(), "KB"));
        assert_eq!(size(248 * 1024 + 1), ("249".into(), "KB"));
        assert_eq!(size(1_258_291), ("1.2".into(), "MB"));
        assert_eq!(size(1_258_292), ("1.3".into(), "MB"));
        assert_eq!(size(999 * 1024 + 1), ("1.0".into(), "MB"), "not 1000 KB");
        assert_eq!(size(25 * 1024 * 1024 + 1), ("25.1".into(), "MB"));
    }

    #[test]
    fn pictures_are_known_by_their_ending() {
        assert!(is_picture("meeting-2010.jpg"));
        assert!(is_picture("logo.PNG"));
        assert!(!is_picture("report.pdf"));
        assert!(!is_picture("jpg"));
    }

    #[test]
    fn one_walk_sorts_the_folder_into_documents_and_pictures() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join(FILES_DIR);
        std::fs::create_dir(&files).unwrap();
        for name in [
            "report.pdf",
            "meeting.jpg",
            ".hidden.jpg",
            "notes.txt~",
            "logo.png",
        ] {
            std::fs::write(files.join(name), "").unwrap();
        }
        let listed = list(dir.path());
        let names = |files: &[(String, PathBuf)]| -> Vec<String> {
            files.iter().map(|(name, _)| name.clone()).collect()
        };
        assert_eq!(names(&listed.documents), ["report.pdf"]);
        assert_eq!(names(&listed.pictures), ["logo.png", "meeting.jpg"]);
    }
}
