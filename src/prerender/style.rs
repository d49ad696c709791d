//! The pages' stylesheet, compressed by Sass. Trunk's Sass step writes it expanded, with its
//! comments and indentation, into every page: Trunk compresses it only when it minifies
//! everything, and its JavaScript minifier breaks wasm-bindgen's output (`Trunk.toml`).
//! Compressed, it is 17.4 KB instead of 26.0 KB (3.5 KB brotli instead of 5.8 KB) in every page,
//! and every page takes a third less time to precompress. Sass's output is kept in the build cache
//! under the stylesheet and Sass's version.

use std::cell::Cell;
use std::process::Command;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sendai_build_cache::{Cache, Key};

use super::page::first_text;
use super::tools::run;

/// `template` with its first `<style>` element's stylesheet compressed by Sass; as it is if it
/// has none.
pub fn compress_style(template: &str, cache: &Cache) -> std::io::Result<String> {
    let Some(expanded) = first_text(template, "style")? else {
        return Ok(template.to_owned());
    };
    let version = run(Command::new("sass").arg("--version"), &[])?;
    let key = Key::new("sass --style=compressed")
        .with(version.trim().as_bytes())
        .with(expanded.as_bytes());
    let compressed = cache.output("style", key, || {
        let css = run(
            Command::new("sass").args(["--stdin", "--style=compressed", "--no-source-map"]),
            expanded.as_bytes(),
        )?;
        // Sass marks a stylesheet with other than ASCII characters by a byte order mark, which
        // only a file's start may hold: in a `<style>` it would begin the first selector.
        Ok(css
            .trim_start_matches('\u{feff}')
            .trim_end()
            .as_bytes()
            .to_vec())
    })?;
    let compressed = String::from_utf8(compressed).map_err(std::io::Error::other)?;
    let replaced = Cell::new(false);
    rewrite_str(
        template,
        RewriteStrSettings::new().append_element_content_handler(element!("style", |style| {
            if !replaced.replace(true) {
                style.set_inner_content(&compressed, ContentType::Html);
            }
            Ok(())
        })),
    )
    .map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_stylesheet_is_compressed_without_a_byte_order_mark_and_the_rest_kept() {
        let dir = std::env::temp_dir().join(format!("sendai-style-{}", std::process::id()));
        let cache = Cache::open(&dir);
        let template = "<head><style>/* a note */\na > b {\n  quotes: \"「\" \"」\";\n}\n</style>\
            <style>c { }</style></head>";
        let compressed =
            compress_style(template, &cache).expect("Sass is on PATH (.ci/setup-build)");
        assert_eq!(
            compressed,
            "<head><style>a>b{quotes:\"「\" \"」\"}</style><style>c { }</style></head>"
        );
        assert_eq!(
            compress_style("<head></head>", &cache).unwrap(),
            "<head></head>"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
