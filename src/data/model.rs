//! The domain model: countries, roll calls, the vote of one state on one roll call, tallies and
//! attributed quotes. Plain data with serde derives; loading and indexing live elsewhere.

use serde::{Deserialize, Serialize};

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
        let mut t = Tally::default();
        for &b in votes {
            match b {
                b'Y' => t.yes += 1,
                b'N' => t.no += 1,
                b'A' => t.abstain += 1,
                b'X' => t.non_voting += 1,
                _ => {}
            }
        }
        t
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
    pub id: String,
    /// Resolution symbol (`A/RES/ES-11/6`); empty where none is known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub symbol: String,
    /// The symbol or code as the source wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_symbol: String,
    /// Session: `1`..`80`, `ES-1`..`ES-11`.
    pub session: String,
    /// ISO date of the vote.
    pub date: String,
    /// Title (for older votes, Voeten's description of the motion).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Short description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agenda: String,
    /// UNBIS subject terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Issue tags (`me`, `nu`, `di`, `hr`, `co`, `ec`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub draft: String,
    /// Meeting record symbol.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meeting: String,
    /// Main committee.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub committee: String,
    /// Totals the source states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<StatedTally>,
    /// The source's remark on its totals where they do not simply agree
    /// (`no country lists in source (tallies only)`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Source dataset tag.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Where in the source the record is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_ref: String,
    /// One vote code per country of the dataset, in its order: `Y`, `N`, `A`, `X`, or `.` for
    /// not a member. Checked at load.
    pub votes: String,
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

    /// The symbol, or the roll-call id where there is none.
    pub fn label(&self) -> &str {
        if self.symbol.is_empty() {
            &self.id
        } else {
            &self.symbol
        }
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
