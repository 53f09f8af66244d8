//! Two states compared over a period under one method: the score with the number of votes
//! counted, the table of vote pairs, agreement per year and per issue tag, and the votes on which
//! they stood on opposite sides, most contested first.

use std::collections::HashMap;

use super::agreement::{Method, Pairs, Score, YearTables, left_out, pair, slot, universe};
use super::dataset::Dataset;
use super::period::Period;

/// Below this many counted votes an agreement figure says little; views and output warn.
pub const FEW_VOTES: u32 = 10;

/// How many divergent votes a comparison keeps.
const DIVERGENT: usize = 50;

/// How many issue tags a comparison keeps (the most frequent).
const TAGS: usize = 12;

/// Names of the issue codes of Voeten's data.
pub const ISSUE_NAMES: [(&str, &str); 6] = [
    ("me", "Palestinian conflict"),
    ("nu", "Nuclear weapons"),
    ("di", "Arms control and disarmament"),
    ("hr", "Human rights"),
    ("co", "Colonialism"),
    ("ec", "Economic development"),
];

/// Two states compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The first state (index into the dataset's countries).
    pub a: usize,
    /// The second state.
    pub b: usize,
    /// The method.
    pub method: Method,
    /// The period.
    pub period: Period,
    /// Roll calls the method counts in the period (before looking at the two states).
    pub votes: usize,
    /// Flagged roll calls of the period (incomplete records, duplicates) left out.
    pub left_out: usize,
    /// The table of vote pairs (`a`'s vote, `b`'s vote).
    pub pairs: Pairs,
    /// The overall score.
    pub score: Score,
    /// Score per calendar year with at least one vote both held a seat for.
    pub by_year: Vec<(u16, Score)>,
    /// Score per issue tag (Voeten's issue codes, UNBIS subjects), most frequent first.
    pub by_tag: Vec<(String, Score)>,
    /// Roll calls on which one voted yes and the other no, most contested first.
    pub divergent: Vec<usize>,
}

/// Compares states `a` and `b`.
pub fn compare(data: &Dataset, a: usize, b: usize, method: Method, period: &Period) -> Comparison {
    let roll_calls = universe(data, method, period);
    let pairs = pair(data, a, b, &roll_calls);
    let years = YearTables::new(data, a, &roll_calls);
    let by_year = years
        .years()
        .map(|y| {
            (
                y,
                years.tables[usize::from(y - years.first_year)]
                    .get(b)
                    .copied()
                    .unwrap_or_default(),
            )
        })
        .filter(|(_, p)| p.total() > 0)
        .map(|(y, p)| (y, p.score(method)))
        .collect();
    Comparison {
        a,
        b,
        method,
        period: period.clone(),
        votes: roll_calls.len(),
        left_out: left_out(data, method, period, None),
        score: pairs.score(method),
        pairs,
        by_year,
        by_tag: by_tag(data, a, b, method, &roll_calls),
        divergent: divergent(data, a, b, &roll_calls),
    }
}

fn by_tag(
    data: &Dataset,
    a: usize,
    b: usize,
    method: Method,
    roll_calls: &[usize],
) -> Vec<(String, Score)> {
    let mut tables: HashMap<&str, Pairs> = HashMap::new();
    for &i in roll_calls {
        let rc = &data.roll_calls[i];
        let votes = rc.votes.as_bytes();
        let (Some(&x), Some(&y)) = (votes.get(a), votes.get(b)) else {
            continue;
        };
        if slot(x) > 3 || slot(y) > 3 {
            continue;
        }
        let issues = rc.issues.iter().map(|code| issue_name(code));
        for tag in issues.chain(rc.subjects.iter().map(|s| s.as_str())) {
            tables.entry(tag).or_default().add(x, y);
        }
    }
    let mut tags: Vec<(String, Pairs)> = tables
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    tags.sort_by(|x, y| y.1.total().cmp(&x.1.total()).then_with(|| x.0.cmp(&y.0)));
    tags.truncate(TAGS);
    tags.into_iter()
        .map(|(t, p)| (t, p.score(method)))
        .collect()
}

/// The name of an issue code (`hr` → "Human rights"), or the code itself.
pub fn issue_name(code: &str) -> &str {
    ISSUE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, name)| name)
}

fn divergent(data: &Dataset, a: usize, b: usize, roll_calls: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = roll_calls
        .iter()
        .copied()
        .filter(|&i| {
            let votes = data.roll_calls[i].votes.as_bytes();
            matches!(
                (votes.get(a), votes.get(b)),
                (Some(b'Y'), Some(b'N')) | (Some(b'N'), Some(b'Y'))
            )
        })
        .collect();
    out.sort_by_key(|&i| (contest(data, i), std::cmp::Reverse(i)));
    out.truncate(DIVERGENT);
    out
}

/// How one-sided a roll call was: |yes − no| in thousandths of the votes cast (0 = a tie).
pub fn contest(data: &Dataset, index: usize) -> u32 {
    let t = data.tally(index);
    let cast = (t.yes + t.no + t.abstain).max(1);
    t.yes.abs_diff(t.no) * 1000 / cast
}
