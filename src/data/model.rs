//! The domain model: countries, roll calls, the vote of one state on one roll call, tallies and
//! attributed quotes. Plain data with serde derives; loading and indexing live elsewhere.

use serde::{Deserialize, Serialize};

pub use super::shared::Str;

/// How one state voted on one roll call. A state with no entry was not a member at the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vote {
    /// In favour.
    Yes,
    /// Against.
    No,
    /// Abstained.
    Abstain,
    /// A member that did not vote (absent or present and not voting).
    NonVoting,
}

impl Vote {
    /// Every vote, in the order they are shown.
    pub const ALL: [Vote; 4] = [Vote::Yes, Vote::No, Vote::Abstain, Vote::NonVoting];

    /// The one-letter code of the native format: `Y`, `N`, `A`, `X`.
    pub fn code(self) -> u8 {
        match self {
            Vote::Yes => b'Y',
            Vote::No => b'N',
            Vote::Abstain => b'A',
            Vote::NonVoting => b'X',
        }
    }

    /// Reads a one-letter code of the native format; `None` for anything else.
    pub fn from_code(code: u8) -> Option<Vote> {
        match code {
            b'Y' => Some(Vote::Yes),
            b'N' => Some(Vote::No),
            b'A' => Some(Vote::Abstain),
            b'X' => Some(Vote::NonVoting),
            _ => None,
        }
    }

    /// The name used in JSON output: `yes`, `no`, `abstain`, `non_voting`.
    pub fn key(self) -> &'static str {
        match self {
            Vote::Yes => "yes",
            Vote::No => "no",
            Vote::Abstain => "abstain",
            Vote::NonVoting => "non_voting",
        }
    }

    /// The label shown to people: `Yes`, `No`, `Abstain`, `Non-voting`.
    pub fn label(self) -> &'static str {
        match self {
            Vote::Yes => "Yes",
            Vote::No => "No",
            Vote::Abstain => "Abstain",
            Vote::NonVoting => "Non-voting",
        }
    }
}

/// The byte that marks "not a member at the time" in a roll call's vote string.
pub const NOT_MEMBER: u8 = b'.';

/// Counts of each vote on one roll call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Votes in favour.
    pub yes: u32,
    /// Votes against.
    pub no: u32,
    /// Abstentions.
    pub abstain: u32,
    /// Members that did not vote.
    pub non_voting: u32,
}

impl Tally {
    /// Counts the votes of a native vote string (one code per country).
    pub fn count(votes: &[u8]) -> Tally {
        Codes::count(votes).tally
    }

    /// The count for one kind of vote.
    pub fn get(&self, vote: Vote) -> u32 {
        match vote {
            Vote::Yes => self.yes,
            Vote::No => self.no,
            Vote::Abstain => self.abstain,
            Vote::NonVoting => self.non_voting,
        }
    }

    /// Adds one vote.
    pub fn add(&mut self, vote: Vote) {
        match vote {
            Vote::Yes => self.yes += 1,
            Vote::No => self.no += 1,
            Vote::Abstain => self.abstain += 1,
            Vote::NonVoting => self.non_voting += 1,
        }
    }

    /// Members counted: all four kinds.
    pub fn members(&self) -> u32 {
        self.yes + self.no + self.abstain + self.non_voting
    }
}

/// A vote as the CSV and JSON write it, `not_member` where the state held no seat.
pub fn vote_key(vote: Option<Vote>) -> &'static str {
    vote.map_or("not_member", Vote::key)
}

/// The codes of a vote string counted: the votes, the seats of non-members, and what is left
/// (bytes that are no code at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Codes {
    /// Yes, no, abstain and non-voting.
    pub tally: Tally,
    /// `.`: not a member.
    pub not_member: u32,
    /// Anything else: not a code of the format.
    pub unknown: u32,
}

impl Codes {
    /// Counts the codes of `votes`: one short pass per code (a vote string is about 200 bytes).
    pub fn count(votes: &[u8]) -> Codes {
        let n = |code: u8| count_byte(votes, code);
        let tally = Tally {
            yes: n(b'Y'),
            no: n(b'N'),
            abstain: n(b'A'),
            non_voting: n(b'X'),
        };
        let not_member = n(NOT_MEMBER);
        let known = tally.members() + not_member;
        Codes {
            tally,
            not_member,
            unknown: u32::try_from(votes.len())
                .unwrap_or(u32::MAX)
                .saturating_sub(known),
        }
    }
}

/// How many bytes of `bytes` are `code`, counted in 32-bit lanes the compiler widens into
/// vector compares.
fn count_byte(bytes: &[u8], code: u8) -> u32 {
    bytes.iter().map(|&b| u32::from(b == code)).sum()
}

/// Totals a source states for a roll call, to compare with the counted ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedTally {
    /// Stated votes in favour.
    pub yes: u32,
    /// Stated votes against.
    pub no: u32,
    /// Stated abstentions.
    pub abstain: u32,
    /// Stated non-voting members, where the source states them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_voting: Option<u32>,
}

impl StatedTally {
    /// Whether the stated totals equal the counted ones (non-voting only where stated).
    pub fn agrees_with(&self, t: &Tally) -> bool {
        self.yes == t.yes
            && self.no == t.no
            && self.abstain == t.abstain
            && self.non_voting.is_none_or(|n| n == t.non_voting)
    }
}

/// A state (or former state) that has voted in the General Assembly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, or the UN/ISO 3166-3 code of a former state (`SUN`, `YUG`, …).
    pub code: String,
    /// ISO alpha-2 code, where one exists.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub iso2: String,
    /// Short display name (`Russia`, `North Korea`).
    pub name: String,
    /// ISO official name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub official_name: String,
    /// The UN's spelling in its vote lists (`DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub un_name: String,
    /// Other spellings seen in the sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// UN regional groups (Türkiye is listed in two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// A UN member in 2026.
    #[serde(default)]
    pub member: bool,
    /// A former state (USSR, Yugoslavia, …).
    #[serde(default)]
    pub historical: bool,
    /// The code of the successor of a former state.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub successor: String,
    /// UN M49-style region.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// UN M49-style subregion.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subregion: String,
    /// Approximate centroid latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Approximate centroid longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// One recorded vote of the General Assembly: a resolution as a whole, or an amendment,
/// paragraph or separate vote under a resolution's symbol.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RollCall {
    /// Stable key: `V:<rcid>` (Voeten), `U:<symbol>` (UN DGACM), `L:<undl_id>` (UN Library).
    pub id: Str,
    /// Resolution symbol (`A/RES/ES-11/6`); empty where none is known.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub symbol: Str,
    /// The symbol or code as the source wrote it.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub source_symbol: Str,
    /// Session: `1`..`80`, `ES-1`..`ES-11`.
    pub session: Str,
    /// ISO date of the vote.
    pub date: Str,
    /// Title (for older votes, Voeten's description of the motion).
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub title: Str,
    /// Short description.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub description: Str,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub agenda: Str,
    /// UNBIS subject terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Str>,
    /// Issue tags (`me`, `nu`, `di`, `hr`, `co`, `ec`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<Str>,
    /// On the US State Department's list of important votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub important: Option<bool>,
    /// A vote on an amendment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amendment: Option<bool>,
    /// A vote on a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<bool>,
    /// The vote on the resolution as a whole (`None`: cannot tell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<bool>,
    /// Draft document symbol.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub draft: Str,
    /// Meeting record symbol.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub meeting: Str,
    /// Main committee.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub committee: Str,
    /// What was voted on: the resolution as a whole, an amendment, a paragraph or a motion.
    #[serde(default)]
    pub kind: Kind,
    /// A data-quality flag: empty (fine), `incomplete`, or `duplicate_of:<id>`. A flagged roll
    /// call is shown with its flag and left out of every statistic. Its form is checked at load
    /// (not whether the id of a duplicate exists).
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub quality: Str,
    /// Whether `date` is known to the day or only to the month (its day is then not a date).
    #[serde(default, skip_serializing_if = "Precision::is_day")]
    pub date_precision: Precision,
    /// Where the title comes from (`un`, `un_library`, `voeten_title`, …).
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub title_source: Str,
    /// The UN Digital Library's record id of the vote.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub undl_id: Str,
    /// The symbol as the UN Library gives it (`A/RES/181(II)[A]`), telling parts apart.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub undl_symbol: Str,
    /// How the roll call was tied to the UN Library record (`votes`, `tallies`, `neighbour`, …).
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub undl_match: Str,
    /// Totals the source states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<StatedTally>,
    /// The source's remark on its totals where they do not simply agree
    /// (`no country lists in source (tallies only)`).
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub note: Str,
    /// Source dataset tag.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub source: Str,
    /// Where in the source the record is.
    #[serde(default, skip_serializing_if = "Str::is_empty")]
    pub source_ref: Str,
    /// One vote code per country of the dataset, in its order: `Y`, `N`, `A`, `X`, or `.` for
    /// not a member. Checked at load.
    pub votes: Str,
}

impl RollCall {
    /// The vote of the country at `index` in the dataset's country order.
    pub fn vote_of(&self, index: usize) -> Option<Vote> {
        self.votes
            .as_bytes()
            .get(index)
            .copied()
            .and_then(Vote::from_code)
    }

    /// The year of the vote, from its ISO date.
    pub fn year(&self) -> Option<u16> {
        self.date.get(..4).and_then(|y| y.parse().ok())
    }

    /// The quality flag, if any (validated at load, so an unreadable one counts as none here).
    pub fn flag(&self) -> Option<Flag<'_>> {
        Flag::parse(&self.quality).ok().flatten()
    }

    /// What a list marks a roll call with: its kind's tag and its flag (`amend`, `para
    /// incomplete`, `duplicate`), empty for an unflagged vote on a resolution as a whole.
    pub fn tag(&self) -> String {
        let flag = self.flag().map_or("", |f| f.short());
        format!("{} {flag}", self.kind.tag()).trim().to_string()
    }

    /// The UN Library's symbol where it tells more than the symbol (`A/RES/33/116[A-IV]` for
    /// `A/RES/33/116 A`).
    pub fn library_symbol(&self) -> Option<&str> {
        (!self.undl_symbol.is_empty()
            && super::symbol::key(&self.undl_symbol) != super::symbol::key(&self.symbol))
        .then_some(self.undl_symbol.as_str())
    }

    /// Whether it is the vote on a resolution as a whole (not an amendment, paragraph vote or
    /// motion, and not a second record of such a vote).
    pub fn is_whole(&self) -> bool {
        self.kind == Kind::Resolution && !matches!(self.flag(), Some(Flag::DuplicateOf(_)))
    }

    /// Whether the roll call counts in statistics: it carries no quality flag.
    pub fn counts(&self) -> bool {
        self.quality.trim().is_empty()
    }

    /// The date as it may be shown: `1971-10-25`, or `1971-10` when only the month is known.
    pub fn shown_date(&self) -> &str {
        match self.date_precision {
            Precision::Month => self.date.get(..7).unwrap_or(&self.date),
            Precision::Day => self.date.get(..10).unwrap_or(&self.date),
        }
    }

    /// The date in words: `25 October 1971`, or `October 1971` when only the month is known.
    pub fn long_date(&self) -> String {
        long_date(self.shown_date())
    }

    /// The UN's link to the document voted on: for a vote on a resolution as a whole, the
    /// resolution (`https://undocs.org/A/RES/ES-11/6`, the whole of `A/RES/181(II)` for its
    /// parts); else the first draft named; None when the roll call names neither.
    pub fn document_url(&self) -> Option<String> {
        // A resolution's own text only for the vote on it as a whole: an amendment's or a
        // motion's document is its draft.
        let key = super::symbol::key(&self.symbol);
        if self.kind == Kind::Resolution
            && self.symbol.trim().to_uppercase().starts_with("A/RES/")
            && !key.is_empty()
        {
            return Some(format!("{UNDOCS}A/RES/{}", super::symbol::base(&key)));
        }
        super::symbol::drafts(&self.draft)
            .next()
            .map(|d| format!("{UNDOCS}{}", d.trim()))
    }

    /// The UN Digital Library's record of the vote, where known.
    pub fn library_url(&self) -> Option<String> {
        let id = self.undl_id.trim();
        (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("https://digitallibrary.un.org/record/{id}"))
    }

    /// The UN's link to the verbatim record of the meeting (`https://undocs.org/A/ES-11/PV.19`),
    /// where known.
    pub fn meeting_url(&self) -> Option<String> {
        let meeting = self.meeting.split_whitespace().next()?;
        meeting.contains('/').then(|| format!("{UNDOCS}{meeting}"))
    }

    /// The title, or a note that the source gives none.
    pub fn title_or_note(&self) -> &str {
        if self.title.trim().is_empty() {
            "(no title in the source)"
        } else {
            &self.title
        }
    }

    /// The UN's links for the roll call that are known, named: the document, the meeting's
    /// verbatim record, the UN Library's record of the vote.
    pub fn links(&self) -> Vec<(&'static str, String)> {
        [
            ("Document", self.document_url()),
            ("Meeting record", self.meeting_url()),
            ("UN Library record", self.library_url()),
        ]
        .into_iter()
        .filter_map(|(what, url)| url.map(|u| (what, u)))
        .collect()
    }

    /// The symbol, or the roll-call id where there is none.
    pub fn label(&self) -> &str {
        if self.symbol.is_empty() {
            &self.id
        } else {
            &self.symbol
        }
    }
}

/// The UN's document links resolve symbols under this address.
pub const UNDOCS: &str = "https://undocs.org/";

/// What a roll call decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The resolution or decision as a whole, adopted or not.
    #[default]
    Resolution,
    /// An amendment.
    Amendment,
    /// A separate vote on a paragraph, part or words.
    Paragraph,
    /// A motion or ruling: postpone, adjourn, priority, no action, important question, …
    Procedural,
}

impl Kind {
    /// The name used in data files and JSON: `resolution`, `amendment`, `paragraph`,
    /// `procedural`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Resolution => "resolution",
            Kind::Amendment => "amendment",
            Kind::Paragraph => "paragraph",
            Kind::Procedural => "procedural",
        }
    }

    /// The kind a source without a `kind` column implies by its flags: an amendment, a
    /// paragraph vote, or — not the vote on the whole, with neither flag — a separate vote.
    pub fn from_flags(
        whole: Option<bool>,
        amendment: Option<bool>,
        paragraph: Option<bool>,
    ) -> Kind {
        match (whole, amendment, paragraph) {
            (_, Some(true), _) => Kind::Amendment,
            (_, _, Some(true)) | (Some(false), _, _) => Kind::Paragraph,
            _ => Kind::Resolution,
        }
    }

    /// Reads a kind as data files write it.
    pub fn parse(s: &str) -> Option<Kind> {
        [
            Kind::Resolution,
            Kind::Amendment,
            Kind::Paragraph,
            Kind::Procedural,
        ]
        .into_iter()
        .find(|k| k.key().eq_ignore_ascii_case(s.trim()))
    }

    /// What people read: `resolution as a whole`, `amendment`, `paragraph vote`, `procedural
    /// motion`.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Resolution => "resolution as a whole",
            Kind::Amendment => "amendment",
            Kind::Paragraph => "paragraph vote",
            Kind::Procedural => "procedural motion",
        }
    }

    /// A short tag for lists: empty for a resolution, else `amend`, `para`, `motion`.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Resolution => "",
            Kind::Amendment => "amend",
            Kind::Paragraph => "para",
            Kind::Procedural => "motion",
        }
    }
}

/// How much of a roll call's date is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The day of the vote.
    #[default]
    Day,
    /// Only the year and month: the stored day is a placeholder, never shown.
    Month,
}

impl Precision {
    /// Whether the day is known.
    pub fn is_day(&self) -> bool {
        *self == Precision::Day
    }

    /// The name used in data files and JSON: `day` or `month`.
    pub fn key(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
        }
    }
}

/// A roll call's data-quality flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag<'a> {
    /// The source records too few of the votes.
    Incomplete,
    /// The same vote recorded a second time; the id of the first record.
    DuplicateOf(&'a str),
}

impl Flag<'_> {
    /// Reads a `quality` value: `None` for an empty one, `Err` for one not understood.
    pub fn parse(s: &str) -> Result<Option<Flag<'_>>, String> {
        match s.trim() {
            "" => Ok(None),
            "incomplete" => Ok(Some(Flag::Incomplete)),
            other => match other.strip_prefix("duplicate_of:") {
                Some(id) if !id.trim().is_empty() => Ok(Some(Flag::DuplicateOf(id.trim()))),
                _ => Err(format!(
                    "unknown quality flag {other:?} (expected empty, incomplete or duplicate_of:<id>)"
                )),
            },
        }
    }

    /// One word for lists: `incomplete`, `duplicate`.
    pub fn short(&self) -> &'static str {
        match self {
            Flag::Incomplete => "incomplete",
            Flag::DuplicateOf(_) => "duplicate",
        }
    }

    /// What people read: `incomplete record`, `duplicate of V:5248`.
    pub fn label(&self) -> String {
        match self {
            Flag::Incomplete => "incomplete record".into(),
            Flag::DuplicateOf(id) => format!("duplicate of {id}"),
        }
    }
}

/// A shown date in words: `1971-10-25` gives `25 October 1971`, `1971-10` (known to the month)
/// `October 1971`. A date that does not parse is returned as it is.
pub fn long_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.split('-').collect();
    let month = parts
        .get(1)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| MONTHS.get(m));
    let day = parts.get(2).and_then(|d| d.parse::<u8>().ok());
    match (parts.as_slice(), month, day) {
        ([y, _], Some(m), _) => format!("{m} {y}"),
        ([y, _, _], Some(m), Some(d)) => format!("{d} {m} {y}"),
        _ => date.to_string(),
    }
}

/// An attributed quotation about a vote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Exactly the words inside the source's quotation marks.
    pub text: String,
    /// Who said or wrote it.
    pub speaker: String,
    /// The speaker's office.
    #[serde(default)]
    pub role: String,
    /// The speaker's country or organisation.
    #[serde(default)]
    pub country: String,
    /// How and where it was said (`told reporters, per Al Jazeera`, `posted on Twitter`).
    #[serde(default)]
    pub channel: String,
    /// ISO date.
    #[serde(default)]
    pub date: String,
    /// The resolution it concerns (`A/RES/ES-11/6`).
    #[serde(default)]
    pub resolution: String,
    /// Address of the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_url: String,
    /// Title or description of the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_title: String,
    /// Whether the text is a paraphrase rather than a direct quotation.
    #[serde(default)]
    pub paraphrase: bool,
    /// The speaker's country's vote on the resolution (`Y`, `N`, `A`, `X`), empty for
    /// organisations.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country_vote: String,
    /// A remark on the quotation (fragment, translation, uncertain date).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Quote {
    /// The text as shown, at most `max` characters of it and cleaned: in quotation marks, or
    /// marked as a paraphrase without them.
    pub fn shown_text(&self, max: usize) -> String {
        let text = super::text::shown(&self.text, max);
        if self.paraphrase {
            format!("(paraphrase) {text}")
        } else {
            format!("“{text}”")
        }
    }

    /// Who said it, cleaned: `— Dmytro Kuleba, Minister for Foreign Affairs of Ukraine (Ukraine)`.
    pub fn attribution(&self) -> String {
        use super::text::clean;
        format!(
            "— {}, {} ({})",
            clean(&self.speaker),
            clean(&self.role),
            clean(&self.country)
        )
    }

    /// How, when and about what, cleaned: `said, as quoted by Fox News · 2023-02-23 · on
    /// A/RES/ES-11/6`.
    pub fn occasion(&self) -> String {
        use super::text::clean;
        format!(
            "{} · {} · on {}",
            clean(&self.channel),
            clean(&self.date),
            clean(&self.resolution)
        )
    }

    /// Where it was published, as one line: the outlet (the address's host), the title where
    /// the source gives one, and the address; or the source's description when there is no
    /// address.
    pub fn source_line(&self) -> String {
        let url = self.source_url.trim();
        if url.is_empty() {
            return self.source_title.trim().to_string();
        }
        let host = url
            .split_once("://")
            .map_or(url, |(_, rest)| rest)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host);
        let title = self.source_title.trim();
        if title.is_empty() || title.starts_with('(') {
            format!("{host} · {url}")
        } else {
            format!("{host}: {title} · {url}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_counted_in_strings_of_any_length() {
        // Lengths around the 16-byte vectors the compiler may use, and long strings.
        for len in [0, 1, 15, 16, 17, 255, 4079, 4080, 4081, 10_000] {
            let votes: Vec<u8> = (0..len).map(|i| b"YYNA.XQ"[i % 7]).collect();
            let by_hand = |c: u8| votes.iter().filter(|&&b| b == c).count() as u32;
            let codes = Codes::count(&votes);
            assert_eq!(codes.tally.yes, by_hand(b'Y'), "{len}");
            assert_eq!(codes.tally.no, by_hand(b'N'));
            assert_eq!(codes.tally.abstain, by_hand(b'A'));
            assert_eq!(codes.tally.non_voting, by_hand(b'X'));
            assert_eq!(codes.not_member, by_hand(b'.'));
            assert_eq!(codes.unknown, by_hand(b'Q'));
        }
    }
}
