//! Names over time: the name a seat had on a given day (Upper Volta in 1971, not Burkina Faso),
//! names that were never the UN's but people search by (Persia, Taiwan), and names of places that
//! never held a seat (East Pakistan). Read from `data/names.csv` (`code,name,from,to,source`),
//! each row with its source; dates inclusive, `YYYY-MM-DD`. An empty `from` means "since the
//! seat's first vote" (no day is invented for it); an alias has no dates at all.

use anyhow::{Result, anyhow, bail};

use super::canonical::{self, Columns, opt_field};
use super::input::Input;

/// The bundled table.
pub const BUNDLED: &[u8] = include_bytes!("../../data/names.csv");

/// One row: a name of a seat over a span of time, an undated alias, or a non-member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The seat's code; empty for a place that never held a seat.
    pub code: String,
    /// The name.
    pub name: String,
    /// First day the seat had the name (inclusive); empty for an alias.
    pub from: String,
    /// Last day (inclusive); empty for an alias.
    pub to: String,
    /// Where the fact comes from, or what a non-member was.
    pub source: String,
}

impl Name {
    /// Whether the seat was called so on some days (not only a name people search by).
    pub fn is_dated(&self) -> bool {
        !self.to.is_empty()
    }

    /// Whether the seat had this name on `day` (`YYYY-MM-DD`).
    pub fn covers(&self, day: &str) -> bool {
        self.is_dated() && self.from.as_str() <= day && day <= self.to.as_str()
    }

    /// Whether the row names a place that never held a seat.
    pub fn is_non_member(&self) -> bool {
        self.code.is_empty()
    }

    /// What a search for a place that never held a seat says: `East Pakistan never held a
    /// seat: …`.
    pub fn non_member_note(&self) -> String {
        format!("{} never held a seat: {}", self.name, self.remark())
    }

    /// What a search result says of the name: `the name of the seat from 20 September 1960 to
    /// 3 August 1984`, or what the source says of an alias or a non-member.
    pub fn remark(&self) -> String {
        if self.is_dated() && self.from.is_empty() {
            format!("its name until {}", super::model::long_date(&self.to))
        } else if self.is_dated() {
            format!(
                "its name from {} to {}",
                super::model::long_date(&self.from),
                super::model::long_date(&self.to)
            )
        } else {
            let s = self.source.trim();
            let s = s
                .strip_prefix("not_a_member:")
                .or_else(|| s.strip_prefix("alias only, never the UN name:"))
                .or_else(|| s.strip_prefix("alias only, never a UN seat name:"))
                .or_else(|| s.strip_prefix("alias only:"))
                .unwrap_or(s)
                .trim();
            // Up to the first address in brackets: the rest is the citation.
            s.split(" (http").next().unwrap_or(s).trim().to_string()
        }
    }
}

/// The table of names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Every row, in file order.
    pub rows: Vec<Name>,
}

impl Names {
    /// The bundled table.
    pub fn bundled() -> Result<Names> {
        Names::parse(Input::from_bytes(
            std::path::Path::new("<bundled data/names.csv>"),
            BUNDLED.to_vec(),
        )?)
    }

    /// Reads a names table; errors name the file and line.
    pub fn parse(input: Input) -> Result<Names> {
        let mut rows = Vec::new();
        canonical::for_each_record(input, |cols: &Columns, rec| {
            let name = cols.need("name").map(|i| rec.get(i).unwrap_or("").trim())?;
            if name.is_empty() {
                bail!("empty name");
            }
            let row = Name {
                code: opt_field(rec, cols, "code").to_string(),
                name: name.to_string(),
                from: day(opt_field(rec, cols, "from"))?,
                to: day(opt_field(rec, cols, "to"))?,
                source: opt_field(rec, cols, "source").to_string(),
            };
            if !row.from.is_empty() && row.to.is_empty() {
                bail!("a name with a first day needs a last day");
            }
            if !row.from.is_empty() && row.from > row.to {
                bail!("from {} is after to {}", row.from, row.to);
            }
            if row.source.is_empty() {
                bail!("no source for {:?}", row.name);
            }
            rows.push(row);
            Ok(())
        })?;
        Ok(Names { rows })
    }

    /// Every row of the seat `code`.
    pub fn of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Name> + 'a {
        self.rows.iter().filter(move |r| r.code == code)
    }
}

fn day(s: &str) -> Result<String> {
    if s.is_empty() {
        return Ok(String::new());
    }
    super::date::day(s).map_err(|e| anyhow!("{e}"))?;
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Names {
        /// The name the seat `code` had on `day`, if it differs from its present one (the
        /// dataset asks through its per-country index instead).
        fn on<'a>(&'a self, code: &'a str, day: &str) -> Option<&'a str> {
            self.of(code)
                .find(|r| r.covers(day))
                .map(|r| r.name.as_str())
        }
    }

    #[test]
    fn the_bundled_table_gives_names_of_the_day() {
        let names = Names::bundled().unwrap();
        assert_eq!(names.on("BFA", "1971-10-25"), Some("Upper Volta"));
        assert_eq!(names.on("BFA", "1984-08-04"), None);
        assert_eq!(names.on("LKA", "1960-12-14"), Some("Ceylon"));
        assert_eq!(names.on("COD", "1990-01-01"), Some("Zaire"));
        assert_eq!(
            names.on("IRN", "1950-01-01"),
            None,
            "Persia is only an alias"
        );
        assert!(
            names
                .rows
                .iter()
                .any(|r| r.is_non_member() && r.name == "East Pakistan")
        );
        assert!(names.rows.iter().all(|r| !r.source.is_empty()));
    }

    #[test]
    fn bad_rows_name_the_line() {
        let input = |text: &str| {
            Input::from_bytes(std::path::Path::new("n.csv"), text.as_bytes().to_vec()).unwrap()
        };
        let err = Names::parse(input(
            "code,name,from,to,source\nBFA,Upper Volta,1960-13-01,1984-08-03,x\n",
        ))
        .unwrap_err();
        assert!(format!("{err:#}").starts_with("n.csv: line 2:"), "{err:#}");
        let err =
            Names::parse(input("code,name,from,to,source\nBFA,Upper Volta,,,\n")).unwrap_err();
        assert!(format!("{err:#}").contains("no source"), "{err:#}");
    }
}
