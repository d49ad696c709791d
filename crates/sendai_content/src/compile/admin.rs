//! The editing interface's configuration (Sveltia CMS, at `/admin/`), written from the content
//! model rather than beside it: each kind of file's keys come from the type that reads them,
//! in its order, and each section found in `content/` is a collection; so a new section or a
//! new setting is in the interface with the next build. What a key is edited with follows from
//! its name ([`widget`]); a key the tables here do not know is a line of text, labelled with
//! its name.

use std::path::Path;

use serde_json::{json, Map, Value};
use toml::de::{DeTable, DeValue};

use super::files::FILES_DIR;
use super::pages::{front_matter_keys, templates};
use super::sections::{index_keys, post_keys, Section};
use super::site_files::{site_keys, SITE_FILE, STRINGS_FILE};
use crate::{Lang, Listing};

/// Where the interface commits, and the site it edits.
pub struct Backend<'a> {
    /// `owner/name` on GitHub.
    pub repository: &'a str,
    pub branch: &'a str,
    /// The published site's address, for the interface's link to it.
    pub site_url: &'a str,
}

/// The body of every page and post: Markdown, edited as written, since the site's own marks
/// (tables with their `Table:` caption, `[…](lang:en)`, a template's lines) would not survive
/// a rich-text editor's rewriting. A picture without alternative text is refused here, as the
/// build would refuse it.
const BODY: &str = "body";

/// A picture in Markdown with nothing between its brackets: `![](…)`.
const PICTURE_WITHOUT_ALT: &str = r"^(?![\s\S]*!\[\s*\]\()[\s\S]*$";

/// The configuration, with labels and hints in `lang`.
pub fn config(
    content_dir: &Path,
    sections: &[Section],
    backend: &Backend,
    lang: Lang,
) -> std::io::Result<Value> {
    let mut collections = vec![pages(lang)];
    collections.extend(sections.iter().map(|section| posts(section, lang)));
    collections.push(settings(content_dir, lang)?);
    Ok(json!({
        "backend": { "name": "github", "repo": backend.repository, "branch": backend.branch },
        "site_url": backend.site_url,
        "media_folder": format!("content/{FILES_DIR}"),
        "public_folder": format!("/{FILES_DIR}"),
        "slug": { "encoding": "ascii", "clean_accents": true },
        "output": { "omit_empty_optional_fields": true },
        "editor": { "preview": false },
        "i18n": {
            "structure": "multiple_files",
            "locales": ["en", "ja"],
            "default_locale": "en",
            "omit_default_locale_from_file_path": true,
        },
        "collections": collections,
    }))
}

/// The pages of `content/`, the home page (`_index`) first.
fn pages(lang: Lang) -> Value {
    let fields = fields(front_matter_keys(), lang);
    json!({
        "name": "pages",
        "label": tr(lang, "Pages", "ページ"),
        "folder": "content",
        "extension": "md",
        "format": "toml-frontmatter",
        "i18n": true,
        "create": true,
        "index_file": { "label": tr(lang, "Home page", "トップページ") },
        "slug": { "editable": ["create"] },
        "identifier_field": "title",
        "fields": with_body(fields, lang),
    })
}

/// A section's posts, named by date and an address word, and its `_index` files.
fn posts(section: &Section, lang: Lang) -> Value {
    json!({
        "name": section.slug,
        "label": section.title(lang),
        "folder": format!("content/{}", section.slug),
        "extension": "md",
        "format": "toml-frontmatter",
        "i18n": true,
        "create": true,
        "index_file": {
            "label": tr(lang, "About this section", "この項目の設定と説明"),
            "fields": with_body(fields(index_keys(), lang), lang),
        },
        "slug": { "editable": ["create"] },
        "path": "{{fields.date}}-{{slug}}",
        "identifier_field": "title",
        "sortable_fields": { "fields": ["date", "title"], "default": { "field": "date", "direction": "descending" } },
        "fields": with_body(fields(post_keys(), lang), lang),
    })
}

/// `site.toml` and `strings.toml`, as forms.
fn settings(content_dir: &Path, lang: Lang) -> std::io::Result<Value> {
    let (site, address) = site_keys();
    let mut site_fields = fields(site, lang);
    for field in &mut site_fields {
        if field["name"] == "postal_address" {
            field["widget"] = json!("object");
            field["fields"] = json!(fields(address, lang));
        }
    }
    Ok(json!({
        "name": "settings",
        "label": tr(lang, "Site settings", "サイトの設定"),
        "editor": { "preview": false },
        "files": [
            {
                "name": "site",
                "label": tr(lang, "Contact details (site.toml)", "連絡先（site.toml）"),
                "file": format!("content/{SITE_FILE}"),
                "format": "toml",
                "fields": site_fields,
            },
            {
                "name": "strings",
                "label": tr(lang, "Interface text (strings.toml)", "画面の文言（strings.toml）"),
                "file": format!("content/{STRINGS_FILE}"),
                "format": "toml",
                "fields": strings_fields(content_dir, lang)?,
            },
        ],
    }))
}

/// Each string of `strings.toml`, in the file's order: its English and Japanese text, a line
/// each or, for a list, a line per item; its hint, the comment above it in the file.
fn strings_fields(content_dir: &Path, lang: Lang) -> std::io::Result<Vec<Value>> {
    let text = std::fs::read_to_string(content_dir.join(STRINGS_FILE))?;
    let table = DeTable::parse(&text)
        .map_err(|err| std::io::Error::other(format!("{STRINGS_FILE}: {err}")))?;
    let mut entries: Vec<_> = table.get_ref().iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    Ok(entries
        .into_iter()
        .map(|(name, value)| {
            let is_list = matches!(value.get_ref(), DeValue::Table(texts)
                if texts.iter().any(|(_, text)| matches!(text.get_ref(), DeValue::Array(_))));
            let widget = if is_list { "list" } else { "string" };
            let edition = |code: &str, label: &str| {
                json!({ "name": code, "label": label, "widget": widget, "required": true })
            };
            let mut field = json!({
                "name": name.get_ref(),
                "label": name.get_ref(),
                "widget": "object",
                "collapsed": false,
                "fields": [
                    edition("en", tr(lang, "English", "英語")),
                    edition("ja", tr(lang, "Japanese", "日本語")),
                ],
            });
            let hint = comment_above(&text, name.span().start);
            if !hint.is_empty() {
                field["hint"] = json!(hint);
            }
            field
        })
        .collect())
}

/// The comment lines just above the line at `offset`, joined.
fn comment_above(text: &str, offset: usize) -> String {
    let before = &text[..text[..offset].rfind('\n').unwrap_or(0)];
    let mut lines: Vec<&str> = before
        .lines()
        .rev()
        .take_while(|line| line.starts_with('#'))
        .map(|line| line.trim_start_matches('#').trim())
        .collect();
    lines.reverse();
    lines.join(" ")
}

/// A form field for each key, in order.
fn fields(keys: &[&str], lang: Lang) -> Vec<Value> {
    keys.iter().map(|key| field(key, lang)).collect()
}

fn with_body(mut fields: Vec<Value>, lang: Lang) -> Vec<Value> {
    fields.push(json!({
        "name": BODY,
        "label": tr(lang, "Text (Markdown)", "本文（Markdown）"),
        "widget": "markdown",
        "modes": ["raw"],
        "required": false,
        "i18n": true,
        "pattern": [PICTURE_WITHOUT_ALT, tr(lang,
            "A picture needs its alternative text between the brackets: ![what the picture shows](/files/name.jpg)",
            "画像には、[ ] の中に代替テキスト（画像の内容の説明）が必要です：![画像の内容](/files/名前.jpg)")],
    }));
    fields
}

/// The keys the site reads without a value (the others are required): `tests/admin_config.rs`
/// fails if the build disagrees.
const OPTIONAL: [&str; 7] = [
    "listed_in",
    "template",
    "feed_title",
    "latest_on_home_page",
    "latest_heading",
    "all_posts_link",
    "updated",
];

/// What a key is edited with: text in each edition for words, one value for both editions for
/// settings, which the build requires to agree.
fn widget(key: &str) -> Value {
    match key {
        "description" => json!({ "widget": "text" }),
        "weight" | "paginate_by" | "latest_on_home_page" => {
            json!({ "widget": "number", "value_type": "int", "min": 1 })
        }
        "feed" => json!({ "widget": "boolean" }),
        "listed_in" => json!({
            "widget": "select",
            "options": serde_aux::serde_introspection::serde_introspect::<Listing>(),
        }),
        "template" => json!({ "widget": "select", "options": templates() }),
        "date" | "updated" => json!({
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "time_format": false,
        }),
        _ => json!({ "widget": "string" }),
    }
}

fn field(key: &str, lang: Lang) -> Value {
    let mut field = widget(key);
    let words = matches!(field["widget"].as_str(), Some("string" | "text"));
    let (label, hint) = label(key, lang);
    let settings: Map<String, Value> = [
        ("name", json!(key)),
        ("label", json!(label)),
        ("required", json!(!OPTIONAL.contains(&key))),
        (
            "i18n",
            if words {
                json!(true)
            } else {
                json!("duplicate")
            },
        ),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect();
    field.as_object_mut().expect("an object").extend(settings);
    if let Some(hint) = hint {
        field["hint"] = json!(hint);
    }
    field
}

/// A key's label and hint; a key this table does not know is labelled with its name.
fn label(key: &str, lang: Lang) -> (&str, Option<&'static str>) {
    let (en, ja, hint_en, hint_ja) = match key {
        "title" => ("Title", "タイトル", "", ""),
        "description" => (
            "Summary",
            "概要",
            "One or two sentences: search engines show it under the title.",
            "1〜2文で。検索結果でタイトルの下に表示されます。",
        ),
        "weight" => (
            "Order",
            "並び順",
            "Lower numbers come first in the menu. The same in both editions.",
            "小さい数ほどメニューの前に並びます。両方の版で同じです。",
        ),
        "listed_in" => (
            "Listed in",
            "載せる場所",
            "navigation: the main menu; footer: the links at the foot of every page.",
            "navigation：メインメニュー、footer：各ページの下部のリンク。",
        ),
        "template" => (
            "Template",
            "テンプレート",
            "Only for pages that draw something besides their text. Leave as it is.",
            "本文以外の部分を持つページだけが使います。変えないでください。",
        ),
        "date" => (
            "Date",
            "日付",
            "The day of the post. The file name starts with it.",
            "掲載日です。ファイル名の先頭にもなります。",
        ),
        "updated" => (
            "Corrected on",
            "更新日",
            "Only when the post was corrected.",
            "掲載後に内容を訂正した場合だけ入れてください。",
        ),
        "paginate_by" => ("Posts per page", "1ページの件数", "", ""),
        "feed" => (
            "Feed",
            "フィード",
            "Whether feed readers can follow this section.",
            "フィードリーダーで購読できるようにするか。",
        ),
        "feed_title" => (
            "Feed title",
            "フィードの名前",
            "Needed when the section has a feed.",
            "フィードがある場合は必要です。",
        ),
        "latest_on_home_page" => (
            "Newest on the home page",
            "トップページに出す件数",
            "Leave empty to show none; with a number, give the heading and the link below too.",
            "出さない場合は空に。数を入れる場合は、下の見出しとリンクの文言も必要です。",
        ),
        "latest_heading" => ("Heading on the home page", "トップページでの見出し", "", ""),
        "all_posts_link" => ("Link to all posts", "一覧へのリンクの文言", "", ""),
        "pagination_label" => (
            "Name of the page links",
            "ページ送りの名前",
            "What a screen reader calls the links between pages of the list.",
            "スクリーンリーダーが読み上げる、一覧のページ送りの名前です。",
        ),
        "telephone" => (
            "Telephone",
            "電話番号",
            "As printed, with hyphens: 022-346-9237.",
            "ハイフン付きで：022-346-9237",
        ),
        "fax" => (
            "Fax",
            "FAX番号",
            "As printed, with hyphens.",
            "ハイフン付きで。",
        ),
        "copyright" => ("Copyright line", "著作権表示", "", ""),
        "postal_address" => (
            "Address for search engines",
            "住所（検索エンジン用）",
            "When the address changes, change it here and under address in the interface text.",
            "住所が変わったら、ここと「画面の文言」の address の両方を直してください。",
        ),
        "street" => ("Street", "番地・建物", "", ""),
        "locality" => ("City", "市", "", ""),
        "postal_code" => ("Postal code", "郵便番号", "", ""),
        "country" => ("Country code", "国コード", "", ""),
        _ => return (leak(key), None),
    };
    let (label, hint) = match lang {
        Lang::En => (en, hint_en),
        Lang::Ja => (ja, hint_ja),
    };
    (label, (!hint.is_empty()).then_some(hint))
}

fn leak(key: &str) -> &'static str {
    super::leak(key.to_owned())
}

fn tr(lang: Lang, en: &'static str, ja: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}
