//! Named groups of states, for filtering rankings: the five UN regional groups (from the
//! countries' data), the permanent members of the Security Council and the members of the
//! European Union with their dates (`data/groups.csv`, each row with its source), and groups a
//! user defines in a CSV file of the same shape (`group,code[,from,to]`).

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::dataset::Dataset;
use super::input::{Input, line_of};
use super::model::{Country, Tally};
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

/// The regional groups as the UN's Department for General Assembly and Conference Management
/// names them ("Regional groups of Member States", un.org/dgacm/en/content/regional-groups),
/// accepted beside the names above.
const UN_NAMES: [(&str, &str); 5] = [
    ("APG", "Asia-Pacific Group"),
    ("APG", "Group of Asia-Pacific States"),
    ("EEG", "Eastern European States"),
    ("GRULAC", "Latin American and Caribbean Group"),
    ("WEOG", "Western European and Others Group"),
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
    /// Each name's position in `names`.
    index: std::collections::HashMap<String, usize>,
    /// How many groups users' files added, over all of them.
    user_groups: usize,
}

/// The most groups a user's files may add.
pub const MAX_USER_GROUPS: usize = 200;

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
        for (_, m) in parse(BUNDLED.as_bytes()).into_iter().flatten() {
            groups.push(m);
        }
        groups
    }

    /// The built-in groups and those of the user's files, loaded once for the CLI and the
    /// explorer.
    pub fn with_files(data: &Dataset, files: &[std::path::PathBuf]) -> Result<Groups> {
        let mut groups = Groups::new(data);
        for file in files {
            groups.read_file(file, &data.countries)?;
        }
        Ok(groups)
    }

    /// The positions of `ranking`'s rows whose state was in `group` during `period` (every row
    /// without a group), in ranking order: the one filter of the CLI and the explorer.
    pub fn filter_ranking(
        &self,
        data: &Dataset,
        ranking: &crate::data::alignment::Alignment,
        group: Option<&str>,
        period: &Period,
    ) -> Vec<usize> {
        (0..ranking.rows.len())
            .filter(|&i| {
                group.is_none_or(|g| {
                    let code = data
                        .countries
                        .get(ranking.rows[i].country)
                        .map_or("", |c| c.code.as_str());
                    self.contains(g, code, period)
                })
            })
            .collect()
    }

    /// Adds the groups of a user's CSV file (`group,code[,from,to]`); every code must be one of
    /// `countries`. Errors name the file and line.
    pub fn read_file(&mut self, path: &Path, countries: &[Country]) -> Result<()> {
        let bytes = Input::open(path)?.into_bytes(MAX_GROUP_BYTES)?;
        let shown = path.display();
        let members = parse(&bytes).map_err(|e| anyhow::anyhow!("{shown}: {e:#}"))?;
        if let Some((line, m)) = members
            .iter()
            .find(|(_, m)| !countries.iter().any(|c| c.code == m.code))
        {
            let code = crate::data::text::clean(&m.code);
            let hint = if countries
                .iter()
                .any(|c| c.code.eq_ignore_ascii_case(&m.code))
            {
                format!(" (codes are upper case: {})", code.to_ascii_uppercase())
            } else {
                String::new()
            };
            bail!("{shown}: line {line}: unknown state code {code:?}{hint}");
        }
        if members.len() > MAX_MEMBERSHIPS {
            bail!("{shown}: more than {MAX_MEMBERSHIPS} rows");
        }
        // A user's group never changes a built-in one (the P5, the EU, a regional group).
        let built_in = |g: &str| {
            ["P5", "EU"].iter().any(|b| b.eq_ignore_ascii_case(g))
                || REGIONAL
                    .iter()
                    .any(|(s, l)| s.eq_ignore_ascii_case(g) || l.eq_ignore_ascii_case(g))
        };
        if let Some((line, m)) = members.iter().find(|(_, m)| built_in(&m.group)) {
            bail!(
                "{shown}: line {line}: {} is a built-in group; give yours another name",
                crate::data::text::clean(&m.group)
            );
        }
        let mut new: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (line, m) in &members {
            if !self.index.contains_key(&m.group)
                && new.insert(&m.group)
                && self.user_groups + new.len() > MAX_USER_GROUPS
            {
                bail!("{shown}: line {line}: more than {MAX_USER_GROUPS} groups in all files");
            }
        }
        self.user_groups += new.len();
        for (_, m) in members {
            self.push(m);
        }
        Ok(())
    }

    fn push(&mut self, m: Membership) {
        if !self.index.contains_key(&m.group) {
            self.index.insert(m.group.clone(), self.names.len());
            self.names.push(m.group.clone());
        }
        self.members.push(m);
    }

    /// The group a user's name means: its name or a regional group's long name, any case.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        // Letters only, so that "Asia-Pacific Group" and "Asia Pacific Group" are one name.
        let letters = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let wanted_letters = letters(name);
        let long = REGIONAL
            .iter()
            .chain(UN_NAMES.iter())
            .find(|(_, long)| letters(long) == wanted_letters)
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

    /// How each group voted on roll call `index`, in the order of `names`: a group with dates
    /// (the EU, the P5, a user's) as it stood on the day of the vote; the regional groups by
    /// their lists of today, which carry no dates. Members without a seat that day count
    /// nowhere.
    pub fn split(&self, data: &Dataset, index: usize) -> Vec<(String, Tally)> {
        let Some(rc) = data.roll_calls.get(index) else {
            return Vec::new();
        };
        let mut tallies = vec![Tally::default(); self.names.len()];
        let group_of = |name: &str| self.index.get(name).copied();
        // Each state once per group, however many rows name it (a user file repeating a row,
        // or adding to a built-in group).
        let mut seen = std::collections::HashSet::new();
        let day = rc.date.as_str();
        for m in &self.members {
            if !m.on(day) {
                continue;
            }
            let (Some(g), Some(c)) = (group_of(&m.group), data.country_index(&m.code)) else {
                continue;
            };
            let (Some(vote), true) = (rc.vote_of(c), seen.insert((g, c))) else {
                continue;
            };
            if let Some(t) = tallies.get_mut(g) {
                t.add(vote);
            }
        }
        self.names.iter().cloned().zip(tallies).collect()
    }

    /// The UN regional groups (short names) a state is listed in, `;`-separated (Türkiye is in
    /// two), or empty. The lists are today's: the country data gives them no dates.
    pub fn regional(&self, code: &str, day: &str) -> String {
        let groups: Vec<&str> = REGIONAL
            .iter()
            .map(|(short, _)| *short)
            .filter(|g| {
                self.members
                    .iter()
                    .any(|m| m.group == *g && m.code == code && m.on(day))
            })
            .collect();
        groups.join(";")
    }

    /// The long name of a regional group's short name, or the name itself.
    pub fn describe(name: &str) -> &str {
        REGIONAL
            .iter()
            .find(|(short, _)| *short == name)
            .map_or(name, |(_, long)| long)
    }
}

/// The most rows a user's group file may hold.
pub const MAX_MEMBERSHIPS: usize = 100_000;

/// The largest group file read.
const MAX_GROUP_BYTES: u64 = 16 << 20;

/// A csv error with the line it concerns.
fn located(bytes: &[u8], e: &csv::Error) -> anyhow::Error {
    match e.position() {
        Some(p) => anyhow::anyhow!("line {}: {e}", line_of(bytes, p.byte() as usize)),
        None => anyhow::anyhow!("{e}"),
    }
}

/// Parses a group CSV into memberships with the line each starts on, naming the line of the
/// first bad row.
fn parse(bytes: &[u8]) -> Result<Vec<(u64, Membership)>> {
    // Lines are counted in the text the reader reads: after any byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader.headers().map_err(|e| located(bytes, &e))?.clone();
    // The header names the columns; a file without it (or empty) would lose its first row.
    if !(headers.iter().any(|h| h.trim() == "group") && headers.iter().any(|h| h.trim() == "code"))
    {
        bail!(
            "line 1: the first line must name the columns: group,code[,from,to] (found {:?})",
            crate::data::text::shown(&headers.iter().collect::<Vec<_>>().join(","), 80)
        );
    }
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    // The offset and line of the last row read.
    let mut seen = (0usize, 1u64);
    loop {
        match reader.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(located(bytes, &e)),
        }
        // Counted on from the previous row, so that a long file is read in linear time.
        let line = match rec.position() {
            Some(p) => {
                let at = (p.byte() as usize).min(bytes.len());
                let from = seen.0.min(at);
                let line = seen.1 + line_of(&bytes[from..], at - from) as u64 - 1;
                // The row's text starts after any line breaks at its position, which that line
                // already counts.
                let text = at
                    + bytes[at..]
                        .iter()
                        .take_while(|&&b| b == b'\n' || b == b'\r')
                        .count();
                seen = (text, line);
                line
            }
            None => 0,
        };
        if out.len() > MAX_MEMBERSHIPS {
            break;
        }
        let mut m: Membership = rec.deserialize(Some(&headers)).map_err(|_| {
            anyhow::anyhow!(
                "line {line}: a row needs a group and a state code, then optional dates from \
                 and to (a quote left open swallows the rest of the row)"
            )
        })?;
        if m.group.trim().is_empty() || m.code.trim().is_empty() {
            bail!("line {line}: a row names no group or no state code");
        }
        m.code = m.code.trim().to_string();
        m.group = m.group.trim().to_string();
        let given = |d: &str| Some(d.trim().to_string()).filter(|d| !d.is_empty());
        let (from, to) = (given(&m.from), given(&m.to));
        let span = Period::parse(from.as_deref(), to.as_deref())
            .with_context(|| format!("line {line}"))?;
        (m.from, m.to) = (span.from, span.to);
        out.push((line, m));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_parses_and_dates_membership() {
        let all: Vec<Membership> = parse(BUNDLED.as_bytes())
            .unwrap()
            .into_iter()
            .map(|(_, m)| m)
            .collect();
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
        let m: Vec<Membership> = parse(b"group,code,from,to\nX,USA,1999,2001\n")
            .unwrap()
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(
            (m[0].from.as_str(), m[0].to.as_str()),
            ("1999-01-01", "2001-12-31")
        );
        let e = parse(b"group,code\n\"X,USA\n").unwrap_err().to_string();
        assert!(e.contains("line"), "{e}");
    }
}
