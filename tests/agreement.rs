//! Agreement figures against published ones: the US State Department's voting-coincidence tables
//! (reports for 2017–2022, with their exact vote lists) and Voeten's agreement of the United
//! Kingdom with every state. The reference tables are copies in `tests/reference/` (see its
//! README for their sources); the data is the bundled dataset.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::Path;

use unvote::data::agreement::{Method, Pairs, is_final, pair, universe};
use unvote::data::alignment::align;
use unvote::data::compare::compare;
use unvote::data::groups::Groups;
use unvote::data::key_votes::key_votes;
use unvote::data::period::Period;
use unvote::data::profile::profile;
use unvote::data::{Dataset, bundled};

fn bundled() -> Dataset {
    bundled::dataset().expect("bundled dataset loads")
}

fn reference(name: &str) -> Vec<HashMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn num(row: &HashMap<String, String>, key: &str) -> u32 {
    row[key]
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{key} in {row:?}"))
}

#[test]
fn align_usa_2022_reproduces_the_state_department_table_for_all_192_states() {
    let data = bundled();
    let usa = data.country_index("USA").unwrap();
    let period = Period::parse(Some("2022-01-01"), Some("2022-12-31")).unwrap();
    let a = align(&data, usa, Method::StateDept, &period);
    assert_eq!(a.votes, 89, "the report's 89 votes");
    let listed: Vec<String> = reference("statedept/vp2022_votes.csv")
        .iter()
        .map(|r| r["Resolution"].clone())
        .collect();
    let ours: Vec<String> = universe(&data, Method::StateDept, &period)
        .iter()
        .map(|&i| data.roll_calls[i].symbol.to_string())
        .collect();
    let mut sorted = (listed.clone(), ours);
    sorted.0.sort();
    sorted.1.sort();
    assert_eq!(sorted.0, sorted.1, "the same 89 resolutions");

    let table = reference("statedept/vp2022_overall.csv");
    assert_eq!(table.len(), 192);
    for row in &table {
        let c = data.country_index(&row["ISO Code"]).unwrap();
        let ours = a.rows.iter().find(|r| r.country == c).unwrap();
        let s = ours.score;
        let theirs = (
            num(row, "Same"),
            num(row, "Oppose"),
            num(row, "Partial"),
            num(row, "Absent"),
        );
        assert_eq!(
            (s.same, s.opposite, s.partial, s.absent),
            theirs,
            "{}",
            row["Country Title"]
        );
        let printed: i64 = row["Voting Coincidence"]
            .trim_end_matches('%')
            .parse()
            .unwrap();
        assert_eq!(
            s.percent.unwrap().round() as i64,
            printed,
            "{}",
            row["Country Title"]
        );
    }
    assert!(
        a.rows.iter().all(|r| r.country != usa),
        "the pivot is not ranked"
    );
    assert_eq!(
        data.countries[a.rows[0].country].code, "ISR",
        "Israel first"
    );
}

/// Counts each state's Same/Opposite/Partial/Absent against the US over a report's own vote list
/// and returns how many of the report's rows match exactly, how many are off by at most 3 votes
/// in all, and out of how many.
fn exact_rows(data: &Dataset, year: u16) -> (usize, usize, usize) {
    let usa = data.country_index("USA").unwrap();
    let listed: Vec<usize> = reference(&format!("statedept/vp{year}_votes.csv"))
        .iter()
        .filter_map(|r| {
            // The reports' own misprints, as the reference README lists them.
            let symbol = match r["Resolution"].as_str() {
                "A/RES/75/89" => "A/RES/75/86".to_string(),
                "A/RES/7/54" => "A/RES/76/54".to_string(),
                s => s.replace(['[', ']'], ""),
            };
            let all = data.find_roll_calls(&symbol);
            all.iter()
                .rev()
                .copied()
                .find(|&i| is_final(&data.roll_calls[i]))
        })
        .collect();
    let normalized = reference("statedept_overall_normalized.csv");
    let rows: Vec<_> = normalized
        .iter()
        .filter(|r| r["report_year"] == year.to_string() && r["copied_from"] == "statedept-pdf")
        .collect();
    let search = unvote::data::country_search::CountrySearch::for_dataset(data);
    let (mut exact, mut close) = (0, 0);
    for row in &rows {
        let c = data
            .country_index(&row["iso_as_printed"])
            .or_else(|| {
                // Reports print "Congo (Democratic Republic of the)": try it both ways round.
                let name = &row["country_as_printed"];
                let (a, b) = name.split_once(" (").unwrap_or((name, ""));
                let flipped = format!("{} {a}", b.trim_end_matches(')'));
                [name.as_str(), flipped.trim(), a]
                    .iter()
                    .find_map(|n| search.search(n).first().map(|m| m.index))
            })
            .unwrap_or_else(|| panic!("{}", row["country_as_printed"]));
        if !row["iso_as_printed"].is_empty() {
            assert_eq!(data.countries[c].code, row["iso_as_printed"]);
        }
        let s = pair(data, usa, c, &listed).score(Method::StateDept);
        let theirs = (
            num(row, "same"),
            num(row, "opposite"),
            num(row, "abstain_or_partial"),
            num(row, "absent"),
        );
        exact += usize::from((s.same, s.opposite, s.partial, s.absent) == theirs);
        let off = s.same.abs_diff(theirs.0)
            + s.opposite.abs_diff(theirs.1)
            + s.partial.abs_diff(theirs.2)
            + s.absent.abs_diff(theirs.3);
        close += usize::from(off <= 3);
    }
    (exact, close, rows.len())
}

#[test]
fn earlier_reports_come_as_close_as_their_vote_lists_and_misprints_allow() {
    let data = bundled();
    // Exact rows out of 192, measured on the bundled data with each report's own vote list;
    // the README explains each shortfall.
    let measured: Vec<(u16, usize, usize, usize)> = [2017, 2019, 2020, 2021, 2022]
        .into_iter()
        .map(|y| {
            let (exact, close, of) = exact_rows(&data, y);
            (y, exact, close, of)
        })
        .collect();
    assert_eq!(measured, EXPECTED);
}

const EXPECTED: [(u16, usize, usize, usize); 5] = [
    (2017, 190, 191, 192),
    (2019, 140, 154, 192),
    (2020, 0, 131, 192),
    (2021, 1, 34, 192),
    (2022, 192, 192, 192),
];

#[test]
fn voeten_agreement_of_the_united_kingdom_matches_the_published_figures() {
    let data = bundled();
    let gbr = data.country_index("GBR").unwrap();
    let published = reference("voeten_agreement_gbr_stateofbritain.csv");
    // Grouped by the calendar year of the vote, which comes closer than by session.
    let mut by_year: HashMap<u16, Vec<usize>> = HashMap::new();
    for i in universe(&data, Method::Voeten, &Period::all()) {
        by_year
            .entry(data.roll_calls[i].year().unwrap())
            .or_default()
            .push(i);
    }
    // Absolute differences in points, for 1946–2018 (Voeten's roll calls in our data) and
    // 2019 onwards (the UN's own lists in our data).
    let (mut early, mut late) = (Vec::new(), Vec::new());
    for row in &published {
        let Some(c) = data.country_index(&row["iso3"]) else {
            continue;
        };
        let year = row["year"].parse::<u16>().unwrap();
        let Some(rcs) = by_year.get(&year) else {
            continue;
        };
        let Some(ours) = pair(&data, gbr, c, rcs).score(Method::Voeten).percent else {
            continue;
        };
        let theirs: f64 = row["agree"].parse().unwrap();
        let diff = (ours - theirs).abs();
        if year <= 2018 {
            early.push(diff)
        } else {
            late.push(diff)
        }
    }
    let summary = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let within = |d: f64| 100 * v.iter().filter(|&&x| x <= d).count() / v.len();
        (
            v.len(),
            (v[v.len() / 2] * 10.0).round() / 10.0,
            within(1.0),
            within(3.0),
        )
    };
    let (early, late) = (summary(&mut early), summary(&mut late));
    println!("voeten GBR (rows, median |diff|, % within 1 point, % within 3): {early:?} {late:?}");
    assert_eq!(early, VOETEN_EARLY);
    assert_eq!(late, VOETEN_LATE);
}

/// (rows compared, median absolute difference in points, % within 1 point, % within 3 points).
const VOETEN_EARLY: (usize, f64, usize, usize) = (9962, 1.0, 50, 81);
const VOETEN_LATE: (usize, f64, usize, usize) = (1142, 2.8, 18, 52);

#[test]
fn a_comparison_is_the_same_seen_from_either_side() {
    let data = bundled();
    let (usa, rus) = (
        data.country_index("USA").unwrap(),
        data.country_index("RUS").unwrap(),
    );
    for method in Method::ALL {
        let ab = compare(&data, usa, rus, method, &Period::all());
        let ba = compare(&data, rus, usa, method, &Period::all());
        assert_eq!(ab.pairs.transposed(), ba.pairs);
        assert_eq!(ab.score, ba.score);
        assert!(ab.score.counted > 500, "{method}: {:?}", ab.score);
    }
}

#[test]
fn usa_and_israel_2022_compare_as_in_the_report() {
    let data = bundled();
    let (usa, isr) = (
        data.country_index("USA").unwrap(),
        data.country_index("ISR").unwrap(),
    );
    let c = compare(&data, usa, isr, Method::StateDept, &Period::year(2022));
    let row = reference("statedept/vp2022_overall.csv")
        .into_iter()
        .find(|r| r["ISO Code"] == "ISR")
        .unwrap();
    assert_eq!(
        (c.score.same, c.score.opposite),
        (num(&row, "Same"), num(&row, "Oppose"))
    );
    assert_eq!(c.by_year.len(), 1);
    assert_eq!(c.by_year[0].0, 2022);
    // Every divergent vote is one yes and one no.
    for &i in &c.divergent {
        let v = data.roll_calls[i].votes.as_bytes();
        assert!(matches!((v[usa], v[isr]), (b'Y', b'N') | (b'N', b'Y')));
    }
    // The table of pairs adds up to the score: the diagonal is Same, yes/no is Opposite.
    let Pairs { m } = c.pairs;
    assert_eq!(m[0][0] + m[1][1] + m[2][2], c.score.same);
    assert_eq!(m[0][1] + m[1][0], c.score.opposite);
    assert_eq!(c.pairs.total(), 89);
}

#[test]
fn profiles_link_former_states_and_find_isolated_votes() {
    let data = bundled();
    let rus = profile(&data, data.country_index("RUS").unwrap());
    assert_eq!(rus.predecessors, vec!["SUN".to_string()]);
    let sun = profile(&data, data.country_index("SUN").unwrap());
    assert_eq!(sun.successor.as_deref(), Some("RUS"));
    assert_eq!(sun.years.first().map(|y| y.year), Some(1946));
    assert_eq!(sun.years.last().map(|y| y.year), Some(1991));
    let usa = profile(&data, data.country_index("USA").unwrap());
    assert!(usa.against_majority > 1000, "{}", usa.against_majority);
    let total: u32 = usa.years.iter().map(|y| y.tally.members()).sum();
    assert_eq!(total, usa.record.roll_calls);
    // The most isolated vote: the US on the losing side of a near-unanimous vote.
    let worst = usa.isolated[0];
    let t = data.tally(worst);
    assert!(t.yes.abs_diff(t.no) > 150, "{t:?}");
}

#[test]
fn key_votes_of_2022_include_the_cuba_embargo_and_p5_splits_on_ukraine() {
    let data = bundled();
    let groups = Groups::new(&data);
    let usa = data.country_index("USA").unwrap();
    let k = key_votes(&data, &groups, usa, &Period::year(2022));
    let symbols = |v: &[usize]| -> Vec<String> {
        v.iter()
            .map(|&i| data.roll_calls[i].symbol.to_string())
            .collect()
    };
    assert!(
        symbols(&k.pivot_minority).contains(&"A/RES/77/7".to_string()),
        "{:?}",
        symbols(&k.pivot_minority)
    );
    assert!(symbols(&k.p5_splits).contains(&"A/RES/ES-11/4".to_string()));
    let t = data.tally(k.closest[0]);
    for &i in &k.closest[1..] {
        let u = data.tally(i);
        assert!(
            t.yes.abs_diff(t.no) * (u.yes + u.no + u.abstain)
                <= u.yes.abs_diff(u.no) * (t.yes + t.no + t.abstain) + (u.yes + u.no + u.abstain)
        );
    }
}

/// A state by one of its names exactly (case aside): name, official name, UN name or alias.
fn by_exact_name(data: &Dataset, name: &str) -> Option<usize> {
    data.countries.iter().position(|c| {
        [&c.name, &c.official_name, &c.un_name]
            .into_iter()
            .chain(&c.aliases)
            .any(|n| n.eq_ignore_ascii_case(name))
    })
}

#[test]
fn identical_vote_shares_with_the_us_match_voetens_data_session_by_session_to_1995() {
    // `PctAgreeUS` in Imai's `unvoting` data (from Voeten's): the share of votes both cast on
    // which both voted the same, unanimous votes out — Same ÷ counted under `voeten`, per
    // session (Year = session + 1945).
    let data = bundled();
    let usa = data.country_index("USA").unwrap();
    let mut by_session: HashMap<String, Vec<usize>> = HashMap::new();
    for i in universe(&data, Method::Voeten, &Period::all()) {
        by_session
            .entry(data.roll_calls[i].session.to_string())
            .or_default()
            .push(i);
    }
    let (mut compared, mut exact) = (0, 0);
    for row in reference("voeten_qss_unvoting_pctagree.csv") {
        let year: u16 = row["Year"].parse().unwrap();
        let Ok(theirs) = row["PctAgreeUS"].parse::<f64>() else {
            continue;
        };
        let Some(c) = by_exact_name(&data, &row["CountryName"]) else {
            continue;
        };
        let Some(rcs) = by_session.get(&(year - 1945).to_string()) else {
            continue;
        };
        let s = pair(&data, usa, c, rcs).score(Method::Voeten);
        if c == usa || year > 1995 || s.counted == 0 {
            continue;
        }
        compared += 1;
        exact += usize::from((f64::from(s.same) / f64::from(s.counted) - theirs).abs() < 0.0005);
    }
    println!("unvoting PctAgreeUS 1946–1995: {exact} of {compared} exact");
    assert_eq!((exact, compared), QSS_EXACT);
}

/// Measured: (exact to 4 decimals, compared) state-years, 1946–1995.
const QSS_EXACT: (usize, usize) = (5477, 5743);
