//! Fuzzy country search over every name a state goes by: display, official and UN names, the
//! spellings of the sources, ISO codes, common abbreviations (DPRK, UK, UAE, DRC, Soviet Union,
//! Ivory Coast…) and the names of the seat over time (Upper Volta, Ceylon, Zaire; see
//! `names`). Matching is accent- and case-insensitive and forgives typos (`isreal`,
//! `phillipines`, `north koria`: an edit distance on the whole name, its start and its words);
//! a historical name or alias carries a remark saying when it was the seat's name. Highlight
//! positions are character indices into the name that matched.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::dataset::Dataset;
use super::model::Country;
use super::names::{Name, Names};
use super::text::{self, edit_distance};

/// Everyday names and abbreviations that the sources do not carry, by ISO-3 code.
pub const COMMON_NAMES: &[(&str, &[&str])] = &[
    ("ARE", &["UAE", "Emirates"]),
    ("BIH", &["Bosnia"]),
    ("CAF", &["CAR"]),
    ("CHN", &["PRC"]),
    ("CIV", &["Ivory Coast"]),
    ("COD", &["DRC", "DR Congo", "Congo-Kinshasa", "Zaire"]),
    ("COG", &["Congo-Brazzaville"]),
    ("CPV", &["Cape Verde"]),
    ("CZE", &["Czech Republic"]),
    ("GBR", &["UK", "Britain", "Great Britain", "England"]),
    ("KOR", &["ROK", "South Korea"]),
    ("LAO", &["Laos"]),
    (
        "MKD",
        &[
            "Macedonia",
            "FYROM",
            "The former Yugoslav Republic of Macedonia",
        ],
    ),
    ("MMR", &["Burma"]),
    ("NLD", &["Holland"]),
    ("PRK", &["DPRK", "North Korea"]),
    ("RUS", &["Russian Federation"]),
    ("SAU", &["KSA"]),
    ("SUN", &["USSR", "Soviet Union"]),
    ("SWZ", &["Swaziland"]),
    ("SYR", &["Syrian Arab Republic"]),
    ("TLS", &["East Timor"]),
    ("TUR", &["Turkey"]),
    ("TZA", &["Tanzania"]),
    ("USA", &["US", "America", "United States of America"]),
    ("VNM", &["Vietnam"]),
    ("YMD", &["South Yemen"]),
    ("DDR", &["East Germany", "GDR"]),
    ("DEU", &["West Germany", "FRG"]),
];

/// One searchable name of one country.
#[derive(Debug, Clone)]
struct Entry {
    country: usize,
    name: String,
    folded: String,
    /// For each character of `folded`, the index of the character of `name` it came from.
    origin: Vec<usize>,
    /// Codes and abbreviations match only in full or as a prefix, never as a scattered subsequence.
    is_code: bool,
    /// What the name was (`its name from … to …`), for names of the seat over time and aliases.
    remark: Option<String>,
    /// The country's display name (preferred among equal matches).
    primary: bool,
}

/// A ranked match: the country, the name that matched and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMatch {
    /// Index into the dataset's countries.
    pub index: usize,
    /// The name, alias or code that matched best.
    pub matched: String,
    /// Higher is better.
    pub score: i64,
    /// Character indices into `matched` to highlight.
    pub positions: Vec<usize>,
    /// What the matched name was, where it is not a present name (`its name from … to …`).
    pub remark: Option<String>,
}

/// A search index over countries, built once.
pub struct CountrySearch {
    entries: Vec<Entry>,
    names: Vec<String>,
    non_members: Vec<(String, Name)>,
    matcher: SkimMatcherV2,
}

impl CountrySearch {
    /// The least score of a match that is a name, a code, the start of a name or a name with a
    /// few typos; below it, only letters scattered in order.
    pub const GOOD: i64 = 700;

    /// Indexes every name of every country of a dataset, with its names over time.
    pub fn for_dataset(data: &Dataset) -> CountrySearch {
        CountrySearch::new(&data.countries, &data.names)
    }

    /// Indexes every name of every country, and the names of the `names` table.
    pub fn new(countries: &[Country], names: &Names) -> CountrySearch {
        let mut entries = Vec::new();
        for (i, c) in countries.iter().enumerate() {
            let mut seen: Vec<String> = Vec::new();
            for row in names.of(&c.code) {
                let (folded, origin) = fold_with_origin(&row.name);
                if folded.is_empty() || seen.contains(&folded) {
                    continue;
                }
                seen.push(folded.clone());
                entries.push(Entry {
                    country: i,
                    name: row.name.clone(),
                    folded,
                    origin,
                    is_code: false,
                    remark: Some(row.remark()),
                    primary: false,
                });
            }
            let common = COMMON_NAMES
                .iter()
                .find(|(code, _)| *code == c.code)
                .map_or(&[][..], |(_, n)| *n);
            let names = [&c.name, &c.official_name, &c.un_name]
                .into_iter()
                .chain(&c.aliases)
                .map(String::as_str);
            let mut push = |name: &str, is_code: bool| {
                let (folded, origin) = fold_with_origin(name);
                if folded.is_empty() || seen.contains(&folded) {
                    return;
                }
                seen.push(folded.clone());
                entries.push(Entry {
                    country: i,
                    name: name.to_string(),
                    folded,
                    origin,
                    is_code,
                    remark: None,
                    primary: name == c.name,
                });
            };
            names
                .chain(common.iter().copied())
                .for_each(|n| push(n, n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase())));
            push(&c.code, true);
            push(&c.iso2, true);
        }
        let non_members = names
            .rows
            .iter()
            .filter(|r| r.is_non_member())
            .map(|r| (text::fold(&r.name), r.clone()))
            .collect();
        let names = countries.iter().map(|c| c.name.clone()).collect();
        CountrySearch {
            entries,
            names,
            non_members,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// A place the query names (exactly or with a typo) that never held a seat, such as East
    /// Pakistan, with what it was.
    pub fn non_member(&self, query: &str) -> Option<&Name> {
        let q = text::fold(query.trim());
        if q.is_empty() {
            return None;
        }
        // One typo at most: a near name (`west pakistan`) may be a real seat's.
        let max = typos(q.len()).min(1);
        self.non_members
            .iter()
            .find(|(folded, _)| edit_distance(q.as_bytes(), folded.as_bytes(), max) <= max)
            .map(|(_, n)| n)
    }

    /// The best match for a non-empty query.
    pub fn best(&self, query: &str) -> Option<usize> {
        if query.trim().is_empty() {
            return None;
        }
        self.search(query).first().map(|m| m.index)
    }

    /// Countries matching `query`, best first (ties by name); every country, by name, when the
    /// query is empty.
    pub fn search(&self, query: &str) -> Vec<CountryMatch> {
        let q = text::fold(query.trim());
        if q.is_empty() {
            let mut all: Vec<CountryMatch> = (0..self.names.len())
                .map(|i| CountryMatch {
                    index: i,
                    matched: self.names[i].clone(),
                    score: 0,
                    positions: vec![],
                    remark: None,
                })
                .collect();
            all.sort_by(|a, b| a.matched.cmp(&b.matched));
            return all;
        }
        // The best entry of each country: (score, entry, what matched).
        let mut best: Vec<Option<(i64, usize, Mark)>> = vec![None; self.names.len()];
        for (n, e) in self.entries.iter().enumerate() {
            let Some((score, mark)) = self.score(e, &q) else {
                continue;
            };
            let slot = &mut best[e.country];
            if slot.is_none_or(|(b, _, _)| score > b) {
                *slot = Some((score, n, mark));
            }
        }
        let top = best.iter().flatten().map(|b| b.0).max().unwrap_or(0);
        let mut out: Vec<CountryMatch> = best
            .into_iter()
            .flatten()
            // Letters scattered through a long official name score far below a real match:
            // drop matches under a quarter of the best one ("korea" must not list "United
            // Kingdom").
            .filter(|&(score, _, _)| score * 4 >= top)
            .map(|(score, n, mark)| {
                let e = &self.entries[n];
                let positions = self
                    .positions(e, &q, mark)
                    .iter()
                    .filter_map(|&p| e.origin.get(p).copied())
                    .collect();
                CountryMatch {
                    index: e.country,
                    matched: e.name.clone(),
                    score,
                    positions,
                    remark: e.remark.clone(),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.names[a.index].cmp(&self.names[b.index]))
        });
        out
    }

    /// Scores one name: exact 10,000; the name starts with the query 5,000; a word of it equals
    /// the query 4,000; within a few edits of the whole name 3,000, of its start 2,500, of one of
    /// its words 2,000 (less 400 an edit); otherwise the fuzzy matcher's score (letters in
    /// order), far below; a query of several words some of which are the name's, 1,000 and 40 a letter found.
    /// Codes match only in full or as a prefix. Folded names are ASCII, so
    /// lengths count bytes; what to highlight is worked out only for the winner ([`Self::positions`]).
    fn score(&self, e: &Entry, q: &str) -> Option<(i64, Mark)> {
        let (name, query) = (e.folded.as_bytes(), q.as_bytes());
        let qlen = query.len();
        if name == query {
            return Some((10_000, Mark::Start));
        }
        if e.is_code {
            return name.starts_with(query).then_some((1_000, Mark::Start));
        }
        if name.starts_with(query) {
            let longer = name.len().saturating_sub(qlen) as i64;
            let primary = if e.primary { 50 } else { 0 };
            return Some((5_000 + primary - longer.min(100), Mark::Start));
        }
        let max = typos(qlen);
        let mut best: Option<(i64, Mark)> = None;
        let mut offer = |score: i64, mark: Mark| {
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, mark));
            }
        };
        let mut at = 0;
        for word in name.split(|&b| b == b' ') {
            if word == query {
                offer(4_000, Mark::Letters(at, at + word.len()));
            } else if max > 0 && word.len().abs_diff(qlen) <= max {
                let d = edit_distance(query, word, max);
                if d <= max {
                    offer(2_000 - 400 * d as i64, Mark::Letters(at, at + word.len()));
                }
            }
            at += word.len() + 1;
        }
        if max > 0 {
            let d = edit_distance(query, name, max);
            if d <= max {
                offer(3_000 - 400 * d as i64, Mark::Letters(0, name.len()));
            }
            if name.len() > qlen {
                let d = edit_distance(query, &name[..qlen], max);
                if d <= max {
                    offer(2_500 - 400 * d as i64, Mark::Letters(0, qlen));
                }
            }
        }
        // Several words, some of them the name's (`west pakistan`): 1,000 and 40 a letter of
        // the words found.
        if best.is_none() && query.contains(&b' ') {
            let words: Vec<&[u8]> = name.split(|&b| b == b' ').collect();
            let found: usize = query
                .split(|&b| b == b' ')
                .filter(|w| w.len() >= 4)
                .filter(|w| {
                    let max = typos(w.len());
                    words.iter().any(|n| edit_distance(w, n, max) <= max)
                })
                .map(<[u8]>::len)
                .sum();
            if found > 0 {
                best = Some((1_000 + 40 * found as i64, Mark::Letters(0, name.len())));
            }
        }
        if best.is_none() {
            best = self
                .matcher
                .fuzzy_match(&e.folded, q)
                .map(|score| (score, Mark::Fuzzy));
        }
        best
    }

    /// The characters of the folded name to highlight for a match.
    fn positions(&self, e: &Entry, q: &str, mark: Mark) -> Vec<usize> {
        let name = e.folded.as_bytes();
        match mark {
            Mark::Start => (0..q.len().min(name.len())).collect(),
            Mark::Letters(start, end) => {
                // The name's letters that the query has, in order.
                let mut out = Vec::new();
                let mut at = start;
                for &c in q.as_bytes() {
                    if let Some(p) = (at..end.min(name.len())).find(|&p| name[p] == c) {
                        out.push(p);
                        at = p + 1;
                    }
                }
                out
            }
            Mark::Fuzzy => self
                .matcher
                .fuzzy_indices(&e.folded, q)
                .map(|(_, p)| p)
                .unwrap_or_default(),
        }
    }
}

/// What of a name matched: its start, letters within a span, or letters scattered in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Start,
    Letters(usize, usize),
    Fuzzy,
}

/// How many typos a query of `len` letters may carry: none up to three letters, one up to five,
/// two up to nine, three beyond.
fn typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

/// Folds a name character by character, remembering where each folded character came from.
fn fold_with_origin(name: &str) -> (String, Vec<usize>) {
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in name.chars().enumerate() {
        for f in text::fold(c.encode_utf8(&mut [0; 4])).chars() {
            folded.push(f);
            origin.push(i);
        }
    }
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str, name: &str, aliases: &[&str]) -> Country {
        Country {
            code: code.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            ..Country::default()
        }
    }

    fn sample() -> Vec<Country> {
        vec![
            country(
                "PRK",
                "North Korea",
                &["Democratic People's Republic of Korea"],
            ),
            country("KOR", "South Korea", &["Republic of Korea"]),
            country("TUR", "Türkiye", &["TÜRKİYE"]),
            country("GBR", "United Kingdom", &[]),
            country("UKR", "Ukraine", &[]),
        ]
    }

    #[test]
    fn typos_and_abbreviations_find_the_state() {
        let s = CountrySearch::new(&sample(), &Names::default());
        let names = |q: &str| {
            s.search(q)
                .iter()
                .map(|m| sample()[m.index].code.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("nrth korea")[0], "PRK");
        assert_eq!(names("dprk")[0], "PRK");
        assert_eq!(names("uk")[0], "GBR");
        assert_eq!(names("turkiye")[0], "TUR");
        assert_eq!(names("turkey")[0], "TUR");
        assert_eq!(
            names("korea"),
            ["PRK", "KOR"],
            "no scattered-letter matches"
        );
    }

    #[test]
    fn positions_are_characters_of_the_matched_name() {
        let s = CountrySearch::new(&sample(), &Names::default());
        let m = &s.search("turk")[0];
        assert_eq!(m.matched, "Türkiye");
        assert_eq!(m.positions, vec![0, 1, 2, 3]);
        let d = &s.search("democratic")[0];
        assert_eq!(d.matched, "Democratic People's Republic of Korea");
    }

    #[test]
    fn empty_query_lists_everyone_by_name() {
        let s = CountrySearch::new(&sample(), &Names::default());
        let all = s.search("  ");
        assert_eq!(all.len(), 5);
        assert_eq!(all[0].matched, "North Korea");
    }
}
