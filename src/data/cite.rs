//! A roll call as one paragraph a journalist can paste, built from the data alone: the date in
//! words (a month where the day is not known), the symbol and title, the outcome where the
//! data shows it, the counted votes (saying so where the source states other totals), the
//! states voting against by the names they had that day, the UN's document link and the
//! source. The CLI's `cite` and the explorer's `y` both print it.

use serde::Serialize;

use super::dataset::Dataset;
use super::model::{Kind, Precision, Tally, Vote};
use super::present::Check;
use super::text::clean;

/// A citation and the facts it was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Symbol, or the roll-call id.
    pub symbol: String,
    /// The date as shown (`2023-02-23`, or `1971-10` where only the month is known).
    pub date: String,
    /// What the data shows of the outcome: `adopted`, `rejected`, or `not stated`.
    pub outcome: &'static str,
    /// The states that voted no, by the names they had that day.
    pub against: Vec<String>,
    /// The UN's document link, where the roll call names a document.
    pub document_url: Option<String>,
    /// The paragraph.
    pub text: String,
}

/// The citation of roll call `index`; None when there is no such roll call.
pub fn cite(data: &Dataset, index: usize) -> Option<Citation> {
    let rc = data.roll_calls.get(index)?;
    let counted = data.tally(index);
    let when = match rc.date_precision {
        Precision::Day => format!("On {}", rc.long_date()),
        Precision::Month => format!("In {} (the day is not recorded)", rc.long_date()),
    };
    let symbol = clean(rc.label()).into_owned();
    let title = clean(rc.title.trim()).into_owned();
    let is_resolution = rc.symbol.trim().to_uppercase().starts_with("A/RES/");
    let draft = super::symbol::drafts(&rc.draft)
        .next()
        .map(|d| clean(d).into_owned());
    // The figures: the votes recorded state by state, or — where that record is flagged or
    // holds no state's vote — the totals the source states, said so; else none at all.
    let by_state = rc.votes.bytes().any(|b| b != b'.');
    // A second record of a vote (a duplicate) counts its votes fully; only an incomplete one
    // falls back on the stated totals.
    let incomplete = matches!(rc.flag(), Some(super::model::Flag::Incomplete));
    let (figures, basis) = match (!incomplete && by_state, rc.stated) {
        (true, _) => (Some(counted), None),
        (false, Some(s)) => (
            Some(Tally {
                yes: s.yes,
                no: s.no,
                abstain: s.abstain,
                non_voting: s.non_voting.unwrap_or(0),
            }),
            Some(" (the totals the source states: its record of each state's vote is incomplete)"),
        ),
        (false, None) => (None, None),
    };
    // The outcome as the rules of procedure decide it from the votes: no more yes than no
    // fails under any majority; two thirds of those voting yes or no carries under any. In
    // between it depends on whether a simple or a two-thirds majority was required, which the
    // data does not say, so nothing is claimed.
    let outcome = match figures {
        // In 64 bits: stated totals come from a file and may be anything.
        Some(t) if u64::from(t.yes) + u64::from(t.no) > 0 && t.yes <= t.no => "rejected",
        Some(t) if 3 * u64::from(t.yes) >= 2 * (u64::from(t.yes) + u64::from(t.no)) => "adopted",
        _ => "not stated",
    };
    // What was voted on. A resolution's number belongs to the adopted text: a failed vote, or
    // a vote on part of it, filed under that number is named as the record files it.
    let named = match (rc.kind, is_resolution, &draft) {
        (Kind::Resolution, true, _) if outcome != "rejected" => format!("resolution {symbol}"),
        (_, true, _) => format!("a proposal recorded under {symbol}"),
        (_, false, Some(d)) => format!("draft {d}"),
        (_, false, None) => "a proposal".to_string(),
    };
    let titled = if title.is_empty() {
        named
    } else {
        format!("{named}, “{title}”,")
    };
    let what = match rc.kind {
        Kind::Resolution => titled,
        Kind::Amendment => format!("an amendment concerning {titled}"),
        Kind::Paragraph => format!("part of {titled}"),
        Kind::Procedural => format!("a motion concerning {titled}"),
    };
    let votes = figures.map(|t| {
        let abstentions = match t.abstain {
            0 => "no abstentions".to_string(),
            n => format!("{n} {}", plural(n, "abstention", "abstentions")),
        };
        format!(
            "{} {} to {}, with {abstentions}{}",
            t.yes,
            plural(t.yes, "vote", "votes"),
            t.no,
            basis.unwrap_or("")
        )
    });
    let assembly = "the United Nations General Assembly";
    let mut text = match (outcome, &votes, rc.kind) {
        ("adopted", Some(v), Kind::Resolution) => {
            format!("{when} {assembly} adopted {what} by {v}.")
        }
        ("rejected", Some(v), Kind::Resolution) => {
            format!("{when} {assembly} rejected {what} by {v}.")
        }
        (_, Some(v), _) => {
            let result = match outcome {
                "adopted" => " It carried.",
                "rejected" => " It failed.",
                _ => "",
            };
            format!(
                "{when} {assembly} held a recorded vote on {}: {v}.{result}",
                what.trim_end_matches(',')
            )
        }
        (_, None, _) => format!(
            "{when} {assembly} held a recorded vote on {}; the source gives no complete count.",
            what.trim_end_matches(',')
        ),
    };
    if let (Check::Differs(s), None) = (Check::of(rc.stated, &counted), basis) {
        text.push_str(&format!(
            " These are the votes recorded state by state; the source states {}-{}-{}.",
            s.yes, s.no, s.abstain
        ));
    }
    let against: Vec<String> = data
        .voters(index, Vote::No)
        .into_iter()
        .map(|c| clean(&data.name_in(c, rc)).into_owned())
        .collect();
    match against.len() {
        0 if by_state && figures.is_some_and(|t| t.no == 0) => {
            text.push_str(" No state voted against.");
        }
        0 => {}
        // From an incomplete record the names are the ones it holds, not all.
        _ if incomplete || !by_state => {
            text.push_str(&format!(" Recorded against: {}.", and_list(&against)));
        }
        _ => text.push_str(&format!(" Voting against: {}.", and_list(&against))),
    }
    if let Some(flag) = rc.flag() {
        text.push_str(&format!(" Data note: {}.", flag.label()));
    }
    let document_url = rc.document_url();
    if let Some(url) = &document_url {
        text.push_str(&format!(" Document: {url}"));
        text.push('.');
    }
    text.push_str(&format!(" Source: {}.", source_of(data, rc)));
    Some(Citation {
        symbol,
        date: rc.shown_date().to_string(),
        outcome,
        against,
        document_url,
        text,
    })
}

/// Who recorded the votes of a roll call, by its source tag, with the UN Library's record where
/// the roll call is tied to one; the dataset's whole attribution for a tag not known here.
pub fn source_of(data: &Dataset, rc: &super::model::RollCall) -> String {
    let recorded = match rc.source.as_str() {
        "voeten" => "E. Voeten, UN General Assembly Voting Data (Harvard Dataverse)",
        "unxml" => "United Nations, DGACM machine-readable General Assembly resolutions",
        "undl-via-worldcountrygroups" => "United Nations Dag Hammarskjöld Library, GA voting data",
        _ => "",
    };
    let mut source = if recorded.is_empty() {
        clean(data.attribution.trim())
            .trim_end_matches('.')
            .to_string()
    } else {
        recorded.to_string()
    };
    if let Some(url) = rc.library_url() {
        source.push_str(&format!("; UN Digital Library, voting record {url}"));
    }
    source
}

fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_sentences() {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&s(&["Belarus"])), "Belarus");
        assert_eq!(and_list(&s(&["Mali", "Syria"])), "Mali and Syria");
        assert_eq!(and_list(&s(&["A", "B", "C"])), "A, B and C");
    }
}
