//! Recurring resolutions as series: the whole-resolution votes whose titles say the same thing
//! year after year (the Cuba embargo text since 1992, the Palestine texts), one per session, and
//! who changed their vote from one to the next. Titles drift ("the United States" becomes "the
//! United States of America", a typo comes and goes), so two titles are one series when their
//! sets of words are nearly the same (Jaccard ≥ 0.8), linked from the roll call the user starts
//! from; where a session holds several such votes (parts A, B… under one title), the one whose
//! title and description are closest to the starting one's is kept.

use std::collections::HashMap;

use super::dataset::Dataset;
use super::model::Vote;
use super::text::fold;

/// Two titles this alike (shared words over all words) are one series.
pub const SIMILAR: f64 = 0.8;

/// The words of every whole-resolution vote's title, interned, built once and shared by every
/// series asked for.
#[derive(Debug, Clone, Default)]
pub struct SeriesIndex {
    /// Each roll call's sorted, distinct word ids; empty for roll calls that are not whole,
    /// counted votes.
    words: Vec<Vec<u32>>,
    /// Each roll call's words with its description's, for choosing among parts of one session.
    detail: Vec<Vec<u32>>,
    /// For each word id, the roll calls whose titles hold it.
    postings: Vec<Vec<u32>>,
}

fn tokens(text: &str, ids: &mut HashMap<String, u32>) -> Vec<u32> {
    let folded = fold(text);
    let mut out: Vec<u32> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *ids.entry(w.to_string()).or_insert(next)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Shared words over all words of two sorted, distinct lists.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

impl SeriesIndex {
    /// Indexes the titles of the whole, counted votes.
    pub fn new(data: &Dataset) -> SeriesIndex {
        let mut ids = HashMap::new();
        let mut words = Vec::with_capacity(data.roll_calls.len());
        let mut detail = Vec::with_capacity(data.roll_calls.len());
        for rc in &data.roll_calls {
            if rc.is_whole() && rc.counts() && !rc.title.trim().is_empty() {
                words.push(tokens(&rc.title, &mut ids));
                detail.push(tokens(
                    &format!("{} {}", rc.title, rc.description),
                    &mut ids,
                ));
            } else {
                words.push(Vec::new());
                detail.push(Vec::new());
            }
        }
        let mut postings = vec![Vec::new(); ids.len()];
        for (i, w) in words.iter().enumerate() {
            for &id in w {
                if let Some(p) = postings.get_mut(id as usize) {
                    p.push(u32::try_from(i).unwrap_or(u32::MAX));
                }
            }
        }
        SeriesIndex {
            words,
            detail,
            postings,
        }
    }

    /// How alike two roll calls' titles are: shared words over all words (0 where either is not
    /// a whole, counted vote with a title).
    pub fn likeness(&self, a: usize, b: usize) -> f64 {
        match (self.words.get(a), self.words.get(b)) {
            (Some(x), Some(y)) => jaccard(x, y),
            _ => 0.0,
        }
    }

    /// The series of roll call `seed`, oldest first, one roll call per session; empty when the
    /// seed is not a whole, counted vote with a title.
    pub fn series_of(&self, data: &Dataset, seed: usize) -> Vec<usize> {
        if self.words.get(seed).is_none_or(Vec::is_empty) {
            return Vec::new();
        }
        // Linked from the seed: each member's close titles join, so a slow drift stays one
        // series. A title alike enough (J ≥ 0.8) shares at least 80 % of this one's words, so it
        // holds at least one of any ⌊0.2·n⌋ + 1 of them: the rarest that many are the
        // candidates, and no alike title is missed (a typo, the rarest word of all, included).
        let mut member = vec![false; self.words.len()];
        member[seed] = true;
        let mut queue = vec![seed];
        let mut candidates: Vec<u32> = Vec::new();
        while let Some(at) = queue.pop() {
            let words = &self.words[at];
            let mut by_rarity: Vec<(usize, u32)> = words
                .iter()
                .map(|&w| (self.postings.get(w as usize).map_or(0, Vec::len), w))
                .collect();
            by_rarity.sort_unstable();
            candidates.clear();
            for &(_, w) in by_rarity.iter().take(words.len() / 5 + 1) {
                candidates.extend(self.postings.get(w as usize).map_or(&[][..], Vec::as_slice));
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &c in &candidates {
                let c = c as usize;
                if !member[c] && jaccard(words, &self.words[c]) >= SIMILAR {
                    member[c] = true;
                    queue.push(c);
                }
            }
        }
        // One per session: the closest to the seed in title and description, then the nearest
        // in date.
        let mut best: HashMap<&str, usize> = HashMap::new();
        for (i, _) in member.iter().enumerate().filter(|(_, m)| **m) {
            let session = data.roll_calls[i].session.as_str();
            let score = |j: usize| {
                let same = if j == seed {
                    2.0
                } else {
                    jaccard(&self.detail[seed], &self.detail[j])
                };
                (same, std::cmp::Reverse(j.abs_diff(seed)))
            };
            match best.get(session) {
                Some(&k) if score(k) >= score(i) => {}
                _ => {
                    best.insert(session, i);
                }
            }
        }
        let mut out: Vec<usize> = best.into_values().collect();
        out.sort_by(|&a, &b| {
            data.roll_calls[a]
                .date
                .cmp(&data.roll_calls[b].date)
                .then(a.cmp(&b))
        });
        out
    }
}

/// The regular sessions between a series' first and last vote in which the data holds no vote
/// of it (a gap in the sources, or a year the Assembly did not vote on it).
pub fn missing_sessions(data: &Dataset, series: &[usize]) -> Vec<u32> {
    let numbers: Vec<u32> = series
        .iter()
        .filter_map(|&i| data.roll_calls.get(i)?.session.parse().ok())
        .collect();
    let (Some(&first), Some(&last)) = (numbers.iter().min(), numbers.iter().max()) else {
        return Vec::new();
    };
    (first..=last).filter(|n| !numbers.contains(n)).collect()
}

/// A state whose vote differs from its vote on the previous roll call of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The roll call on which it voted differently.
    pub roll_call: usize,
    /// The state.
    pub country: usize,
    /// Its vote on the previous roll call.
    pub from: Vote,
    /// Its vote on this one.
    pub to: Vote,
}

/// Every change along a series: states members both times whose votes differ (a state that was
/// not a member on the previous roll call did not change its vote).
pub fn changes(data: &Dataset, series: &[usize]) -> Vec<Change> {
    let mut out = Vec::new();
    for pair in series.windows(2) {
        let (Some(before), Some(now)) =
            (data.roll_calls.get(pair[0]), data.roll_calls.get(pair[1]))
        else {
            continue;
        };
        for (country, (a, b)) in before.votes.bytes().zip(now.votes.bytes()).enumerate() {
            if let (Some(from), Some(to)) = (Vote::from_code(a), Vote::from_code(b))
                && from != to
            {
                out.push(Change {
                    roll_call: pair[1],
                    country,
                    from,
                    to,
                });
            }
        }
    }
    out
}

/// The roll call a series starts from for roll call `i`: itself when it is a counted vote on a
/// resolution as a whole, else that vote of its symbol; None when there is none.
pub fn seed_of(data: &Dataset, i: usize) -> Option<usize> {
    let whole = |j: usize| {
        data.roll_calls
            .get(j)
            .is_some_and(|rc| rc.is_whole() && rc.counts() && !rc.title.trim().is_empty())
    };
    if whole(i) {
        return Some(i);
    }
    let rc = data.roll_calls.get(i)?;
    let all = data.find_roll_calls(&rc.symbol);
    data.main_roll_call(&all).filter(|&m| whole(m))
}

/// Why a roll call has no series.
pub fn no_series(data: &Dataset, i: usize) -> String {
    let label = data.roll_calls.get(i).map_or("", |rc| rc.label());
    format!(
        "{} is not a counted vote on a resolution as a whole with a title; series follow those",
        super::text::clean(label)
    )
}

/// How many states switched on each roll call of a series, in its order.
pub fn switchers(series: &[usize], changes: &[Change]) -> Vec<usize> {
    series
        .iter()
        .map(|&i| changes.iter().filter(|c| c.roll_call == i).count())
        .collect()
}

/// A series in one line: how many votes, from when to when, how many changes, and the sessions
/// with no vote under its title.
pub fn summary(data: &Dataset, series: &[usize], changes: &[Change]) -> String {
    let date = |i: Option<&usize>| {
        i.and_then(|&i| data.roll_calls.get(i))
            .map_or("", |rc| rc.shown_date())
    };
    let missing = missing_sessions(data, series);
    let gap = if missing.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = missing.iter().map(u32::to_string).collect();
        format!(
            " · no vote under this title in session {} (another title may hold it)",
            list.join(", ")
        )
    };
    format!(
        "{} {} on the whole, {} – {}, one per session · {} changes of vote from the previous \
         vote of the series{gap}",
        series.len(),
        if series.len() == 1 { "vote" } else { "votes" },
        date(series.first()),
        date(series.last()),
        changes.len()
    )
}

/// The series a symbol or words name: the roll call a symbol finds (its vote on the whole), or
/// the best-matching whole vote of a search; with its series. Errors say why there is none.
pub fn find(
    data: &Dataset,
    index: &SeriesIndex,
    search: &super::resolution_search::ResolutionIndex,
    query: &str,
) -> anyhow::Result<(usize, Vec<usize>)> {
    let found = data.find_roll_calls(query);
    let seed = match data.main_roll_call(&found) {
        Some(i) => seed_of(data, i).ok_or_else(|| anyhow::anyhow!(no_series(data, i)))?,
        None => search
            .search(data, query)
            .into_iter()
            .map(|h| h.index)
            .find(|&i| data.roll_calls[i].is_whole() && data.roll_calls[i].counts())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "no vote on a resolution matches {:?}",
                    super::text::clean(query)
                )
            })?,
    };
    let series = index.series_of(data, seed);
    if series.is_empty() {
        anyhow::bail!(no_series(data, seed));
    }
    Ok((seed, series))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drifting_titles_are_alike_and_different_subjects_are_not() {
        let mut ids = HashMap::new();
        let a = tokens(
            "Necessity of ending the economic, commercial and financial embargo imposed by the United States against Cuba",
            &mut ids,
        );
        let b = tokens(
            "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba",
            &mut ids,
        );
        let c = tokens("Situation of human rights in Iran", &mut ids);
        let d = tokens("Situation of human rights in Myanmar", &mut ids);
        assert!(jaccard(&a, &b) >= SIMILAR);
        assert!(jaccard(&c, &d) < SIMILAR);
        assert_eq!(jaccard(&a, &a), 1.0);
        assert_eq!(jaccard(&a, &[]), 0.0);
    }
}
