//! Named groups of states, for filtering rankings: the five UN regional groups (from the
//! countries' data), the permanent members of the Security Council and the members of the
//! European Union with their dates (`data/groups.csv`, each row with its source), and groups a
//! user defines in a CSV file of the same shape (`group,code[,from,to]`).

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::dataset::Dataset;
use super::period::Period;

/// The bundled group table.
const BUNDLED: &str = include_str!("../../data/groups.csv");

/// Short names of the UN regional groups.
const REGIONAL: [(&str, &str); 5] = [
    ("AG", "African Group"),
    ("APG", "Asia Pacific Group"),
    ("EEG", "Eastern European Group"),
    ("GRULAC", "Latin America and the Caribbean Group"),
    ("WEOG", "Western Europe and Others Group"),
];

/// One state's membership of a group, from one date to another (inclusive; empty = open).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Membership {
    /// Group name.
    pub group: String,
    /// ISO-3 code of the state.
    pub code: String,
    /// First day of membership, or empty.
    #[serde(default)]
    pub from: String,
    /// Last day of membership, or empty.
    #[serde(default)]
    pub to: String,
}

impl Membership {
    /// Whether the membership overlaps the period.
    pub fn overlaps(&self, period: &Period) -> bool {
        (period.to.is_empty() || self.from.is_empty() || self.from <= period.to)
            && (period.from.is_empty() || self.to.is_empty() || self.to >= period.from)
    }

    /// Whether the state was a member on a day (`YYYY-MM-DD`).
    pub fn on(&self, day: &str) -> bool {
        (self.from.is_empty() || self.from.as_str() <= day)
            && (self.to.is_empty() || self.to.as_str() >= day)
    }
}

/// Every known group.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// Group memberships, grouped by name in the order first seen.
    pub members: Vec<Membership>,
    /// Group names in order.
    pub names: Vec<String>,
}

impl Groups {
    /// The UN regional groups of the dataset's countries, then the bundled groups.
    pub fn new(data: &Dataset) -> Groups {
        let mut groups = Groups::default();
        for (short, long) in REGIONAL {
            for c in data
                .countries
                .iter()
                .filter(|c| c.groups.iter().any(|g| g == long))
            {
                groups.push(Membership {
                    group: short.to_string(),
                    code: c.code.clone(),
                    from: String::new(),
                    to: String::new(),
                });
            }
        }
        // The bundled table is checked by a test; a broken row is skipped rather than fatal.
        for m in parse(BUNDLED.as_bytes()).into_iter().flatten() {
            groups.push(m);
        }
        groups
    }

    /// Adds the groups of a user's CSV file (`group,code[,from,to]`).
    pub fn read_file(&mut self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        for m in parse(&bytes).with_context(|| format!("reading {}", path.display()))? {
            self.push(m);
        }
        Ok(())
    }

    fn push(&mut self, m: Membership) {
        if !self.names.contains(&m.group) {
            self.names.push(m.group.clone());
        }
        self.members.push(m);
    }

    /// The group a user's name means: its name or a regional group's long name, any case.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        let long = REGIONAL
            .iter()
            .find(|(_, long)| long.eq_ignore_ascii_case(name))
            .map(|(short, _)| *short);
        let wanted = long.unwrap_or(name);
        self.names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(wanted))
            .map(String::as_str)
    }

    /// Whether a state belonged to a group at any time in a period.
    pub fn contains(&self, group: &str, code: &str, period: &Period) -> bool {
        self.members
            .iter()
            .any(|m| m.group == group && m.code == code && m.overlaps(period))
    }

    /// The members of a group on a day.
    pub fn members_on<'a>(&'a self, group: &'a str, day: &'a str) -> impl Iterator<Item = &'a str> {
        self.members
            .iter()
            .filter(move |m| m.group == group && m.on(day))
            .map(|m| m.code.as_str())
    }

    /// The long name of a regional group's short name, or the name itself.
    pub fn describe(name: &str) -> &str {
        REGIONAL
            .iter()
            .find(|(short, _)| *short == name)
            .map_or(name, |(_, long)| long)
    }
}

/// Parses a group CSV, naming the line of the first bad row.
fn parse(bytes: &[u8]) -> Result<Vec<Membership>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let mut out = Vec::new();
    for row in reader.deserialize::<Membership>() {
        let mut m = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            anyhow::anyhow!("line {line}: {e}")
        })?;
        let line = out.len() + 2;
        if m.group.trim().is_empty() || m.code.trim().is_empty() {
            bail!("line {line}: a row names no group or no state code");
        }
        let given = |d: &str| Some(d.trim().to_string()).filter(|d| !d.is_empty());
        let (from, to) = (given(&m.from), given(&m.to));
        let span = Period::parse(from.as_deref(), to.as_deref())
            .with_context(|| format!("line {line}"))?;
        (m.from, m.to) = (span.from, span.to);
        out.push(m);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_parses_and_dates_membership() {
        let all = parse(BUNDLED.as_bytes()).unwrap();
        assert_eq!(
            all.iter()
                .filter(|m| m.group == "EU" && m.on("2022-06-01"))
                .count(),
            27
        );
        assert_eq!(
            all.iter()
                .filter(|m| m.group == "EU" && m.on("2019-06-01"))
                .count(),
            28
        );
        assert_eq!(
            all.iter()
                .filter(|m| m.group == "P5" && m.on("1990-06-01"))
                .count(),
            5
        );
        assert!(
            all.iter()
                .any(|m| m.group == "P5" && m.code == "SUN" && m.on("1990-06-01"))
        );
        assert!(
            !all.iter()
                .any(|m| m.group == "P5" && m.code == "RUS" && m.on("1990-06-01"))
        );
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = format!(
            "{:#}",
            parse(b"group,code,from,to\nX,USA,19x9,\n").unwrap_err()
        );
        assert!(e.contains("line 2") && e.contains("19x9"), "{e}");
        let m = parse(b"group,code,from,to\nX,USA,1999,2001\n").unwrap();
        assert_eq!(
            (m[0].from.as_str(), m[0].to.as_str()),
            ("1999-01-01", "2001-12-31")
        );
        let e = parse(b"group,code\n\"X,USA\n").unwrap_err().to_string();
        assert!(e.contains("line"), "{e}");
    }
}
