//! The full-screen views and their small per-view choices: what the map colours by, its marker
//! set, and the sections of the key votes list.

/// A full-screen view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// One state's record.
    Record,
    /// Two states compared.
    Compare,
    /// Every state ranked by agreement with the pivot.
    Alignment,
    /// The world map.
    Map,
    /// Closest votes, P5 splits, the pivot in a small minority.
    KeyVotes,
    /// A recurring resolution year by year, and who switched.
    Series,
    /// The pivot's ideal point session by session, with a second state.
    Ideal,
}

/// What the map colours its markers by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapColouring {
    /// Each state's vote on the selected roll call.
    #[default]
    Vote,
    /// Each state's agreement with the pivot.
    Agreement,
    /// Each state's ideal point in the period's last session.
    IdealPoint,
}

/// The map's marker set: braille dots, or blocks for terminals that lack braille.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMarker {
    /// Braille patterns (finest).
    #[default]
    Braille,
    /// Half blocks.
    HalfBlock,
    /// One dot per cell (`•`), for fonts with neither braille nor block elements.
    Dot,
}

impl MapMarker {
    /// The next marker set.
    pub fn next(self) -> MapMarker {
        match self {
            MapMarker::Braille => MapMarker::HalfBlock,
            MapMarker::HalfBlock => MapMarker::Dot,
            MapMarker::Dot => MapMarker::Braille,
        }
    }
}

/// The sections of the key votes view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySection {
    /// The pivot voted with a small minority.
    PivotMinority,
    /// The narrowest margins.
    Closest,
    /// The permanent members split.
    P5Splits,
}

impl KeySection {
    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            KeySection::PivotMinority => {
                "In a small minority (≤ 10 % of the votes cast on its side)"
            }
            KeySection::Closest => "Closest margins (final votes)",
            KeySection::P5Splits => "Permanent members split",
        }
    }
}
