//! Ideal points: where each state stands on one dimension of preference, session by session,
//! estimated from the roll calls in the spirit of Bailey, Strezhnev and Voeten (2017, "BSV").
//!
//! **Model.** A dynamic ordered probit in the parametrisation of Imai, Lo and Olmsted's `ordIRT`
//! (2016). State `i` in regular session `t` has the point `x_it`; on roll call `j` of item `k`
//! its vote follows a latent `z = a_k + b_k · x_it + e`, `e ~ N(0, s_k²)`: no when `z < 0`,
//! abstain when `0 ≤ z < 1`, yes when `z ≥ 1`. Each item thus has its own two cut points on
//! the scale of `x` (`−a/b` and `(1 − a)/b`) and its own noise, as BSV's ordered probit does. An
//! item without abstentions is a binary probit (cut at ½, `s = 1`). Non-voting is missing
//! data. Roll calls of one series (the same resolution voted again, `series.rs`) whose titles
//! are alike the first's are one item: the bridges that keep sessions on one scale. A state's points follow a random walk,
//! `x_it − x_i,t−1 ~ N(0, ω²·gap)`, its first `~ N(0, 1)`; items have `a, b ~ N(0, 25)` and
//! `s² ~ Inverse-Gamma(2, 1)`. Flagged, unanimous and lopsided roll calls (a minority under
//! [`MIN_MINORITY`] of the votes cast) are left out.
//!
//! **Fit.** Expectation–maximisation: the E-step takes every vote's expected latent value and
//! its square (truncated-normal moments, on two threads); the M-step fits each item's `a, b, s²`
//! and then every state's points over all its sessions at once (a tridiagonal system along the
//! random walk). After each round the points are rescaled to mean 0 and standard deviation 1
//! over all state-sessions, the United States positive (the items follow, so that no
//! prediction changes). The fit stops when no point moves by more than [`TOLERANCE`], or after
//! [`MAX_ROUNDS`]. It is deterministic: the same data give the same estimates, bit for bit.
//!
//! **Uncertainty.** The interval is ±1.96 standard deviations of a point's variational
//! posterior — the diagonal of the inverse of the tridiagonal system — given the items: it does
//! not carry the items' own uncertainty, so it is narrower than BSV's MCMC intervals.
//!
//! **Not BSV.** BSV fit by MCMC, choose their bridge resolutions by their texts (not titles),
//! estimate each session without a random walk, and scale differently; the README compares.

use std::collections::HashMap;

use super::dataset::Dataset;
use super::model::Vote;
use super::series::SeriesIndex;

/// What the output calls the method.
pub const METHOD: &str = "dynamic ordered probit (yes/abstain/no), series as bridges, random-walk \
prior; variational EM in the manner of emIRT; 95 % intervals from the variational posterior given \
the roll calls' parameters; scale: mean 0 and standard deviation 1 over every state-session, the \
United States positive";

/// The method as the output states it, with the state whose side is positive.
pub fn method(anchor: &str) -> String {
    METHOD.replace("the United States positive", &format!("{anchor} positive"))
}

/// A point resting on fewer votes than this is marked as uncertain where it is shown.
pub const FEW_VOTES: u32 = 10;

/// Variance of a state's step from one session to the next (ω²).
pub const STEP_VARIANCE: f64 = 0.1;
/// The fit stops when no point moves by more than this in a round.
pub const TOLERANCE: f64 = 1e-5;
/// Roll calls whose minority (every vote but the largest side's) is smaller than this share of
/// the votes cast are left out, as lopsided (NOMINATE's rule is 2.5 %).
pub const MIN_MINORITY: f64 = 0.025;
/// The longest SQUAREM step (its α at least −this): a bound against a runaway leap, far beyond
/// the steps this data takes.
const MAX_LEAP: f64 = 1e4;
/// The most rounds of the fit.
pub const MAX_ROUNDS: usize = 2000;
/// Prior variance of an item's `a` and `b`.
const ITEM_PRIOR: f64 = 25.0;
/// Inverse-gamma prior of an item's noise variance: shape and scale.
const NOISE_SHAPE: f64 = 2.0;
const NOISE_SCALE: f64 = 1.0;
/// Prior variance of a state's first point.
const FIRST_PRIOR: f64 = 1.0;

/// One state's ideal point in one regular session.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Index into the dataset's countries.
    pub country: usize,
    /// The regular session.
    pub session: u32,
    /// The estimate.
    pub ideal_point: f64,
    /// Lower end of the 95 % interval.
    pub low: f64,
    /// Upper end of the 95 % interval.
    pub high: f64,
    /// Votes (yes, no or abstain) it rests on.
    pub votes: u32,
}

/// A fit: every state-session's point, and how the fit ran.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Points, by country then session.
    pub points: Vec<Point>,
    /// Rounds run.
    pub rounds: usize,
    /// The largest move of a point in the last round.
    pub last_move: f64,
    /// Roll calls used.
    pub roll_calls: usize,
    /// Items (a series counts once).
    pub items: usize,
    /// Whether it stopped because no point moved more than the tolerance (not at
    /// [`MAX_ROUNDS`]).
    pub converged: bool,
    /// The state whose side is positive: the United States, or where the data lack it, the
    /// state with the most votes.
    pub anchor: Option<usize>,
}

/// The day the regular session of `year` opened by the rule of most of the Assembly's history,
/// the third Tuesday of September (`YYYY-09-DD`); the first session opened in January 1946.
fn third_tuesday(year: i16) -> Option<String> {
    if year == 1946 {
        return Some("1946-01-01".to_string());
    }
    let september = jiff::civil::Date::new(year, 9, 1).ok()?;
    // Days from 1 September to its first Tuesday (Monday is 1, Tuesday 2).
    let to_tuesday = (2 - i16::from(september.weekday().to_monday_one_offset()) + 7) % 7;
    Some(format!("{year}-09-{:02}", 1 + to_tuesday + 14))
}

/// The regular session running on an ISO date (`YYYY-MM-DD`, or `YYYY-MM`), sessions opening
/// on the third Tuesday of September; None before 1946 or for a date that cannot be read.
pub fn session_on(date: &str) -> Option<u32> {
    let year: i16 = date.get(..4)?.parse().ok()?;
    let opened = date >= third_tuesday(year)?.as_str();
    let session = i32::from(year) - if opened { 1945 } else { 1946 };
    u32::try_from(session.max(1)).ok().filter(|_| year >= 1946)
}

/// A session's years as people write them: 78 → `2023–2024`.
pub fn session_years(session: u32) -> String {
    format!("{}–{}", 1945 + session, 1946 + session)
}

/// The regular session of every roll call: its own for a regular session's vote; for an
/// emergency or special session's, the regular session running on its date. A session opened
/// on the third Tuesday of September, or earlier where its own first recorded vote in that year
/// says so (the day moved in recent years: 5 September 2023); a first vote dated in another
/// year is a slip of the record and is not believed.
pub fn regular_sessions(data: &Dataset) -> Vec<Option<u32>> {
    let mut opening: HashMap<u32, String> = HashMap::new();
    for rc in &data.roll_calls {
        let Ok(n) = rc.session.trim().parse::<u32>() else {
            continue;
        };
        let Some(year) = i16::try_from(1945 + u64::from(n))
            .ok()
            .filter(|y| *y <= 2200)
        else {
            continue;
        };
        let open = match opening.entry(n) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => match third_tuesday(year) {
                Some(rule) => e.insert(rule),
                None => continue,
            },
        };
        // A session's own vote before the rule's day, from September on (earlier votes under
        // a session's number in its year are special sessions filed under it).
        let september = format!("{}-09-01", &open[..4]);
        if rc.date.as_str() >= september.as_str() && rc.date.as_str() < open.as_str() {
            *open = rc.date.to_string();
        }
    }
    let mut starts: Vec<(String, u32)> = opening.into_iter().map(|(n, d)| (d, n)).collect();
    starts.sort_unstable();
    data.roll_calls
        .iter()
        .map(|rc| {
            if let Ok(n) = rc.session.trim().parse::<u32>() {
                return Some(n);
            }
            let at = starts.partition_point(|(d, _)| d.as_str() <= rc.date.as_str());
            // The calendar's session where the file lacks the later sessions' votes.
            let by_votes = at.checked_sub(1).map(|i| starts[i].1);
            by_votes.max(session_on(&rc.date))
        })
        .collect()
}

/// The votes of the fit, item by item: for each, the unit (state-session) and category
/// (0 no, 1 abstain, 2 yes) of every vote cast.
struct Votes {
    /// Start of each item's votes; one more entry than items.
    item_start: Vec<usize>,
    unit: Vec<u32>,
    category: Vec<u8>,
    /// Whether each item has abstentions (else it is binary).
    ordinal: Vec<bool>,
    /// (country, session) of each unit.
    units: Vec<(usize, u32)>,
    roll_calls: usize,
}

fn gather(data: &Dataset) -> Votes {
    let sessions = regular_sessions(data);
    let series = SeriesIndex::new(data);
    // The roll calls of each item: a series' members together, the rest alone.
    let mut item_of: Vec<Option<usize>> = vec![None; data.roll_calls.len()];
    let mut items: Vec<Vec<usize>> = Vec::new();
    let mut roll_calls = 0;
    for (j, rc) in data.roll_calls.iter().enumerate() {
        let t = data.tally(j);
        let cast = [t.yes, t.no, t.abstain].iter().filter(|&&n| n > 0).count();
        let total = f64::from(t.yes + t.no + t.abstain);
        let most = f64::from(t.yes.max(t.no).max(t.abstain));
        let lopsided = total > 0.0 && (total - most) / total < MIN_MINORITY;
        if !rc.counts() || cast < 2 || lopsided || sessions[j].is_none() {
            continue;
        }
        roll_calls += 1;
        if let Some(item) = item_of[j] {
            items[item].push(j);
            continue;
        }
        let item = items.len();
        items.push(vec![j]);
        // Later votes of its series share its item — those whose titles are alike this one's
        // itself, not only through the votes between (a series may drift from its first
        // wording; a bridge must be the same resolution voted again).
        for m in series.series_of(data, j) {
            let alike = series.likeness(j, m) >= crate::data::series::SIMILAR;
            if m > j && alike && item_of[m].is_none() {
                item_of[m] = Some(item);
            }
        }
    }
    let mut unit_of: HashMap<(usize, u32), u32> = HashMap::new();
    let mut votes = Votes {
        item_start: vec![0],
        unit: Vec::new(),
        category: Vec::new(),
        ordinal: Vec::new(),
        units: Vec::new(),
        roll_calls,
    };
    for members in &items {
        let mut abstained = false;
        for &j in members {
            let Some(session) = sessions[j] else { continue };
            for (country, b) in data.roll_calls[j].votes.bytes().enumerate() {
                let category = match Vote::from_code(b) {
                    Some(Vote::No) => 0,
                    Some(Vote::Abstain) => 1,
                    Some(Vote::Yes) => 2,
                    _ => continue,
                };
                abstained |= category == 1;
                let next = u32::try_from(votes.units.len()).unwrap_or(u32::MAX);
                let unit = *unit_of.entry((country, session)).or_insert_with(|| {
                    votes.units.push((country, session));
                    next
                });
                votes.unit.push(unit);
                votes.category.push(category);
            }
        }
        votes.ordinal.push(abstained);
        votes.item_start.push(votes.unit.len());
    }
    votes
}

/// The standard normal density.
fn pdf(z: f64) -> f64 {
    // libm's, not the platform's: the same estimates on every machine.
    libm::exp(-0.5 * z * z) * 0.398_942_280_401_432_7
}

/// The standard normal's upper tail, `P(Z ≥ t)`, accurate far out.
fn upper(t: f64) -> f64 {
    0.5 * libm::erfc(t / std::f64::consts::SQRT_2)
}

/// `φ(t) / P(Z ≥ t)`: the inverse Mills ratio, by its asymptotic series where the tail
/// underflows.
fn mills(t: f64) -> f64 {
    if t < 30.0 {
        pdf(t) / upper(t)
    } else {
        let u = 1.0 / (t * t);
        t / (1.0 - u + 3.0 * u * u - 15.0 * u * u * u)
    }
}

/// Mean and second moment of `N(m, s²)` truncated to `[lo, hi)` (either end may be infinite).
fn moments(m: f64, s: f64, lo: f64, hi: f64) -> (f64, f64) {
    let (a, b) = ((lo - m) / s, (hi - m) / s);
    // Standardised mean and variance of the truncated normal.
    let (mean, var) = if hi == f64::INFINITY {
        let r = mills(a);
        (r, 1.0 + a * r - r * r)
    } else if lo == f64::NEG_INFINITY {
        let r = mills(-b);
        (-r, 1.0 - b * r - r * r)
    } else {
        let mass = if a > 0.0 {
            upper(a) - upper(b)
        } else if b < 0.0 {
            upper(-b) - upper(-a)
        } else {
            1.0 - upper(-a) - upper(b)
        };
        if mass > 1e-300 {
            let (pa, pb) = (pdf(a), pdf(b));
            let mean = (pa - pb) / mass;
            (mean, 1.0 + (a * pa - b * pb) / mass - mean * mean)
        } else if a > 0.0 {
            (a, 0.0)
        } else {
            (b, 0.0)
        }
    };
    let mean = m + s * mean;
    let var = s * s * var.clamp(0.0, 1.0);
    (mean, var + mean * mean)
}

/// The interval of the latent value for a vote of `category` on an ordinal or binary item.
fn bounds(category: u8, ordinal: bool) -> (f64, f64) {
    match (category, ordinal) {
        (0, true) => (f64::NEG_INFINITY, 0.0),
        (1, _) => (0.0, 1.0),
        (_, true) => (1.0, f64::INFINITY),
        (0, false) => (f64::NEG_INFINITY, 0.5),
        (_, false) => (0.5, f64::INFINITY),
    }
}

/// One item's parameters.
#[derive(Debug, Clone, Copy)]
struct Item {
    a: f64,
    b: f64,
    s2: f64,
}

/// Sums of one item's votes for its M-step.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    n: f64,
    x: f64,
    xx: f64,
    z: f64,
    xz: f64,
    zz: f64,
}

impl Sums {
    /// Adds a vote of a state at `x` whose latent value has mean `z` and second moment `zz`.
    fn add(&mut self, x: f64, z: f64, zz: f64) {
        self.n += 1.0;
        self.x += x;
        self.xx += x * x;
        self.z += z;
        self.xz += x * z;
        self.zz += zz;
    }
}

/// The E-step over items `range`: each vote's expected latent value into `ez`, the sums of
/// each item into `sums`.
fn expect(
    votes: &Votes,
    range: std::ops::Range<usize>,
    items: &[Item],
    x: &[f64],
    ez: &mut [f64],
    sums: &mut [Sums],
) {
    let offset = votes.item_start[range.start];
    for (k, s) in range.clone().zip(sums.iter_mut()) {
        let it = items[k];
        let sd = it.s2.sqrt();
        *s = Sums::default();
        for v in votes.item_start[k]..votes.item_start[k + 1] {
            let xv = x[votes.unit[v] as usize];
            let (lo, hi) = bounds(votes.category[v], votes.ordinal[k]);
            let (z, zz) = moments(it.a + it.b * xv, sd, lo, hi);
            ez[v - offset] = z;
            s.add(xv, z, zz);
        }
    }
}

/// An item's `a, b, s²` from its sums (ridge regression of the latent values on the points,
/// then the noise's posterior mode).
fn m_item(s: &Sums, ordinal: bool, noise: f64) -> Item {
    // The prior on a and b in the units of the latent value: the sums are not divided by the
    // item's noise variance, so the prior's precision is multiplied by it.
    let p = noise / ITEM_PRIOR;
    // [n+p, Σx; Σx, Σxx+p] · [a; b] = [Σz; Σxz]
    let (a11, a12, a22) = (s.n + p, s.x, s.xx + p);
    let det = a11 * a22 - a12 * a12;
    let a = (s.z * a22 - a12 * s.xz) / det;
    let b = (a11 * s.xz - a12 * s.z) / det;
    let s2 = if ordinal {
        // Σ E[(z − a − b·x)²]
        let ss =
            s.zz - 2.0 * a * s.z - 2.0 * b * s.xz + s.n * a * a + 2.0 * a * b * s.x + b * b * s.xx;
        (NOISE_SCALE + ss.max(0.0) / 2.0) / (NOISE_SHAPE + 1.0 + s.n / 2.0)
    } else {
        1.0
    };
    Item { a, b, s2 }
}

/// Fits ideal points to every counted, contested roll call of `data`.
pub fn fit(data: &Dataset) -> Fit {
    let votes = gather(data);
    let n_items = votes.ordinal.len();
    // Each state's units in session order.
    let mut by_country: Vec<Vec<usize>> = vec![Vec::new(); data.countries.len()];
    for (u, &(c, _)) in votes.units.iter().enumerate() {
        by_country[c].push(u);
    }
    for list in &mut by_country {
        list.sort_by_key(|&u| votes.units[u].1);
    }
    let us = anchor(data, &votes);
    let mut em = Em {
        votes: &votes,
        by_country: &by_country,
        anchor: us,
        ez: vec![0.0; votes.unit.len()],
        sums: vec![Sums::default(); n_items],
        variance: vec![1.0; votes.units.len()],
        rounds: 0,
        last_move: f64::INFINITY,
    };
    // The first state: the starting points, and items fitted to them from the votes' categories.
    let x = start(&votes, us);
    let items = em.items_from_categories(&x);
    let mut state = em.step(&State { x, items });
    // SQUAREM (Varadhan and Roland 2008): two EM rounds give a direction and its curvature, a
    // longer step is taken along them, and one EM round from there. The rounds are EM's own and
    // so is the fixed point; far fewer rounds reach it. It is reached when a round from the
    // point stepped to moves no point by more than the tolerance.
    while em.rounds + 3 <= MAX_ROUNDS {
        let one = em.step(&state);
        let two = em.step(&one);
        let from = squarem(&state, &one, &two).unwrap_or(two);
        state = em.step(&from);
        if em.last_move < TOLERANCE {
            break;
        }
    }
    let mut fit = finish(
        &votes,
        &state.x,
        &em.variance,
        em.rounds,
        em.last_move,
        n_items,
    );
    fit.converged = em.last_move < TOLERANCE;
    fit.anchor = us;
    fit
}

/// The parameters EM updates: every state-session's point and every item's.
#[derive(Debug, Clone)]
struct State {
    x: Vec<f64>,
    items: Vec<Item>,
}

/// One EM round's inputs that do not change, and its working space.
struct Em<'a> {
    votes: &'a Votes,
    by_country: &'a [Vec<usize>],
    anchor: Option<usize>,
    ez: Vec<f64>,
    sums: Vec<Sums>,
    variance: Vec<f64>,
    rounds: usize,
    /// The largest move of a point in the last round.
    last_move: f64,
}

impl Em<'_> {
    /// Items fitted to points `x` from the votes' categories alone (no, abstain, yes as 0, ½,
    /// 1): where the first round starts.
    fn items_from_categories(&mut self, x: &[f64]) -> Vec<Item> {
        let votes = self.votes;
        (0..votes.ordinal.len())
            .map(|k| {
                let mut s = Sums::default();
                for v in votes.item_start[k]..votes.item_start[k + 1] {
                    let xv = x[votes.unit[v] as usize];
                    let z = f64::from(votes.category[v]) * 0.5;
                    s.add(xv, z, z * z + 0.25);
                }
                m_item(&s, votes.ordinal[k], 1.0)
            })
            .collect()
    }

    /// One EM round from `state`: the E-step on two threads, each half of the votes (whole
    /// items); the items' M-step; the points' M-step; the rescaling.
    fn step(&mut self, state: &State) -> State {
        let votes = self.votes;
        let n_items = votes.ordinal.len();
        let half = votes
            .item_start
            .partition_point(|&s| s < votes.unit.len() / 2)
            .clamp(0, n_items);
        let split = votes.item_start[half];
        {
            let (ez1, ez2) = self.ez.split_at_mut(split);
            let (s1, s2) = self.sums.split_at_mut(half);
            let (it, xs) = (&state.items, &state.x);
            std::thread::scope(|scope| {
                scope.spawn(move || expect(votes, half..n_items, it, xs, ez2, s2));
                expect(votes, 0..half, it, xs, ez1, s1);
            });
        }
        let mut items: Vec<Item> = (0..n_items)
            .map(|k| m_item(&self.sums[k], votes.ordinal[k], state.items[k].s2))
            .collect();
        let mut x = m_points(votes, &self.ez, &items, self.by_country, &mut self.variance);
        normalise(
            &mut x,
            &mut self.variance,
            &mut items,
            &votes.units,
            self.anchor,
        );
        self.last_move = max_move(&x, &state.x);
        self.rounds += 1;
        State { x, items }
    }
}

/// The largest difference between two lists of points.
fn max_move(a: &[f64], b: &[f64]) -> f64 {
    // A point that is no number has not settled: its move counts as infinite.
    a.iter()
        .zip(b)
        .map(|(p, q)| (p - q).abs())
        .map(|d| if d.is_nan() { f64::INFINITY } else { d })
        .fold(0.0, f64::max)
}

/// The SQUAREM step from `s0` given two EM rounds `s1`, `s2` after it: `s0 − 2αr + α²v` with
/// `r = s1 − s0`, `v = s2 − 2·s1 + s0` and `α = −|r|/|v|` (at most −1, where the step is plain
/// EM's). None when there is nothing to extrapolate or the step leaves the parameters' range.
fn squarem(s0: &State, s1: &State, s2: &State) -> Option<State> {
    let flat = |s: &State| -> Vec<f64> {
        s.x.iter()
            .copied()
            .chain(s.items.iter().flat_map(|i| [i.a, i.b, i.s2]))
            .collect()
    };
    let (p0, p1, p2) = (flat(s0), flat(s1), flat(s2));
    let (mut rr, mut vv) = (0.0, 0.0);
    for ((a, b), c) in p0.iter().zip(&p1).zip(&p2) {
        rr += (b - a) * (b - a);
        vv += (c - 2.0 * b + a) * (c - 2.0 * b + a);
    }
    if vv <= 0.0 || !rr.is_finite() || !vv.is_finite() {
        return None;
    }
    // At least plain EM's step (−1), at most a bounded leap (the paper's step.max).
    let alpha = (-(rr / vv).sqrt()).clamp(-MAX_LEAP, -1.0);
    let at = |k: usize| {
        let (a, b, c) = (p0[k], p1[k], p2[k]);
        a - 2.0 * alpha * (b - a) + alpha * alpha * (c - 2.0 * b + a)
    };
    let n = s0.x.len();
    let x: Vec<f64> = (0..n).map(at).collect();
    let items: Vec<Item> = (0..s0.items.len())
        .map(|k| Item {
            a: at(n + 3 * k),
            b: at(n + 3 * k + 1),
            s2: at(n + 3 * k + 2),
        })
        .collect();
    let sane = x.iter().all(|v| v.is_finite())
        && items
            .iter()
            .all(|i| i.a.is_finite() && i.b.is_finite() && i.s2.is_finite() && i.s2 > 1e-6);
    sane.then_some(State { x, items })
}

/// The state whose side of the scale is positive: the United States where it voted, else the
/// state that cast the most votes in the fit (so that a file without the US still has a scale).
fn anchor(data: &Dataset, votes: &Votes) -> Option<usize> {
    let mut cast = vec![0usize; data.countries.len()];
    for &u in &votes.unit {
        if let Some(n) = votes
            .units
            .get(u as usize)
            .and_then(|&(c, _)| cast.get_mut(c))
        {
            *n += 1;
        }
    }
    let us = data.country_index("USA").filter(|&c| cast[c] > 0);
    us.or_else(|| {
        (0..cast.len())
            .filter(|&c| cast[c] > 0)
            .max_by_key(|&c| (cast[c], std::cmp::Reverse(c)))
    })
}

fn finish(
    votes: &Votes,
    x: &[f64],
    variance: &[f64],
    rounds: usize,
    last_move: f64,
    items: usize,
) -> Fit {
    let mut counts = vec![0u32; votes.units.len()];
    for &u in &votes.unit {
        counts[u as usize] += 1;
    }
    let mut points: Vec<Point> = votes
        .units
        .iter()
        .enumerate()
        .map(|(u, &(country, session))| {
            let sd = variance[u].max(0.0).sqrt();
            Point {
                country,
                session,
                ideal_point: x[u],
                low: x[u] - 1.96 * sd,
                high: x[u] + 1.96 * sd,
                votes: counts[u],
            }
        })
        .collect();
    points.sort_by_key(|p| (p.country, p.session));
    Fit {
        points,
        rounds,
        last_move,
        roll_calls: votes.roll_calls,
        items,
        converged: false,
        anchor: None,
    }
}

/// Starting points: per state-session, the share of its yes/no votes on the side of the anchor
/// state, centred, so that the anchor starts positive.
fn start(votes: &Votes, us: Option<usize>) -> Vec<f64> {
    let n = votes.units.len();
    let Some(us) = us else {
        return vec![0.0; n];
    };
    let (mut same, mut met) = (vec![0.0f64; n], vec![0.0f64; n]);
    for k in 0..votes.ordinal.len() {
        let range = votes.item_start[k]..votes.item_start[k + 1];
        // The US vote on this item in each session.
        let us_votes: HashMap<u32, u8> = range
            .clone()
            .filter(|&v| votes.units[votes.unit[v] as usize].0 == us)
            .map(|v| (votes.units[votes.unit[v] as usize].1, votes.category[v]))
            .collect();
        for v in range {
            let u = votes.unit[v] as usize;
            if let Some(&theirs) = us_votes.get(&votes.units[u].1)
                && theirs != 1
                && votes.category[v] != 1
            {
                met[u] += 1.0;
                if theirs == votes.category[v] {
                    same[u] += 1.0;
                }
            }
        }
    }
    same.iter()
        .zip(&met)
        .map(|(s, m)| if *m > 0.0 { 2.0 * (s / m - 0.5) } else { 0.0 })
        .collect()
}

/// Every state's points over its sessions given the items: the votes' weighted squared
/// residuals plus the random walk's penalty, a tridiagonal system per state; `variance`
/// receives the diagonal of its inverse.
fn m_points(
    votes: &Votes,
    ez: &[f64],
    items: &[Item],
    by_country: &[Vec<usize>],
    variance: &mut [f64],
) -> Vec<f64> {
    let n = votes.units.len();
    let (mut precision, mut info) = (vec![0.0; n], vec![0.0; n]);
    for (k, it) in items.iter().enumerate() {
        let (w, bw) = (it.b * it.b / it.s2, it.b / it.s2);
        let range = votes.item_start[k]..votes.item_start[k + 1];
        for (&u, &z) in votes.unit[range.clone()].iter().zip(&ez[range]) {
            precision[u as usize] += w;
            info[u as usize] += bw * (z - it.a);
        }
    }
    let mut x = vec![0.0; n];
    for list in by_country.iter().filter(|l| !l.is_empty()) {
        let k = list.len();
        let link: Vec<f64> = (1..k)
            .map(|s| {
                let gap = votes.units[list[s]]
                    .1
                    .saturating_sub(votes.units[list[s - 1]].1)
                    .max(1);
                1.0 / (STEP_VARIANCE * f64::from(gap))
            })
            .collect();
        let mut diag: Vec<f64> = list.iter().map(|&u| precision[u]).collect();
        diag[0] += 1.0 / FIRST_PRIOR;
        for s in 0..k - 1 {
            diag[s] += link[s];
            diag[s + 1] += link[s];
        }
        let off: Vec<f64> = link.iter().map(|l| -l).collect();
        let rhs: Vec<f64> = list.iter().map(|&u| info[u]).collect();
        let (solution, var) = solve_tridiagonal(&diag, &off, &rhs);
        for (s, &u) in list.iter().enumerate() {
            x[u] = solution[s];
            variance[u] = var[s];
        }
    }
    x
}

/// Solves a symmetric tridiagonal system (diagonal `d`, off-diagonal `e`) for `r`, and returns
/// the diagonal of its inverse too.
fn solve_tridiagonal(d: &[f64], e: &[f64], r: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = d.len();
    let mut c = vec![0.0; n];
    let mut y = vec![0.0; n];
    let mut denom = d[0];
    c[0] = if n > 1 { e[0] / denom } else { 0.0 };
    y[0] = r[0] / denom;
    for i in 1..n {
        denom = d[i] - e[i - 1] * c[i - 1];
        if i < n - 1 {
            c[i] = e[i] / denom;
        }
        y[i] = (r[i] - e[i - 1] * y[i - 1]) / denom;
    }
    let mut x = vec![0.0; n];
    x[n - 1] = y[n - 1];
    for i in (0..n - 1).rev() {
        x[i] = y[i] - c[i] * x[i + 1];
    }
    // Diagonal of the inverse from the two sweeps' pivots: (A⁻¹)ᵢᵢ = 1 / (dᵢ − e²ᵢ₋₁/Lᵢ₋₁ −
    // e²ᵢ/Rᵢ₊₁ + …), with the forward pivots L and backward pivots R.
    let mut fwd = vec![0.0; n];
    fwd[0] = d[0];
    for i in 1..n {
        fwd[i] = d[i] - e[i - 1] * e[i - 1] / fwd[i - 1];
    }
    let mut bwd = vec![0.0; n];
    bwd[n - 1] = d[n - 1];
    for i in (0..n - 1).rev() {
        bwd[i] = d[i] - e[i] * e[i] / bwd[i + 1];
    }
    let var = (0..n)
        .map(|i| 1.0 / (fwd[i] + bwd[i] - d[i]))
        .map(|v| if v.is_finite() && v > 0.0 { v } else { 0.0 })
        .collect();
    (x, var)
}

/// Rescales to mean 0 and standard deviation 1 over every state-session, the United States
/// positive; the items follow, so that every prediction is unchanged.
fn normalise(
    x: &mut [f64],
    variance: &mut [f64],
    items: &mut [Item],
    units: &[(usize, u32)],
    us: Option<usize>,
) {
    let n = x.len().max(1) as f64;
    let mean = x.iter().sum::<f64>() / n;
    let sd = (x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    if sd < 1e-12 {
        return;
    }
    let us_side: f64 = us.map_or(1.0, |us| {
        units
            .iter()
            .zip(x.iter())
            .filter(|((c, _), _)| *c == us)
            .map(|(_, v)| v - mean)
            .sum()
    });
    let sign = if us_side < 0.0 { -1.0 } else { 1.0 };
    for v in x.iter_mut() {
        *v = sign * (*v - mean) / sd;
    }
    for v in variance.iter_mut() {
        *v /= sd * sd;
    }
    // a + b·x with x = mean + sign·sd·x′.
    for it in items.iter_mut() {
        it.a += it.b * mean;
        it.b *= sign * sd;
    }
}

/// Estimates at hand: every state-session's point, by country then session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Estimates {
    /// Points, by country then session.
    pub points: Vec<Point>,
    /// The first and last sessions estimated.
    span: Option<(u32, u32)>,
}

/// The bundled estimates for the bundled data (`data/ideal_points.csv`, written by
/// `scripts/ideal-points.sh`; a test proves it equals a fresh fit).
pub const BUNDLED: &str = include_str!("../../data/ideal_points.csv");

/// The columns of the estimates' CSV, the bundled file's and `ideal-points --csv`'s.
pub const COLUMNS: [&str; 7] = [
    "code",
    "name",
    "session",
    "ideal_point",
    "low",
    "high",
    "votes",
];

impl Estimates {
    /// The estimates of a fit.
    pub fn of_fit(fit: Fit) -> Estimates {
        Estimates::new(fit.points)
    }

    /// Estimates from points in order (by country, then session).
    fn new(points: Vec<Point>) -> Estimates {
        let first = points.iter().map(|p| p.session).min();
        let last = points.iter().map(|p| p.session).max();
        Estimates {
            points,
            span: first.zip(last),
        }
    }

    /// The bundled estimates, their states found in `data`.
    pub fn bundled(data: &Dataset) -> anyhow::Result<Estimates> {
        Estimates::read_csv(data, "<bundled data/ideal_points.csv>", BUNDLED)
    }

    /// Reads estimates written as [`Estimates::to_csv`] writes them; an unknown state code, a
    /// number that is not one or a row out of order is an error naming the line.
    pub fn read_csv(data: &Dataset, path: &str, text: &str) -> anyhow::Result<Estimates> {
        use anyhow::{Context, bail};
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader
            .headers()
            .with_context(|| format!("{path}: line 1"))?;
        if header.iter().ne(COLUMNS) {
            bail!("{path}: line 1: the columns are not {}", COLUMNS.join(","));
        }
        let mut points: Vec<Point> = Vec::with_capacity(text.len() / 48);
        let mut record = csv::ByteRecord::new();
        // Rows come state by state: the last state's code is looked up once.
        let mut last: Option<(Vec<u8>, usize)> = None;
        loop {
            let more = reader.read_byte_record(&mut record);
            let line = record.position().map_or(0, csv::Position::line);
            if !more.with_context(|| format!("{path}: line {line}"))? {
                break;
            }
            let field = |i: usize| record.get(i).unwrap_or_default();
            let text_of = |i: usize| String::from_utf8_lossy(field(i)).into_owned();
            let number = |i: usize| -> anyhow::Result<f64> {
                decimal_of(field(i)).with_context(|| {
                    format!(
                        "{path}: line {line}: {} {:?} is not a number",
                        COLUMNS[i],
                        text_of(i)
                    )
                })
            };
            let count = |i: usize| -> anyhow::Result<u32> {
                std::str::from_utf8(field(i))
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .with_context(|| {
                        format!(
                            "{path}: line {line}: {} {:?} is not a count",
                            COLUMNS[i],
                            text_of(i)
                        )
                    })
            };
            let country = match &last {
                Some((code, c)) if code.as_slice() == field(0) => *c,
                _ => {
                    let code = std::str::from_utf8(field(0)).unwrap_or_default();
                    let Some(c) = data.country_index(code) else {
                        bail!("{path}: line {line}: no state with code {:?}", text_of(0));
                    };
                    last = Some((field(0).to_vec(), c));
                    c
                }
            };
            let point = Point {
                country,
                session: count(2)?,
                ideal_point: number(3)?,
                low: number(4)?,
                high: number(5)?,
                votes: count(6)?,
            };
            if points
                .last()
                .is_some_and(|p| (p.country, p.session) >= (point.country, point.session))
            {
                bail!(
                    "{path}: line {line}: rows must be in the dataset's country order, then by session"
                );
            }
            points.push(point);
        }
        Ok(Estimates::new(points))
    }

    /// The estimates as CSV: [`COLUMNS`], four decimals.
    pub fn to_csv(&self, data: &Dataset, rows: &[&Point]) -> String {
        let bytes = super::table::ideal_points(data, rows)
            .to_csv()
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Every point, in order.
    pub fn all(&self) -> Vec<&Point> {
        self.points.iter().collect()
    }

    /// One state's points, session by session.
    pub fn of_country(&self, country: usize) -> &[Point] {
        let start = self.points.partition_point(|p| p.country < country);
        let end = self.points.partition_point(|p| p.country <= country);
        &self.points[start..end]
    }

    /// One state's point in one session.
    pub fn get(&self, country: usize, session: u32) -> Option<&Point> {
        self.of_country(country)
            .iter()
            .find(|p| p.session == session)
    }

    /// The distance between two states' points in one session.
    pub fn distance(&self, a: usize, b: usize, session: u32) -> Option<f64> {
        Some((self.get(a, session)?.ideal_point - self.get(b, session)?.ideal_point).abs())
    }

    /// Every state's point in one session, highest first.
    pub fn in_session(&self, session: u32) -> Vec<&Point> {
        let mut rows: Vec<&Point> = self
            .points
            .iter()
            .filter(|p| p.session == session)
            .collect();
        rows.sort_by(|a, b| b.ideal_point.total_cmp(&a.ideal_point));
        rows
    }

    /// The first and last sessions estimated.
    pub fn sessions(&self) -> Option<(u32, u32)> {
        self.span
    }
}

/// A number as the CSV writes it. Four decimals (`-0.8452`) are read as an integer over 10⁴ —
/// the same double the general parse gives, as both are the nearest to that ratio — and
/// anything else by the general parse; None for what is not a finite number.
fn decimal_of(field: &[u8]) -> Option<f64> {
    let (negative, digits) = match field.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, field),
    };
    if let Some((whole, frac)) = digits.split_at_checked(digits.len().saturating_sub(5))
        && frac.first() == Some(&b'.')
        && !whole.is_empty()
        && whole.len() <= 9
        && whole.iter().chain(&frac[1..]).all(u8::is_ascii_digit)
    {
        let n = whole
            .iter()
            .chain(&frac[1..])
            .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        let v = n as f64 / 1e4;
        return Some(if negative { -v } else { v });
    }
    std::str::from_utf8(field)
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A number with four decimals, never `-0.0000`.
pub fn decimal(v: f64) -> String {
    let s = format!("{v:.4}");
    if s == "-0.0000" {
        "0.0000".to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::{Country, RollCall};

    /// A small deterministic generator (xorshift) for the synthetic votes.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }

        /// A standard normal draw (Box–Muller).
        fn normal(&mut self) -> f64 {
            let (u, v) = (self.next().max(1e-12), self.next());
            (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
        }
    }

    /// States with known points (constant over five sessions, the first `USA` and highest),
    /// voting on roll calls drawn from the model: the fit must find the points again.
    fn synthetic(states: usize, per_session: usize) -> (Dataset, Vec<f64>) {
        synthetic_as(states, per_session, "USA")
    }

    /// [`synthetic`] with the first (highest) state under another code.
    fn synthetic_as(states: usize, per_session: usize, first: &str) -> (Dataset, Vec<f64>) {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let truth: Vec<f64> = (0..states)
            .map(|i| {
                if i == 0 {
                    2.0
                } else {
                    rng.normal().clamp(-1.9, 1.9)
                }
            })
            .collect();
        let countries = (0..states)
            .map(|i| Country {
                code: if i == 0 {
                    first.to_string()
                } else {
                    format!("S{i:02}")
                },
                name: format!("State {i}"),
                ..Country::default()
            })
            .collect();
        let mut roll_calls = Vec::new();
        for session in 1..=5u32 {
            for j in 0..per_session {
                let (b, cut) = (0.5 + 2.0 * rng.next(), 2.0 * rng.normal());
                let votes: String = truth
                    .iter()
                    .map(|&x| {
                        let z = b * (x - cut) + rng.normal();
                        if z < -0.4 {
                            'N'
                        } else if z < 0.4 {
                            'A'
                        } else {
                            'Y'
                        }
                    })
                    .collect();
                roll_calls.push(RollCall {
                    id: format!("T:{session}-{j}").into(),
                    session: session.to_string().into(),
                    date: format!("{}-10-{:02}", 1945 + session, 1 + j % 28).into(),
                    title: format!("Synthetic question {session} {j} q{}", j * 7919).into(),
                    votes: votes.into(),
                    ..RollCall::default()
                });
            }
        }
        (
            Dataset::new(countries, roll_calls, String::new()).unwrap(),
            truth,
        )
    }

    /// The points of the first `states` states in `session`, in country order.
    fn points_in(fit: &Fit, states: usize, session: u32) -> Vec<f64> {
        (0..states)
            .map(|c| {
                let p = fit
                    .points
                    .iter()
                    .find(|p| p.country == c && p.session == session);
                p.unwrap().ideal_point
            })
            .collect()
    }

    fn correlation(a: &[f64], b: &[f64]) -> f64 {
        let n = a.len() as f64;
        let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
        let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
        let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
        let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
        cov / (va * vb).sqrt()
    }

    #[test]
    fn known_points_are_recovered_on_the_scale_and_the_side_fixed() {
        let (data, truth) = synthetic(60, 40);
        let fit = fit(&data);
        assert!(
            fit.rounds < MAX_ROUNDS,
            "converged in {} rounds",
            fit.rounds
        );
        assert_eq!(fit.points.len(), 60 * 5);
        // Each state's estimates in the last session against its true point: with 40 votes a
        // session the correlation of a probit fit is ~0.95 or more.
        let last = points_in(&fit, 60, 5);
        let r = correlation(&last, &truth);
        assert!(r > 0.95, "correlation with the true points {r}");
        // The scale: mean 0, standard deviation 1 over every state-session; the US positive and
        // the highest state, as it was drawn.
        let all: Vec<f64> = fit.points.iter().map(|p| p.ideal_point).collect();
        let mean = all.iter().sum::<f64>() / all.len() as f64;
        let sd = (all.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / all.len() as f64).sqrt();
        assert!(mean.abs() < 1e-9 && (sd - 1.0).abs() < 1e-9, "{mean} {sd}");
        let top = last.iter().cloned().fold(f64::MIN, f64::max);
        assert!(
            last[0] > 1.0 && last[0] >= top - 0.3,
            "{} vs {top}",
            last[0]
        );
        // Intervals hold their estimate; every state voted on every contested roll call.
        let contested = fit.roll_calls as u32 / 5;
        for p in &fit.points {
            assert!(p.low < p.ideal_point && p.ideal_point < p.high);
            assert!(p.votes > 20 && p.votes <= 40, "{}", p.votes);
        }
        assert!(contested > 20);
    }

    #[test]
    fn estimates_files_read_back_and_bad_ones_name_their_line() {
        let (data, _) = synthetic(4, 10);
        let fitted = Estimates::of_fit(fit(&data));
        let text = fitted.to_csv(&data, &fitted.all());
        let back = Estimates::read_csv(&data, "e.csv", &text).unwrap();
        assert_eq!(back.points.len(), fitted.points.len());
        assert_eq!(back.to_csv(&data, &back.all()), text);
        let header = COLUMNS.join(",");
        let bad = |rows: &str| {
            let text = format!("{header}\n{rows}");
            format!(
                "{:#}",
                Estimates::read_csv(&data, "e.csv", &text).unwrap_err()
            )
        };
        assert_eq!(
            bad("ZZZ,Nowhere,1,0.1,0,0.2,5\n"),
            "e.csv: line 2: no state with code \"ZZZ\""
        );
        assert!(
            bad("USA,State 0,1,0.1,0,0.2,5\nUSA,State 0,1,x,0,0.2,5\n")
                .starts_with("e.csv: line 3: ideal_point \"x\" is not a number")
        );
        assert!(
            bad("USA,State 0,2,0.1,0,0.2,5\nUSA,State 0,1,0.1,0,0.2,5\n")
                .contains("line 3: rows must be")
        );
        assert!(bad("USA,State 0,1,0.1,0,0.2,-5\n").contains("votes \"-5\" is not a count"));
        let wrong = Estimates::read_csv(&data, "e.csv", "code,session\nUSA,1\n").unwrap_err();
        assert!(
            wrong
                .to_string()
                .starts_with("e.csv: line 1: the columns are not code,name")
        );
    }

    #[test]
    fn emergency_votes_count_in_the_regular_session_running() {
        assert_eq!(third_tuesday(1960).as_deref(), Some("1960-09-20"));
        assert_eq!(third_tuesday(2024).as_deref(), Some("2024-09-17"));
        assert_eq!(session_on("1960-09-19"), Some(14));
        assert_eq!(session_on("1960-09-20"), Some(15));
        assert_eq!(session_on("2022-10-12"), Some(77));
        assert_eq!(session_on("2023-02-23"), Some(77));
        assert_eq!(session_on("2024-09-18"), Some(79));
        assert_eq!(session_on("1946-10-23"), Some(1));
        assert_eq!(session_on("1947-05-01"), Some(1));
        assert_eq!(session_on("1945-12-01"), None);
        assert_eq!(session_on("soon"), None);
        assert_eq!(session_years(78), "2023–2024");
    }

    #[test]
    fn four_decimals_read_as_the_general_parse_reads_them() {
        for text in [
            "0.9603",
            "-0.8452",
            "12.0001",
            "0.0000",
            "-3.1416",
            "123456789.9999",
        ] {
            assert_eq!(
                decimal_of(text.as_bytes()),
                text.parse::<f64>().ok(),
                "{text}"
            );
        }
        for text in ["1e3", "2.5", "-7", "0.12345"] {
            assert_eq!(
                decimal_of(text.as_bytes()),
                text.parse::<f64>().ok(),
                "{text}"
            );
        }
        for text in ["", "-", "x.0000", "1.00a0", "NaN", "inf", "--1.0000"] {
            assert_eq!(decimal_of(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn without_the_us_the_most_active_state_fixes_the_side_and_the_points_still_spread() {
        let (data, truth) = synthetic_as(40, 30, "ZZZ");
        assert_eq!(data.country_index("USA"), None);
        let fit = fit(&data);
        assert!(fit.converged);
        // Every state voted on every roll call: the tie goes to the first, the one drawn highest.
        assert_eq!(fit.anchor, Some(0));
        let last = points_in(&fit, 40, 5);
        assert!(last[0] > 1.0, "{}", last[0]);
        assert!(correlation(&last, &truth) > 0.9);
    }

    #[test]
    fn the_same_data_give_the_same_estimates() {
        let (data, _) = synthetic(30, 20);
        assert_eq!(fit(&data), fit(&data));
    }

    #[test]
    fn the_tridiagonal_solver_and_its_inverse_diagonal_are_right() {
        // [2 −1 0; −1 2 −1; 0 −1 2]: inverse diagonal 3/4, 1, 3/4.
        let (x, var) = solve_tridiagonal(&[2.0, 2.0, 2.0], &[-1.0, -1.0], &[1.0, 0.0, 1.0]);
        for (got, want) in x.iter().zip([1.0, 1.0, 1.0]) {
            assert!((got - want).abs() < 1e-12, "{x:?}");
        }
        for (got, want) in var.iter().zip([0.75, 1.0, 0.75]) {
            assert!((got - want).abs() < 1e-12, "{var:?}");
        }
        let (x, var) = solve_tridiagonal(&[4.0], &[], &[2.0]);
        assert_eq!((x, var), (vec![0.5], vec![0.25]));
    }

    #[test]
    fn truncated_moments_fall_inside_their_intervals_even_far_in_a_tail() {
        for m in [-60.0, -3.0, 0.0, 0.5, 2.0, 60.0] {
            for s in [0.1, 1.0, 3.0] {
                let (no, no2) = moments(m, s, f64::NEG_INFINITY, 0.0);
                let (ab, ab2) = moments(m, s, 0.0, 1.0);
                let (yes, yes2) = moments(m, s, 1.0, f64::INFINITY);
                assert!(no < 0.0 && yes > 1.0, "{m} {s}: {no} {yes}");
                assert!((0.0..=1.0).contains(&ab), "{m} {s}: {ab}");
                for (mean, second) in [(no, no2), (ab, ab2), (yes, yes2)] {
                    assert!(second >= mean * mean - 1e-9, "{m} {s}");
                }
            }
        }
        // The untruncated middle: N(0.5, 1) on [0, 1) has mean 0.5 by symmetry.
        assert!((moments(0.5, 1.0, 0.0, 1.0).0 - 0.5).abs() < 1e-12);
        // A standard normal above 0: mean √(2/π), second moment 1.
        let (mean, second) = moments(0.0, 1.0, 0.0, f64::INFINITY);
        assert!((mean - (2.0 / std::f64::consts::PI).sqrt()).abs() < 1e-12);
        assert!((second - 1.0).abs() < 1e-12);
    }
}
