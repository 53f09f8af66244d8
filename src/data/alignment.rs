//! Every state ranked by its agreement with a pivot state over a period, each with its agreement
//! year by year. One pass over the counted roll calls fills every state's table of vote pairs.

use std::cmp::Ordering;

use super::agreement::{Method, Score, YearTables, left_out, universe};
use super::dataset::Dataset;
use super::period::Period;

/// One state's agreement with the pivot.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignRow {
    /// The state (index into the dataset's countries).
    pub country: usize,
    /// Its score.
    pub score: Score,
    /// Its agreement per year from [`Alignment::first_year`], None where nothing counted.
    pub yearly: Vec<Option<f64>>,
}

/// The ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The pivot state.
    pub pivot: usize,
    /// The method.
    pub method: Method,
    /// The period.
    pub period: Period,
    /// Roll calls the method counts in the period on which the pivot held a seat.
    pub votes: usize,
    /// Flagged roll calls of the period (incomplete records, duplicates) left out.
    pub left_out: usize,
    /// The year of each row's first yearly figure.
    pub first_year: u16,
    /// Every other state that shared at least one counted vote with the pivot, most in
    /// agreement first (ties by name).
    pub rows: Vec<AlignRow>,
}

/// Ranks every state by agreement with `pivot`.
pub fn align(data: &Dataset, pivot: usize, method: Method, period: &Period) -> Alignment {
    let roll_calls: Vec<usize> = universe(data, method, period)
        .into_iter()
        .filter(|&i| {
            let b = data.roll_calls[i].votes.as_bytes().get(pivot).copied();
            b.is_some_and(|b| super::agreement::slot(b) < 4)
        })
        .collect();
    let years = YearTables::new(data, pivot, &roll_calls);
    let mut rows: Vec<AlignRow> = (0..data.countries.len())
        .filter(|&c| c != pivot)
        .map(|c| AlignRow {
            country: c,
            score: years.total(c).score(method),
            yearly: years.yearly(c, method),
        })
        .filter(|r| r.score.counted > 0 || r.score.absent > 0)
        .collect();
    let names = data.countries_by_name();
    let mut rank = vec![0; data.countries.len()];
    for (r, &c) in names.iter().enumerate() {
        rank[c] = r;
    }
    rows.sort_by(|x, y| {
        let px = x.score.percent.unwrap_or(-1.0);
        let py = y.score.percent.unwrap_or(-1.0);
        py.partial_cmp(&px)
            .unwrap_or(Ordering::Equal)
            .then_with(|| rank[x.country].cmp(&rank[y.country]))
    });
    Alignment {
        pivot,
        method,
        period: period.clone(),
        votes: roll_calls.len(),
        left_out: left_out(data, method, period, Some(pivot)),
        first_year: years.first_year,
        rows,
    }
}
