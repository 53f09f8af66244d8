//! Styles in one place: vote colours (always paired with a letter, so no meaning rests on colour
//! alone), selection, focus and matched characters; a colourless variant when `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

use crate::data::Vote;

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
    /// Border of the focused pane.
    pub focused: Style,
    /// Border of the other panes.
    pub border: Style,
    /// The selected row.
    pub selected: Style,
    /// Characters that matched a search.
    pub matched: Style,
    /// The chosen country in the roll.
    pub chosen: Style,
    /// Secondary text.
    pub dim: Style,
    /// Headings.
    pub heading: Style,
}

impl Theme {
    /// The colour theme.
    pub const COLOR: Theme = Theme {
        color: true,
        focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        border: Style::new().fg(Color::DarkGray),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        matched: Style::new()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        chosen: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        dim: Style::new().fg(Color::DarkGray),
        heading: Style::new().add_modifier(Modifier::BOLD),
    };

    /// The theme without colours: modifiers only.
    pub const PLAIN: Theme = Theme {
        color: false,
        focused: Style::new().add_modifier(Modifier::BOLD),
        border: Style::new(),
        selected: Style::new().add_modifier(Modifier::REVERSED),
        matched: Style::new()
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED),
        chosen: Style::new()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD),
        dim: Style::new(),
        heading: Style::new().add_modifier(Modifier::BOLD),
    };

    /// `PLAIN` when the `NO_COLOR` variable is set to anything non-empty, else `COLOR`.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::PLAIN,
            _ => Theme::COLOR,
        }
    }

    /// The style of a vote.
    pub fn vote(&self, vote: Vote) -> Style {
        if !self.color {
            return match vote {
                Vote::No => Style::new().add_modifier(Modifier::BOLD),
                _ => Style::new(),
            };
        }
        let color = match vote {
            Vote::Yes => Color::Green,
            Vote::No => Color::Red,
            Vote::Abstain => Color::Yellow,
            Vote::NonVoting => Color::Gray,
        };
        Style::new().fg(color)
    }
}

/// The mark shown beside a vote: a symbol and the letter.
pub fn vote_mark(vote: Vote) -> &'static str {
    match vote {
        Vote::Yes => "✔Y",
        Vote::No => "✘N",
        Vote::Abstain => "◐A",
        Vote::NonVoting => "·X",
    }
}
