//! How figures are written, once for the command line and the explorer: a tally, the check of
//! stated against counted totals, an agreement summary, and the ranking's columns (names,
//! widths, alignment) that the CLI's table, its CSV and the explorer's table all use.

use std::fmt;

use super::agreement::Score;
use super::compare::FEW_VOTES;
use super::model::{StatedTally, Tally};
use super::text::{left_out, percent};

impl fmt::Display for Tally {
    /// Yes, no and abstentions as people write a vote: `141-7-32`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.yes, self.no, self.abstain)
    }
}

/// What the stated totals say of the counted ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The source states no totals.
    NoneStated,
    /// Stated and counted totals agree.
    Agrees,
    /// They differ: what the source states.
    Differs(StatedTally),
}

impl Check {
    /// The check for a roll call's stated totals and its counted tally.
    pub fn of(stated: Option<StatedTally>, counted: &Tally) -> Check {
        match stated {
            None => Check::NoneStated,
            Some(s) if s.agrees_with(counted) => Check::Agrees,
            Some(s) => Check::Differs(s),
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::NoneStated => f.write_str("no stated totals in the source"),
            Check::Agrees => f.write_str("counted totals agree with the stated ones"),
            Check::Differs(s) => write!(f, "the source states {}-{}-{}", s.yes, s.no, s.abstain),
        }
    }
}

/// One agreement figure with what it counted, as one line: `Agreement 91.0 % over 89 votes
/// counted · same 75 · opposite 2 · partial 9 · absent 3`, then the flagged roll calls left
/// out.
#[derive(Debug, Clone, Copy)]
pub struct Summary<'a> {
    /// The figure.
    pub score: &'a Score,
    /// Flagged roll calls left out.
    pub left_out: usize,
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.score;
        write!(
            f,
            "Agreement {} over {} votes counted · same {} · opposite {} · partial {} · absent {}{}",
            percent(s.percent),
            s.counted,
            s.same,
            s.opposite,
            s.partial,
            s.absent,
            left_out(self.left_out)
        )
    }
}

/// What a figure on few votes is worth, or nothing on enough.
pub fn few_votes_warning(score: &Score) -> Option<String> {
    score.few().then(|| {
        format!("fewer than {FEW_VOTES} votes counted or cast by both: the figure says little")
    })
}

/// How a column's values line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text, to the left.
    Left,
    /// Figures, to the right.
    Right,
}

/// A column of a table: its header (also the CSV column's meaning), its key in CSV and JSON,
/// its width on screen and how it lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header on screen.
    pub header: &'static str,
    /// The CSV column name.
    pub key: &'static str,
    /// Width on screen, in columns.
    pub width: u16,
    /// Alignment.
    pub align: Align,
}

const fn col(header: &'static str, key: &'static str, width: u16, align: Align) -> Column {
    Column {
        header,
        key,
        width,
        align,
    }
}

/// The columns of an agreement ranking, in order.
pub const RANKING: [Column; 9] = [
    col("#", "rank", 4, Align::Right),
    col("Code", "code", 4, Align::Left),
    col("State", "name", 24, Align::Left),
    col("Same", "same", 5, Align::Right),
    col("Opp", "opposite", 5, Align::Right),
    col("Part", "partial", 5, Align::Right),
    col("Abs", "absent", 5, Align::Right),
    col("Agreement", "agreement", 9, Align::Right),
    col("Votes", "votes", 6, Align::Right),
];

/// A ranked state's cells, in [`RANKING`]'s order (the name as given, uncut).
pub fn ranking_cells(rank: usize, code: &str, name: &str, score: &Score) -> [String; 9] {
    [
        rank.to_string(),
        code.to_string(),
        name.to_string(),
        score.same.to_string(),
        score.opposite.to_string(),
        score.partial.to_string(),
        score.absent.to_string(),
        percent(score.percent),
        score.counted.to_string(),
    ]
}

/// A cell laid out in its column: cut with `…` when too wide, padded by display width.
pub fn cell(column: &Column, value: &str) -> String {
    let width = usize::from(column.width);
    let cut = super::text::truncate(value, width);
    let room = width.saturating_sub(super::text::width(&cut));
    match column.align {
        Align::Left => format!("{cut}{}", " ".repeat(room)),
        Align::Right => format!("{}{cut}", " ".repeat(room)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_and_its_check_read_as_people_write_them() {
        let t = Tally {
            yes: 141,
            no: 7,
            abstain: 32,
            non_voting: 13,
        };
        assert_eq!(t.to_string(), "141-7-32");
        let stated = StatedTally {
            yes: 141,
            no: 7,
            abstain: 32,
            non_voting: None,
        };
        assert_eq!(Check::of(Some(stated), &t), Check::Agrees);
        let other = StatedTally { yes: 140, ..stated };
        assert_eq!(
            Check::of(Some(other), &t).to_string(),
            "the source states 140-7-32"
        );
        assert_eq!(Check::of(None, &t), Check::NoneStated);
    }

    #[test]
    fn cells_fit_their_columns_with_a_sign_when_cut() {
        let name = cell(
            &RANKING[2],
            "United Kingdom of Great Britain and Northern Ireland",
        );
        assert_eq!(crate::data::text::width(&name), 24);
        assert!(name.ends_with('…'), "{name}");
        assert_eq!(cell(&RANKING[0], "7"), "   7");
        assert_eq!(cell(&RANKING[2], "Côte d’Ivoire").chars().count(), 24);
    }
}
