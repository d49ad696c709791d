//! Days of the calendar, one rule for the whole content: a post's `date` and `updated`, and the
//! accessibility record's days, are all `YYYY-MM-DD` and must be days that exist.

use super::leak;
use crate::{Lang, Localized};

/// A day that exists, read from `2026-12-01`; serialized as it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    year: u32,
    month: u32,
    day: u32,
}

impl Day {
    /// The day written `2026-12-01`, if it is one of the calendar.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&i| bytes[i].is_ascii_digit());
        if !well_formed {
            return None;
        }
        let year: u32 = text[..4].parse().ok()?;
        let month: u32 = text[5..7].parse().ok()?;
        let day: u32 = text[8..].parse().ok()?;
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Day { year, month, day })
    }

    pub fn year(self) -> u32 {
        self.year
    }

    /// As `<time datetime>` takes it: `2026-12-01`.
    pub fn datetime(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// As `lang` writes it: `1 December 2026`, `2026年12月1日`.
    pub fn shown(self, lang: Lang) -> String {
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
        let Day { year, month, day } = self;
        match lang {
            Lang::En => format!("{day} {} {year}", MONTHS[month as usize - 1]),
            Lang::Ja => format!("{year}年{month}月{day}日"),
        }
    }

    /// As each edition writes it, for the rest of the build.
    pub fn shown_in_each(self) -> Localized<&'static str> {
        Localized {
            en: leak(self.shown(Lang::En)),
            ja: leak(self.shown(Lang::Ja)),
        }
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.datetime())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_of_the_calendar_are_read() {
        assert!(Day::parse("2024-02-29").is_some());
        for bad in [
            "2026-02-29",
            "2026-02-31",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-12-01",
            "2026/12/01",
            "2026-12-01T00:00",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn each_edition_writes_a_day_its_way() {
        let day = Day::parse("2026-03-09").unwrap();
        assert_eq!(day.shown(Lang::En), "9 March 2026");
        assert_eq!(day.shown(Lang::Ja), "2026年3月9日");
        assert_eq!(day.datetime(), "2026-03-09");
        assert!(Day::parse("2026-03-10").unwrap() > day);
    }
}
