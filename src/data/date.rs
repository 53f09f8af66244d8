//! Calendar dates in the data and in what people type: `YYYY-MM-DD` checked against the calendar
//! (no 30 February, no year 99999), and `YYYY-MM` for a roll call known only to its month. Every
//! loader checks its dates here, so an impossible one stops the load with the file and line.

use super::model::Precision;

/// The years a date may fall in: the General Assembly first met in 1946; a little room either
/// side for other bodies' data and for the future.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Reads a `YYYY-MM-DD` day, or says what is wrong with it.
pub fn day(s: &str) -> Result<jiff::civil::Date, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return Err(format!("{:?} is not a date: write YYYY-MM-DD", shown(s)));
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    let (year, month, day) = (n(0..4), n(5..7), n(8..10));
    if !YEARS.contains(&year) {
        return Err(format!(
            "{s:?}: the year is outside {}–{}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    jiff::civil::Date::new(year, month as i8, day as i8)
        .map_err(|_| format!("{s:?} is not a day of the calendar"))
}

/// Checks a roll call's date: a day of the calendar, or for a date known only to its month also
/// `YYYY-MM` (the stored day of such a date is a placeholder, but must still be a real day).
pub fn check(date: &str, precision: Precision) -> Result<(), String> {
    if precision == Precision::Month && date.len() == 7 {
        return day(&format!("{date}-01")).map(|_| ());
    }
    day(date).map(|_| ())
}

/// A value as it may be quoted in a message: at most 40 characters.
fn shown(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_pass_and_impossible_ones_say_why() {
        assert!(day("2023-02-23").is_ok());
        assert!(day("2024-02-29").is_ok());
        assert!(day("2023-02-30").unwrap_err().contains("not a day"));
        assert!(day("2023-13-01").unwrap_err().contains("not a day"));
        assert!(day("99999-01-01").unwrap_err().contains("write YYYY-MM-DD"));
        assert!(day("2500-01-01").unwrap_err().contains("outside"));
        for bad in ["", "not a date", "23/02/2023", "2023-2-3"] {
            assert!(day(bad).is_err(), "{bad}");
        }
        assert!(check("1971-10", Precision::Month).is_ok());
        assert!(check("1971-10-07", Precision::Month).is_ok());
        assert!(check("1971-10", Precision::Day).is_err());
        assert!(day(&"9".repeat(1000)).unwrap_err().chars().count() < 80);
    }
}
