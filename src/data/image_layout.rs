//! The layout of the dataset image that `build.rs` writes from `data/unga.json` and
//! [`super::image`] reads: one list of fields, shared by both (`build.rs` includes this file), so
//! that writer and reader cannot disagree.
//!
//! ```text
//! MAGIC, then HEADER_WORDS little-endian u32: roll calls, arena bytes, list entries,
//!   (offset, length) in the arena of the format, the attribution and the countries (JSON),
//!   and the entries of each of the TABLES
//! arena: every text, UTF-8, each distinct text once
//! lists: (offset, length) in the arena of each subject and issue tag
//! records: one per roll call in the file's order, RECORD_WORDS u32 each:
//!   TEXT_FIELDS and WORD_FIELDS as (offset, length) in the arena (empty: absent),
//!   LIST_FIELDS as (first entry, count) in the lists,
//!   FLAG_FIELDS as 0 (absent), 1 (false) or 2 (true),
//!   `stated` as presence (0 none, 1 without non-voting, 2 with), yes, no, abstain, non-voting,
//!   and the tally of the votes (`Y`, `N`, `A`, `X` counted)
//! tables: for each of TABLES, (offset, length) of a key in the arena and a roll call's place
//!   in the records, sorted by key (bytes), then by place
//! ```

/// The first bytes of an image.
pub const MAGIC: &[u8; 8] = b"UVIMAGE4";

/// Words of the header after the magic.
pub const HEADER_WORDS: usize = 9 + TABLES.len();

/// The string fields of a roll call.
pub const TEXT_FIELDS: [&str; 20] = [
    "id",
    "symbol",
    "source_symbol",
    "session",
    "date",
    "title",
    "description",
    "agenda",
    "draft",
    "meeting",
    "committee",
    "quality",
    "title_source",
    "undl_id",
    "undl_symbol",
    "undl_match",
    "note",
    "source",
    "source_ref",
    "votes",
];

/// The fields whose value is one word of a fixed set (an enum), kept as their text.
pub const WORD_FIELDS: [&str; 2] = ["kind", "date_precision"];

/// The fields that are lists of strings.
pub const LIST_FIELDS: [&str; 2] = ["subjects", "issues"];

/// The fields that are optional booleans.
pub const FLAG_FIELDS: [&str; 4] = ["important", "amendment", "paragraph", "whole"];

/// The field of the totals a source states (an object of four counts).
pub const STATED_FIELD: &str = "stated";

/// Words of one record.
pub const RECORD_WORDS: usize = 2 * TEXT_FIELDS.len()
    + 2 * WORD_FIELDS.len()
    + 2 * LIST_FIELDS.len()
    + FLAG_FIELDS.len()
    + 5
    + 4;

/// The lookup tables: roll calls by id, then by the keys of `symbol::lookup_keys` (whole keys,
/// bases, bare numbers).
pub const TABLES: [&str; 4] = ["id", "symbol", "base", "number"];

/// Words of one table entry.
pub const ENTRY_WORDS: usize = 3;
