//! A period of time given on the command line or typed in a view: `YYYY` or `YYYY-MM-DD` at
//! either end, both ends inclusive, either end open. Compared with roll-call dates as ISO strings.

use std::fmt;

use anyhow::{Result, bail};

use super::model::{Precision, RollCall};

/// An inclusive date range; an empty end is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    /// First day (`YYYY-MM-DD`), or empty for the start of the data.
    pub from: String,
    /// Last day (`YYYY-MM-DD`), or empty for the end of the data.
    pub to: String,
}

impl Period {
    /// The whole history.
    pub fn all() -> Period {
        Period::default()
    }

    /// One calendar year.
    pub fn year(year: u16) -> Period {
        Period {
            from: format!("{year:04}-01-01"),
            to: format!("{year:04}-12-31"),
        }
    }

    /// Parses the two ends; `YYYY` means 1 January as a start and 31 December as an end.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Period> {
        let period = Period {
            from: from
                .map(|s| parse_day(s, false))
                .transpose()?
                .unwrap_or_default(),
            to: to
                .map(|s| parse_day(s, true))
                .transpose()?
                .unwrap_or_default(),
        };
        if !period.from.is_empty() && !period.to.is_empty() && period.from > period.to {
            bail!(
                "the period starts ({}) after it ends ({})",
                period.from,
                period.to
            );
        }
        Ok(period)
    }

    /// Parses what a user types in a view: `2022`, `2000-2025`, `2022-03-02`,
    /// `2022-03-02..2022-12-31`, or nothing (the whole history).
    pub fn parse_typed(text: &str) -> Result<Period> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("all") {
            return Ok(Period::all());
        }
        if let Some((a, b)) = text.split_once("..") {
            return Period::parse(non_empty(a), non_empty(b));
        }
        if let Some((a, b)) = text
            .split_once('-')
            .filter(|(a, b)| a.len() == 4 && b.len() == 4)
        {
            return Period::parse(Some(a), Some(b));
        }
        Period::parse(Some(text), Some(text))
    }

    /// Whether an ISO date lies in the period.
    pub fn contains(&self, date: &str) -> bool {
        let day = date.get(..10).unwrap_or(date);
        (self.from.is_empty() || day >= self.from.as_str())
            && (self.to.is_empty() || day <= self.to.as_str())
    }

    /// Whether a roll call lies in the period. One known only to its month lies in it when any
    /// day of that month does: its stored day is a placeholder.
    pub fn contains_roll_call(&self, rc: &RollCall) -> bool {
        match rc.date_precision {
            Precision::Day => self.contains(&rc.date),
            Precision::Month => {
                // Some day of the month is in the period: the month is not before the start's
                // month nor after the end's.
                let month = rc.date.get(..7).unwrap_or(&rc.date);
                let from = self.from.get(..7).unwrap_or(&self.from);
                let to = self.to.get(..7).unwrap_or(&self.to);
                (from.is_empty() || month >= from) && (to.is_empty() || month <= to)
            }
        }
    }

    /// The single calendar year the period covers exactly, if it is one.
    pub fn single_year(&self) -> Option<u16> {
        let year = self.from.get(..4)?;
        (self.from.ends_with("-01-01") && self.to == format!("{year}-12-31"))
            .then(|| year.parse().ok())
            .flatten()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(year) = self.single_year() {
            return write!(f, "{year}");
        }
        match (self.from.is_empty(), self.to.is_empty()) {
            (true, true) => write!(f, "all years"),
            (false, true) => write!(f, "from {}", self.from),
            (true, false) => write!(f, "to {}", self.to),
            (false, false) => write!(f, "{} – {}", self.from, self.to),
        }
    }
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

/// `YYYY` or `YYYY-MM-DD` to `YYYY-MM-DD`; a bare year is its first or (for an end) last day.
fn parse_day(s: &str, end: bool) -> Result<String> {
    let s = s.trim();
    let bytes = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
    match bytes.len() {
        4 if digits(0..4) => Ok(format!("{s}-{}", if end { "12-31" } else { "01-01" })),
        10 => match super::date::day(s) {
            Ok(_) => Ok(s.to_string()),
            Err(e) => bail!("{e}"),
        },
        _ => bail!("“{s}” is not a date: write YYYY or YYYY-MM-DD"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_expand_to_whole_years_and_ends_are_inclusive() {
        let p = Period::parse(Some("2022"), Some("2022")).unwrap();
        assert_eq!(p, Period::year(2022));
        assert!(p.contains("2022-12-31"));
        assert!(p.contains("2022-01-01"));
        assert!(!p.contains("2023-01-01"));
        assert_eq!(p.to_string(), "2022");
        assert_eq!(p.single_year(), Some(2022));
    }

    #[test]
    fn typed_periods() {
        assert_eq!(Period::parse_typed("").unwrap(), Period::all());
        assert_eq!(Period::parse_typed("2022").unwrap(), Period::year(2022));
        let p = Period::parse_typed("2000-2025").unwrap();
        assert_eq!(
            (p.from.as_str(), p.to.as_str()),
            ("2000-01-01", "2025-12-31")
        );
        let p = Period::parse_typed("2022-02-24..").unwrap();
        assert_eq!((p.from.as_str(), p.to.as_str()), ("2022-02-24", ""));
        assert_eq!(p.to_string(), "from 2022-02-24");
    }

    #[test]
    fn bad_dates_are_named() {
        let e = Period::parse(Some("22"), None).unwrap_err().to_string();
        assert!(e.contains("“22”"), "{e}");
        assert!(Period::parse(Some("2022-13-01"), None).is_err());
        assert!(Period::parse(Some("2023"), Some("2022")).is_err());
        assert!(Period::parse_typed("abc").is_err());
    }
}
