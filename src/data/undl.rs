//! Loader for the UN Dag Hammarskjöld Library "General Assembly Voting Data" CSV (record
//! 4060887), one row per member state per recorded vote, in both published layouts:
//! 2024 (`ms_codes`, `ms_votes`, `resolutions`, …; non-voting `NV`) and 2025/2026 (`ms_code`,
//! `ms_vote`, `resolution`, …; non-voting `X`; `vote_note` from 2026). Columns are found by name.

use anyhow::{Result, anyhow};

use super::builder::Builder;
use csv::StringRecord;

use super::canonical::{Columns, for_each_record, opt_field};
use super::input::{Input, Kind};
use super::model::{RollCall, StatedTally, Str, Vote};
use super::{symbol, text};

/// The column names of one layout.
struct Layout {
    code: &'static str,
    name: &'static str,
    vote: &'static str,
    symbol: &'static str,
    agenda: &'static str,
    totals: [&'static str; 4],
}

const LAYOUT_2024: Layout = Layout {
    code: "ms_codes",
    name: "ms_names",
    vote: "ms_votes",
    symbol: "resolutions",
    agenda: "agenda_titles",
    totals: ["yes", "no", "abstentions", "non-voting"],
};

const LAYOUT_2025: Layout = Layout {
    code: "ms_code",
    name: "ms_name",
    vote: "ms_vote",
    symbol: "resolution",
    agenda: "agenda_title",
    totals: [
        "total_yes",
        "total_no",
        "total_abstentions",
        "total_non_voting",
    ],
};

/// Codes the Library writes differently from ISO 3166 (the Federal Republic of Germany).
const CODE_ALIASES: [(&str, &str); 1] = [("GER", "DEU")];

/// Reads a UN Library voting CSV of either layout into `builder`, whose country table must be
/// set. Roll calls get the id `L:<undl_id>`.
pub fn load(input: Input, kind: Kind, builder: &mut Builder) -> Result<()> {
    let layout = if kind == Kind::Undl2024 {
        &LAYOUT_2024
    } else {
        &LAYOUT_2025
    };
    for_each_record(input, |cols, rec| {
        let get = |name: &str| opt_field(rec, cols, name);
        let undl_id = get("undl_id");
        if undl_id.is_empty() {
            cols.need("undl_id")?;
            return Err(anyhow!("empty undl_id"));
        }
        let id = format!("L:{undl_id}");
        let rc = match builder.roll_call(&id) {
            Some(i) => i,
            None => builder.add_roll_call(roll_call(id, cols, rec, layout)?)?,
        };
        let raw_code = get(layout.code);
        let code = CODE_ALIASES
            .iter()
            .find(|(from, _)| *from == raw_code)
            .map_or(raw_code, |(_, to)| to);
        let country = builder.country(code, get(layout.name)).ok_or_else(|| {
            anyhow!(
                "vote for unknown country {raw_code:?} ({:?})",
                get(layout.name)
            )
        })?;
        builder.set_vote(rc, country, parse_vote(get(layout.vote))?)
    })
}

fn roll_call(id: String, cols: &Columns, rec: &StringRecord, layout: &Layout) -> Result<RollCall> {
    let get = |name: &str| opt_field(rec, cols, name);
    let symbol = get(layout.symbol).to_string();
    let session = match get("session") {
        "" => symbol::session_of(&symbol).unwrap_or_default(),
        s => s.trim_end_matches(".0").to_string(),
    };
    let [yes, no, abstain, non_voting] = layout.totals.map(|c| count(get(c)));
    let stated = match (yes?, no?, abstain?) {
        (Some(yes), Some(no), Some(abstain)) => Some(StatedTally {
            yes,
            no,
            abstain,
            non_voting: non_voting?,
        }),
        _ => None,
    };
    // `2022-03-02`, or with a time of day (`2022-03-02T00:00:00`, `2022-03-02 00:00`).
    let raw = get("date");
    let date: String = raw.chars().take(10).collect();
    let time = raw.get(10..).unwrap_or("");
    let time_ok = time.is_empty()
        || (time.starts_with(['T', ' '])
            && time[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.'));
    super::date::day(&date)
        .and_then(|_| {
            time_ok
                .then_some(())
                .ok_or_else(|| format!("{:?} is not a date", super::text::truncate(raw, 40)))
        })
        .map_err(|e| anyhow!("column date: {e}"))?;
    Ok(RollCall {
        id: id.into(),
        source_symbol: symbol.clone().into(),
        symbol: symbol.into(),
        session: session.into(),
        date: date.into(),
        title: text::title(get("title")).into(),
        agenda: get(layout.agenda).into(),
        subjects: get("subjects")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Str::from)
            .collect(),
        whole: Some(true),
        undl_id: get("undl_id").into(),
        draft: get("draft").into(),
        meeting: get("meeting").into(),
        committee: get("committee_report").into(),
        note: get("vote_note").into(),
        stated,
        source: "undl".into(),
        source_ref: get("undl_link").into(),
        ..RollCall::default()
    })
}

/// Totals are written as `120`, `120.0`, or left empty.
fn count(s: &str) -> Result<Option<u32>> {
    let digits = s.strip_suffix(".0").unwrap_or(s);
    if digits.is_empty() {
        return Ok(None);
    }
    digits
        .parse()
        .map(Some)
        .map_err(|_| anyhow!("{s:?} is not a vote count"))
}

/// `Y`, `N`, `A`; non-voting is `X` (2025), `NV` (2024) or empty.
fn parse_vote(s: &str) -> Result<Vote> {
    match s.to_ascii_uppercase().as_str() {
        "Y" | "YES" => Ok(Vote::Yes),
        "N" | "NO" => Ok(Vote::No),
        "A" | "ABSTAIN" | "ABSTENTION" => Ok(Vote::Abstain),
        "X" | "NV" | "" => Ok(Vote::NonVoting),
        _ => Err(anyhow!(
            "unknown vote code {s:?} (expected Y, N, A, X or NV)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vote_codes_of_both_layouts() {
        assert_eq!(parse_vote("NV").unwrap(), Vote::NonVoting);
        assert_eq!(parse_vote("X").unwrap(), Vote::NonVoting);
        assert_eq!(parse_vote("").unwrap(), Vote::NonVoting);
        assert_eq!(parse_vote("a").unwrap(), Vote::Abstain);
        assert!(format!("{}", parse_vote("Q").unwrap_err()).contains("\"Q\""));
    }

    #[test]
    fn totals_and_titles() {
        assert_eq!(count("120.0").unwrap(), Some(120));
        assert_eq!(count("").unwrap(), None);
        assert!(count("many").is_err());
        assert_eq!(
            text::title("Protection of civilians : resolution / adopted by the General Assembly"),
            "Protection of civilians"
        );
    }
}
