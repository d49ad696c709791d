//! `site.toml` (the facts every page shows: numbers, copyright, the address for search engines)
//! and `strings.toml` (the interface text, each string in both languages side by side).

use std::path::Path;

use serde::de::IgnoredAny;
use serde::Deserialize;
use toml::de::DeValue;
use toml::Spanned;

use super::diagnostic::{Collect, Diagnostic, Report, Source};
use super::leak;
use super::search::{SearchStrings, SEARCH_STRINGS};
use super::sections::{ListStrings, LIST_STRINGS};
use super::toml_file::Value;
use crate::{Contact, Lang, Localized, PhoneNumber, PostalAddress, Strings};

pub const SITE_FILE: &str = "site.toml";
pub const STRINGS_FILE: &str = "strings.toml";

/// `site.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    telephone: Spanned<&'static str>,
    fax: Spanned<&'static str>,
    copyright: &'static str,
    postal_address: PostalAddress,
}

/// The keys of `site.toml`, and of its postal address, in the order the site reads them.
pub fn site_keys() -> (&'static [&'static str], &'static [&'static str]) {
    use serde_aux::serde_introspection::serde_introspect;
    (
        serde_introspect::<SiteFile>(),
        serde_introspect::<PostalAddress>(),
    )
}

/// The interface strings: the shell's, which the app shows, and the lists' shared words and
/// the search page's, which the build alone writes.
pub struct SiteStrings {
    pub shell: Localized<Strings>,
    pub lists: Localized<ListStrings>,
    pub search: Localized<SearchStrings>,
}

/// The site's contact details and interface strings; `None` for a file with problems.
pub fn read(dir: &Path, report: &mut Report) -> (Option<Contact>, Option<SiteStrings>) {
    let site_file = dir.join(SITE_FILE);
    let strings_file = dir.join(STRINGS_FILE);
    let contact = read_toml(&site_file, report, |source, value| {
        let site: SiteFile = source.read(value, SITE_FILE).map_err(|d| vec![d])?;
        let phone = |key, number: Spanned<&'static str>| {
            phone_number(number.get_ref()).ok_or_else(|| {
                source.error(
                    number.span(),
                    format!(
                        "`{key}` must be a Japanese number as it is printed, such as 022-346-9237"
                    ),
                    "write the digits with hyphens, starting with the 0 of the area code",
                )
            })
        };
        match (phone("telephone", site.telephone), phone("fax", site.fax)) {
            (Ok(telephone), Ok(fax)) => Ok(Contact {
                telephone,
                fax,
                copyright: site.copyright,
                postal_address: site.postal_address,
            }),
            (telephone, fax) => Err([telephone.err(), fax.err()].into_iter().flatten().collect()),
        }
    });
    let strings = read_toml(&strings_file, report, |source, value| {
        source
            .read::<std::collections::BTreeMap<&'static str, Localized<IgnoredAny>>>(
                value,
                STRINGS_FILE,
            )
            .map_err(|d| vec![d])?;
        let edition = |lang: Lang| {
            let (lists, rest) = split(&edition(value, lang), &LIST_STRINGS);
            let (search, shell) = split(&rest, &SEARCH_STRINGS);
            let shell: Strings = source
                .read_edition(&shell, STRINGS_FILE, lang.code())
                .map_err(|d| vec![d])?;
            let lists: ListStrings = source
                .read_edition(&lists, STRINGS_FILE, lang.code())
                .map_err(|d| vec![d])?;
            let search: SearchStrings = source
                .read_edition(&search, STRINGS_FILE, lang.code())
                .map_err(|d| vec![d])?;
            Ok::<_, Vec<Diagnostic>>((shell, lists, search))
        };
        let (en, en_lists, en_search) = edition(Lang::En)?;
        let (ja, ja_lists, ja_search) = edition(Lang::Ja)?;
        Ok(SiteStrings {
            shell: Localized { en, ja },
            lists: Localized {
                en: en_lists,
                ja: ja_lists,
            },
            search: Localized {
                en: en_search,
                ja: ja_search,
            },
        })
    });
    if let (Some(contact), Some(strings)) = (&contact, &strings) {
        check_address(&strings_file, contact, &strings.shell, report);
    }
    (contact, strings)
}

/// Reads a whole TOML file with `read`, which gets the file and its parsed value.
pub(super) fn read_toml<T>(
    file: &Path,
    report: &mut Report,
    read: impl FnOnce(&Source, &Value) -> Result<T, Vec<Diagnostic>>,
) -> Option<T> {
    let text = super::read_file(file).collect_into(report)?;
    let source = Source {
        file,
        text: &text,
        offset: 0,
    };
    source
        .parse(&text)
        .and_then(|value| read(&source, &value))
        .map_err(|problems| problems.into_iter().for_each(|d| report.push(d)))
        .ok()
}

/// The texts of a file of strings in one language: each section's name with its `en` or `ja`.
pub(super) fn edition(value: &Value, lang: Lang) -> Value {
    let mut edition = toml::de::DeTable::new();
    if let DeValue::Table(sections) = value.get_ref() {
        for (name, section) in sections.iter() {
            if let DeValue::Table(texts) = section.get_ref() {
                if let Some((_, text)) =
                    texts.iter().find(|(code, _)| code.get_ref() == lang.code())
                {
                    edition.insert(name.clone(), text.clone());
                }
            }
        }
    }
    Spanned::new(value.span(), DeValue::Table(edition))
}

/// A table's sections split in two: those named in `names`, and the others.
fn split(value: &Value, names: &[&str]) -> (Value, Value) {
    let (mut named, mut others) = (toml::de::DeTable::new(), toml::de::DeTable::new());
    if let DeValue::Table(sections) = value.get_ref() {
        for (name, section) in sections.iter() {
            match names.contains(&name.get_ref().as_ref()) {
                true => named.insert(name.clone(), section.clone()),
                false => others.insert(name.clone(), section.clone()),
            };
        }
    }
    let table = |table| Spanned::new(value.span(), DeValue::Table(table));
    (table(named), table(others))
}

/// `022-346-9237` as printed, and `tel:+81-22-346-9237`.
fn phone_number(display: &'static str) -> Option<PhoneNumber> {
    let national = display.strip_prefix('0')?;
    let digits_and_hyphens = national.chars().all(|c| c.is_ascii_digit() || c == '-');
    let well_formed = digits_and_hyphens && !national.starts_with('-') && !national.ends_with('-');
    well_formed.then(|| PhoneNumber {
        display,
        uri: leak(format!("tel:+81-{national}")),
    })
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
