//! Every table the tool prints, as rows of cells under stable column names: the CLI's `--csv`
//! writes them, and the explorer's export (`e`) writes the same tables as CSV or JSON. Built
//! whole (every row, not the rows on screen); text is cleaned of control characters.

use anyhow::Result;

use super::alignment::Alignment;
use super::compare::Comparison;
use super::dataset::Dataset;
use super::groups::Groups;
use super::key_votes::KeyVotes;
use super::model::{Vote, vote_key};
use super::present::{RANKING, ranking_cells};
use super::profile::Profile;
use super::text::clean;

/// A table: column names and rows of cells, one per column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Column names (the CSV header and the JSON keys).
    pub columns: Vec<&'static str>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(columns: &[&'static str]) -> Table {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    /// The table as CSV with a header row (RFC 4180 quoting, `\n` line ends).
    pub fn to_csv(&self) -> Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.columns)?;
        for row in &self.rows {
            w.write_record(row)?;
        }
        w.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))
    }

    /// The table as a JSON array of objects, keys in column order: counts and figures as
    /// numbers, an empty cell as `null`, the rest as strings.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut out = String::from("[");
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str(if r == 0 { "\n  {" } else { ",\n  {" });
            for (k, (column, cell)) in self.columns.iter().zip(row).enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                out.push_str(&serde_json::to_string(column)?);
                out.push_str(": ");
                let numeric = NUMERIC.contains(column);
                let integer = cell.parse::<i64>().ok().filter(|_| numeric);
                let decimal = cell
                    .parse::<f64>()
                    .ok()
                    .filter(|n| numeric && n.is_finite());
                match (cell.is_empty(), integer, decimal) {
                    (true, _, _) => out.push_str("null"),
                    (false, Some(n), _) => out.push_str(&n.to_string()),
                    (false, None, Some(n)) => out.push_str(&serde_json::to_string(&n)?),
                    (false, None, None) => out.push_str(&serde_json::to_string(cell)?),
                }
            }
            out.push('}');
        }
        out.push_str(if self.rows.is_empty() { "]\n" } else { "\n]\n" });
        // Checked: what was written reads back as JSON.
        serde_json::from_str::<serde_json::Value>(&out)?;
        Ok(out.into_bytes())
    }
}

/// Columns written as numbers in JSON.
const NUMERIC: [&str; 13] = [
    "yes",
    "no",
    "abstain",
    "non_voting",
    "rank",
    "same",
    "opposite",
    "partial",
    "absent",
    "agreement",
    "votes",
    "switchers",
    "year",
];

fn text(s: &str) -> String {
    clean(s.trim()).into_owned()
}

/// Columns of a list of roll calls.
pub const ROLL_CALL_COLUMNS: [&str; 13] = [
    "symbol",
    "id",
    "date",
    "date_precision",
    "session",
    "kind",
    "quality",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "title",
    "document_url",
];

fn roll_call_cells(data: &Dataset, index: usize) -> Vec<String> {
    let Some(rc) = data.roll_calls.get(index) else {
        return vec![String::new(); ROLL_CALL_COLUMNS.len()];
    };
    let t = data.tally(index);
    vec![
        text(&rc.symbol),
        text(&rc.id),
        rc.shown_date().to_string(),
        rc.date_precision.key().to_string(),
        text(&rc.session),
        rc.kind.key().to_string(),
        text(&rc.quality),
        t.yes.to_string(),
        t.no.to_string(),
        t.abstain.to_string(),
        t.non_voting.to_string(),
        text(&rc.title),
        rc.document_url().unwrap_or_default(),
    ]
}

/// Roll calls, one row each, in the order given (a search's results, the explorer's list), and
/// with a state, its vote on each (`vote`, `not_member` where it held no seat).
pub fn roll_calls(data: &Dataset, indices: &[usize], state: Option<usize>) -> Table {
    let mut table = Table::new(&ROLL_CALL_COLUMNS);
    table.rows = indices.iter().map(|&i| roll_call_cells(data, i)).collect();
    if let Some(s) = state {
        table.columns.push("vote");
        for (row, &i) in table.rows.iter_mut().zip(indices) {
            let vote = data.roll_calls.get(i).and_then(|rc| rc.vote_of(s));
            row.push(vote_key(vote).to_string());
        }
    }
    table
}

/// The roll of one roll call: every member state with its vote and its UN regional groups (by
/// today's lists, which carry no dates), under the name it had that day, in the order of those
/// names.
pub fn roll(data: &Dataset, groups: &Groups, index: usize) -> Table {
    let mut table = Table::new(&["code", "name", "vote", "group"]);
    let Some(rc) = data.roll_calls.get(index) else {
        return table;
    };
    for vote in [Vote::Yes, Vote::No, Vote::Abstain, Vote::NonVoting] {
        for c in data.voters(index, vote) {
            let code = data.countries.get(c).map_or("", |c| c.code.as_str());
            table.rows.push(vec![
                code.to_string(),
                text(&data.name_in(c, rc)),
                vote.key().to_string(),
                groups.regional(code, &rc.date),
            ]);
        }
    }
    table.rows.sort_by_cached_key(|r| super::text::fold(&r[1]));
    table
}

/// An agreement ranking, the rows given (positions in `ranking.rows`, a group's members) in
/// ranking order, under the ranking's column names.
pub fn ranking(data: &Dataset, ranking: &Alignment, rows: &[usize]) -> Table {
    let columns: Vec<&'static str> = RANKING.iter().map(|c| c.key).collect();
    let mut table = Table::new(&columns);
    for (rank, &i) in rows.iter().enumerate() {
        let Some(r) = ranking.rows.get(i) else {
            continue;
        };
        let (code, name) = data
            .countries
            .get(r.country)
            .map_or(("", ""), |c| (c.code.as_str(), c.name.as_str()));
        let mut cells = ranking_cells(rank + 1, code, &text(name), &r.score);
        // The figure as a number, without the screen's `%`.
        if let Some(at) = RANKING.iter().position(|c| c.key == "agreement") {
            cells[at] = r.score.percent.map_or(String::new(), |p| format!("{p:.1}"));
        }
        table.rows.push(cells.to_vec());
    }
    table
}

/// A roll call in a list of votes: `symbol, date, date_precision, yes, no, abstain`.
fn vote_cells(data: &Dataset, i: usize, rc: &super::model::RollCall) -> Vec<String> {
    let t = data.tally(i);
    vec![
        text(rc.label()),
        rc.shown_date().to_string(),
        rc.date_precision.key().to_string(),
        t.yes.to_string(),
        t.no.to_string(),
        t.abstain.to_string(),
    ]
}

/// The votes on which two states stood on opposite sides, most contested first.
pub fn divergent(data: &Dataset, c: &Comparison) -> Table {
    let mut table = Table::new(&[
        "symbol",
        "date",
        "date_precision",
        "yes",
        "no",
        "abstain",
        "a_code",
        "a_vote",
        "b_code",
        "b_vote",
        "title",
    ]);
    let code = |i: usize| data.countries.get(i).map_or("", |c| c.code.as_str());
    for &i in &c.divergent {
        let Some(rc) = data.roll_calls.get(i) else {
            continue;
        };
        let vote = |s: usize| rc.vote_of(s).map_or("", Vote::key).to_string();
        let mut row = vote_cells(data, i, rc);
        row.extend([
            code(c.a).to_string(),
            vote(c.a),
            code(c.b).to_string(),
            vote(c.b),
            text(&rc.title),
        ]);
        table.rows.push(row);
    }
    table
}

/// Key votes: each with its section (`small_minority`, `closest`, `p5_split`) and the pivot's
/// vote.
pub fn key_votes(data: &Dataset, k: &KeyVotes, pivot: usize) -> Table {
    let mut table = Table::new(&[
        "section",
        "symbol",
        "date",
        "date_precision",
        "yes",
        "no",
        "abstain",
        "vote",
        "title",
    ]);
    let sections = [
        ("small_minority", &k.pivot_minority),
        ("closest", &k.closest),
        ("p5_split", &k.p5_splits),
    ];
    for (section, list) in sections {
        for &i in list {
            let Some(rc) = data.roll_calls.get(i) else {
                continue;
            };
            let mut row = vec![section.to_string()];
            row.extend(vote_cells(data, i, rc));
            row.push(rc.vote_of(pivot).map_or("", Vote::key).to_string());
            row.push(text(&rc.title));
            table.rows.push(row);
        }
    }
    table
}

/// A state's record year by year.
pub fn profile_years(p: &Profile) -> Table {
    let mut table = Table::new(&["year", "yes", "no", "abstain", "non_voting"]);
    for y in &p.years {
        table.rows.push(vec![
            y.year.to_string(),
            y.tally.yes.to_string(),
            y.tally.no.to_string(),
            y.tally.abstain.to_string(),
            y.tally.non_voting.to_string(),
        ]);
    }
    table
}

/// Ideal points, one row per state and session: the columns of `data/ideal_points.csv`.
pub fn ideal_points(data: &Dataset, rows: &[&super::ideal::Point]) -> Table {
    use super::ideal::decimal;
    let mut table = Table::new(&super::ideal::COLUMNS);
    for p in rows {
        let Some(c) = data.countries.get(p.country) else {
            continue;
        };
        table.rows.push(vec![
            c.code.clone(),
            c.name.clone(),
            p.session.to_string(),
            decimal(p.ideal_point),
            decimal(p.low),
            decimal(p.high),
            p.votes.to_string(),
        ]);
    }
    table
}

/// A series year by year: each roll call's tally, the chosen state's vote (`not_member` when it
/// held no seat; empty without a state) and how many states changed their vote from the year
/// before.
pub fn series(
    data: &Dataset,
    series: &[usize],
    changes: &[super::series::Change],
    country: Option<usize>,
) -> Table {
    let mut table = Table::new(&[
        "symbol",
        "date",
        "session",
        "yes",
        "no",
        "abstain",
        "non_voting",
        "vote",
        "switchers",
    ]);
    let counts = super::series::switchers(series, changes);
    for (row, &i) in series.iter().enumerate() {
        let Some(rc) = data.roll_calls.get(i) else {
            continue;
        };
        let t = data.tally(i);
        let vote = country.map_or(String::new(), |c| vote_key(rc.vote_of(c)).to_string());
        table.rows.push(vec![
            text(rc.label()),
            rc.shown_date().to_string(),
            text(&rc.session),
            t.yes.to_string(),
            t.no.to_string(),
            t.abstain.to_string(),
            t.non_voting.to_string(),
            vote,
            counts.get(row).copied().unwrap_or(0).to_string(),
        ]);
    }
    table
}

/// The states that switched along a series: on which vote, from what to what.
pub fn changes(data: &Dataset, changes: &[super::series::Change]) -> Table {
    let mut table = Table::new(&["symbol", "date", "code", "name", "from", "to"]);
    for c in changes {
        let Some(rc) = data.roll_calls.get(c.roll_call) else {
            continue;
        };
        table.rows.push(vec![
            text(rc.label()),
            rc.shown_date().to_string(),
            data.countries
                .get(c.country)
                .map_or("", |x| x.code.as_str())
                .to_string(),
            text(&data.name_in(c.country, rc)),
            c.from.key().to_string(),
            c.to.key().to_string(),
        ]);
    }
    table
}

/// Quotes, in the order given.
pub fn quotes(data: &Dataset, indices: &[usize]) -> Table {
    let mut table = Table::new(&[
        "date",
        "speaker",
        "role",
        "country",
        "channel",
        "resolution",
        "paraphrase",
        "text",
        "source_title",
        "source_url",
        "note",
    ]);
    for &i in indices {
        let Some(q) = data.quotes.get(i) else {
            continue;
        };
        table.rows.push(vec![
            text(&q.date),
            text(&q.speaker),
            text(&q.role),
            text(&q.country),
            text(&q.channel),
            text(&q.resolution),
            q.paraphrase.to_string(),
            text(&q.text),
            text(&q.source_title),
            text(&q.source_url),
            text(&q.note),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_column_order_numbers_and_nulls() {
        let table = Table {
            columns: vec!["symbol", "yes", "agreement", "quality"],
            rows: vec![vec![
                "A/RES/1".into(),
                "165".into(),
                "91.0".into(),
                String::new(),
            ]],
        };
        let text = String::from_utf8(table.to_json().unwrap()).unwrap();
        assert_eq!(
            text,
            "[\n  {\"symbol\": \"A/RES/1\", \"yes\": 165, \"agreement\": 91.0, \"quality\": null}\n]\n"
        );
        let empty = Table::new(&["a"]);
        assert_eq!(String::from_utf8(empty.to_json().unwrap()).unwrap(), "[]\n");
        let csv = String::from_utf8(table.to_csv().unwrap()).unwrap();
        assert_eq!(csv, "symbol,yes,agreement,quality\nA/RES/1,165,91.0,\n");
    }
}
