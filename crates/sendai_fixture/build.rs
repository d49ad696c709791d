//! Compiles the fixture content into the data files the app is given, as the prerenderer
//! compiles `content/`: `site.bin` and every page's file, in `OUT_DIR`, with a list of them
//! (`page_files.rs`) that `src/lib.rs` includes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sendai_content::compile::{compile, write_out};
use sendai_content::Lang;

fn main() {
    let dir = Path::new("../sendai_content/tests/fixtures/content");
    println!("cargo::rerun-if-changed={}", dir.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let compiled = compile(dir, &out.join("pictures"))
        .unwrap_or_else(|report| panic!("the fixture content:\n{report}"));
    let output = write_out(&compiled);
    std::fs::write(out.join("site.bin"), &output.site_file).expect("OUT_DIR is writable");
    let mut files = String::from("&[");
    for (index, page) in output.page_files.iter().enumerate() {
        for lang in Lang::ALL {
            let file = out.join(format!("{index}.{}.bin", lang.code()));
            std::fs::write(&file, page.files.of(lang)).expect("OUT_DIR is writable");
            let _ = write!(
                files,
                "({:?}, sendai_content::Lang::{lang:?}, include_bytes!({:?})),",
                page.slug,
                file.display().to_string()
            );
        }
    }
    files.push(']');
    std::fs::write(out.join("page_files.rs"), files).expect("OUT_DIR is writable");
}
