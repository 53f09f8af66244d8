//! The loaded dataset: countries, roll calls (oldest first), quotes, and what is computed once at
//! load — every roll call's tally and the indexes by country code, roll-call id and symbol.

use std::collections::HashMap;
use std::sync::OnceLock;

use anyhow::{Result, bail};

use super::image;
use super::model::{Codes, Country, Kind, NOT_MEMBER, Quote, RollCall, Str, Tally, Vote};
use super::names::Names;
use super::symbol;

/// Attribution the sources ask for, shown by the app and stored in the native file.
pub const ATTRIBUTION: &str = "Voting data: E. Voeten, UN General Assembly Voting Data (Harvard \
Dataverse, CC0); United Nations (DGACM machine-readable GA resolutions); United Nations Dag \
Hammarskjöld Library (GA voting data, record 4060887, via tomasgonz/worldcountrygroups). Dates, \
symbols and titles: United Nations Dag Hammarskjöld Library, Voting Data records (crawl of March \
2024 by lefthand67/un_votes)";

/// A problem found while checking a roll call, with what it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The roll call's id.
    pub roll_call: String,
    /// What is wrong.
    pub message: String,
}

/// Everything loaded, checked and indexed.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Countries, in the order of every roll call's vote string.
    pub countries: Vec<Country>,
    /// Roll calls, oldest first.
    pub roll_calls: Vec<RollCall>,
    /// Attributed quotes.
    pub quotes: Vec<Quote>,
    /// Attribution of the data's sources.
    pub attribution: String,
    /// The names of the seats over time (the bundled table).
    pub names: Names,
    /// For each country, its dated rows of `names`.
    dated_names: Vec<Vec<usize>>,
    tallies: Vec<Tally>,
    by_name: Vec<usize>,
    by_code: HashMap<String, usize>,
    by_id: Ids,
    /// Built on the first lookup by symbol: a ranking or the explorer's launch never waits for
    /// it.
    symbols: OnceLock<Symbols>,
}

/// The roll calls by the keys of their symbols, drafts, bases and bare numbers
/// ([`symbol::lookup_keys`]): maps built from the roll calls, or the sorted tables the built-in
/// image carries.
#[derive(Debug, Clone)]
enum Symbols {
    Built([HashMap<String, Vec<usize>>; 3]),
    Image([image::Table; 3]),
}

/// The tables of [`Symbols`]: whole keys, bases, bare numbers.
const SYMBOL: usize = 0;
const BASE: usize = 1;
const NUMBER: usize = 2;

impl Symbols {
    fn new(roll_calls: &[RollCall]) -> Symbols {
        let mut maps: [HashMap<String, Vec<usize>>; 3] = Default::default();
        for (i, rc) in roll_calls.iter().enumerate() {
            let keys = symbol::lookup_keys(&rc.symbol, &rc.undl_symbol, &rc.draft);
            for (map, keys) in maps.iter_mut().zip([keys.symbol, keys.base, keys.number]) {
                for key in keys {
                    map.entry(key).or_default().push(i);
                }
            }
        }
        Symbols::Built(maps)
    }

    /// The roll calls table `which` lists under `key`, oldest first; None when it has none.
    fn find(&self, which: usize, key: &str) -> Option<Vec<usize>> {
        match self {
            Symbols::Built(maps) => maps[which].get(key).cloned(),
            Symbols::Image(tables) => Some(tables[which].get(key)).filter(|v| !v.is_empty()),
        }
    }
}

/// The roll calls by id: a map, or the built-in image's sorted table.
#[derive(Debug, Clone)]
enum Ids {
    Map(HashMap<Str, usize>),
    Image(image::Table),
}

impl Default for Ids {
    fn default() -> Ids {
        Ids::Map(HashMap::new())
    }
}

impl Ids {
    fn get(&self, id: &str) -> Option<usize> {
        match self {
            Ids::Map(map) => map.get(id).copied(),
            Ids::Image(table) => table.get(id).first().copied(),
        }
    }
}

impl Dataset {
    /// Checks and indexes a dataset. Fails on the first structural problem (a vote string of the
    /// wrong length or with an unknown code, a duplicate id or country, a quality flag not
    /// understood, a date not of the calendar), naming the roll call.
    pub fn new(
        countries: Vec<Country>,
        mut roll_calls: Vec<RollCall>,
        attribution: String,
    ) -> Result<Dataset> {
        let by_code = index_countries(&countries)?;
        roll_calls.sort_by(|a, b| a.date.cmp(&b.date));
        settle_kinds(&mut roll_calls);
        let mut by_id = HashMap::with_capacity(roll_calls.len());
        let mut tallies = Vec::with_capacity(roll_calls.len());
        for (i, rc) in roll_calls.iter().enumerate() {
            // One pass over the votes both checks their codes and counts them.
            let codes = Codes::count(rc.votes.as_bytes());
            check_votes(rc, countries.len(), &codes)?;
            if by_id.insert(rc.id.clone(), i).is_some() {
                bail!("roll call {} is listed twice", rc.id);
            }
            if let Err(e) = super::model::Flag::parse(&rc.quality) {
                bail!("roll call {}: {e}", rc.id);
            }
            if let Err(e) = super::date::check(&rc.date, rc.date_precision) {
                bail!("roll call {}: date {e}", rc.id);
            }
            tallies.push(codes.tally);
        }
        Dataset::assemble(
            countries,
            by_code,
            roll_calls,
            tallies,
            attribution,
            Ids::Map(by_id),
        )
    }

    /// The dataset of the built-in image: its lookup tables instead of maps, and without the
    /// checks of [`Dataset::new`] on every roll call — the image is built from `data/unga.json`
    /// when the program is, and a test proves it gives the very dataset `new` checks and builds
    /// from that file. An image whose roll calls are not in date order goes through `new`.
    pub fn from_image(image: image::Image) -> Result<Dataset> {
        let attribution = image.attribution.to_string();
        if !image.roll_calls.is_sorted_by(|a, b| a.date <= b.date) {
            return Dataset::new(image.countries, image.roll_calls, attribution);
        }
        let by_code = index_countries(&image.countries)?;
        let mut roll_calls = image.roll_calls;
        settle_kinds(&mut roll_calls);
        let tallies = image.tallies;
        let ids = Ids::Image(image.ids);
        let data = Dataset::assemble(
            image.countries,
            by_code,
            roll_calls,
            tallies,
            attribution,
            ids,
        )?;
        let _ = data.symbols.set(Symbols::Image(image.symbols));
        Ok(data)
    }

    /// The dataset around checked roll calls: the names over time, the countries in name order.
    fn assemble(
        countries: Vec<Country>,
        by_code: HashMap<String, usize>,
        roll_calls: Vec<RollCall>,
        tallies: Vec<Tally>,
        attribution: String,
        by_id: Ids,
    ) -> Result<Dataset> {
        let names = Names::bundled()?;
        let dated_names = countries
            .iter()
            .map(|c| {
                (names.rows.iter().enumerate())
                    .filter(|(_, r)| r.code == c.code && r.is_dated())
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        let mut by_name: Vec<usize> = (0..countries.len()).collect();
        by_name.sort_by_cached_key(|&i| super::text::fold(&countries[i].name));
        Ok(Dataset {
            countries,
            roll_calls,
            quotes: Vec::new(),
            attribution,
            dated_names,
            names,
            tallies,
            by_name,
            by_code,
            by_id,
            symbols: OnceLock::new(),
        })
    }

    /// The counted tally of roll call `index`.
    pub fn tally(&self, index: usize) -> Tally {
        self.tallies.get(index).copied().unwrap_or_default()
    }

    /// The index of the country with ISO-3 `code` (exact, upper case).
    pub fn country_index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The roll calls a symbol finds, in any spelling people write it: the roll call with that
    /// id (`V:1190`, `v:1190`, `U:A/RES/ES-11/6`); the symbol (`ES-11/6`, `a/res/es-11/6`,
    /// `2758 (XXVI)`, `A/RES/181(II) A`), the UN Library's symbol (`A/RES/181(II)[A]`) or a draft
    /// (`A/ES-11/L.7`); failing that, every part of it (`181 (II)` finds parts A and B); and a
    /// bare number (`2758`, `res 2758`) finds the resolution of sessions 1–30 with that number.
    /// Oldest first.
    pub fn find_roll_calls(&self, query: &str) -> Vec<usize> {
        let q = query.trim();
        if let Some(i) = self
            .by_id
            .get(q)
            .or_else(|| self.by_id.get(id_key(q).as_str()))
        {
            return vec![i];
        }
        let key = symbol::key(q);
        if key.is_empty() {
            return Vec::new();
        }
        let symbols = self.symbols.get_or_init(|| Symbols::new(&self.roll_calls));
        if let Some(found) = symbols.find(SYMBOL, &key) {
            return found;
        }
        if symbol::is_draft(&key) {
            return Vec::new();
        }
        // Every part of a symbol given without its part (`181 (II)` for A and B), or the
        // resolution of sessions 1–30 with a bare number.
        let base = symbol::base(&key);
        [BASE, NUMBER]
            .into_iter()
            .find_map(|which| symbols.find(which, base))
            .unwrap_or_default()
    }

    /// Among several roll calls under one symbol, the one that answers for it: the vote on the
    /// resolution as a whole (unflagged first, the earliest of several parts), else the first
    /// unflagged one, else the first.
    pub fn main_roll_call(&self, indices: &[usize]) -> Option<usize> {
        let rc = |i: usize| &self.roll_calls[i];
        let find = |f: &dyn Fn(&RollCall) -> bool| indices.iter().copied().find(|&i| f(rc(i)));
        find(&|r| r.kind == Kind::Resolution && r.counts())
            .or_else(|| find(&|r| r.kind == Kind::Resolution))
            .or_else(|| find(&|r| r.counts()))
            .or_else(|| indices.first().copied())
    }

    /// The states that voted `vote` on roll call `index`, as country indices in the order of
    /// the names they had that day (see [`Dataset::name_in`]).
    pub fn voters(&self, index: usize, vote: Vote) -> Vec<usize> {
        let code = vote.code();
        let Some(rc) = self.roll_calls.get(index) else {
            return Vec::new();
        };
        let votes = rc.votes.as_bytes();
        let mut out: Vec<usize> = self
            .by_name
            .iter()
            .copied()
            .filter(|&i| votes.get(i) == Some(&code))
            .collect();
        if out
            .iter()
            .any(|&i| !self.dated_names.get(i).is_none_or(Vec::is_empty))
        {
            out.sort_by_cached_key(|&i| super::text::fold(&self.name_in(i, rc)));
        }
        out
    }

    /// The name the country at `index` had on the day of roll call `rc` (`Upper Volta` in
    /// 1971), or its display name. For a roll call known only to its month in which the name
    /// changed, both: `Siam / Thailand`.
    pub fn name_in(&self, index: usize, rc: &RollCall) -> std::borrow::Cow<'_, str> {
        let present = self.countries.get(index).map_or("", |c| c.name.as_str());
        if rc.date_precision == super::model::Precision::Month {
            let month = rc.shown_date();
            let first = self.former_name(index, &format!("{month}-01"));
            let last = self.former_name(index, &format!("{month}-31"));
            if first != last {
                let name = |n: Option<&str>| n.unwrap_or(present).to_string();
                return format!("{} / {}", name(first), name(last)).into();
            }
            return first.unwrap_or(present).into();
        }
        self.former_name(index, &rc.date).unwrap_or(present).into()
    }

    /// The name the country at `index` had on `date` where it differs from its present one.
    fn former_name(&self, index: usize, date: &str) -> Option<&str> {
        let day = date.get(..10).unwrap_or(date);
        self.dated_names
            .get(index)?
            .iter()
            .map(|&r| &self.names.rows[r])
            .find(|r| r.covers(day))
            .map(|r| r.name.as_str())
    }

    /// Country indices sorted by display name (accents ignored).
    pub fn countries_by_name(&self) -> &[usize] {
        &self.by_name
    }

    /// Indices of the quotes about the resolution a symbol names, in any spelling people write
    /// it (`ES-11/6`, `2758`, `res 2758`, `V:1190`); a quote about a resolution without its part
    /// (`A/RES/181(II)`) is about each of its parts. An empty symbol has no quotes.
    pub fn quotes_about(&self, symbol: &str) -> Vec<usize> {
        if symbol.trim().is_empty() {
            return Vec::new();
        }
        let found = self.find_roll_calls(symbol);
        let key = match self.main_roll_call(&found) {
            Some(i) if !self.roll_calls[i].symbol.is_empty() => {
                symbol::key(&self.roll_calls[i].symbol)
            }
            _ => symbol::key(symbol),
        };
        self.quotes_with_key(&key)
    }

    /// Indices of the quotes about roll call `index`, by its own symbol (no lookup needed).
    pub fn quote_indices_for(&self, index: usize) -> Vec<usize> {
        match self.roll_calls.get(index) {
            Some(rc) if !rc.symbol.trim().is_empty() => {
                self.quotes_with_key(&symbol::key(&rc.symbol))
            }
            _ => Vec::new(),
        }
    }

    fn quotes_with_key(&self, key: &str) -> Vec<usize> {
        let base = symbol::base(key);
        (0..self.quotes.len())
            .filter(|&q| {
                let quoted = symbol::key(&self.quotes[q].resolution);
                quoted == key || quoted == base
            })
            .collect()
    }

    /// The quotes about roll call `index` (matched by its symbol).
    pub fn quotes_for(&self, index: usize) -> Vec<&Quote> {
        self.quote_indices_for(index)
            .into_iter()
            .map(|q| &self.quotes[q])
            .collect()
    }

    /// `Russia (RUS)` for a code, or the code itself when no country has it.
    pub fn name_with_code(&self, code: &str) -> String {
        self.country_index(code).map_or(code.to_string(), |i| {
            format!("{} ({code})", super::text::clean(&self.countries[i].name))
        })
    }

    /// Roll calls whose stated totals differ from the counted ones, and other soft problems.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for (i, rc) in self.roll_calls.iter().enumerate() {
            let t = self.tally(i);
            if let Some(stated) = rc.stated
                && !stated.agrees_with(&t)
            {
                out.push(Problem {
                    roll_call: rc.label().to_string(),
                    message: format!(
                        "counted {}-{}-{} but the source states {}-{}-{}",
                        t.yes, t.no, t.abstain, stated.yes, stated.no, stated.abstain
                    ),
                });
            }
            if t.members() == 0 {
                out.push(Problem {
                    roll_call: rc.label().to_string(),
                    message: "no country votes".into(),
                });
            }
        }
        out
    }

    /// The first and last vote dates, as shown (`1946-01` where only the month is known).
    pub fn coverage(&self) -> Option<(&str, &str)> {
        Some((
            self.roll_calls.first()?.shown_date(),
            self.roll_calls.last()?.shown_date(),
        ))
    }

    /// Number of country votes (member entries, every kind of vote).
    pub fn vote_count(&self) -> usize {
        self.tallies.iter().map(|t| t.members() as usize).sum()
    }
}

/// The countries by code; a code listed twice is an error.
fn index_countries(countries: &[Country]) -> Result<HashMap<String, usize>> {
    let mut by_code = HashMap::with_capacity(countries.len());
    for (i, c) in countries.iter().enumerate() {
        if by_code.insert(c.code.clone(), i).is_some() {
            bail!("country {} is listed twice", c.code);
        }
    }
    Ok(by_code)
}

/// A file written before roll calls carried a kind says only, through its flags, which votes
/// were not on the resolution as a whole: their kind comes from those flags.
fn settle_kinds(roll_calls: &mut [RollCall]) {
    for rc in roll_calls {
        if rc.kind == Kind::Resolution && rc.whole == Some(false) && rc.quality.is_empty() {
            rc.kind = Kind::from_flags(rc.whole, rc.amendment, rc.paragraph);
        }
    }
}

/// A roll-call id as typed (`v:1190`, ` U:a/res/es-11/6`): the source letter upper case.
fn id_key(q: &str) -> String {
    match q.split_once(':') {
        Some((p, rest)) if p.len() == 1 => format!("{}:{}", p.to_ascii_uppercase(), rest.trim()),
        _ => q.to_string(),
    }
}

fn check_votes(rc: &RollCall, countries: usize, codes: &Codes) -> Result<()> {
    if rc.votes.len() != countries {
        bail!(
            "roll call {}: the vote string has {} codes for {} countries",
            rc.id,
            rc.votes.len(),
            countries
        );
    }
    if codes.unknown == 0 {
        return Ok(());
    }
    let known = |b: u8| b == NOT_MEMBER || Vote::from_code(b).is_some();
    if let Some((i, b)) = rc.votes.bytes().enumerate().find(|&(_, b)| !known(b)) {
        bail!(
            "roll call {}: unknown vote code {:?} at position {} (expected Y, N, A, X or .)",
            rc.id,
            char::from(b),
            i + 1
        );
    }
    Ok(())
}
