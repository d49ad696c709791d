//! `conformance.toml`, the accessibility statement's results: the record of the test run and a
//! row per success criterion. The build checks that every result has its evidence (the tests
//! that check it, a dated review, the reason it does not apply, or a plan) and works out the
//! conformance word itself, so that the statement cannot claim more than its rows.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::dates::Day;
use super::diagnostic::{Diagnostic, Report, Source};
use super::leak;
use super::markup::Markup;
use super::site_files::read_toml;
use crate::{Conformance, Lang, Localized, CONFORMANCE_TABLE_IDS};

/// The accessibility test results, which the `conformance` template draws.
pub const CONFORMANCE_FILE: &str = "conformance.toml";

/// The results in one language, checked: what the page shows, before it is HTML.
#[derive(Clone, Debug)]
pub struct Results {
    /// The record, in order: date of the statement, standard, target, conformance,
    /// test period, build tested, browsers, tools.
    pub record: Vec<RecordEntry>,
    /// The heading of the list of every page's address.
    pub pages_heading: &'static str,
    pub jis: CriteriaTable,
    pub added: CriteriaTable,
}

/// One line of the record: a label and its values (a browser per value, say).
#[derive(Clone, Debug)]
pub struct RecordEntry {
    pub label: &'static str,
    pub values: Vec<&'static str>,
}

/// A table of success criteria and their results.
#[derive(Clone, Debug)]
pub struct CriteriaTable {
    pub caption: &'static str,
    /// Column headings: number, criterion, level, applies, result, how it was verified.
    pub columns: [&'static str; 6],
    pub rows: Vec<Criterion>,
}

#[derive(Clone, Debug)]
pub struct Criterion {
    /// `1.4.3`.
    pub number: &'static str,
    pub name: &'static str,
    /// `A` or `AA`.
    pub level: &'static str,
    /// Whether the site has content the criterion is about.
    pub applies: &'static str,
    /// Met or not met (or not yet verified), in the page's language.
    pub result: &'static str,
    /// The end-to-end tests that check it (`file: test name`), in English.
    pub tests: Vec<&'static str>,
    /// The dated review, the reason it does not apply, or the plan, in the page's language.
    pub note: Option<&'static str>,
}

impl Results {
    /// The results in HTML, as the page of `lang` shows them: the record's entries, and each
    /// table with its caption (whose id names the region it scrolls in), header row and a row
    /// per criterion.
    pub fn markup(&self, lang: Lang) -> Conformance {
        let mut record = Markup::default();
        for entry in &self.record {
            record
                .raw("<div class=\"sc-record__entry\"><dt>")
                .text(entry.label)
                .raw("</dt>");
            for value in &entry.values {
                record.raw("<dd>").text(value).raw("</dd>");
            }
            record.raw("</div>");
        }
        // Test names are English in both editions.
        let code = match lang {
            Lang::En => "<code>",
            Lang::Ja => "<code lang=\"en\">",
        };
        let table = |table: &CriteriaTable, id: &str| {
            let mut markup = Markup::default();
            markup
                .raw(&format!(
                    "<table class=\"sc-table\"><caption id=\"{id}\" class=\"sc-table__caption\">"
                ))
                .text(table.caption)
                .raw("</caption><thead><tr>");
            for column in table.columns {
                markup.raw("<th scope=\"col\">").text(column).raw("</th>");
            }
            markup.raw("</tr></thead><tbody>");
            for row in &table.rows {
                markup
                    .raw("<tr><th scope=\"row\">")
                    .text(row.number)
                    .raw("</th>");
                for cell in [row.name, row.level, row.applies, row.result] {
                    markup.raw("<td>").text(cell).raw("</td>");
                }
                markup.raw("<td>").text(row.note.unwrap_or_default());
                if !row.tests.is_empty() {
                    markup.raw("<ul class=\"sc-table__tests\">");
                    for test in &row.tests {
                        markup.raw("<li>").raw(code).text(test).raw("</code></li>");
                    }
                    markup.raw("</ul>");
                }
                markup.raw("</td></tr>");
            }
            markup.raw("</tbody></table>");
            markup.html()
        };
        Conformance {
            record: record.html(),
            pages_heading: self.pages_heading,
            tables: [
                table(&self.jis, CONFORMANCE_TABLE_IDS[0]),
                table(&self.added, CONFORMANCE_TABLE_IDS[1]),
            ],
        }
    }
}

/// The accessibility test results, if the folder has them.
pub fn read(dir: &Path, report: &mut Report) -> Option<Localized<Results>> {
    let file = dir.join(CONFORMANCE_FILE);
    if !file.exists() {
        return None;
    }
    read_toml(&file, report, |source, value| {
        let file = source.read(value, CONFORMANCE_FILE).map_err(|d| vec![d])?;
        conformance(source, file)
    })
}

/// `conformance.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct File {
    statement: Spanned<StatementFile>,
    labels: Labels,
    captions: Captions,
    columns: Localized<[&'static str; 6]>,
    words: Words,
    criterion: Vec<Spanned<Row>>,
}

/// The record of the test run, `[statement]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementFile {
    date: Spanned<&'static str>,
    tested_from: Spanned<&'static str>,
    tested_to: Spanned<&'static str>,
    standard: &'static str,
    /// The level aimed at.
    target: Level,
    /// The git commit of the build that was tested.
    commit: Spanned<&'static str>,
    browsers: Vec<&'static str>,
    tools: Vec<&'static str>,
}

/// The record's labels, in the record's order, then the heading of the list of pages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct Labels {
    date: Localized<&'static str>,
    standard: Localized<&'static str>,
    target: Localized<&'static str>,
    conformance: Localized<&'static str>,
    period: Localized<&'static str>,
    commit: Localized<&'static str>,
    browsers: Localized<&'static str>,
    tools: Localized<&'static str>,
    pages_heading: Localized<&'static str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct Captions {
    jis: Localized<&'static str>,
    added: Localized<&'static str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
struct Words {
    yes: Localized<&'static str>,
    no: Localized<&'static str>,
    met: Localized<&'static str>,
    not_met: Localized<&'static str>,
    not_verified: Localized<&'static str>,
    conforms: Localized<&'static str>,
    partially_conforms: Localized<&'static str>,
    /// Where the review's date goes: `{date}`.
    reviewed_on: Spanned<Localized<&'static str>>,
    plan: Localized<&'static str>,
}

/// One `[[criterion]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    /// `1.4.3`.
    number: &'static str,
    level: Level,
    since: Since,
    name: Localized<&'static str>,
    result: Outcome,
    tests: Option<Vec<&'static str>>,
    reviewed: Option<Spanned<&'static str>>,
    note: Option<Localized<&'static str>>,
    plan: Option<Localized<&'static str>>,
}

#[derive(Deserialize, Clone, Copy)]
enum Level {
    A,
    AA,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::A => "A",
            Level::AA => "AA",
        }
    }
}

/// The WCAG version that brought the criterion in.
#[derive(Deserialize, Clone, Copy, PartialEq)]
enum Since {
    /// One of JIS X 8341-3:2016's.
    #[serde(rename = "2.0")]
    Jis,
    #[serde(rename = "2.1")]
    Wcag21,
    #[serde(rename = "2.2")]
    Wcag22,
}

/// What a criterion's row records, as `result` names it.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Outcome {
    Met,
    NotApplicable,
    NotMet,
    NotVerified,
}

impl Outcome {
    /// Met, as JIS X 8341-3 counts it: a criterion that does not apply is met.
    fn counts_as_met(self) -> bool {
        matches!(self, Outcome::Met | Outcome::NotApplicable)
    }
}

/// A day written `YYYY-MM-DD`, as each edition prints it: a day of the calendar, from 2000.
fn day(
    source: &Source,
    key: &str,
    value: &Spanned<&'static str>,
) -> Result<Localized<&'static str>, Diagnostic> {
    match Day::parse(value.get_ref()).filter(|day| day.year() >= 2000) {
        Some(day) => Ok(day.shown_in_each()),
        None => Err(source.error(
            value.span(),
            format!("`{key}` must be a day of the calendar written year-month-day"),
            format!("write it like {key} = \"2026-11-28\""),
        )),
    }
}

/// The record of the test run, checked.
struct Statement {
    declared: Localized<&'static str>,
    period: Localized<&'static str>,
    standard: &'static str,
    target: &'static str,
    commit: &'static str,
    browsers: Vec<&'static str>,
    tools: Vec<&'static str>,
}

fn statement(source: &Source, file: &Spanned<StatementFile>) -> Result<Statement, Vec<Diagnostic>> {
    let statement = file.get_ref();
    let mut problems = Vec::new();
    let mut day = |key, value| day(source, key, value).map_err(|d| problems.push(d)).ok();
    let declared = day("date", &statement.date);
    let from = day("tested_from", &statement.tested_from);
    let to = day("tested_to", &statement.tested_to);
    let hash = *statement.commit.get_ref();
    if !((7..=40).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())) {
        problems.push(source.error(
            statement.commit.span(),
            "`commit` is the git commit of the build that was tested",
            "copy it from `git log`: 7 to 40 letters and digits, such as \"af247e8\"",
        ));
    }
    // The days as written sort as the days they are.
    let (from_on, to_on, declared_on) = (
        statement.tested_from.get_ref(),
        statement.tested_to.get_ref(),
        statement.date.get_ref(),
    );
    if !(from_on <= to_on && to_on <= declared_on) {
        problems.push(source.error(
            file.span(),
            "the test period must end on or after its start, and the statement come after the tests",
            "check tested_from, tested_to and date: tested_from <= tested_to <= date",
        ));
    }
    let (Some(declared), Some(from), Some(to), true) = (declared, from, to, problems.is_empty())
    else {
        return Err(problems);
    };
    let period = Localized {
        en: if from_on == to_on {
            from.en
        } else {
            leak(format!("{} to {}", from.en, to.en))
        },
        ja: if from_on == to_on {
            from.ja
        } else {
            leak(format!("{}～{}", from.ja, to.ja))
        },
    };
    Ok(Statement {
        declared,
        period,
        standard: statement.standard,
        target: statement.target.name(),
        commit: hash,
        browsers: statement.browsers.clone(),
        tools: statement.tools.clone(),
    })
}

fn conformance(source: &Source, file: File) -> Result<Localized<Results>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let statement = statement(source, &file.statement).map_err(|found| problems.extend(found));
    let Labels {
        date,
        standard,
        target,
        conformance,
        period,
        commit,
        browsers,
        tools,
        pages_heading,
    } = file.labels;
    let record_labels = [
        date,
        standard,
        target,
        conformance,
        period,
        commit,
        browsers,
        tools,
    ];
    let words = &file.words;
    let reviewed_on = words.reviewed_on.get_ref();
    if [reviewed_on.en, reviewed_on.ja]
        .iter()
        .any(|template| !template.contains("{date}"))
    {
        problems.push(source.error(
            words.reviewed_on.span(),
            "[words.reviewed_on] must say where the review's date goes",
            "write {date} in both texts, such as en = \"Reviewed on {date}:\"",
        ));
    }
    let row_words = RowWords {
        yes: &words.yes,
        no: &words.no,
        met: &words.met,
        not_met: &words.not_met,
        not_verified: &words.not_verified,
    };
    // Each row with whether it is one of JIS X 8341-3:2016's (WCAG 2.0's) and its outcome.
    let mut rows: Vec<(bool, Outcome, Localized<Criterion>)> = Vec::new();
    for row in &file.criterion {
        match criterion(source, row, &row_words, reviewed_on, &words.plan) {
            Ok(read) => rows.push(read),
            Err(problem) => problems.push(problem),
        }
    }
    let (Ok(statement), true) = (statement, problems.is_empty()) else {
        return Err(problems);
    };
    let conformance_word = if rows
        .iter()
        .filter(|(jis, _, _)| *jis)
        .all(|(_, outcome, _)| outcome.counts_as_met())
    {
        &words.conforms
    } else {
        &words.partially_conforms
    };
    let columns = file.columns;
    let table_of = |lang, jis_table: bool, caption: &Localized<&'static str>| CriteriaTable {
        caption: caption.get(lang),
        columns: *columns.of(lang),
        rows: rows
            .iter()
            .filter(|(jis, _, _)| *jis == jis_table)
            .map(|(_, _, row)| row.of(lang).clone())
            .collect(),
    };
    let edition = |lang| {
        let values: [Vec<&'static str>; 8] = [
            vec![statement.declared.get(lang)],
            vec![statement.standard],
            vec![statement.target],
            vec![conformance_word.get(lang)],
            vec![statement.period.get(lang)],
            vec![statement.commit],
            statement.browsers.clone(),
            statement.tools.clone(),
        ];
        Results {
            record: record_labels
                .iter()
                .zip(values)
                .map(|(label, values)| RecordEntry {
                    label: label.get(lang),
                    values,
                })
                .collect(),
            pages_heading: pages_heading.get(lang),
            jis: table_of(lang, true, &file.captions.jis),
            added: table_of(lang, false, &file.captions.added),
        }
    };
    Ok(Localized {
        en: edition(Lang::En),
        ja: edition(Lang::Ja),
    })
}

/// The words of the Applies and Result columns.
struct RowWords<'w> {
    yes: &'w Localized<&'static str>,
    no: &'w Localized<&'static str>,
    met: &'w Localized<&'static str>,
    not_met: &'w Localized<&'static str>,
    not_verified: &'w Localized<&'static str>,
}

/// One `[[criterion]]`: its row in each language, whether it is one of JIS X 8341-3:2016's,
/// and its outcome.
fn criterion(
    source: &Source,
    spanned: &Spanned<Row>,
    words: &RowWords,
    reviewed_on: &Localized<&'static str>,
    plan_word: &Localized<&'static str>,
) -> Result<(bool, Outcome, Localized<Criterion>), Diagnostic> {
    let row = spanned.get_ref();
    let (number, name, outcome, note, plan) =
        (row.number, &row.name, row.result, &row.note, &row.plan);
    let level = row.level.name();
    let jis = row.since == Since::Jis;
    let tests = row.tests.clone().unwrap_or_default();
    let reviewed = row
        .reviewed
        .as_ref()
        .map(|reviewed| day(source, "reviewed", reviewed))
        .transpose()?;
    let missing = match outcome {
        Outcome::Met if tests.is_empty() && reviewed.is_none() => Some((
            "a met criterion needs its evidence",
            "name the tests that check it, tests = [\"file: test name\"], or record a review: reviewed = \"YYYY-MM-DD\" with a [criterion.note] saying what was checked and how",
        )),
        Outcome::NotApplicable if note.is_none() => Some((
            "a criterion that does not apply needs the reason",
            "add a note with en and ja saying what the site lacks, such as: The site has no audio or video.",
        )),
        Outcome::NotMet | Outcome::NotVerified if plan.is_none() => Some((
            "a criterion that is not met, or not yet verified, needs the plan",
            "add a plan with en and ja saying what will be done, and by when",
        )),
        _ if reviewed.is_some() && note.is_none() => Some((
            "a review needs a note saying what was checked and how",
            "add a note with en and ja",
        )),
        _ => None,
    };
    if let Some((message, help)) = missing {
        return Err(source.error(spanned.span(), format!("{number}: {message}"), help));
    }
    let (applies, shown) = match outcome {
        Outcome::Met => (words.yes, words.met),
        Outcome::NotApplicable => (words.no, words.met),
        Outcome::NotMet => (words.yes, words.not_met),
        Outcome::NotVerified => (words.yes, words.not_verified),
    };
    let row_in = |lang| {
        let mut parts = Vec::new();
        if let Some(date) = &reviewed {
            parts.push(reviewed_on.get(lang).replace("{date}", date.get(lang)));
        }
        if let Some(note) = &note {
            parts.push(note.get(lang).to_string());
        }
        if let Some(plan) = &plan {
            parts.push(format!("{} {}", plan_word.get(lang), plan.get(lang)));
        }
        Criterion {
            number,
            name: name.get(lang),
            level,
            applies: applies.get(lang),
            result: shown.get(lang),
            tests: tests.clone(),
            note: (!parts.is_empty()).then(|| leak(parts.join(" "))),
        }
    };
    Ok((
        jis,
        outcome,
        Localized {
            en: row_in(Lang::En),
            ja: row_in(Lang::Ja),
        },
    ))
}
