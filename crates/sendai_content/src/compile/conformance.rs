//! `conformance.toml`, the accessibility statement's results: the record of the test run and a
//! row per success criterion. The build checks that every result has its evidence (the tests
//! that check it, a dated review, the reason it does not apply, or a plan) and works out the
//! conformance word itself, so that the statement cannot claim more than its rows.

use std::path::Path;

use super::diagnostic::{Collect, Diagnostic, Report};
use super::site_files::{localized, localized_text as text, one, read_toml};
use super::toml_reader::Table;
use super::{leak, leak_all, read_file};
use crate::{Conformance, CriteriaTable, Criterion, Lang, Localized, RecordEntry};

/// The accessibility test results, which the `conformance` template draws.
pub const CONFORMANCE_FILE: &str = "conformance.toml";

/// The accessibility test results, if the folder has them.
pub fn read(dir: &Path, report: &mut Report) -> Option<Localized<Conformance>> {
    let file = dir.join(CONFORMANCE_FILE);
    if !file.exists() {
        return None;
    }
    let text = read_file(&file).collect_into(report)?;
    read_toml(&file, &text, CONFORMANCE_FILE, report, conformance)
}

/// What a criterion's row records, as `result` names it.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Met,
    NotApplicable,
    NotMet,
    NotVerified,
}

impl Outcome {
    const NAMES: [(&'static str, Outcome); 4] = [
        ("met", Outcome::Met),
        ("not-applicable", Outcome::NotApplicable),
        ("not-met", Outcome::NotMet),
        ("not-verified", Outcome::NotVerified),
    ];

    /// Met, as JIS X 8341-3 counts it: a criterion that does not apply is met.
    fn counts_as_met(self) -> bool {
        matches!(self, Outcome::Met | Outcome::NotApplicable)
    }
}

/// A day written `YYYY-MM-DD`, as each edition prints it.
fn day(table: &Table, key: &'static str) -> Result<(String, Localized<&'static str>), Diagnostic> {
    let value = table.text(key)?;
    let parts: Vec<u32> = value
        .get_ref()
        .split('-')
        .map(|part| part.parse().unwrap_or(0))
        .collect();
    let (year, month, date) = match parts[..] {
        [year, month @ 1..=12, date @ 1..=31] if year >= 2000 && value.get_ref().len() == 10 => {
            (year, month, date)
        }
        _ => {
            return Err(table.error_at(
                &value,
                format!("`{key}` must be a day written year-month-day"),
                format!("write it like {key} = \"2026-11-28\""),
            ))
        }
    };
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let printed = Localized {
        en: leak(format!("{date} {} {year}", MONTHS[month as usize - 1])),
        ja: leak(format!("{year}年{month}月{date}日")),
    };
    Ok((value.into_inner(), printed))
}

/// `result`'s value, or `None` with its problem kept in `problems`: so that one problem does
/// not hide the next, nor leave the settings after it unread (and reported as unknown).
fn take<T>(result: Result<T, Diagnostic>, problems: &mut Vec<Diagnostic>) -> Option<T> {
    result.map_err(|problem| problems.push(problem)).ok()
}

/// The record of the test run, `[statement]`.
struct Statement {
    declared: Localized<&'static str>,
    period: Localized<&'static str>,
    standard: &'static str,
    target: &'static str,
    commit: &'static str,
    browsers: Vec<&'static str>,
    tools: Vec<&'static str>,
}

fn statement(table: &Table) -> Result<Statement, Vec<Diagnostic>> {
    let statement = one(table.table("statement"))?;
    let mut problems = Vec::new();
    let declared = take(day(&statement, "date"), &mut problems);
    let from = take(day(&statement, "tested_from"), &mut problems);
    let to = take(day(&statement, "tested_to"), &mut problems);
    let standard = take(statement.text("standard"), &mut problems);
    let target = take(
        statement.text("target").and_then(|target| {
            if ["A", "AA"].contains(&target.get_ref().as_str()) {
                Ok(target)
            } else {
                Err(statement.error_at(
                    &target,
                    "`target` is the level aimed at, A or AA",
                    "write target = \"AA\"",
                ))
            }
        }),
        &mut problems,
    );
    let commit = take(
        statement.text("commit").and_then(|commit| {
            let hash = commit.get_ref();
            if (7..=40).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit()) {
                Ok(commit)
            } else {
                Err(statement.error_at(
                    &commit,
                    "`commit` is the git commit of the build that was tested",
                    "copy it from `git log`: 7 to 40 letters and digits, such as \"af247e8\"",
                ))
            }
        }),
        &mut problems,
    );
    let browsers = take(statement.text_list("browsers"), &mut problems);
    let tools = take(statement.text_list("tools"), &mut problems);
    problems.extend(statement.finish());
    let (
        Some((declared_on, declared)),
        Some((from_on, from)),
        Some((to_on, to)),
        Some(standard),
        Some(target),
        Some(commit),
        Some(browsers),
        Some(tools),
    ) = (
        declared, from, to, standard, target, commit, browsers, tools,
    )
    else {
        return Err(problems);
    };
    if !(from_on <= to_on && to_on <= declared_on) {
        problems.push(statement.error(
            "the test period must end on or after its start, and the statement come after the tests",
            "check tested_from, tested_to and date: tested_from <= tested_to <= date",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
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
        standard: leak(standard.into_inner()),
        target: leak(target.into_inner()),
        commit: leak(commit.into_inner()),
        browsers: leak_all(browsers.into_inner()),
        tools: leak_all(tools.into_inner()),
    })
}

/// Texts in both languages under `[section]`, by key, all read even when one has a problem.
fn texts<const N: usize>(
    table: &Table,
    section: &'static str,
    keys: [&'static str; N],
) -> Result<[Localized<&'static str>; N], Vec<Diagnostic>> {
    let section = one(table.table(section))?;
    let mut problems = Vec::new();
    let read = keys.map(|key| take(text(&section, key), &mut problems));
    problems.extend(section.finish());
    match read.iter().all(Option::is_some) && problems.is_empty() {
        true => Ok(read.map(Option::unwrap)),
        false => Err(problems),
    }
}

fn conformance(table: &Table) -> Result<Localized<Conformance>, Vec<Diagnostic>> {
    let statement = statement(table);
    let labels = texts(
        table,
        "labels",
        [
            "date",
            "standard",
            "target",
            "conformance",
            "period",
            "commit",
            "browsers",
            "tools",
            "pages_heading",
        ],
    );
    let words = texts(
        table,
        "words",
        [
            "yes",
            "no",
            "met",
            "not_met",
            "not_verified",
            "conforms",
            "partially_conforms",
            "reviewed_on",
            "plan",
        ],
    );
    let columns = one(localized(table, "columns", |t, lang| {
        let list = t.text_list(lang)?;
        let columns: [&'static str; 6] = leak_all(list.get_ref().clone())
            .try_into()
            .map_err(|_| t.error_at(&list, format!("`{lang}` must name the table's 6 columns"), "give six headings: number, criterion, level, applies, result, how it was verified"))?;
        Ok(columns)
    }));
    let captions = texts(table, "captions", ["jis", "added"]);
    let criteria = one(table.tables("criterion"));
    let (statement, labels, words, columns, captions, criteria) =
        match (statement, labels, words, columns, captions, criteria) {
            (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e), Ok(f)) => (a, b, c, d, e, f),
            (a, b, c, d, e, f) => {
                return Err([a.err(), b.err(), c.err(), d.err(), e.err(), f.err()]
                    .into_iter()
                    .flatten()
                    .flatten()
                    .collect())
            }
        };
    let [date, standard, target, conformance, period, commit, browsers, tools, pages_heading] =
        labels;
    let [yes, no, met, not_met, not_verified, conforms, partially_conforms, reviewed_on, plan] =
        words;
    let [jis_caption, added_caption] = captions;
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
    if [reviewed_on.en, reviewed_on.ja]
        .iter()
        .any(|template| !template.contains("{date}"))
    {
        return Err(vec![table.error(
            "[words.reviewed_on] must say where the review's date goes",
            "write {date} in both texts, such as en = \"Reviewed on {date}:\"",
        )]);
    }
    let row_words = RowWords {
        yes: &yes,
        no: &no,
        met: &met,
        not_met: &not_met,
        not_verified: &not_verified,
    };
    let mut problems = Vec::new();
    // Each row with whether it is one of JIS X 8341-3:2016's (WCAG 2.0's) and its outcome.
    let mut rows: Vec<(bool, Outcome, Localized<Criterion>)> = Vec::new();
    for row in criteria {
        match criterion(&row, &row_words, &reviewed_on, &plan) {
            Ok(read) => rows.push(read),
            Err(problem) => problems.push(problem),
        }
        problems.extend(row.finish());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let conformance_word = if rows
        .iter()
        .filter(|(jis, _, _)| *jis)
        .all(|(_, outcome, _)| outcome.counts_as_met())
    {
        conforms
    } else {
        partially_conforms
    };
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
        Conformance {
            record: record_labels
                .iter()
                .zip(values)
                .map(|(label, values)| RecordEntry {
                    label: label.get(lang),
                    values,
                })
                .collect(),
            pages_heading: pages_heading.get(lang),
            jis: table_of(lang, true, &jis_caption),
            added: table_of(lang, false, &added_caption),
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
    row: &Table,
    words: &RowWords,
    reviewed_on: &Localized<&'static str>,
    plan_word: &Localized<&'static str>,
) -> Result<(bool, Outcome, Localized<Criterion>), Diagnostic> {
    let number = leak(row.text("number")?.into_inner());
    let level = row.text("level")?;
    if !["A", "AA"].contains(&level.get_ref().as_str()) {
        return Err(row.error_at(
            &level,
            "`level` is A or AA",
            "write level = \"A\" or level = \"AA\"",
        ));
    }
    let level = leak(level.into_inner());
    let since = row.text("since")?;
    let jis = match since.get_ref().as_str() {
        "2.0" => true,
        "2.1" | "2.2" => false,
        other => {
            return Err(row.error_at(
                &since,
                format!("\"{other}\" is not a WCAG version with criteria at A and AA"),
                "write the WCAG version that brought the criterion in: since = \"2.0\" (JIS X 8341-3:2016), \"2.1\" or \"2.2\"",
            ))
        }
    };
    let name = text(row, "name")?;
    let result = row.text("result")?;
    let outcome = Outcome::NAMES
        .iter()
        .find(|(name, _)| *name == result.get_ref())
        .map(|(_, outcome)| *outcome)
        .ok_or_else(|| {
            row.error_at(
                &result,
                format!("\"{}\" is not a result", result.get_ref()),
                "write result = \"met\", \"not-applicable\", \"not-met\" or \"not-verified\"",
            )
        })?;
    let tests = if row.has("tests") {
        leak_all(row.text_list("tests")?.into_inner())
    } else {
        Vec::new()
    };
    let reviewed = if row.has("reviewed") {
        Some(day(row, "reviewed")?.1)
    } else {
        None
    };
    let note = if row.has("note") {
        Some(text(row, "note")?)
    } else {
        None
    };
    let plan = if row.has("plan") {
        Some(text(row, "plan")?)
    } else {
        None
    };
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
        return Err(row.error(format!("{number}: {message}"), help));
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
