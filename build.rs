//! Compiles the site's content (`content/`, or the folder named by `SITE_CONTENT_DIR`) into the
//! shell, Rust data that the browser app and the prerenderer both include (`site.rs`), and each
//! page's data file (`pages/`), which the prerenderer publishes beside the page and the tests
//! read through `page_files.rs` (all in `OUT_DIR`; see `src/content.rs`).
//!
//! Bad content stops the build with cargo's `error:` lines, which an editor reads first: each
//! names the file, line and column, what is wrong and what to do. (A build script that fails
//! with an exit code instead gets its whole output dumped under cargo's own message.)

use std::path::PathBuf;

use std::fmt::Write as _;

use sendai_content::compile::{compile, write_out};
use sendai_content::Lang;

fn main() {
    println!("cargo::rerun-if-env-changed=SITE_CONTENT_DIR");
    let dir = std::env::var_os("SITE_CONTENT_DIR")
        .map_or_else(|| PathBuf::from("content"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", dir.display());
    match compile(&dir) {
        Ok(compiled) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            let slugs: Vec<&str> = compiled.site.pages.iter().map(|page| page.slug).collect();
            let output = write_out(compiled);
            std::fs::write(out.join("site.rs"), output.shell).expect("OUT_DIR is writable");
            let pages = out.join("pages");
            std::fs::create_dir_all(&pages).expect("OUT_DIR is writable");
            // `&[(slug, language, data file)]`, in the shell's order of pages.
            let mut files = String::from("&[");
            for (index, (slug, data)) in slugs.iter().zip(&output.data_files).enumerate() {
                for lang in Lang::ALL {
                    let file = pages.join(format!("{index}.{}.bin", lang.code()));
                    std::fs::write(&file, data.of(lang)).expect("OUT_DIR is writable");
                    let _ = write!(
                        files,
                        "({slug:?}, sendai_content::Lang::{lang:?}, include_bytes!({:?})),",
                        file.display().to_string()
                    );
                }
            }
            files.push(']');
            std::fs::write(out.join("page_files.rs"), files).expect("OUT_DIR is writable");
        }
        Err(report) => {
            for line in report.to_string().lines().filter(|line| !line.is_empty()) {
                println!("cargo::error={line}");
            }
        }
    }
}
