//! The data core: the model of countries, roll calls, votes and quotes, the loaders that build it
//! from the native JSON format or from CSV files, tallies, country/resolution search, and
//! the statistics of agreement between states.
//!
//! Nothing here knows about the terminal: no ratatui, no crossterm.

pub mod agreement;
pub mod alignment;
pub mod builder;
pub mod bundled;
pub mod canonical;
pub mod cite;
pub mod compare;
pub mod country_search;
pub mod dataset;
pub mod date;
pub mod groups;
pub mod ideal;
pub mod image;
pub mod image_layout;
pub mod input;
pub mod key_votes;
pub mod loader;
pub mod model;
pub mod names;
pub mod native;
pub mod period;
pub mod present;
pub mod profile;
pub mod quotes;
pub mod record;
pub mod resolution_search;
pub mod series;
pub mod shared;
pub mod symbol;
pub mod table;
pub mod text;
pub mod undl;

pub use dataset::Dataset;
pub use model::{Country, Quote, RollCall, Tally, Vote};
