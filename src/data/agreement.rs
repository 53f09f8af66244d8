//! Agreement between states: which roll calls a method counts, the table of vote pairs between
//! two states, and the score each method derives from it. Three methods, as published:
//!
//! - `state-dept`: the US State Department's since 2021 — final (whole-resolution) votes,
//!   (Same + ½·Partial + ½·Absent) ÷ all votes; Partial = exactly one abstained; both abstaining
//!   is Same;
//! - `votes-only`: its method before 2017 — Same ÷ (Same + Opposite) over every recorded vote,
//!   abstentions and absences left out;
//! - `voeten`: E. Voeten's — yes 1, abstain 2, no 3, per vote 1 − |a − b| ÷ 2, pairs where
//!   either is absent dropped, unanimous votes dropped.
//!
//! Roll calls a state held no seat for (`.`) never count for it.

use std::fmt;
use std::str::FromStr;

use anyhow::{Error, bail};
use serde::Serialize;

use super::dataset::Dataset;
use super::model::{Kind, RollCall};
use super::period::Period;

/// How agreement is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Method {
    /// US State Department, since 2021.
    #[default]
    #[serde(rename = "state-dept")]
    StateDept,
    /// US State Department before 2017: votes only.
    #[serde(rename = "votes-only")]
    VotesOnly,
    /// Erik Voeten's agreement score.
    #[serde(rename = "voeten")]
    Voeten,
}

impl Method {
    /// Every method, in the order a view cycles through them.
    pub const ALL: [Method; 3] = [Method::StateDept, Method::VotesOnly, Method::Voeten];

    /// The name used on the command line and in output.
    pub fn name(self) -> &'static str {
        match self {
            Method::StateDept => "state-dept",
            Method::VotesOnly => "votes-only",
            Method::Voeten => "voeten",
        }
    }

    /// The formula, in one line.
    pub fn formula(self) -> &'static str {
        match self {
            Method::StateDept => "(same + ½ partial + ½ absent) ÷ all final votes",
            Method::VotesOnly => "same ÷ (same + opposite), all recorded votes",
            Method::Voeten => "mean of 1 − |a − b| ÷ 2 (Y1 A2 N3), absent and unanimous out",
        }
    }

    /// Whether the method counts a roll call at all (before looking at the two states).
    pub fn counts(self, rc: &RollCall, unanimous: bool) -> bool {
        match self {
            Method::StateDept => rc.kind == Kind::Resolution,
            Method::VotesOnly => true,
            Method::Voeten => !unanimous,
        }
    }

    /// The next method in [`Method::ALL`].
    pub fn next(self) -> Method {
        let at = Method::ALL.iter().position(|&m| m == self).unwrap_or(0);
        Method::ALL[(at + 1) % Method::ALL.len()]
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = Error;

    fn from_str(s: &str) -> Result<Method, Error> {
        match Method::ALL
            .iter()
            .find(|m| m.name().eq_ignore_ascii_case(s.trim()))
        {
            Some(&m) => Ok(m),
            None => bail!("unknown method “{s}”: use state-dept, votes-only or voeten"),
        }
    }
}

/// Whether a roll call is the final vote on a resolution as a whole: its kind is `resolution`
/// and it carries no quality flag (a duplicate record of a vote is not a second vote).
pub fn is_final(rc: &RollCall) -> bool {
    rc.kind == Kind::Resolution && rc.counts()
}

/// How many flagged roll calls (incomplete records, duplicates) a figure leaves out: those of
/// the period that the method would otherwise count and, given a state, on which it held a seat.
pub fn left_out(data: &Dataset, method: Method, period: &Period, state: Option<usize>) -> usize {
    data.roll_calls
        .iter()
        .enumerate()
        .filter(|(i, rc)| {
            !rc.counts()
                && period.contains_roll_call(rc)
                && data.tally(*i).members() > 0
                && method.counts(rc, is_unanimous(data, *i))
                && state.is_none_or(|s| rc.votes.as_bytes().get(s).is_some_and(|&b| slot(b) < 4))
        })
        .count()
}

/// Index of a vote code in the pair table: yes 0, no 1, abstain 2, non-voting 3; not a member
/// (or anything else) 4.
pub const fn slot(code: u8) -> usize {
    match code {
        b'Y' => 0,
        b'N' => 1,
        b'A' => 2,
        b'X' => 3,
        _ => 4,
    }
}

/// How often each pair of votes occurred: `m[a][b]` counts roll calls where the first state
/// voted `a` and the second `b` (yes, no, abstain, non-voting).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pairs {
    /// The 4×4 table.
    pub m: [[u32; 4]; 4],
}

impl Pairs {
    /// Counts one roll call, given both states' vote codes; not-members are skipped.
    #[inline]
    pub fn add(&mut self, a: u8, b: u8) {
        let (a, b) = (slot(a), slot(b));
        if a < 4 && b < 4 {
            self.m[a][b] += 1;
        }
    }

    /// Adds another table.
    pub fn merge(&mut self, other: &Pairs) {
        for (row, o) in self.m.iter_mut().zip(other.m.iter()) {
            for (x, y) in row.iter_mut().zip(o.iter()) {
                *x += y;
            }
        }
    }

    /// Roll calls on which both held a seat.
    pub fn total(&self) -> u32 {
        self.m.iter().flatten().sum()
    }

    /// The table seen from the second state.
    pub fn transposed(&self) -> Pairs {
        let mut t = Pairs::default();
        for (a, row) in self.m.iter().enumerate() {
            for (b, n) in row.iter().enumerate() {
                t.m[b][a] = *n;
            }
        }
        t
    }

    /// The score under a method.
    pub fn score(&self, method: Method) -> Score {
        let m = &self.m;
        let yes_no_same = m[0][0] + m[1][1];
        let both_abstain = m[2][2];
        let opposite = m[0][1] + m[1][0];
        let partial = m[0][2] + m[2][0] + m[1][2] + m[2][1];
        let absent = self.total() - yes_no_same - both_abstain - opposite - partial;
        let (same, partial) = match method {
            Method::VotesOnly => (yes_no_same, partial + both_abstain),
            Method::StateDept | Method::Voeten => (yes_no_same + both_abstain, partial),
        };
        let (counted, points) = match method {
            Method::StateDept => (
                same + opposite + partial + absent,
                f64::from(same) + 0.5 * f64::from(partial + absent),
            ),
            Method::VotesOnly => (same + opposite, f64::from(same)),
            Method::Voeten => (
                same + opposite + partial,
                f64::from(same) + 0.5 * f64::from(partial),
            ),
        };
        Score {
            same,
            opposite,
            partial,
            absent,
            counted,
            percent: (counted > 0).then(|| 100.0 * points / f64::from(counted)),
        }
    }
}

/// Agreement between two states under one method.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// Same vote (under `votes-only`, both yes or both no).
    pub same: u32,
    /// One yes, the other no.
    pub opposite: u32,
    /// Exactly one abstained (under `votes-only`, any abstention).
    pub partial: u32,
    /// One or both did not vote.
    pub absent: u32,
    /// Votes in the method's denominator.
    pub counted: u32,
    /// Agreement 0–100, if any vote counted.
    pub percent: Option<f64>,
}

impl Score {
    /// Whether the figure rests on too little to say much: fewer than
    /// [`FEW_VOTES`](super::compare::FEW_VOTES) votes counted, or fewer on which both states
    /// cast a vote (a state that never voted scores 50 % under a method that counts absences
    /// as half).
    pub fn few(&self) -> bool {
        let few = super::compare::FEW_VOTES;
        self.counted < few || self.same + self.opposite + self.partial < few
    }
}

/// Roll calls a method counts in a period, oldest first. Roll calls known only by their totals
/// (no country's vote recorded) and flagged roll calls (incomplete, duplicates) never count.
pub fn universe(data: &Dataset, method: Method, period: &Period) -> Vec<usize> {
    data.roll_calls
        .iter()
        .enumerate()
        .filter(|(i, rc)| {
            rc.counts()
                && period.contains_roll_call(rc)
                && data.tally(*i).members() > 0
                && method.counts(rc, is_unanimous(data, *i))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether every vote cast (yes, no or abstain) on a roll call was the same.
pub fn is_unanimous(data: &Dataset, index: usize) -> bool {
    let t = data.tally(index);
    [t.yes, t.no, t.abstain].iter().filter(|&&n| n > 0).count() <= 1
}

/// The pair table of two states over some roll calls.
pub fn pair(data: &Dataset, a: usize, b: usize, roll_calls: &[usize]) -> Pairs {
    let mut pairs = Pairs::default();
    for &i in roll_calls {
        let votes = data.roll_calls[i].votes.as_bytes();
        if let (Some(&x), Some(&y)) = (votes.get(a), votes.get(b)) {
            pairs.add(x, y);
        }
    }
    pairs
}

/// The pivot's pair table with every state, per year: `tables[year - first_year][country]`.
pub struct YearTables {
    /// The first year with a counted roll call.
    pub first_year: u16,
    /// One table per state per year.
    pub tables: Vec<Vec<Pairs>>,
}

impl YearTables {
    /// Counts the pivot against every state over `roll_calls` (oldest first).
    pub fn new(data: &Dataset, pivot: usize, roll_calls: &[usize]) -> YearTables {
        let n = data.countries.len();
        let years: Vec<u16> = roll_calls
            .iter()
            .filter_map(|&i| data.roll_calls[i].year())
            .collect();
        let first_year = years.iter().copied().min().unwrap_or(0);
        let last_year = years.iter().copied().max().unwrap_or(0);
        let mut tables = vec![vec![Pairs::default(); n]; usize::from(last_year - first_year) + 1];
        for &i in roll_calls {
            let rc = &data.roll_calls[i];
            let votes = rc.votes.as_bytes();
            let Some(p) = votes.get(pivot).map(|&p| slot(p)).filter(|&p| p < 4) else {
                continue;
            };
            let Some(year) = rc.year() else { continue };
            let row = &mut tables[usize::from(year - first_year)];
            for (table, &b) in row.iter_mut().zip(votes) {
                let b = slot(b);
                if b < 4 {
                    table.m[p][b] += 1;
                }
            }
        }
        YearTables { first_year, tables }
    }

    /// The years covered, first to last.
    pub fn years(&self) -> impl Iterator<Item = u16> + '_ {
        (0..self.tables.len()).map(|i| self.first_year + i as u16)
    }

    /// One state's tables summed over every year.
    pub fn total(&self, country: usize) -> Pairs {
        let mut sum = Pairs::default();
        for row in &self.tables {
            if let Some(t) = row.get(country) {
                sum.merge(t);
            }
        }
        sum
    }

    /// One state's agreement per year (None for years without a counted vote).
    pub fn yearly(&self, country: usize, method: Method) -> Vec<Option<f64>> {
        self.tables
            .iter()
            .map(|row| row.get(country).and_then(|t| t.score(method).percent))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(u8, u8, u32)]) -> Pairs {
        let mut p = Pairs::default();
        for &(a, b, n) in pairs {
            for _ in 0..n {
                p.add(a, b);
            }
        }
        p
    }

    #[test]
    fn state_dept_counts_half_for_partial_and_absent_and_both_abstaining_as_same() {
        let p = table(&[
            (b'Y', b'Y', 6),
            (b'Y', b'N', 2),
            (b'N', b'A', 2),
            (b'A', b'A', 1),
            (b'Y', b'X', 1),
            (b'Y', b'.', 5),
        ]);
        let s = p.score(Method::StateDept);
        assert_eq!(
            (s.same, s.opposite, s.partial, s.absent, s.counted),
            (7, 2, 2, 1, 12)
        );
        assert_eq!(s.percent, Some(100.0 * 8.5 / 12.0));
    }

    #[test]
    fn votes_only_leaves_abstentions_and_absences_out() {
        let p = table(&[
            (b'Y', b'Y', 3),
            (b'N', b'Y', 1),
            (b'A', b'A', 4),
            (b'Y', b'X', 2),
        ]);
        let s = p.score(Method::VotesOnly);
        assert_eq!((s.same, s.opposite, s.counted), (3, 1, 4));
        assert_eq!(s.percent, Some(75.0));
    }

    #[test]
    fn voeten_scores_abstention_against_a_vote_as_half() {
        let p = table(&[
            (b'Y', b'Y', 1),
            (b'Y', b'A', 1),
            (b'N', b'Y', 1),
            (b'X', b'Y', 3),
        ]);
        let s = p.score(Method::Voeten);
        assert_eq!(s.counted, 3);
        assert_eq!(s.percent, Some(50.0));
        assert_eq!(Pairs::default().score(Method::Voeten).percent, None);
    }

    #[test]
    fn methods_parse_by_name() {
        assert_eq!("State-Dept".parse::<Method>().unwrap(), Method::StateDept);
        assert_eq!("voeten".parse::<Method>().unwrap(), Method::Voeten);
        assert!(
            "vibes"
                .parse::<Method>()
                .unwrap_err()
                .to_string()
                .contains("“vibes”")
        );
        assert_eq!(Method::Voeten.next(), Method::StateDept);
    }
}
