//! The editing interface's configuration agrees with what the build reads: files written from
//! its forms, every field filled, or only the required ones, compile; without any one required
//! field, they do not; each section found in the content is a collection of its own; and the
//! form of `strings.toml` has every string of the file, in its order.

use std::fs;
use std::path::{Path, PathBuf};

use sendai_content::compile::admin::{config, Backend};
use sendai_content::compile::{compile, Compiled};
use sendai_content::Lang;
use serde_json::Value;

const BACKEND: Backend = Backend {
    repository: "example/sendai-cluster",
    branch: "main",
    site_url: "https://www.example.jp/",
};

/// A section the test adds to the fixture content, as an editor would through the interface.
const SECTION: &str = "notices";
const POST: &str = "2026-01-05-sample";

/// A copy of the crate's fixture content in a temporary folder.
fn fixture_copy() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("content");
    fs::create_dir(&dir).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    for entry in fs::read_dir(fixture).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    (root, dir)
}

fn compiled(dir: &Path) -> Result<Compiled, String> {
    let cache = tempfile::tempdir().unwrap();
    compile(dir, cache.path()).map_err(|report| report.to_string())
}

/// The configuration of the interface in Japanese, for the content in `dir`.
fn japanese_config(dir: &Path) -> Value {
    let compiled = compiled(dir).expect("the content compiles");
    config(dir, &compiled.sections, &BACKEND, Lang::Ja).unwrap()
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection {name}"))
}

/// The value an editor would give a field of the file `file` (a number, so that no two files
/// share a title or a place in the navigation), as the interface writes it in TOML.
fn sample(field: &Value, file: usize, all: bool) -> Option<String> {
    let name = field["name"].as_str().unwrap();
    Some(match field["widget"].as_str().unwrap() {
        "number" if name == "weight" => format!("{}", 90 + file),
        "number" => "3".to_owned(),
        // A setting switched on may need an optional field (a feed, its title): on only when
        // every field is filled.
        "boolean" => all.to_string(),
        "select" => format!("{}", field["options"][0]),
        "datetime" if name == "updated" => "\"2026-01-06\"".to_owned(),
        "datetime" => "\"2026-01-05\"".to_owned(),
        "markdown" => return None,
        _ => format!("\"Sample {name} {file}\""),
    })
}

/// A Markdown file with the front matter the form `fields` writes for the file `file`, leaving
/// out `skip` and, unless `all`, the optional fields.
fn file_from_form(fields: &Value, file: usize, all: bool, skip: Option<&str>) -> String {
    let mut front = String::new();
    for field in fields.as_array().unwrap() {
        let name = field["name"].as_str().unwrap();
        // A template's page needs the template's data, which the form does not edit.
        let optional = field["required"] == false;
        if Some(name) == skip || name == "template" || (optional && !all) {
            continue;
        }
        if let Some(value) = sample(field, file, all) {
            front.push_str(&format!("{name} = {value}\n"));
        }
    }
    format!("+++\n{front}+++\n\nSome text.\n")
}

/// Writes the page, the section's `_index` files and its post, both editions, from the forms of
/// `config`.
fn write_from_forms(dir: &Path, config: &Value, all: bool, skip: Option<&str>) {
    let pages = &collection(config, "pages")["fields"];
    let section = collection(config, SECTION);
    for suffix in ["", ".ja"] {
        fs::write(
            dir.join(format!("sample{suffix}.md")),
            file_from_form(pages, 1, all, skip),
        )
        .unwrap();
        fs::write(
            dir.join(format!("{SECTION}/_index{suffix}.md")),
            file_from_form(&section["index_file"]["fields"], 2, all, skip),
        )
        .unwrap();
        fs::write(
            dir.join(format!("{SECTION}/{POST}{suffix}.md")),
            file_from_form(&section["fields"], 3, all, skip),
        )
        .unwrap();
    }
}

/// The fixture content with a section of one post, written by hand, and its configuration.
fn content_with_section() -> (tempfile::TempDir, PathBuf, Value) {
    let (root, dir) = fixture_copy();
    fs::create_dir(dir.join(SECTION)).unwrap();
    for (suffix, title) in [("", "Notices"), (".ja", "お知らせ")] {
        fs::write(
            dir.join(format!("{SECTION}/_index{suffix}.md")),
            format!("+++\ntitle = \"{title}\"\ndescription = \"d\"\nweight = 40\npaginate_by = 20\nfeed = false\npagination_label = \"p\"\n+++\n"),
        )
        .unwrap();
        fs::write(
            dir.join(format!("{SECTION}/{POST}{suffix}.md")),
            "+++\ntitle = \"t\"\ndescription = \"d\"\ndate = 2026-01-05\n+++\n\nText.\n",
        )
        .unwrap();
    }
    let config = japanese_config(&dir);
    (root, dir, config)
}

#[test]
fn files_written_from_the_forms_compile_with_every_field_or_only_the_required_ones() {
    for all in [true, false] {
        let (_root, dir, config) = content_with_section();
        write_from_forms(&dir, &config, all, None);
        if let Err(report) = compiled(&dir) {
            panic!("written from the forms (every field: {all}), the content does not compile:\n{report}");
        }
    }
}

#[test]
fn without_any_one_required_field_the_build_refuses_the_file() {
    let (_root, _dir, config) = content_with_section();
    let forms = [
        &collection(&config, "pages")["fields"],
        &collection(&config, SECTION)["index_file"]["fields"],
        &collection(&config, SECTION)["fields"],
    ];
    let mut required: Vec<String> = forms
        .iter()
        .flat_map(|fields| fields.as_array().unwrap())
        .filter(|field| field["required"] == true)
        .map(|field| field["name"].as_str().unwrap().to_owned())
        .collect();
    required.sort();
    required.dedup();
    assert!(required.contains(&"date".to_owned()) && required.contains(&"title".to_owned()));
    for name in required {
        let (_root, dir, config) = content_with_section();
        write_from_forms(&dir, &config, false, Some(&name));
        assert!(
            compiled(&dir).is_err(),
            "without `{name}`, the forms' files still compile: the form calls it required, the build does not"
        );
    }
}

#[test]
fn each_section_is_a_collection_named_by_its_folder_with_its_title_in_the_interface_language() {
    let (_root, _dir, config) = content_with_section();
    let notices = collection(&config, SECTION);
    assert_eq!(notices["label"], "お知らせ");
    assert_eq!(notices["folder"], "content/notices");
    assert_eq!(notices["path"], "{{fields.date}}-{{slug}}");
    let names: Vec<&str> = config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["pages", SECTION, "settings"]);
}

#[test]
fn the_form_of_strings_toml_has_every_string_of_the_file_in_its_order_with_its_comment() {
    let (_root, dir) = fixture_copy();
    let config = japanese_config(&dir);
    let strings = &collection(&config, "settings")["files"][1];
    assert_eq!(strings["file"], "content/strings.toml");
    let fields: Vec<&Value> = strings["fields"].as_array().unwrap().iter().collect();
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    let text = fs::read_to_string(dir.join("strings.toml")).unwrap();
    let in_file: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix('[')?.strip_suffix(']'))
        .collect();
    assert_eq!(names, in_file);
    let address = fields.iter().find(|f| f["name"] == "address").unwrap();
    assert_eq!(
        address["fields"][0]["widget"], "list",
        "the address is a list of lines"
    );
    let name = fields.iter().find(|f| f["name"] == "name").unwrap();
    assert_eq!(name["fields"][1]["widget"], "string");
}
