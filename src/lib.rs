//! unvote-tui: a fast terminal explorer for United Nations General Assembly roll-call votes.
//!
//! Layers, from the bottom up (each may use only those below it):
//! - [`data`]: the model, loaders, tallies and search; knows nothing of the terminal;
//! - [`app`]: pure view state of every pane and the [`app::Action`]s that change it;
//! - [`ui`]: drawing the state with ratatui, one file per pane;
//! - [`keymap`] and [`event_loop`]: terminal events to actions, and the draw/read/update loop;
//! - [`cli`]: the command line (clap) wiring it together.

pub mod app;
pub mod cli;
pub mod data;
pub mod effects;
pub mod event_loop;
pub mod keymap;
pub mod ui;
