//! Pictures: `![what it shows](/files/meeting-2010.jpg)` becomes a `<picture>` with a WebP at
//! each width and a JPEG or PNG fallback, once its alternative text says what it shows.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use super::super::diagnostic::Diagnostic;
use super::super::documents;
use super::super::files::{self, FILES_DIR, PICTURE_ENDINGS};
use super::super::pictures::{Picture, FALLBACK_WIDTH, SIZES};
use super::language::is_japanese;
use super::{base_path, html, Events, Found};
use crate::Lang;

/// Writes each picture's markup in place of its events, and notes where it is shown.
pub(super) fn rewrite<'e>(events: Events<'e>, found: &mut Found) -> Events<'e> {
    let mut out = Vec::with_capacity(events.len());
    let mut events = events.into_iter();
    // The first picture of a page loads at once, the others as the reader scrolls to them.
    let mut first = true;
    while let Some((event, span)) = events.next() {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &event
        else {
            out.push((event, span));
            continue;
        };
        // The picture's alternative text is the text between its brackets.
        let mut alt = String::new();
        for (event, _) in events
            .by_ref()
            .take_while(|(event, _)| !matches!(event, Event::End(TagEnd::Image)))
        {
            match event {
                Event::Text(text) | Event::Code(text) => alt.push_str(&text),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        let alt = alt.trim();
        match picture(found, dest_url, alt, &span) {
            Ok(picture) => {
                let segments = picture_markup(picture, alt, title, first);
                let (last, paths) = segments.split_last().expect("markup");
                for segment in paths {
                    out.push((html(segment.clone()), span.clone()));
                    out.push((base_path(), span.clone()));
                }
                out.push((html(last.clone()), span.clone()));
            }
            Err(problem) => found.problems.push((span.clone(), problem)),
        }
        first = false;
    }
    out
}

/// The picture at `url`, with its alternative text `alt`, checked; a picture of the folder is
/// noted as shown, whatever its problem.
fn picture<'a>(
    found: &mut Found<'_, 'a>,
    url: &str,
    alt: &str,
    span: &Range<usize>,
) -> Result<&'a Picture, Diagnostic> {
    let body = found.body;
    let how = format!(
        "put the picture in content/{FILES_DIR}/ and show it by its address from the site's \
         root: ![what it shows](/{FILES_DIR}/meeting-2010.jpg)"
    );
    let Some(name) = files::name_in(url) else {
        let lower = url.to_ascii_lowercase();
        let message = if lower.starts_with("https://")
            || lower.starts_with("http://")
            || lower.starts_with("//")
        {
            format!("the picture {url} is on another site: the site shows only its own pictures, so that no reader's visit is reported to another site")
        } else if !url.starts_with('/') {
            format!("the picture's address {url} does not start from the site's root")
        } else {
            format!("the picture {url} is not in content/{FILES_DIR}/")
        };
        return Err(body.error(span, message, how));
    };
    let pictures = body.files.pictures;
    let read = pictures.get(name);
    if read.is_some() {
        found
            .refers_to
            .pictures
            .entry(name.to_owned())
            .or_default()
            .push(body.source.place(span.clone()));
    }
    let picture = match read {
        Some(Ok(picture)) => picture,
        Some(Err((problem, help))) => {
            return Err(body.error(
                span,
                format!("the picture {url} cannot be shown: {problem}"),
                help.clone(),
            ))
        }
        None if !files::is_picture(name) => {
            let endings =
                super::super::toml_file::or_list(&PICTURE_ENDINGS.map(|e| format!(".{e}")));
            return Err(body.error(
                span,
                format!("{url} is not a picture the site can show"),
                if documents::kind_of(name).is_some() {
                    format!("show pictures saved as {endings}; link to a document with [its title]({url})")
                } else {
                    format!(
                        "save the picture as JPEG (a photo) or PNG (a drawing or a screenshot) and show \
                         that file: the site shows pictures saved as {endings}"
                    )
                },
            ));
        }
        None => {
            let names: Vec<&str> = pictures.names().collect();
            return Err(body.error(
                span,
                format!("the picture {url} is not in content/{FILES_DIR}/"),
                if names.is_empty() {
                    format!("put the picture in content/{FILES_DIR}/ under the name {name}")
                } else {
                    format!(
                        "put the picture in content/{FILES_DIR}/ under the name {name}, or correct \
                         the name: the folder holds {}",
                        names.join(", ")
                    )
                },
            ));
        }
    };
    if let Err(problem) = check_alt(alt, name, body.lang) {
        return Err(body.error(span, problem.0, problem.1));
    }
    Ok(picture)
}

/// `Err((message, help))` if `alt` does not say what the picture `name` shows: it is empty, is
/// the file's name, or only says that it is a picture.
fn check_alt(alt: &str, name: &str, lang: Lang) -> Result<(), (String, String)> {
    let example = match lang {
        Lang::En => {
            "![Participants at the 2010 joint-research meeting in Sendai](/files/meeting-2010.jpg)"
        }
        Lang::Ja => "![仙台で開かれた2010年の共同研究会の参加者](/files/meeting-2010.jpg)",
    };
    let help = format!(
        "between [ and ] write what the picture shows, in the page's language, as you would say \
         it to someone who cannot see it: {example}"
    );
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let said = alt.to_lowercase();
    let words = said.replace(['-', '_'], " ");
    if alt.is_empty() {
        return Err((
            "this picture has no alternative text, which screen readers say in its place".into(),
            help,
        ));
    }
    if said == name || said == stem || words == stem.replace('-', " ") {
        return Err((
            "this picture's alternative text is its file name, which tells a reader who cannot see it nothing".into(),
            help,
        ));
    }
    const ONLY_A_PICTURE: [&str; 10] = [
        "image",
        "picture",
        "photo",
        "photograph",
        "img",
        "an image",
        "a picture",
        "a photo",
        "写真",
        "画像",
    ];
    if ONLY_A_PICTURE.contains(&said.trim_end_matches(['.', '。'])) {
        return Err((
            format!("this picture's alternative text, \"{alt}\", says only that it is a picture"),
            help,
        ));
    }
    // Each edition writes its own: a Japanese page's in Japanese, an English page's in English.
    let in_its_language = match lang {
        Lang::Ja => alt.chars().any(is_japanese),
        Lang::En => alt.chars().any(|c| c.is_ascii_alphabetic()),
    };
    if !in_its_language {
        let language = match lang {
            Lang::En => "English",
            Lang::Ja => "Japanese",
        };
        return Err((
            format!(
                "this picture's alternative text is not in {language}, the language of the page"
            ),
            help,
        ));
    }
    Ok(())
}

/// The `<picture>` of `picture`, in segments before each of which except the first the site's
/// base path goes: a WebP at each width with the fallback's files for browsers without WebP, and
/// the space it takes reserved by its width and height. Every picture but a page's first is
/// loaded only as the reader nears it.
fn picture_markup(picture: &Picture, alt: &str, title: &str, first: bool) -> Vec<String> {
    let mut segments = vec![String::from(r#"<picture class="sc-picture">"#)];
    let srcset = |segments: &mut Vec<String>, files: &[(String, u32)]| {
        for (n, (path, width)) in files.iter().enumerate() {
            if n > 0 {
                last(segments).push_str(", ");
            }
            let mut candidate = String::new();
            let _ = escape_href(&mut candidate, path);
            candidate.push_str(&format!(" {width}w"));
            segments.push(candidate);
        }
    };
    let [modern_files, fallback_files] = picture.candidates();
    segments[0].push_str(r#"<source type="image/webp" srcset=""#);
    srcset(&mut segments, &modern_files);
    last(&mut segments).push_str(&format!(r#"" sizes="{SIZES}"><img src=""#));
    // For a browser without srcset: the file a desktop picks.
    let (src, _) = fallback_files
        .iter()
        .rev()
        .find(|(_, width)| *width <= FALLBACK_WIDTH)
        .unwrap_or(&fallback_files[0]);
    let mut src_path = String::new();
    let _ = escape_href(&mut src_path, src);
    segments.push(format!(r#"{src_path}" srcset=""#));
    srcset(&mut segments, &fallback_files);
    let (width, height) = picture.shown_size();
    let mut rest = format!(r#"" sizes="{SIZES}" width="{width}" height="{height}" alt=""#);
    let _ = escape_html(&mut rest, alt);
    rest.push('"');
    if !title.is_empty() {
        rest.push_str(" title=\"");
        let _ = escape_html(&mut rest, title);
        rest.push('"');
    }
    if !first {
        rest.push_str(r#" loading="lazy" decoding="async""#);
    }
    rest.push_str("></picture>");
    last(&mut segments).push_str(&rest);
    segments
}

fn last(segments: &mut [String]) -> &mut String {
    segments.last_mut().expect("a segment")
}

#[cfg(test)]
mod tests {
    use super::super::super::diagnostic::Report;
    use super::super::super::files;
    use super::super::super::pictures::{Pictures, SIZES};
    use super::super::test_support::{problems_with, render_with, rendered, Folder};
    use super::super::Part;
    use crate::Lang;

    /// A made-up photo `width` by `height` pixels, as a JPEG: gradients and a pattern, so that
    /// it compresses as a photo does rather than as a flat colour.
    fn photo(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            let wave = ((x as f32 / 37.0).sin() * (y as f32 / 23.0).cos() * 60.0) as i32;
            let channel = |base: i32| (base + wave).clamp(0, 255) as u8;
            image::Rgb([
                channel((x * 200 / width) as i32),
                channel((y * 200 / height) as i32),
                channel(120),
            ])
        });
        let mut bytes = Vec::new();
        picture
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        bytes
    }

    /// The `<picture>` of a page showing `markdown` from a folder with `meeting-2010.jpg`, a
    /// 2400×1600 photo, with the base path written as `{BASE}`.
    fn picture_html(markdown: &str) -> String {
        let folder = Folder::with(&[("meeting-2010.jpg", &photo(2400, 1600))]);
        let (parts, report) = render_with(Lang::En, markdown, &folder);
        assert!(report.is_empty(), "{report}");
        let [Part::Prose(pieces)] = &parts[..] else {
            panic!("{parts:?}")
        };
        pieces.join("{BASE}")
    }

    #[test]
    fn a_picture_is_offered_at_several_widths_in_webp_with_a_jpeg_for_other_browsers() {
        let html = picture_html("![Participants at the meeting](/files/meeting-2010.jpg)");
        let name = |width: u32, ending: &str| {
            let start = html
                .find(&format!("-{width}w-"))
                .expect("the width is offered");
            let key = &html[start + format!("-{width}w-").len()..][..16];
            format!("{{BASE}}/pictures/meeting-2010-{width}w-{key}.{ending}")
        };
        let srcset = |ending: &str| {
            [480, 768, 1080, 1440]
                .map(|width| format!("{} {width}w", name(width, ending)))
                .join(", ")
        };
        assert_eq!(
            html,
            format!(
                r#"<p class="sc-body"><picture class="sc-picture"><source type="image/webp" srcset="{}" sizes="{SIZES}"><img src="{}" srcset="{}" sizes="{SIZES}" width="1440" height="960" alt="Participants at the meeting"></picture></p>"#,
                srcset("webp"),
                name(768, "jpg"),
                srcset("jpg"),
            )
        );
        assert!(
            !html.contains("2400w"),
            "no file is wider than twice the column"
        );
    }

    #[test]
    fn the_first_picture_of_a_page_loads_at_once_and_the_others_as_the_reader_nears_them() {
        let html = picture_html(
            "![The meeting](/files/meeting-2010.jpg)\n\nText.\n\n![The meeting again](/files/meeting-2010.jpg)\n",
        );
        let (first, second) = html.split_once("Text.").unwrap();
        assert!(!first.contains("loading="), "{first}");
        assert!(
            second.contains(r#"alt="The meeting again" loading="lazy" decoding="async">"#),
            "{second}"
        );
    }

    #[test]
    fn a_picture_with_transparent_parts_falls_back_to_png_and_a_small_one_is_not_enlarged() {
        let logo =
            image::RgbaImage::from_fn(300, 100, |x, _| image::Rgba([0, 80, 160, (x % 256) as u8]));
        let mut bytes = Vec::new();
        logo.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
        let folder = Folder::with(&[("logo.png", &bytes)]);
        let (rendered, mut report) =
            rendered(Lang::En, "![The cluster's logo](/files/logo.png)", &folder);
        assert!(report.is_empty(), "{report}");
        let [Part::Prose(pieces)] = &rendered.parts[..] else {
            panic!("{:?}", rendered.parts)
        };
        let html = pieces.join("{BASE}");
        assert!(html.contains(r#"width="300" height="100""#), "{html}");
        assert!(
            html.contains("-300w-") && !html.contains("-480w-"),
            "{html}"
        );
        assert!(html.contains(".png 300w\""), "{html}");
        let published = folder
            .pictures
            .publish(&rendered.refers_to.pictures, &mut report);
        assert!(report.is_empty(), "{report}");
        assert_eq!(published.len(), 2, "{published:?}");
    }

    #[test]
    fn rendering_processes_no_picture_and_says_where_it_shows_each() {
        let folder = Folder::with(&[("meeting-2010.jpg", &photo(800, 600))]);
        let (rendered, report) = rendered(
            Lang::En,
            "Text.\n\n![The meeting](/files/meeting-2010.jpg)",
            &folder,
        );
        assert!(report.is_empty(), "{report}");
        assert!(
            !folder.dir.path().join("cache").exists(),
            "nothing is processed"
        );
        let places: Vec<String> = rendered.refers_to.pictures["meeting-2010.jpg"]
            .iter()
            .map(|place| place.error("", "").location())
            .collect();
        assert_eq!(places, ["content/test.md:3:1"]);
    }

    #[test]
    fn a_picture_processed_before_is_taken_from_the_cache() {
        let folder = Folder::with(&[("meeting-2010.jpg", &photo(800, 600))]);
        let (rendered, report) =
            rendered(Lang::En, "![The meeting](/files/meeting-2010.jpg)", &folder);
        assert!(report.is_empty(), "{report}");
        let publish = |pictures: &Pictures| {
            let mut report = Report::default();
            let published = pictures.publish(&rendered.refers_to.pictures, &mut report);
            assert!(report.is_empty(), "{report}");
            published
        };
        // Another build, of the same folder with the same cache.
        let read_again = || {
            Pictures::read(
                files::list(folder.dir.path()).pictures,
                &folder.dir.path().join("cache"),
            )
        };
        let (_, cached) = publish(&folder.pictures).remove(0);
        std::fs::write(&cached, "kept from the last build").unwrap();
        let again = read_again();
        assert!(again.get("meeting-2010.jpg").unwrap().is_ok());
        let (_, file) = publish(&again).remove(0);
        assert_eq!(
            std::fs::read_to_string(file).unwrap(),
            "kept from the last build"
        );
        // A cache folder that lost a file is processed again.
        let (_, lost) = publish(&again).remove(1);
        std::fs::remove_file(&lost).unwrap();
        publish(&read_again());
        assert!(lost.is_file(), "the lost file is written again");
    }

    #[test]
    fn a_picture_without_alternative_text_or_file_or_readable_format_is_refused() {
        let folder = Folder::with(&[
            ("meeting-2010.jpg", &photo(100, 80)),
            ("broken.jpg", b"not a picture"),
            ("huge.jpg", &vec![0; 20 * 1024 * 1024 + 1]),
            ("notes.pdf", b"%PDF"),
        ]);
        let problems = |markdown| problems_with(markdown, &folder);
        let says = |markdown, words: &[&str]| {
            let found = problems(markdown);
            assert_eq!(found.len(), 1, "{found:?}");
            for word in words {
                assert!(found[0].contains(word), "{word:?} in {found:?}");
            }
        };
        says(
            "Text.\n\n![](/files/meeting-2010.jpg)",
            &[
                "content/test.md:3:1: this picture has no alternative text",
                "write what the picture shows",
            ],
        );
        says(
            "![meeting-2010.jpg](/files/meeting-2010.jpg)",
            &["alternative text is its file name"],
        );
        says(
            "![Meeting 2010](/files/meeting-2010.jpg)",
            &["alternative text is its file name"],
        );
        says(
            "![Photo](/files/meeting-2010.jpg)",
            &["says only that it is a picture"],
        );
        says(
            "![The meeting](/files/meeting-2011.jpg)",
            &[
                "the picture /files/meeting-2011.jpg is not in content/files/",
                "the folder holds broken.jpg, huge.jpg, meeting-2010.jpg",
            ],
        );
        says(
            "![The meeting](/files/broken.jpg)",
            &[
                "/files/broken.jpg cannot be shown: it is not a JPEG, PNG or WebP picture",
                "save it again",
            ],
        );
        says(
            "![The meeting](/files/huge.jpg)",
            &["it is 20.1 MB, more than the 20 MB"],
        );
        says(
            "![The meeting](/files/notes.pdf)",
            &[
                "/files/notes.pdf is not a picture the site can show",
                ".jpg, .jpeg, .png or .webp",
            ],
        );
        says(
            "![The meeting](https://example.org/a.jpg)",
            &["is on another site"],
        );
        says(
            "[The meeting](/files/meeting-2010.jpg)",
            &["a picture", "![what it shows](/files/meeting-2010.jpg)"],
        );
        says(
            "![The meeting](files/meeting-2010.jpg)",
            &[
                "does not start from the site's root",
                "(/files/meeting-2010.jpg)",
            ],
        );
        says(
            "![The meeting](/files/meeting.heic)",
            &[
                "is not a picture the site can show",
                "save the picture as JPEG",
            ],
        );
        says(
            "![会議の参加者](/files/meeting-2010.jpg)",
            &["not in English, the language of the page"],
        );
        let japanese = render_with(Lang::Ja, "![The meeting](/files/meeting-2010.jpg)", &folder).1;
        assert!(
            japanese.to_string().contains("not in Japanese"),
            "{japanese}"
        );
    }
}
