//! Search over roll calls: by symbol in any spelling, and by the words of the title, description
//! and subjects, ranked by relevance (BM25), narrowed by `year:`/`session:` terms or a bare year.
//!
//! A fuzzy matcher run over 6,884 long titles costs 11–58 ms a keystroke and matches letters
//! scattered across a whole title. Instead the index keeps every distinct folded word with the
//! roll calls that contain it and how often. Each query word matches vocabulary words exactly,
//! as a prefix, or — four letters or more — within a small edit distance (Damerau: swapped,
//! wrong, missing and extra letters: `ukriane`, `isreal`, `aparthied`). Every word must match.
//!
//! Ranking is BM25 (k1 = 1.2, b = 0.75): a rare word weighs more than a common one, and a short
//! title that is all about the query beats a long one that mentions it. Title words count twice.
//! A typo weighs less than the word itself, except where the typed word is itself a rare typo in
//! the data and a near word is far more common (`aparthied` finds the ~230 apartheid votes, not
//! only the one title with that typo). Amendments, paragraph votes and motions rank a little
//! below votes on a resolution as a whole, flagged roll calls below those. Ties: newest first.

use std::collections::HashMap;

use super::dataset::Dataset;
use super::model::{Kind, RollCall};
use super::symbol;
use super::text::{self, edit_distance};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// How much a title word counts against a description or subject word.
const TITLE_WEIGHT: u32 = 2;
/// Weight of a prefix match and of a match one or two edits away, against an exact one.
const PREFIX: f32 = 0.8;
const ONE_EDIT: f32 = 0.7;
const TWO_EDITS: f32 = 0.5;
/// A typed word found in the data is taken for a typo when a word one edit away is this many
/// times more frequent.
const TYPO_RATIO: u32 = 20;
/// At most this many words of a query are searched (the rest are ignored).
pub const MAX_TERMS: usize = 16;
/// A query word longer than this is cut (no word in the data is longer).
const MAX_WORD: usize = 40;
/// The years a bare four-digit number narrows to; outside it a number is a resolution number.
const YEARS: std::ops::RangeInclusive<u16> = 1946..=2100;

/// Words that carry no meaning on their own; they are skipped unless the query has nothing else.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with",
];

/// A search index over roll calls, built once per dataset.
pub struct ResolutionIndex {
    /// Distinct folded words, sorted.
    words: Vec<String>,
    /// For each word, `(roll call, weighted count)` in roll-call order.
    postings: Vec<Vec<(u32, u16)>>,
    /// For each roll call, its weighted length in words.
    lengths: Vec<f32>,
    average: f32,
    /// Symbol keys, for prefix matching (`es-11`).
    symbols: Vec<String>,
    /// Ranges of `words` by first byte.
    by_first: HashMap<u8, (usize, usize)>,
    /// Each state's common names and aliases with its official name, folded, gathered on the
    /// first search.
    official: std::sync::OnceLock<Vec<(String, String)>>,
}

/// One result: a roll call's index and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index into the dataset's roll calls.
    pub index: usize,
    /// Relevance.
    pub score: f32,
}

/// A query split into words and filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and symbols to search for, bare years left out.
    pub words: String,
    /// Every word, bare years included: what is tried as a symbol first (`2065 (XX)`).
    pub all_words: String,
    /// `year:2022`, `y:2022` or a bare year (`ukraine 2023`).
    pub year: Option<u16>,
    /// The year given with `year:` (a bare number may be part of a symbol instead).
    pub explicit_year: Option<u16>,
    /// `session:ES-11` or `s:78`, upper case.
    pub session: Option<String>,
}

impl Query {
    /// Splits a query into words and `year:` / `session:` terms. A bare number from 1946 on
    /// (`south africa 1985`) is a year; `res 1985` or a symbol keeps it a resolution number.
    pub fn parse(text: &str) -> Query {
        let mut q = Query::default();
        let mut words: Vec<&str> = Vec::new();
        let mut all: Vec<&str> = Vec::new();
        let terms: Vec<&str> = text.split_whitespace().take(MAX_TERMS * 2).collect();
        for (at, term) in terms.iter().enumerate() {
            let lower = term.to_ascii_lowercase();
            let after_res = at > 0 && is_res_word(terms[at - 1]);
            if let Some(y) = lower
                .strip_prefix("year:")
                .or_else(|| lower.strip_prefix("y:"))
            {
                q.explicit_year = y.parse().ok().or(q.explicit_year);
            } else if let Some(s) = lower
                .strip_prefix("session:")
                .or_else(|| lower.strip_prefix("s:"))
            {
                q.session = Some(s.to_ascii_uppercase());
            } else if let Some(year) = bare_year(term).filter(|_| !after_res) {
                q.year = Some(year);
                all.push(term);
            } else {
                words.push(term);
                all.push(term);
            }
        }
        q.year = q.explicit_year.or(q.year);
        q.words = words.join(" ");
        q.all_words = all.join(" ");
        q
    }

    /// Whether a roll call passes the year and session filters.
    pub fn admits(&self, rc: &RollCall) -> bool {
        self.admits_in(rc, self.year)
    }

    fn admits_in(&self, rc: &RollCall, year: Option<u16>) -> bool {
        year.is_none_or(|y| rc.year() == Some(y))
            && self
                .session
                .as_ref()
                .is_none_or(|s| rc.session.eq_ignore_ascii_case(s))
    }
}

fn is_res_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    matches!(w.as_str(), "res" | "res." | "resolution")
}

fn bare_year(term: &str) -> Option<u16> {
    (term.len() == 4 && term.bytes().all(|b| b.is_ascii_digit()))
        .then(|| term.parse().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

impl ResolutionIndex {
    /// Indexes the words of every roll call.
    pub fn new(roll_calls: &[RollCall]) -> ResolutionIndex {
        // Folded text of each roll call: the title, then the description and subjects.
        let folded: Vec<(String, String)> = roll_calls
            .iter()
            .map(|rc| {
                let mut rest = text::fold(&rc.description);
                for s in &rc.subjects {
                    rest.push(' ');
                    rest.push_str(&text::fold(s));
                }
                (text::fold(&rc.title), rest)
            })
            .collect();
        let mut ids: HashMap<&str, u32> = HashMap::with_capacity(32_768);
        let mut vocabulary: Vec<&str> = Vec::with_capacity(32_768);
        let mut postings: Vec<Vec<(u32, u16)>> = Vec::with_capacity(32_768);
        let mut lengths = Vec::with_capacity(roll_calls.len());
        let mut doc: Vec<(u32, u32)> = Vec::new();
        for (i, (title, rest)) in folded.iter().enumerate() {
            doc.clear();
            let words = tokens(title)
                .map(|w| (w, TITLE_WEIGHT))
                .chain(tokens(rest).map(|w| (w, 1)));
            for (w, weight) in words {
                let id = *ids.entry(w).or_insert_with(|| {
                    vocabulary.push(w);
                    postings.push(Vec::new());
                    (vocabulary.len() - 1) as u32
                });
                doc.push((id, weight));
            }
            doc.sort_unstable_by_key(|&(id, _)| id);
            let mut length = 0u32;
            for run in doc.chunk_by(|a, b| a.0 == b.0) {
                let n: u32 = run.iter().map(|&(_, w)| w).sum();
                length += n;
                postings[run[0].0 as usize].push((i as u32, u16::try_from(n).unwrap_or(u16::MAX)));
            }
            lengths.push(length as f32);
        }
        // Words in sorted order, for prefix ranges.
        let mut order: Vec<usize> = (0..vocabulary.len()).collect();
        order.sort_unstable_by_key(|&w| vocabulary[w]);
        let words: Vec<String> = order.iter().map(|&w| vocabulary[w].to_string()).collect();
        let mut postings: Vec<Option<Vec<(u32, u16)>>> = postings.into_iter().map(Some).collect();
        let postings: Vec<Vec<(u32, u16)>> = order
            .iter()
            .map(|&w| postings[w].take().unwrap_or_default())
            .collect();
        let mut by_first: HashMap<u8, (usize, usize)> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(&b) = w.as_bytes().first() {
                by_first.entry(b).or_insert((i, i)).1 = i + 1;
            }
        }
        let average = if lengths.is_empty() {
            1.0
        } else {
            (lengths.iter().sum::<f32>() / lengths.len() as f32).max(1.0)
        };
        let symbols = roll_calls
            .iter()
            .map(|rc| symbol::key(&rc.symbol))
            .collect();
        ResolutionIndex {
            words,
            postings,
            lengths,
            average,
            symbols,
            by_first,
            official: std::sync::OnceLock::new(),
        }
    }

    /// Number of distinct words indexed.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }

    /// Roll calls matching `query` (words, symbols, `year:`, `session:`, a bare year), best
    /// first, then newest first. A symbol in any spelling (`2758 (XXVI)`, `res 2758`, `V:1190`,
    /// a draft) finds its roll calls, the vote on the whole resolution first. Filters alone list
    /// their roll calls newest first; an empty query matches nothing.
    pub fn search(&self, data: &Dataset, query: &str) -> Vec<Hit> {
        let q = Query::parse(query);
        let n = self.lengths.len();
        // The words as one symbol first (a number that looks like a year may be part of it:
        // `2065 (XX)`), unless a bare year is all there is (`2022` is the year, `res 2022` the
        // resolution); then the words, a bare year narrowing them.
        let symbol = if q.words.trim().is_empty() {
            None
        } else {
            self.symbol_hits(data, &q.all_words)
        };
        let (mut hits, year) = if let Some(hits) = symbol {
            (hits, q.explicit_year)
        } else if q.words.trim().is_empty() {
            if q.year.is_none() && q.session.is_none() {
                return Vec::new();
            }
            (
                (0..n).map(|index| Hit { index, score: 0.0 }).collect(),
                q.year,
            )
        } else {
            let mut hits = self.word_hits(data, &q.words);
            // A state by a common name finds the titles that use its official one too: "north
            // korea" the votes on the "Democratic People's Republic of Korea".
            let official = self.official.get_or_init(|| official_names(data));
            for other in official_words(official, &q.words) {
                let known: std::collections::HashSet<usize> =
                    hits.iter().map(|h| h.index).collect();
                let more: Vec<Hit> = self
                    .word_hits(data, &other)
                    .into_iter()
                    .filter(|h| !known.contains(&h.index))
                    .collect();
                hits.extend(more);
            }
            (hits, q.year)
        };
        hits.retain(|h| {
            data.roll_calls
                .get(h.index)
                .is_some_and(|rc| q.admits_in(rc, year))
        });
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.index.cmp(&a.index)));
        hits
    }

    /// The whole query as one symbol: its roll calls, the one that answers for it first.
    fn symbol_hits(&self, data: &Dataset, words: &str) -> Option<Vec<Hit>> {
        let found = data.find_roll_calls(words);
        let main = data.main_roll_call(&found)?;
        Some(
            found
                .iter()
                .map(|&index| Hit {
                    index,
                    score: if index == main { 100.0 } else { 50.0 },
                })
                .collect(),
        )
    }

    fn word_hits(&self, data: &Dataset, words: &str) -> Vec<Hit> {
        let n = self.lengths.len();
        let folded = text::fold(words);
        let mut terms: Vec<String> = Vec::new();
        for raw in folded.split_whitespace() {
            if is_symbol(raw) {
                terms.push(raw.to_string());
            } else {
                terms.extend(tokens(raw).map(|t| t.chars().take(MAX_WORD).collect()));
            }
        }
        if terms.iter().any(|t| !STOPWORDS.contains(&t.as_str())) {
            terms.retain(|t| !STOPWORDS.contains(&t.as_str()));
        }
        terms.dedup();
        terms.truncate(MAX_TERMS);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut total = vec![0f32; n];
        let mut matched = vec![0u8; n];
        let mut term_scores = vec![0f32; n];
        for term in &terms {
            term_scores.iter_mut().for_each(|s| *s = 0.0);
            if is_symbol(term) {
                self.score_symbol(term, &mut term_scores);
            } else {
                self.score_word(term, &mut term_scores);
            }
            for i in 0..n {
                if term_scores[i] > 0.0 {
                    total[i] += term_scores[i];
                    matched[i] += 1;
                }
            }
        }
        let need = terms.len() as u8;
        (0..n)
            .filter(|&i| matched[i] == need)
            .map(|index| {
                let rc = &data.roll_calls[index];
                let mut score = total[index];
                if rc.kind != Kind::Resolution {
                    score *= 0.85;
                }
                if !rc.counts() {
                    score *= 0.5;
                }
                Hit { index, score }
            })
            .collect()
    }

    /// A term that looks like a symbol matches symbols: a whole number (`es-10/1`, `68/26`)
    /// that number and its parts only; a session (`es-11`, `78/`) every symbol in it.
    fn score_symbol(&self, term: &str, scores: &mut [f32]) {
        let key = symbol::key(term);
        let numbered = key
            .rsplit_once('/')
            .is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit()));
        for (i, s) in self.symbols.iter().enumerate() {
            if *s == key {
                scores[i] = scores[i].max(20.0);
            } else if s.is_empty() {
                continue;
            } else if numbered {
                if symbol::base(s) == key {
                    scores[i] = scores[i].max(15.0);
                }
            } else if s.starts_with(&key) {
                scores[i] = scores[i].max(10.0);
            }
        }
    }

    /// The vocabulary words a query word stands for, each with its weight.
    fn candidates(&self, word: &str) -> Vec<(usize, f32)> {
        let mut out: Vec<(usize, f32)> = Vec::new();
        let start = self.words.partition_point(|w| w.as_str() < word);
        let end = start + self.words[start..].partition_point(|w| w.starts_with(word));
        for w in start..end {
            let weight = if self.words[w] == word { 1.0 } else { PREFIX };
            out.push((w, weight));
        }
        // Folded words are ASCII: lengths and edits count bytes.
        let len = word.len();
        if len < 4 {
            return out;
        }
        let max = if len >= 8 { 2 } else { 1 };
        // Candidates share the first letter, or (a swap at the start) begin with the second.
        let mut firsts: Vec<u8> = word.bytes().take(2).collect();
        firsts.dedup();
        for first in firsts {
            let Some(&(lo, hi)) = self.by_first.get(&first) else {
                continue;
            };
            for w in lo..hi {
                if (start..end).contains(&w) {
                    continue;
                }
                let cand = &self.words[w];
                let clen = cand.len();
                if clen.abs_diff(len) > max || clen < 4 {
                    continue;
                }
                let d = edit_distance(word.as_bytes(), cand.as_bytes(), max);
                if d <= max {
                    out.push((w, if d <= 1 { ONE_EDIT } else { TWO_EDITS }));
                }
            }
        }
        // A typed word that is itself a rare typo in the data weighs no more than the word
        // it was meant to be.
        let df = |w: usize| self.postings[w].len() as u32;
        let most_common_near = out
            .iter()
            .filter(|&&(_, wt)| wt == ONE_EDIT)
            .map(|&(w, _)| df(w))
            .max()
            .unwrap_or(0);
        for (w, weight) in &mut out {
            if *weight > ONE_EDIT && df(*w) * TYPO_RATIO < most_common_near {
                *weight = ONE_EDIT;
            }
        }
        out
    }

    /// Scores every roll call for one query word: BM25 over the best of its candidate words.
    fn score_word(&self, word: &str, scores: &mut [f32]) {
        let candidates = self.candidates(word);
        if candidates.is_empty() {
            return;
        }
        let mut df = 0usize;
        for &(w, weight) in &candidates {
            for &(i, tf) in &self.postings[w] {
                let i = i as usize;
                let tf = f32::from(tf);
                let norm = K1 * (1.0 - B + B * self.lengths[i] / self.average);
                let s = weight * tf * (K1 + 1.0) / (tf + norm);
                if scores[i] == 0.0 {
                    df += 1;
                }
                scores[i] = scores[i].max(s);
            }
        }
        let n = self.lengths.len() as f32;
        let df = df as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        for s in scores.iter_mut().filter(|s| **s > 0.0) {
            *s *= idf;
        }
    }
}

/// Whether a query term is a resolution symbol rather than words.
fn is_symbol(term: &str) -> bool {
    term.contains('/') || term.starts_with("es-")
}

/// The words of folded text: runs of letters and digits.
fn tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The words with a state's common name or alias (`north korea`, `dprk`) replaced by its
/// official name as UN titles write it, when that differs; None when the words name no state
/// that way.
fn official_words(names: &[(String, String)], words: &str) -> Vec<String> {
    let folded = format!(" {} ", super::text::fold(words));
    let mut out: Vec<String> = names
        .iter()
        .filter(|(needle, _)| folded.contains(needle.as_str()))
        .map(|(needle, name)| folded.replacen(needle.as_str(), name, 1).trim().to_string())
        .collect();
    out.dedup();
    out.truncate(4);
    out
}

/// `( " alias ", " name " )`, folded: for every state, each common name or alias that is not
/// part of its display or official name, with each of those two names.
fn official_names(data: &Dataset) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in &data.countries {
        let display = super::text::fold(c.name.trim());
        let official = super::text::fold(c.official_name.trim());
        // Its names in the data, and the everyday ones people type (DPRK, Burma, Ivory Coast).
        let everyday = super::country_search::COMMON_NAMES
            .iter()
            .filter(|(code, _)| *code == c.code)
            .flat_map(|(_, names)| names.iter().map(|n| (*n).to_string()));
        let names: Vec<String> = std::iter::once(c.name.clone())
            .chain(c.aliases.iter().cloned())
            .chain(everyday)
            .collect();
        for name in &names {
            let alias = super::text::fold(name.trim());
            for target in [&display, &official] {
                if !target.is_empty() && alias.len() >= 3 && !target.contains(&alias) {
                    out.push((format!(" {alias} "), format!(" {target} ")));
                }
            }
        }
    }
    out
}

/// Splits `vote:no` (`yes`, `abstain`, `absent`) from the rest of a filter; an unknown vote is
/// an error naming the four.
pub fn vote_term(filter: &str) -> (String, Result<Option<super::model::Vote>, String>) {
    let mut rest = Vec::new();
    let mut vote = Ok(None);
    for term in filter.split_whitespace() {
        match term.to_ascii_lowercase().strip_prefix("vote:") {
            Some(v) => {
                vote = match v {
                    "yes" | "y" => Ok(Some(super::model::Vote::Yes)),
                    "no" | "n" => Ok(Some(super::model::Vote::No)),
                    "abstain" | "a" => Ok(Some(super::model::Vote::Abstain)),
                    "absent" | "non_voting" | "x" => Ok(Some(super::model::Vote::NonVoting)),
                    "" => Ok(None),
                    other => Err(format!(
                        "vote:{other}? use vote:yes, vote:no, vote:abstain or vote:absent"
                    )),
                }
            }
            None => rest.push(term),
        }
    }
    (rest.join(" "), vote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Country;

    fn rc(id: &str, symbol: &str, date: &str, title: &str) -> RollCall {
        RollCall {
            id: id.into(),
            symbol: symbol.into(),
            session: "1".into(),
            date: date.into(),
            title: title.into(),
            votes: "Y".into(),
            ..RollCall::default()
        }
    }

    fn sample() -> Dataset {
        let roll_calls = vec![
            rc(
                "r0",
                "A/RES/68/262",
                "2014-03-27",
                "Territorial integrity of Ukraine",
            ),
            rc(
                "r1",
                "A/RES/ES-11/1",
                "2022-03-02",
                "Aggression against Ukraine",
            ),
            rc(
                "r2",
                "A/RES/ES-11/6",
                "2023-02-23",
                "Principles of the Charter underlying a comprehensive, just and lasting peace \
                 in Ukraine, and the obligations of states under the Charter of the United Nations",
            ),
            rc(
                "r3",
                "A/RES/77/1",
                "2022-10-01",
                "Ukrainian grain and the Charter",
            ),
            rc(
                "r4",
                "A/RES/2758(XXVI)",
                "1971-10-25",
                "China representation",
            ),
            rc("r5", "", "1985-12-10", "Policies of aparthied"),
            rc(
                "r6",
                "",
                "1985-12-10",
                "Policies of apartheid of South Africa",
            ),
            rc("r7", "", "1986-12-10", "Policies of apartheid"),
        ];
        let countries = vec![Country {
            code: "AAA".into(),
            name: "A".into(),
            ..Country::default()
        }];
        Dataset::new(countries, roll_calls, String::new()).unwrap()
    }

    fn ids(data: &Dataset, q: &str) -> Vec<String> {
        let idx = ResolutionIndex::new(&data.roll_calls);
        idx.search(data, q)
            .iter()
            .map(|h| data.roll_calls[h.index].id.to_string())
            .collect()
    }

    #[test]
    fn short_titles_about_the_query_rank_first() {
        let data = sample();
        let hits = ids(&data, "ukraine");
        assert_eq!(hits.len(), 3, "'ukrainian' is not 'ukraine': {hits:?}");
        assert_eq!(hits[2], "r2", "the long title ranks last: {hits:?}");
        assert_eq!(
            ids(&data, "ukrain").len(),
            4,
            "a prefix finds 'ukrainian' too"
        );
    }

    #[test]
    fn typos_are_forgiven() {
        let data = sample();
        for typo in ["ukriane", "ukrsine", "ukrane", "ukrainee"] {
            assert_eq!(ids(&data, typo).len(), 3, "{typo}");
        }
        let apartheid = ids(&data, "aparthied");
        assert_eq!(apartheid.len(), 3, "{apartheid:?}");
        assert_eq!(ids(&data, "apartheed").len(), 3);
    }

    #[test]
    fn every_term_must_match_and_years_narrow() {
        let data = sample();
        assert_eq!(ids(&data, "charter peace"), ["r2"]);
        assert!(ids(&data, "charter zebra").is_empty());
        assert!(ids(&data, "   ").is_empty());
        assert_eq!(ids(&data, "ukraine 2022"), ["r1"]);
        assert_eq!(ids(&data, "apartheid year:1986"), ["r7"]);
        assert_eq!(ids(&data, "2014"), ["r0"]);
        assert_eq!(
            ids(&data, "1971"),
            ["r4"],
            "a bare year, not resolution 1971"
        );
    }

    #[test]
    fn symbols_in_any_spelling() {
        let data = sample();
        assert_eq!(ids(&data, "es-11"), ["r2", "r1"]);
        assert!(
            ids(&data, "es-11/60").is_empty(),
            "a number finds itself, not 60-69"
        );
        assert!(ids(&data, "68/26").is_empty());
        assert_eq!(ids(&data, "A/RES/ES-11/6"), ["r2"]);
        assert_eq!(ids(&data, "68/262"), ["r0"]);
        for q in ["2758", "res 2758", "2758 (XXVI)", "A/RES/2758(XXVI)", "r4"] {
            assert_eq!(ids(&data, q), ["r4"], "{q}");
        }
    }

    #[test]
    fn queries_split_into_words_and_filters() {
        let q = Query::parse("ukraine year:2022 s:es-11");
        assert_eq!(q.words, "ukraine");
        assert_eq!(q.year, Some(2022));
        assert_eq!(q.session.as_deref(), Some("ES-11"));
        assert_eq!(Query::parse("south africa 1985").year, Some(1985));
        assert_eq!(Query::parse("res 1985").words, "res 1985");
        assert_eq!(Query::parse("1514").words, "1514");
        let q = Query::parse("2065 (XX)");
        assert_eq!((q.all_words.as_str(), q.year), ("2065 (XX)", Some(2065)));
    }
}
