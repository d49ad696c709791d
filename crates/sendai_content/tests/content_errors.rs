//! Each way an editor can break the content gives a message that names the file, the line and
//! the column, what is wrong and what to do. Every test starts from a copy of a small content
//! folder of its own, `tests/fixtures/content/` (not the site's `content/`, which editors change
//! at will), breaks one thing as an editor might, and reads the message.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sendai_content::compile::{compile, Diagnostic};

/// The test's content folder, which compiles without a problem.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content")
}

/// A copy of the fixture content, as `content/` in a temporary folder.
struct Content {
    root: tempfile::TempDir,
}

impl Content {
    fn copy() -> Content {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir(root.path().join("content")).unwrap();
        let content = Content { root };
        for entry in fs::read_dir(fixture()).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, content.path(path.file_name().unwrap())).unwrap();
        }
        content
    }

    fn dir(&self) -> PathBuf {
        self.root.path().join("content")
    }

    fn path(&self, name: impl AsRef<Path>) -> PathBuf {
        self.dir().join(name)
    }

    /// Runs `content check` in the folder above the content, as `cargo content check` runs in
    /// the repository, with `GITHUB_ACTIONS` set to `github_actions`: what it prints on its
    /// standard output, and on its standard error.
    fn check(&self, github_actions: &str) -> (String, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_content"))
            .arg("check")
            .current_dir(self.root.path())
            .env("GITHUB_ACTIONS", github_actions)
            .output()
            .unwrap();
        assert!(!output.status.success(), "the check fails");
        (
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }

    fn write(&self, name: &str, text: &str) -> &Self {
        fs::write(self.path(name), text).unwrap();
        self
    }

    fn remove(&self, name: &str) -> &Self {
        fs::remove_file(self.path(name)).unwrap();
        self
    }

    /// Replaces the one occurrence of `from` in a file.
    fn edit(&self, name: &str, from: &str, to: &str) -> &Self {
        let text = fs::read_to_string(self.path(name)).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in {name}");
        self.write(name, &text.replacen(from, to, 1))
    }

    /// The problems found, which must be at least one.
    fn problems(&self) -> Vec<Diagnostic> {
        match compile(&self.dir(), &self.root.path().join("pictures")) {
            Ok(_) => panic!("the broken content compiled"),
            Err(report) => report.0,
        }
    }

    /// The only problem found, checked to be in `file` at `line` and `column`.
    fn problem(&self, file: &str, position: Option<(usize, usize)>) -> Diagnostic {
        let problems = self.problems();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let problem = problems.into_iter().next().unwrap();
        assert_eq!(problem.file, self.path(file), "{problem}");
        assert_eq!(problem.position, position, "{problem}");
        assert!(!problem.help.is_empty(), "{problem}: says what to do");
        problem
    }
}

fn assert_says(problem: &Diagnostic, words: &[&str]) {
    let text = problem.to_string();
    for word in words {
        assert!(text.contains(word), "{word:?} in:\n{text}");
    }
}

const VISITING_HOURS: &str =
    "+++\ntitle = \"Visiting hours\"\ndescription = \"When to visit.\"\nweight = 4\n+++\n\nText.\n";

#[test]
fn the_fixture_content_compiles() {
    let cache = tempfile::tempdir().unwrap();
    let site = compile(&fixture(), cache.path()).unwrap().site;
    let slugs: Vec<&str> = site.pages.iter().map(|page| page.slug).collect();
    assert_eq!(slugs, ["", "concept", "secretariat", "accessibility"]);
}

#[test]
fn a_page_without_its_japanese_file() {
    let content = Content::copy();
    content.write("visiting-hours.md", VISITING_HOURS);
    let problem = content.problem("visiting-hours.md", None);
    assert_says(
        &problem,
        &[
            "visiting-hours",
            "no Japanese edition",
            "visiting-hours.ja.md is missing",
        ],
    );
}

#[test]
fn a_page_without_its_english_file() {
    let content = Content::copy();
    content.remove("concept.md");
    let problem = content.problem("concept.ja.md", None);
    assert_says(
        &problem,
        &[
            "\"concept\" has no English edition",
            "concept.md is missing",
        ],
    );
}

#[test]
fn a_missing_front_matter_key() {
    let content = Content::copy();
    content.edit(
        "secretariat.md",
        "description = \"How to reach the test site's secretariat.\"\n",
        "",
    );
    let problem = content.problem("secretariat.md", Some((2, 1)));
    assert_says(
        &problem,
        &[
            "`description` is missing from the front matter",
            "description = \"…\"",
        ],
    );
}

#[test]
fn an_empty_front_matter_key() {
    let content = Content::copy();
    content.edit("secretariat.ja.md", "title = \"事務局\"", "title = \"\"");
    let problem = content.problem("secretariat.ja.md", Some((2, 9)));
    assert_says(&problem, &["`title` is empty"]);
}

#[test]
fn an_unknown_front_matter_key() {
    let content = Content::copy();
    content.edit("secretariat.md", "weight = 30", "wieght = 30");
    // The first problem of a file's settings; the next shows once it is mended.
    let problem = content.problem("secretariat.md", Some((4, 1)));
    assert_says(
        &problem,
        &[
            "`wieght` is not a setting of the front matter",
            "if you meant `weight`",
        ],
    );
}

#[test]
fn a_wrongly_typed_front_matter_key() {
    let content = Content::copy();
    content.edit("concept.md", "weight = 20", "weight = \"two\"");
    let problem = content.problem("concept.md", Some((4, 10)));
    assert_says(
        &problem,
        &[
            "`weight` must be a whole number",
            "the text \"two\"",
            "weight = 1",
        ],
    );
}

#[test]
fn two_pages_with_the_same_weight() {
    let content = Content::copy();
    content.edit("secretariat.md", "weight = 30", "weight = 20");
    content.edit("secretariat.ja.md", "weight = 30", "weight = 20");
    let problem = content.problem("secretariat.md", Some((4, 10)));
    assert_says(
        &problem,
        &[
            "weight = 20 here and in",
            "concept.md",
            "give each page its own weight",
        ],
    );
}

#[test]
fn editions_with_different_weights() {
    let content = Content::copy();
    content.edit("secretariat.ja.md", "weight = 30", "weight = 50");
    let problem = content.problem("secretariat.ja.md", Some((4, 10)));
    assert_says(&problem, &["weight = 50 here, but", "says weight = 30"]);
}

#[test]
fn an_unknown_template() {
    let content = Content::copy();
    content.edit(
        "concept.md",
        "template = \"diagram\"",
        "template = \"gallery\"",
    );
    let problems = content.problems();
    let unknown = &problems[0];
    assert_eq!(unknown.file, content.path("concept.md"));
    assert_eq!(unknown.position, Some((5, 12)));
    assert_says(
        unknown,
        &[
            "no template called \"gallery\"",
            "timeline, diagram, contact",
        ],
    );
}

#[test]
fn a_template_without_its_place_in_the_text() {
    let content = Content::copy();
    content.edit("secretariat.md", "{{ contact() }}\n", "");
    let problem = content.problem("secretariat.md", Some((5, 12)));
    assert_says(
        &problem,
        &["does not say where to draw it", "{{ contact() }}"],
    );
}

#[test]
fn a_template_part_with_a_missing_label() {
    let content = Content::copy();
    content.edit("concept.ja.md", "seeds = \"シーズ\"\n", "");
    let problem = content.problem("concept.ja.md", Some((7, 1)));
    assert_says(&problem, &["`seeds` is missing from [diagram]"]);
}

#[test]
fn raw_html_in_markdown() {
    let content = Content::copy();
    content.edit(
        "secretariat.md",
        "## Address and numbers",
        "<h2>Address and numbers</h2>",
    );
    let problem = content.problem("secretariat.md", Some((10, 1)));
    assert_says(&problem, &["this is HTML", "write it in Markdown"]);
}

#[test]
fn a_table_without_its_caption() {
    let content = Content::copy();
    content.edit(
        "secretariat.md",
        "## Address and numbers\n",
        "## Address and numbers\n\n| Day | Hours |\n|---|---|\n| Weekdays | 10–16 |\n",
    );
    let problem = content.problem("secretariat.md", Some((12, 1)));
    assert_says(&problem, &["this table has no caption", "Table:"]);
}

#[test]
fn a_document_no_page_links_to() {
    let content = Content::copy();
    fs::create_dir(content.path("files")).unwrap();
    content.write("files/draft-2010.pdf", "x");
    let problem = content.problem("files/draft-2010.pdf", None);
    assert_says(
        &problem,
        &["no page links to this document", "/files/draft-2010.pdf"],
    );
}

/// A photo for the tests: the one the site's own fixture page shows.
fn photo() -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/content/files/visiting-hours-house.jpg"),
    )
    .unwrap()
}

#[test]
fn a_picture_without_alternative_text_in_one_edition() {
    let content = Content::copy();
    fs::create_dir(content.path("files")).unwrap();
    fs::write(content.path("files/house.jpg"), photo()).unwrap();
    let shown = "\n![A house on a hill](/files/house.jpg)\n";
    let text = fs::read_to_string(content.path("concept.md")).unwrap();
    content.write("concept.md", &format!("{text}{shown}"));
    let text = fs::read_to_string(content.path("concept.ja.md")).unwrap();
    content.write("concept.ja.md", &format!("{text}\n![](/files/house.jpg)\n"));
    let line = text.lines().count() + 2;
    let problem = content.problem("concept.ja.md", Some((line, 1)));
    assert_says(
        &problem,
        &[
            "this picture has no alternative text",
            "between [ and ] write what the picture shows",
            "![仙台で",
        ],
    );
}

#[test]
fn a_page_named_as_the_folders_of_documents_or_pictures() {
    for (name, says) in [
        ("files", "address of the documents"),
        ("pictures", "address of the pictures"),
    ] {
        let content = Content::copy();
        content.write(&format!("{name}.md"), VISITING_HOURS);
        content.write(&format!("{name}.ja.md"), VISITING_HOURS);
        let problems = content.problems();
        assert!(
            problems
                .iter()
                .any(|problem| problem.to_string().contains(says)),
            "{problems:#?}"
        );
    }
}

#[test]
fn a_picture_no_page_shows() {
    let content = Content::copy();
    fs::create_dir(content.path("files")).unwrap();
    fs::write(content.path("files/draft.jpg"), photo()).unwrap();
    let problem = content.problem("files/draft.jpg", None);
    assert_says(
        &problem,
        &[
            "no page shows this picture",
            "![what it shows](/files/draft.jpg)",
        ],
    );
}

#[test]
fn documents_of_another_type_named_unlike_an_address_or_over_25_mb() {
    let content = Content::copy();
    fs::create_dir(content.path("files")).unwrap();
    content.write("files/minutes.doc", "x");
    content.write("files/Annual Report.pdf", "x");
    let big = fs::File::create(content.path("files/scan.pdf")).unwrap();
    big.set_len(25 * 1024 * 1024 + 1).unwrap();
    content.write("files/report-2010.pdf", "x");
    let problems = content.problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert_says(&problems[0], &["Annual Report.pdf", "lowercase letters"]);
    assert_says(
        &problems[1],
        &["minutes.doc", "files of this type (doc)", ".pdf, .docx"],
    );
    assert_says(
        &problems[2],
        &["scan.pdf", "is 25.1 MB, more than the 25 MB"],
    );
}

#[test]
fn a_link_to_an_address_of_this_site_that_does_not_exist() {
    let content = Content::copy();
    content.edit(
        "concept.md",
        "as the home page describes it.",
        "as [the About page](/about/) describes it.",
    );
    let problem = content.problem("concept.md", Some((29, 22)));
    assert_says(
        &problem,
        &[
            "the link leads to /about/, but there is no page at that address",
            "/concept/",
        ],
    );
}

#[test]
fn a_toml_syntax_error() {
    let content = Content::copy();
    content.edit(
        "secretariat.md",
        "title = \"Secretariat\"",
        "title = \"Secretariat",
    );
    let problem = content.problem("secretariat.md", Some((2, 21)));
    assert_says(&problem, &["this TOML cannot be read", "double quotes"]);
}

#[test]
fn a_string_in_one_language_only() {
    let content = Content::copy();
    content.edit("strings.toml", "ja = \"skip_link（日本語）\"\n", "");
    let problem = content.problem("strings.toml", Some((11, 1)));
    assert_says(
        &problem,
        &["[skip_link] has no Japanese text", "ja = \"…\""],
    );
}

#[test]
fn a_file_that_is_not_a_page() {
    let content = Content::copy();
    content.write("Visiting Hours.md", VISITING_HOURS);
    content.write("notes.txt", "x");
    let problems = content.problems();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_says(&problems[0], &["Visiting Hours.md", "lowercase letters"]);
    assert_says(&problems[1], &["notes.txt", "move this file out"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let content = Content::copy();
    content.edit("concept.md", "weight = 20", "weight = \"two\"");
    content.edit("strings.toml", "ja = \"skip_link（日本語）\"\n", "");
    content.write("visiting-hours.md", VISITING_HOURS);
    assert_eq!(content.problems().len(), 3);
}

#[test]
fn a_site_without_a_home_page() {
    let content = Content::copy();
    content.remove("_index.md").remove("_index.ja.md");
    let problems = content.problems();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, content.dir());
    assert_says(
        &problems[0],
        &["the site has no home page", "_index.md and _index.ja.md"],
    );
}

/// The only problem found in `conformance.toml` (the accessibility pages then say that their
/// table has problems), at some line, saying `words`.
fn conformance_problem(content: &Content, words: &[&str]) {
    let file = content.path("conformance.toml");
    let problems: Vec<_> = content
        .problems()
        .into_iter()
        .filter(|problem| problem.file == file)
        .collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    assert!(problem.position.is_some(), "{problem}: names the line");
    assert_says(problem, words);
}

/// Gives criterion `number` in `conformance.toml` what `change` makes of its lines.
fn edit_criterion(content: &Content, number: &str, change: impl Fn(Vec<&str>) -> Vec<String>) {
    let text = fs::read_to_string(content.path("conformance.toml")).unwrap();
    let entries: Vec<&str> = text.split("\n\n").collect();
    let entry = entries
        .iter()
        .find(|entry| entry.contains(&format!("number = \"{number}\"\n")))
        .unwrap();
    let changed = change(entry.lines().collect()).join("\n");
    content.edit("conformance.toml", entry, &changed);
}

#[test]
fn a_criterion_marked_met_without_a_test_or_a_review_is_refused() {
    let content = Content::copy();
    let first_met = fs::read_to_string(content.path("conformance.toml"))
        .unwrap()
        .split("\n\n")
        .find(|entry| {
            entry.contains("result = \"met\"")
                && entry.contains("tests = ")
                && !entry.contains("reviewed")
        })
        .and_then(|entry| {
            entry
                .lines()
                .find_map(|line| line.strip_prefix("number = "))
        })
        .map(|number| number.trim_matches('"').to_string())
        .unwrap();
    edit_criterion(&content, &first_met, |lines| {
        // Drops the list of tests, on one line or several.
        let mut in_list = false;
        lines
            .into_iter()
            .filter(|line| {
                if line.starts_with("tests = ") {
                    in_list = !line.ends_with(']');
                    return false;
                }
                let keep = !in_list;
                in_list = in_list && *line != "]";
                keep
            })
            .map(String::from)
            .collect()
    });
    conformance_problem(
        &content,
        &[
            &first_met,
            "a met criterion needs its evidence",
            "reviewed = ",
        ],
    );
}

#[test]
fn a_criterion_not_met_needs_a_plan() {
    let content = Content::copy();
    edit_criterion(&content, "1.2.1", |lines| {
        lines
            .into_iter()
            .filter(|line| !line.starts_with("plan = "))
            .map(|line| {
                if line.starts_with("result = ") {
                    "result = \"not-met\"".to_string()
                } else {
                    line.to_string()
                }
            })
            .collect()
    });
    conformance_problem(&content, &["1.2.1", "needs the plan", "plan"]);
}

#[test]
fn a_statement_date_that_is_not_a_day_is_refused() {
    let content = Content::copy();
    let text = fs::read_to_string(content.path("conformance.toml")).unwrap();
    let date = text
        .lines()
        .find(|line| line.starts_with("date = "))
        .unwrap();
    content.edit(
        "conformance.toml",
        &format!("{date}\n"),
        "date = \"28 November 2026\"\n",
    );
    conformance_problem(
        &content,
        &[
            "`date` must be a day of the calendar written year-month-day",
            "2026-11-28",
        ],
    );
}

#[test]
fn under_github_actions_each_problem_is_also_an_annotation_on_its_line() {
    let content = Content::copy();
    content.edit("concept.md", "weight = 20", "weight = \"20%\"");
    content.edit("strings.toml", "ja = \"skip_link（日本語）\"\n", "");
    let (annotations, message) = content.check("true");
    let lines: Vec<&str> = annotations.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=content/concept.md,line=4,col=10::`weight` must be a whole number, without \
             quotes, but here it is the text \"20%25\"%0AWhat to do: write it like this: weight = 1",
            "::error file=content/strings.toml,line=11,col=1::[skip_link] has no Japanese text: every \
             string is shown in both editions%0AWhat to do: add a line below [skip_link]: ja = \"…\"",
        ]
    );
    assert!(
        message.contains("content/concept.md:4:10: `weight` must be a whole number"),
        "the editor's message is still printed:\n{message}"
    );
}

#[test]
fn outside_github_actions_there_are_no_annotations() {
    let content = Content::copy();
    content.edit("concept.md", "weight = 20", "weight = \"two\"");
    let (annotations, message) = content.check("false");
    assert_eq!(annotations, "");
    assert!(message.contains("content/concept.md:4:10"), "{message}");
}

/// A section's two `_index` files in the test's `content/NAME/`, with the settings `extra`
/// added to both.
fn section(content: &Content, name: &str, extra: &str) {
    fs::create_dir_all(content.path(name)).unwrap();
    for (lang, title) in [("", "Notices"), (".ja", "お知らせ")] {
        let text = format!(
            "+++\ntitle = \"{title}\"\ndescription = \"The {name}.\"\nweight = 35\npaginate_by = 20\n\
             feed = true\nfeed_title = \"{title} feed\"\npagination_label = \"Pages\"\n{extra}+++\n"
        );
        content.write(&format!("{name}/_index{lang}.md"), &text);
    }
}

/// A notice's file in the test's `content/notices/` (a section), with `front` as its front
/// matter.
fn notice(content: &Content, name: &str, front: &str) {
    if !content.path("notices/_index.md").exists() {
        section(
            content,
            "notices",
            "latest_on_home_page = 3\nlatest_heading = \"Latest\"\nall_posts_link = \"All\"\n",
        );
    }
    let text = format!("+++\n{front}\n+++\n\nA made-up notice.\n");
    content.write(&format!("notices/{name}"), &text);
}

/// Both files of a notice of `date` called `words`.
fn notice_pair(content: &Content, date: &str, words: &str) {
    for (lang, title) in [("", "Seminar"), (".ja", "セミナー")] {
        let front =
            format!("title = \"{title} {words}\"\ndescription = \"About it.\"\ndate = {date}");
        notice(content, &format!("{date}-{words}{lang}.md"), &front);
    }
}

/// The HTML of a page's part that the build made of a section (a list, the newest, dates).
fn built(text: &sendai_content::PageText) -> String {
    text.body
        .iter()
        .filter_map(|block| match block {
            sendai_content::Block::Built(html) => Some(html.with_base("")),
            _ => None,
        })
        .collect()
}

#[test]
fn notices_make_their_list_twenty_a_page_and_the_home_pages_newest() {
    let content = Content::copy();
    for day in 1..=21 {
        notice_pair(&content, &format!("2026-11-{day:02}"), &format!("n{day}"));
    }
    let compiled = compile(&content.dir(), &content.root.path().join("pictures")).unwrap();
    let slugs: Vec<&str> = compiled.site.pages.iter().map(|page| page.slug).collect();
    assert_eq!(
        slugs,
        ["", "concept", "secretariat", "notices", "accessibility"],
        "the list takes its place in the navigation by its weight"
    );
    assert_eq!(compiled.site.sections.len(), 1);
    assert_eq!(compiled.site.sections[0].list_pages, 2);
    let unlisted: Vec<&str> = compiled.unlisted.iter().map(|(slug, _)| *slug).collect();
    assert_eq!(unlisted[0], "notices/page/2");
    assert_eq!(unlisted[1], "notices/n21", "newest first");
    assert_eq!(unlisted.len(), 1 + 21);
    let first = built(&compiled.texts[3].en);
    let second = built(&compiled.unlisted[0].1.en);
    assert_eq!(first.matches("<li class=\"sc-posts__item\">").count(), 20);
    assert_eq!(second.matches("<li class=\"sc-posts__item\">").count(), 1);
    assert!(first.find("/notices/n21/").unwrap() < first.find("/notices/n20/").unwrap());
    assert!(second.contains("/notices/n1/"), "the oldest last");
    assert!(first.contains("aria-label=\"Page 1\" aria-current=\"page\">1<"));
    assert!(second.contains("aria-label=\"Page 2\" aria-current=\"page\">2<"));
    assert!(second.contains("rel=\"prev\">Previous page<") && !second.contains("rel=\"next\""));
    assert_eq!(
        compiled.unlisted[0].1.en.title,
        Some("Notices, page 2 of 2")
    );
    let home = built(&compiled.texts[0].ja);
    let newest: Vec<&str> = home
        .split("セミナー ")
        .skip(1)
        .map(|rest| &rest[..3])
        .collect();
    assert_eq!(newest, ["n21", "n20", "n19"]);
    assert!(home.contains("<time datetime=\"2026-11-21\">2026年11月21日</time>"));
    let post = built(&compiled.unlisted[1].1.ja);
    assert!(post.contains("<dt>published（日本語）</dt>"), "{post}");
}

#[test]
fn a_section_without_posts_publishes_nothing() {
    let content = Content::copy();
    section(&content, "notices", "");
    let compiled = compile(&content.dir(), &content.root.path().join("pictures")).unwrap();
    assert!(compiled.site.sections.is_empty());
    assert!(compiled.unlisted.is_empty());
    assert!(compiled
        .site
        .pages
        .iter()
        .all(|page| page.slug != "notices"));
    assert_eq!(built(&compiled.texts[0].en), "");
}

#[test]
fn a_second_section_is_two_index_files_and_its_posts() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    section(&content, "events", "weight = 36\n");
    content.edit("events/_index.md", "weight = 35\n", "");
    content.edit("events/_index.ja.md", "weight = 35\n", "");
    content.edit(
        "events/_index.md",
        "title = \"Notices\"",
        "title = \"Events\"",
    );
    content.edit(
        "events/_index.ja.md",
        "title = \"お知らせ\"",
        "title = \"催し\"",
    );
    for (lang, title) in [("", "Fair"), (".ja", "見本市")] {
        content.write(
            &format!("events/2026-10-05-fair{lang}.md"),
            &format!("+++\ntitle = \"{title}\"\ndescription = \"A fair.\"\ndate = 2026-10-05\n+++\n\nText.\n"),
        );
    }
    let compiled = compile(&content.dir(), &content.root.path().join("pictures")).unwrap();
    let sections: Vec<&str> = compiled.site.sections.iter().map(|s| s.slug).collect();
    assert_eq!(sections, ["notices", "events"], "by weight");
    let slugs: Vec<&str> = compiled.site.pages.iter().map(|page| page.slug).collect();
    assert_eq!(
        slugs,
        [
            "",
            "concept",
            "secretariat",
            "notices",
            "events",
            "accessibility"
        ]
    );
    assert!(compiled
        .unlisted
        .iter()
        .any(|(slug, _)| *slug == "events/fair"));
    let home = built(&compiled.texts[0].en);
    assert!(
        home.contains("Seminar seminar") && !home.contains("Fair"),
        "only notices ask for the home page"
    );
}

#[test]
fn a_section_without_its_japanese_index() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    content.remove("notices/_index.ja.md");
    let problem = content.problem("notices", None);
    assert_says(&problem, &["has no _index.ja.md", "add _index.ja.md"]);
}

#[test]
fn a_section_with_a_mistyped_setting() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    content.edit("notices/_index.md", "paginate_by = 20", "paginate = 20");
    let problems = content.problems();
    assert_eq!(
        problems[0].file,
        content.path("notices/_index.md"),
        "{problems:#?}"
    );
    assert_says(&problems[0], &["paginate", "paginate_by"]);
    assert!(problems[0].position.is_some());
}

#[test]
fn a_section_with_a_feed_and_no_feed_title() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    content.edit(
        "notices/_index.ja.md",
        "feed_title = \"お知らせ feed\"\n",
        "",
    );
    let problem = content.problem("notices/_index.ja.md", Some((2, 1)));
    assert_says(&problem, &["no `feed_title`", "feed = true"]);
}

#[test]
fn a_section_whose_index_files_disagree() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    content.edit(
        "notices/_index.ja.md",
        "paginate_by = 20",
        "paginate_by = 10",
    );
    let problem = content.problem("notices/_index.ja.md", None);
    assert_says(
        &problem,
        &[
            "paginate_by = 10 here",
            "paginate_by = 20 in",
            "same settings",
        ],
    );
}

#[test]
fn a_section_named_like_an_address_the_site_uses() {
    for name in ["pictures", "page", "ja"] {
        let content = Content::copy();
        section(&content, name, "");
        let problem = content.problem(name, None);
        assert_says(
            &problem,
            &[&format!("/{name}/ is the address of"), "another name"],
        );
    }
}

#[test]
fn a_section_sharing_its_weight_with_a_page() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    for name in ["notices/_index.md", "notices/_index.ja.md"] {
        content.edit(name, "weight = 35", "weight = 20");
    }
    let problem = content.problem("notices/_index.md", Some((4, 10)));
    assert_says(&problem, &["weight = 20", "concept.md", "its own weight"]);
}

#[test]
fn a_notice_without_a_date() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    notice(
        &content,
        "2026-12-01-seminar.md",
        "title = \"Seminar\"\ndescription = \"About it.\"",
    );
    let problem = content.problem("notices/2026-12-01-seminar.md", Some((2, 1)));
    assert_says(
        &problem,
        &[
            "no `date`",
            "add a line to the front matter: date = 2026-12-01",
        ],
    );
}

#[test]
fn twenty_notices_or_fewer_are_one_page_of_the_list_without_page_links() {
    let content = Content::copy();
    for day in 1..=20 {
        notice_pair(&content, &format!("2026-11-{day:02}"), &format!("n{day}"));
    }
    let compiled = compile(&content.dir(), &content.root.path().join("pictures")).unwrap();
    let unlisted: Vec<&str> = compiled.unlisted.iter().map(|(slug, _)| *slug).collect();
    assert_eq!(unlisted.len(), 20, "the notices only: {unlisted:?}");
    assert!(unlisted
        .iter()
        .all(|slug| !slug.starts_with("notices/page")));
    let list = built(&compiled.texts[3].ja);
    assert_eq!(list.matches("<li class=\"sc-posts__item\">").count(), 20);
    assert!(
        !list.contains("sc-pagination"),
        "no links to pages when there is one"
    );
}

#[test]
fn a_notice_dated_with_a_number() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    content.edit(
        "notices/2026-12-01-seminar.md",
        "date = 2026-12-01",
        "date = 20261201",
    );
    let problem = content.problem("notices/2026-12-01-seminar.md", Some((4, 8)));
    assert_says(
        &problem,
        &["`date` must be a day", "20261201", "date = 2026-12-01"],
    );
}

#[test]
fn a_notice_dated_without_quotes_on_a_day_that_is_not_one() {
    let content = Content::copy();
    notice_pair(&content, "2026-02-28", "seminar");
    content.edit(
        "notices/2026-02-28-seminar.md",
        "date = 2026-02-28",
        "date = 2026-02-30",
    );
    let problem = content.problem("notices/2026-02-28-seminar.md", Some((4, 8)));
    assert_says(&problem, &["invalid date", "a day of the calendar"]);
}

#[test]
fn a_notice_corrected_in_one_language_only() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    content.edit(
        "notices/2026-12-01-seminar.ja.md",
        "date = 2026-12-01",
        "date = 2026-12-01\nupdated = 2026-12-03",
    );
    let problem = content.problem("notices/2026-12-01-seminar.ja.md", None);
    assert_says(
        &problem,
        &[
            "updated = 2026-12-03",
            "2026-12-01-seminar.md has no `updated`",
            "same `updated` line",
        ],
    );
}

#[test]
fn a_folder_inside_a_section() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    fs::create_dir_all(content.path("notices/photos")).unwrap();
    let problem = content.problem("notices/photos", None);
    assert_says(&problem, &["this folder", "go in files/"]);
}

#[test]
fn a_notice_dated_on_a_day_that_is_not_one() {
    let content = Content::copy();
    notice_pair(&content, "2026-02-28", "seminar");
    content.edit(
        "notices/2026-02-28-seminar.ja.md",
        "date = 2026-02-28",
        "date = \"2026-02-30\"",
    );
    let problem = content.problem("notices/2026-02-28-seminar.ja.md", Some((4, 8)));
    assert_says(
        &problem,
        &[
            "2026-02-30",
            "not a day of the calendar",
            "date = 2026-02-28, the day its file name starts with",
        ],
    );
}

#[test]
fn a_notice_whose_file_name_disagrees_with_its_date() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    content.edit(
        "notices/2026-12-01-seminar.md",
        "date = 2026-12-01",
        "date = 2026-12-02",
    );
    let problem = content.problem("notices/2026-12-01-seminar.md", Some((4, 8)));
    assert_says(
        &problem,
        &[
            "2026-12-02",
            "file name says 2026-12-01",
            "rename both files",
        ],
    );
}

#[test]
fn a_notice_in_one_language_only() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    content.remove("notices/2026-12-01-seminar.ja.md");
    let problem = content.problem("notices/2026-12-01-seminar.md", None);
    assert_says(
        &problem,
        &["no Japanese edition", "2026-12-01-seminar.ja.md is missing"],
    );
}

#[test]
fn two_notices_with_one_address() {
    let content = Content::copy();
    notice_pair(&content, "2026-11-01", "seminar");
    notice_pair(&content, "2026-12-01", "seminar");
    let problem = content.problem("notices/2026-12-01-seminar.md", None);
    assert_says(
        &problem,
        &[
            "/notices/seminar/",
            "2026-11-01-seminar.md",
            "change the words",
        ],
    );
}

#[test]
fn a_notice_corrected_before_it_was_published() {
    let content = Content::copy();
    notice_pair(&content, "2026-12-01", "seminar");
    for name in ["2026-12-01-seminar.md", "2026-12-01-seminar.ja.md"] {
        content.edit(
            &format!("notices/{name}"),
            "date = 2026-12-01",
            "date = 2026-12-01\nupdated = 2026-11-30",
        );
    }
    let problems = content.problems();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_says(
        &problems[0],
        &["`updated` is 2026-11-30", "not after the date"],
    );
}
