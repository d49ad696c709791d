//! The pictures editors publish (`content/files/`: JPEG, PNG, WebP), which pages show with
//! `![the alternative text](/files/meeting-2010.jpg)`. The build writes each one at a few widths,
//! as WebP with a JPEG (or, for a picture with transparent parts, PNG) fallback, so that a phone
//! fetches a file sized for a phone; the page gets `<picture>` with `srcset` and `sizes`.
//!
//! Processing is the slow part of a build, so it is done once per source: the files are kept in
//! a cache folder under a key made of the source's bytes and the settings below, and a rebuild
//! with the same pictures processes none. The published names carry that key, so a host may
//! cache them for ever (`pictures/meeting-2010-960w-0123456789abcdef.webp`).
//!
//! Since the names come from the key and the size from the source (or the cache's record), a
//! page's markup is written before any picture is processed: reading a picture checks it and
//! learns its size and fallback, and only the pictures the pages show are processed, once every
//! page is rendered.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use sha2::{Digest, Sha256};

use super::diagnostic::{Diagnostic, Place, Report};
use super::files::{size, FILES_DIR};

/// The folder of the site that the processed pictures are published in.
pub const PICTURES_DIR: &str = "pictures";

/// The largest source the build reads: a camera's full-size photo is under it.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The widths written, where the source is as wide. The prose column is at most 38em of 19 px,
/// 722 px: the widest is (about) twice that, for screens of two device pixels per CSS pixel; a
/// desktop at one picks 768, a phone's column (326–398 px) at 2 device pixels 768 too, at 3 1080
/// (or 1440 for the widest phones), and 480 is for small screens at one device pixel.
const WIDTHS: [u32; 4] = [480, 768, 1080, 1440];

/// The fallback's `src`, for a browser that reads no `srcset`: the file a desktop picks.
pub const FALLBACK_WIDTH: u32 = 768;

/// The width of the picture in the layout, for the browser to choose a file before it has laid
/// out the page: the column's width on a phone (the screen less two gutters of 1rem), from 40em
/// the screen less two gutters of 2rem, and from 49.125rem (where that reaches it) the prose
/// column, 38em of 1.1875rem. Media conditions only, no `min()`: WebKit ignores a size with
/// `min()` and takes the whole screen's width, so an iPhone would fetch the widest file.
pub const SIZES: &str =
    "(min-width: 49.125rem) 45.125rem, (min-width: 40em) calc(100vw - 4rem), calc(100vw - 2rem)";

/// The encoders' quality settings (0 to 100), chosen by measurement (see docs/performance.md, "Pictures").
const WEBP_QUALITY: f32 = 85.0;
const JPEG_QUALITY: u8 = 75;

/// The way of processing, in the cache key with the settings above: change it when the code that
/// processes changes what it writes.
const PROCESSING: &str = "lanczos3, upright, webp and jpeg or png; v1";

/// The pictures of `content/files/`, each read and checked, by name.
#[derive(Debug)]
pub struct Pictures {
    read: BTreeMap<String, (PathBuf, Result<Picture, Problem>)>,
}

/// What is wrong with a picture's file, and what to do.
pub type Problem = (String, String);

/// A picture, read and checked: its size, and its files, each at one width, as they are named
/// once processed.
#[derive(Debug)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// The fallback's format: JPEG, or PNG for a picture with transparent parts.
    fallback: Format,
    /// The name in the site's addresses: `meeting-2010` and the key.
    stem: String,
    key: String,
    /// The widths written, narrowest first.
    widths: Vec<u32>,
    folder: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    fn ending(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

impl Pictures {
    /// The pictures of `content/files/` (each one's name and file), each read and checked, its
    /// processed files looked for in `cache`.
    pub fn read(files: Vec<(String, PathBuf)>, cache: &Path) -> Pictures {
        let read = files
            .into_iter()
            .map(|(name, source)| {
                let picture = check(&name, &source, cache);
                (name, (source, picture))
            })
            .collect();
        Pictures { read }
    }

    /// The names of the pictures in `content/files/`.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.read.keys().map(String::as_str)
    }

    /// The picture `name` of `content/files/`, or what is wrong with its file. `None` if the
    /// folder has no such picture.
    pub fn get(&self, name: &str) -> Option<Result<&Picture, &Problem>> {
        self.read.get(name).map(|(_, picture)| picture.as_ref())
    }

    /// Processes each picture the pages show (`shown`: each one's name, and where it is shown)
    /// that the cache does not hold yet, reporting where it is shown if that fails. Returns every
    /// file to publish in `pictures/`: its name there, and its file in the cache.
    pub fn publish(
        &self,
        shown: &BTreeMap<String, Vec<Place>>,
        report: &mut Report,
    ) -> Vec<(String, PathBuf)> {
        let mut published = Vec::new();
        for (name, places) in shown {
            // A picture with a problem was reported where it is shown.
            let Some((source, Ok(picture))) = self.read.get(name) else {
                continue;
            };
            match process(source, picture) {
                Ok(()) => published.extend(picture.files()),
                Err((problem, help)) => {
                    for place in places {
                        report.push(place.error(
                            format!("the picture /{FILES_DIR}/{name} cannot be shown: {problem}"),
                            help.clone(),
                        ));
                    }
                }
            }
        }
        published
    }

    /// Reports each picture that no page shows: it would be published where no reader sees it.
    pub fn report_unshown(&self, shown: &BTreeMap<String, Vec<Place>>, report: &mut Report) {
        for (name, (source, _)) in &self.read {
            if !shown.contains_key(name) {
                report.push(Diagnostic::in_file(
                    source,
                    "no page shows this picture",
                    format!(
                        "show it on a page, ![what it shows](/{FILES_DIR}/{name}), or remove it \
                         from {FILES_DIR}/: the site publishes only the pictures its pages show"
                    ),
                ));
            }
        }
    }
}

impl Picture {
    /// The files of the picture: each one's name in `pictures/`, and its file in the cache.
    fn files(&self) -> Vec<(String, PathBuf)> {
        [Format::Webp, self.fallback]
            .into_iter()
            .flat_map(|format| {
                self.widths.iter().map(move |&width| {
                    (
                        self.name(width, format),
                        self.folder.join(cached_name(width, format)),
                    )
                })
            })
            .collect()
    }

    /// The file's name in `pictures/`: `meeting-2010-960w-0123456789abcdef.webp`.
    fn name(&self, width: u32, format: Format) -> String {
        format!("{}-{width}w-{}.{}", self.stem, self.key, format.ending())
    }

    /// The path of each file at each width, from the site's root (without the base path), for
    /// `srcset`: the WebP files', then the fallback's.
    pub fn candidates(&self) -> [Vec<(String, u32)>; 2] {
        [Format::Webp, self.fallback].map(|format| {
            self.widths
                .iter()
                .map(|&width| {
                    (
                        format!("/{PICTURES_DIR}/{}", self.name(width, format)),
                        width,
                    )
                })
                .collect()
        })
    }

    /// The width and height of its widest file, which reserve its space on the page.
    pub fn shown_size(&self) -> (u32, u32) {
        let width = *self.widths.last().expect("one width at least");
        (width, scaled_height(self.width, self.height, width))
    }
}

/// The height of a `width` by `height` picture made `to` pixels wide.
fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    let scaled = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// The name of a processed file in the picture's cache folder.
fn cached_name(width: u32, format: Format) -> String {
    format!("{width}.{}", format.ending())
}

/// The cache's record of a picture: its size and the fallback's format.
const RECORD: &str = "picture.txt";

/// Reads the picture `name` at `source` and checks it: its size and fallback come from the
/// cache's record if it was processed before, else from decoding it.
fn check(name: &str, source: &Path, cache: &Path) -> Result<Picture, Problem> {
    let (stem, ending) = name.rsplit_once('.').unwrap_or((name, ""));
    if !crate::is_address_name(stem) || ending.chars().any(|c| c.is_ascii_uppercase()) {
        return Err((
            "its file name has capitals, spaces or other characters that an address cannot have"
                .into(),
            "rename it with lowercase letters a to z, digits and hyphens, then its type in \
             lowercase, such as meeting-2010.jpg, and show it by that name"
                .into(),
        ));
    }
    let metadata = std::fs::metadata(source).map_err(unreadable)?;
    if metadata.len() > MAX_BYTES {
        let (number, unit) = size(metadata.len());
        return Err((
            format!("it is {number} {unit}, more than the 20 MB the build reads"),
            "save it smaller, at most 3000 pixels wide (the site shows it at most 1440 pixels \
             wide): a photo is then a few MB"
                .into(),
        ));
    }
    let bytes = std::fs::read(source).map_err(unreadable)?;
    let mut hash = Sha256::new();
    hash.update(format!(
        "{PROCESSING}; widths {WIDTHS:?}; webp {WEBP_QUALITY}; jpeg {JPEG_QUALITY}\n"
    ));
    hash.update(&bytes);
    let key = super::hex(&hash.finalize()[..8]);
    let stem = stem.to_owned();
    let folder = cache.join(&key);
    let (width, height, fallback) = match read_record(&folder) {
        Some(record) => record,
        None => {
            let (picture, fallback) = decode(&bytes)?;
            (picture.width(), picture.height(), fallback)
        }
    };
    Ok(Picture {
        width,
        height,
        fallback,
        stem,
        key,
        widths: widths_for(width),
        folder,
    })
}

/// The picture's files in the cache, written from its source unless the cache holds them all.
fn process(source: &Path, picture: &Picture) -> Result<(), Problem> {
    if read_record(&picture.folder).is_some() {
        return Ok(());
    }
    let bytes = std::fs::read(source).map_err(unreadable)?;
    let (decoded, fallback) = decode(&bytes)?;
    write_files(&decoded, fallback, &picture.folder)
}

fn unreadable(err: std::io::Error) -> Problem {
    (
        format!("it cannot be read ({err})"),
        "check that the file can be read".to_owned(),
    )
}

/// The widths to write for a source `width` pixels wide: never wider than the source.
fn widths_for(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < width).collect();
    let widest = width.min(WIDTHS[WIDTHS.len() - 1]);
    if widths.last() != Some(&widest) {
        widths.push(widest);
    }
    widths
}

/// The cache's record of a picture, if it is there with every file it names (a folder someone
/// emptied in part is processed again).
fn read_record(folder: &Path) -> Option<(u32, u32, Format)> {
    let record = std::fs::read_to_string(folder.join(RECORD)).ok()?;
    let mut words = record.split_whitespace();
    let width = words.next()?.parse().ok()?;
    let height = words.next()?.parse().ok()?;
    let fallback = match words.next()? {
        "jpg" => Format::Jpeg,
        "png" => Format::Png,
        _ => return None,
    };
    let complete = widths_for(width).into_iter().all(|w| {
        [Format::Webp, fallback]
            .into_iter()
            .all(|format| folder.join(cached_name(w, format)).is_file())
    });
    complete.then_some((width, height, fallback))
}

const RESAVE: &str = "open it in a picture editor and save it again as JPEG (a photo) or \
                      PNG (a drawing or a screenshot)";

/// Decodes the source and turns it upright as the camera recorded; gives the fallback's format.
fn decode(bytes: &[u8]) -> Result<(DynamicImage, Format), Problem> {
    let unreadable = |err: image::ImageError| {
        (
            format!("it cannot be read as a JPEG, PNG or WebP picture ({err})"),
            RESAVE.to_owned(),
        )
    };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|err| unreadable(err.into()))?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err((
            "it is not a JPEG, PNG or WebP picture, whatever its name says".into(),
            RESAVE.to_owned(),
        ));
    }
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut source = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    source.apply_orientation(orientation);
    let transparent = source.color().has_alpha() && source.to_rgba8().pixels().any(|p| p[3] < 255);
    let fallback = if transparent {
        Format::Png
    } else {
        Format::Jpeg
    };
    Ok((source, fallback))
}

/// Writes every width of the decoded `source` in both formats into `folder`, by way of a folder
/// of its own so that an interrupted build leaves no half-written picture in the cache.
fn write_files(source: &DynamicImage, fallback: Format, folder: &Path) -> Result<(), Problem> {
    let transparent = fallback == Format::Png;
    let (width, height) = (source.width(), source.height());

    let cannot_write = |err: std::io::Error| {
        (
            format!("the build cannot keep its processed files ({err})"),
            "check that the folder target/ can be written and the disk is not full".to_owned(),
        )
    };
    let partial = folder.with_extension(format!("partial-{}", std::process::id()));
    std::fs::create_dir_all(&partial).map_err(cannot_write)?;
    for w in widths_for(width) {
        let h = scaled_height(width, height, w);
        let resized = if w == width {
            source.clone()
        } else {
            source.resize_exact(w, h, FilterType::Lanczos3)
        };
        let resized = if transparent {
            DynamicImage::ImageRgba8(resized.to_rgba8())
        } else {
            DynamicImage::ImageRgb8(resized.to_rgb8())
        };
        let webp = match &resized {
            DynamicImage::ImageRgba8(rgba) => webp::Encoder::from_rgba(rgba, w, h),
            _ => webp::Encoder::from_rgb(resized.as_bytes(), w, h),
        }
        .encode(WEBP_QUALITY);
        std::fs::write(partial.join(cached_name(w, Format::Webp)), &*webp).map_err(cannot_write)?;
        let mut encoded = Vec::new();
        match fallback {
            Format::Png => resized.write_to(&mut Cursor::new(&mut encoded), ImageFormat::Png),
            _ => resized.write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut encoded,
                JPEG_QUALITY,
            )),
        }
        .map_err(|err| {
            (
                format!(
                    "the build could not write it as {} ({err})",
                    fallback.ending()
                ),
                RESAVE.to_owned(),
            )
        })?;
        std::fs::write(partial.join(cached_name(w, fallback)), encoded).map_err(cannot_write)?;
    }
    std::fs::write(
        partial.join(RECORD),
        format!("{width} {height} {}\n", fallback.ending()),
    )
    .map_err(cannot_write)?;
    // What an earlier build left incomplete goes (but a copy that another build has just
    // completed stays: either will do).
    if folder.exists() && read_record(folder).is_none() {
        let _ = std::fs::remove_dir_all(folder);
    }
    if std::fs::rename(&partial, folder).is_err() {
        let _ = std::fs::remove_dir_all(&partial);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_width_is_wider_than_the_source_or_twice_the_column() {
        assert_eq!(widths_for(2400), [480, 768, 1080, 1440]);
        assert_eq!(widths_for(1440), [480, 768, 1080, 1440]);
        assert_eq!(widths_for(1000), [480, 768, 1000]);
        assert_eq!(widths_for(300), [300]);
    }
}
