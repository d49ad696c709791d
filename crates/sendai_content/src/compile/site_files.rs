//! `site.toml` (the facts every page shows: numbers, copyright, the address for search engines)
//! and `strings.toml` (the interface text, each string in both languages side by side).

use std::path::Path;

use super::diagnostic::{Collect, Diagnostic, Report, Source};
use super::toml_reader::Table;
use super::{leak, leak_all, read_file};
use crate::{Contact, Lang, Localized, NotFound, PhoneNumber, PostalAddress, Strings};

pub const SITE_FILE: &str = "site.toml";
pub const STRINGS_FILE: &str = "strings.toml";

/// The site's contact details and interface strings; `None` for a file with problems.
pub fn read(dir: &Path, report: &mut Report) -> (Option<Contact>, Option<Localized<Strings>>) {
    let site_file = dir.join(SITE_FILE);
    let strings_file = dir.join(STRINGS_FILE);
    let contact = read_file(&site_file)
        .collect_into(report)
        .and_then(|text| read_toml(&site_file, &text, "site.toml", report, contact));
    let strings = read_file(&strings_file)
        .collect_into(report)
        .and_then(|text| read_toml(&strings_file, &text, "strings.toml", report, strings));
    if let (Some(contact), Some(strings)) = (&contact, &strings) {
        check_address(&strings_file, contact, strings, report);
    }
    (contact, strings)
}

/// One problem as the list of problems a file reader returns.
pub(super) fn one<T>(result: Result<T, Diagnostic>) -> Result<T, Vec<Diagnostic>> {
    result.map_err(|problem| vec![problem])
}

/// Parses a whole TOML file and reads it with `read`, reporting unknown keys.
pub(super) fn read_toml<T>(
    file: &Path,
    text: &str,
    name: &str,
    report: &mut Report,
    read: impl FnOnce(&Table) -> Result<T, Vec<Diagnostic>>,
) -> Option<T> {
    let source = Source {
        file,
        text,
        offset: 0,
    };
    let document = source.parse(text).collect_into(report)?;
    let table = Table::new(&source, &document, name);
    let value = read(&table).map_err(|problems| problems.into_iter().for_each(|d| report.push(d)));
    table.finish().into_iter().for_each(|d| report.push(d));
    value.ok()
}

fn contact(table: &Table) -> Result<Contact, Vec<Diagnostic>> {
    let phone = |key| -> Result<PhoneNumber, Diagnostic> {
        let number = table.text(key)?;
        phone_number(number.get_ref()).ok_or_else(|| {
            table.error_at(
                &number,
                format!("`{key}` must be a Japanese number as it is printed, such as 022-346-9237"),
                "write the digits with hyphens, starting with the 0 of the area code",
            )
        })
    };
    let postal = |table: &Table| -> Result<PostalAddress, Diagnostic> {
        let address = table.table("postal_address")?;
        let postal = PostalAddress {
            street: leak(address.text("street")?.into_inner()),
            locality: leak(address.text("locality")?.into_inner()),
            postal_code: leak(address.text("postal_code")?.into_inner()),
            country: leak(address.text("country")?.into_inner()),
        };
        match address.finish().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(postal),
        }
    };
    let (telephone, fax, copyright, postal_address) = (
        phone("telephone"),
        phone("fax"),
        table.text("copyright"),
        postal(table),
    );
    match (telephone, fax, copyright, postal_address) {
        (Ok(telephone), Ok(fax), Ok(copyright), Ok(postal_address)) => Ok(Contact {
            telephone,
            fax,
            copyright: leak(copyright.into_inner()),
            postal_address,
        }),
        (telephone, fax, copyright, postal_address) => Err([
            telephone.err(),
            fax.err(),
            copyright.err(),
            postal_address.err(),
        ]
        .into_iter()
        .flatten()
        .collect()),
    }
}

/// `022-346-9237` as printed, and `tel:+81-22-346-9237`.
fn phone_number(display: &str) -> Option<PhoneNumber> {
    let national = display.strip_prefix('0')?;
    let digits_and_hyphens = national.chars().all(|c| c.is_ascii_digit() || c == '-');
    let well_formed = digits_and_hyphens && !national.starts_with('-') && !national.ends_with('-');
    well_formed.then(|| PhoneNumber {
        display: leak(display.to_owned()),
        uri: leak(format!("tel:+81-{national}")),
    })
}

fn strings(table: &Table) -> Result<Localized<Strings>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    // A string with a problem reads as empty here; the problem fails the build.
    let mut text = |key| {
        localized_text(table, key).unwrap_or_else(|d| {
            problems.push(d);
            Localized { en: "", ja: "" }
        })
    };
    let name = text("name");
    let organisation = text("organisation");
    let skip_link = text("skip_link");
    let navigation_label = text("navigation_label");
    let breadcrumbs_label = text("breadcrumbs_label");
    let home_crumb = text("home_crumb");
    let page_top = text("page_top");
    let footer_heading = text("footer_heading");
    let footer_links_label = text("footer_links_label");
    let language_name = text("language_name");
    let language_switch_label = text("language_switch_label");
    let error_notice = text("error_notice");
    let error_reload = text("error_reload");
    let telephone_label = text("telephone_label");
    let fax_label = text("fax_label");
    let not_found_title = text("not_found_title");
    let not_found_description = text("not_found_description");
    let not_found_pages_heading = text("not_found_pages_heading");
    let mut lines = |key| {
        localized(table, key, |t, lang| {
            t.text_list(lang)
                .map(|s| leak_all(s.into_inner()).leak() as &[_])
        })
        .unwrap_or_else(|d| {
            problems.push(d);
            Localized { en: &[], ja: &[] }
        })
    };
    let address = lines("address");
    let not_found_advice = lines("not_found_advice");
    if !problems.is_empty() {
        return Err(problems);
    }
    let edition = |lang| Strings {
        name: name.get(lang),
        organisation: organisation.get(lang),
        skip_link: skip_link.get(lang),
        navigation_label: navigation_label.get(lang),
        breadcrumbs_label: breadcrumbs_label.get(lang),
        home_crumb: home_crumb.get(lang),
        page_top: page_top.get(lang),
        footer_heading: footer_heading.get(lang),
        footer_links_label: footer_links_label.get(lang),
        language_name: language_name.get(lang),
        language_switch_label: language_switch_label.get(lang),
        error_notice: error_notice.get(lang),
        error_reload: error_reload.get(lang),
        telephone_label: telephone_label.get(lang),
        fax_label: fax_label.get(lang),
        address: address.get(lang),
        not_found: NotFound {
            title: not_found_title.get(lang),
            description: not_found_description.get(lang),
            advice: not_found_advice.get(lang),
            pages_heading: not_found_pages_heading.get(lang),
        },
    };
    Ok(Localized {
        en: edition(Lang::En),
        ja: edition(Lang::Ja),
    })
}

/// A string's `en` and `ja` forms, from its own section (`[name]`) of `strings.toml`.
/// A text in both languages, from a `[key]` table with `en` and `ja`.
pub(super) fn localized_text(
    table: &Table,
    key: &'static str,
) -> Result<Localized<&'static str>, Diagnostic> {
    localized(table, key, |t, lang| {
        t.text(lang).map(|s| leak(s.into_inner()))
    })
}

pub(super) fn localized<T>(
    table: &Table,
    key: &'static str,
    read: impl Fn(&Table, &'static str) -> Result<T, Diagnostic>,
) -> Result<Localized<T>, Diagnostic> {
    let section = table.table(key)?;
    let in_both = |lang: &'static str, name: &str| {
        read(&section, lang).map_err(|problem| {
            if problem.message.contains("is missing") {
                section.error(
                    format!(
                        "{} has no {name} text: every string is shown in both editions",
                        section.name()
                    ),
                    format!("add a line below {}: {lang} = \"…\"", section.name()),
                )
            } else {
                problem
            }
        })
    };
    let value = Localized {
        en: in_both("en", "English")?,
        ja: in_both("ja", "Japanese")?,
    };
    match section.finish().into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(value),
    }
}

/// The printed addresses and the one for search engines must be the same address.
fn check_address(
    file: &Path,
    contact: &Contact,
    strings: &Localized<Strings>,
    report: &mut Report,
) {
    let postal = &contact.postal_address;
    let english = strings.en.address.join(" ");
    let japanese = strings.ja.address.join("");
    let missing = [postal.street, postal.locality, postal.postal_code]
        .into_iter()
        .filter(|part| !english.contains(part))
        .chain((!japanese.contains(postal.postal_code)).then_some(postal.postal_code))
        .collect::<Vec<_>>();
    if !missing.is_empty() {
        report.push(Diagnostic::in_file(
            file,
            format!(
                "[address] does not agree with [postal_address] in site.toml: {} is not in the printed address",
                missing.join(", ")
            ),
            "when the address changes, change it in both files: the printed lines here and the parts \
             in site.toml, which search engines read",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::phone_number;

    #[test]
    fn a_printed_number_gets_its_international_uri() {
        let number = phone_number("022-346-9237").unwrap();
        assert_eq!(number.uri, "tel:+81-22-346-9237");
        assert!(phone_number("22-346-9237").is_none());
        assert!(phone_number("022 346 9237").is_none());
    }
}
