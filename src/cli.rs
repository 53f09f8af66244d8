//! The command line: clap definitions, loading the data the flags name, and dispatch to the
//! subcommands (in `cli/`) or to the interactive app.

mod agreement;
mod align;
mod cite;
mod compare;
mod country;
mod ideal_points;
mod import;
mod key_votes;
mod output;
mod profile;
mod quotes;
mod resolution;
mod search;
mod series;
mod validate;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::data::agreement::Method;
use crate::data::period::Period;
use crate::data::{Dataset, bundled, loader, quotes as quote_file};
use output::Format;

/// A fast terminal explorer for United Nations General Assembly roll-call votes (1946–2026).
///
/// With no command it opens the interactive explorer on the bundled data.
#[derive(Debug, Parser)]
#[command(name = "unvote-tui", version, about, long_about = None)]
pub struct Cli {
    /// Use this dataset instead of the bundled one: a native JSON file, a UN Digital Library
    /// voting CSV (2024 or 2025/2026 layout), or a folder of the canonical CSVs; gzip or not.
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// Add the quotes of this JSON file (repeatable; schema in data/README.md).
    #[arg(long, global = true, value_name = "PATH")]
    pub quotes: Vec<PathBuf>,
    /// Add the groups of this CSV file (`group,code[,from,to]`; repeatable): for the explorer,
    /// `align --group` and the group split of `resolution` (other commands refuse it).
    #[arg(long, global = true, value_name = "FILE")]
    pub groups: Vec<PathBuf>,
    /// Open the explorer on this roll call (`ES-11/6`, `A/RES/68/262`, or a roll-call id).
    #[arg(long, value_name = "SYMBOL")]
    pub resolution: Option<String>,
    /// Open the explorer with this country selected (any name, alias or code).
    #[arg(long, value_name = "QUERY")]
    pub country: Option<String>,
    /// What the explorer's `e` writes: csv (the default) or json.
    #[arg(long, value_name = "FORMAT", value_parser = ["csv", "json"])]
    pub export_format: Option<String>,
    /// What to do; the interactive explorer when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how every state voted on a resolution.
    Resolution {
        /// `A/RES/ES-11/6`, `ES-11/6` (any case), or a roll-call id such as `V:3`.
        symbol: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// One paragraph to paste into an article: the date, symbol and title, the outcome where
    /// the data shows it, the votes, the states against by name, the UN document and the
    /// source.
    Cite {
        /// `A/RES/ES-11/6`, `ES-11/6`, `2758 (XXVI)`, or a roll-call id such as `V:3`.
        symbol: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Find a country by a loose name and show its voting record.
    Country {
        /// Any name, alias, code or abbreviation (`nrth korea`, `DPRK`, `Ivory Coast`).
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search roll calls by symbol and title words.
    Search {
        /// Words or a symbol (`ukraine`, `es-11`, `nuclear test`).
        query: String,
        /// Show at most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Add this state's vote to each result (any name, alias or code).
        #[arg(long, value_name = "STATE")]
        country: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// A recurring resolution year by year, and who changed their vote from one year to the
    /// next.
    Series {
        /// A symbol of one of its votes (`A/RES/71/5`) or words of its title (`cuba embargo`).
        query: String,
        /// Add this state's vote on each (any name, alias or code).
        #[arg(long, value_name = "STATE")]
        country: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// List attributed quotes.
    Quotes {
        /// Only quotes about this resolution.
        #[arg(long, value_name = "SYMBOL")]
        resolution: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Agreement between two states over a period: the score, the table of vote pairs, by year,
    /// by issue, and the votes on which they stood on opposite sides.
    Compare {
        /// The first state (any name, alias or code).
        a: String,
        /// The second state.
        b: String,
        #[command(flatten)]
        period: PeriodArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Every state ranked by agreement with a pivot state over a period.
    Align {
        /// The pivot state (any name, alias or code).
        pivot: String,
        #[command(flatten)]
        period: PeriodArgs,
        /// Only members of this group at some time in the period: AG, APG, EEG, GRULAC, WEOG,
        /// P5, EU, or a group of a --groups file.
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// A state's record year by year, with and against the majority, membership span, group and
    /// most isolated votes.
    Profile {
        /// Any name, alias or code.
        country: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Where every state stands on one scale (ideal points), session by session: the bundled
    /// estimates for the bundled data, a fresh fit for a --data file.
    IdealPoints {
        /// Only this regular session (emergency-session votes count in the one they fall in).
        #[arg(long, value_name = "SESSION")]
        session: Option<u32>,
        /// Only this state (any name, alias or code).
        #[arg(long, value_name = "COUNTRY")]
        country: Option<String>,
        /// Fit afresh even for the bundled data (about 10 s on two cores).
        #[arg(long)]
        refit: bool,
        /// Print JSON: {"method", "rows": [{code, name, session, ideal_point, low, high, votes}]}.
        #[arg(long)]
        json: bool,
        /// Print CSV: code,name,session,ideal_point,low,high,votes.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// For a period: the votes on which a state stood in a small minority, the closest final
    /// votes, and the votes on which the permanent members of the Security Council split.
    KeyVotes {
        /// The state (any name, alias or code).
        pivot: String,
        /// First day counted: `YYYY` or `YYYY-MM-DD`.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day counted, inclusive: `YYYY` or `YYYY-MM-DD`.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Print CSV: a header row, then one row per record (columns in README).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Convert CSV inputs (canonical or UN Digital Library) to the native dataset format.
    Import {
        /// Files or folders to read; a folder is read as the canonical CSVs it holds.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Where to write the native JSON dataset.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Load a dataset or quotes file and report every problem found.
    Validate {
        /// A native dataset, CSV, folder of CSVs, or quotes file.
        path: PathBuf,
    },
}

/// The period and method of `compare` and `align`.
#[derive(Debug, Clone, clap::Args)]
pub struct PeriodArgs {
    /// First day counted: `YYYY` or `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day counted, inclusive: `YYYY` or `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// How agreement is measured: state-dept, votes-only or voeten.
    #[arg(long, default_value = "state-dept", value_name = "METHOD")]
    pub method: Method,
}

impl PeriodArgs {
    fn options(self, format: Format) -> agreement::Options {
        agreement::Options {
            from: self.from,
            to: self.to,
            method: self.method,
            format,
        }
    }
}

/// Runs a parsed command line on standard output; a reader that closed the pipe early is not an
/// error.
pub fn run(cli: Cli) -> Result<()> {
    check_flags(&cli)?;
    // The explorer writes to the terminal itself: standard output stays unlocked for it, so
    // that its signal watcher can restore the terminal.
    let result = if cli.command.is_none() {
        execute(cli, &mut io::sink())
    } else {
        execute(cli, &mut io::stdout().lock())
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

/// A usage error: the message, shown as clap shows its own, with exit status 2.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Flags that would do nothing with the command given are refused rather than ignored:
/// `--resolution` and `--country` open the explorer, `--groups` feeds the ranking's groups.
fn check_flags(cli: &Cli) -> Result<()> {
    let Some(command) = &cli.command else {
        return Ok(());
    };
    let explorer_only = [
        ("--resolution", cli.resolution.is_some()),
        ("--country", cli.country.is_some()),
        ("--export-format", cli.export_format.is_some()),
    ];
    if let Some((flag, _)) = explorer_only.iter().find(|(_, given)| *given) {
        return Err(Usage(format!(
            "{flag} is for the explorer; it does nothing with a command \
             (use `resolution SYMBOL`, `country QUERY`, or `--json`/`--csv` instead)"
        ))
        .into());
    }
    // `import` and `validate` read the files they name; `--data` and `--quotes` would be ignored.
    if matches!(command, Command::Import { .. } | Command::Validate { .. })
        && (cli.data.is_some() || !cli.quotes.is_empty())
    {
        return Err(Usage(
            "--data and --quotes choose what the other commands read; `import` and `validate` \
             read the files they are given (name them there)"
                .to_string(),
        )
        .into());
    }
    let uses_groups = matches!(command, Command::Align { .. } | Command::Resolution { .. });
    if !cli.groups.is_empty() && !uses_groups {
        return Err(Usage(
            "--groups adds groups to the explorer, to `align --group` and to the group split \
             of `resolution`; it does nothing with this command"
                .to_string(),
        )
        .into());
    }
    Ok(())
}

/// Runs a parsed command line, writing command output to `out`.
pub fn execute(cli: Cli, out: &mut dyn Write) -> Result<()> {
    // A command answers once and the process ends: its dataset is left to the end of the process
    // rather than taken apart string by string (some 80,000 of them, milliseconds of work).
    let data = || -> Result<&'static Dataset> {
        Ok(Box::leak(Box::new(load(cli.data.as_deref(), &cli.quotes)?)))
    };
    let Some(command) = cli.command else {
        return crate::event_loop::launch(
            load(cli.data.as_deref(), &cli.quotes)?,
            crate::event_loop::Start {
                resolution: cli.resolution.as_deref(),
                country: cli.country.as_deref(),
                group_files: &cli.groups,
                export_json: cli.export_format.as_deref() == Some("json"),
                bundled: cli.data.is_none(),
            },
        );
    };
    match command {
        Command::Import { inputs, out: file } => import::run(&inputs, &file, out),
        Command::Validate { path } => validate::run(&path, out),
        Command::Resolution { symbol, json, csv } => resolution::run(
            data()?,
            &symbol,
            &cli.groups,
            Format::from_flags(json, csv),
            out,
        ),
        Command::Cite { symbol, json } => cite::run(data()?, &symbol, json, out),
        Command::Country { query, json } => country::run(data()?, &query, json, out),
        Command::Search {
            query,
            limit,
            country,
            json,
            csv,
        } => search::run(
            data()?,
            &query,
            limit,
            country.as_deref(),
            Format::from_flags(json, csv),
            out,
        ),
        Command::Series {
            query,
            country,
            json,
            csv,
        } => series::run(
            data()?,
            &query,
            country.as_deref(),
            Format::from_flags(json, csv),
            out,
        ),
        Command::Quotes {
            resolution,
            json,
            csv,
        } => quotes::run(
            data()?,
            resolution.as_deref(),
            Format::from_flags(json, csv),
            out,
        ),
        Command::Compare {
            a,
            b,
            period,
            json,
            csv,
        } => compare::run(
            data()?,
            &a,
            &b,
            &period.options(Format::from_flags(json, csv)),
            out,
        ),
        Command::Align {
            pivot,
            period,
            group,
            json,
            csv,
        } => align::run(
            data()?,
            &pivot,
            group.as_deref(),
            &cli.groups,
            &period.options(Format::from_flags(json, csv)),
            out,
        ),
        Command::IdealPoints {
            session,
            country,
            refit,
            json,
            csv,
        } => ideal_points::run(
            data()?,
            &ideal_points::Options {
                session,
                country,
                refit,
                bundled: cli.data.is_none(),
                format: Format::from_flags(json, csv),
            },
            out,
        ),
        Command::Profile { country, json, csv } => {
            profile::run(data()?, &country, Format::from_flags(json, csv), out)
        }
        Command::KeyVotes {
            pivot,
            from,
            to,
            json,
            csv,
        } => {
            let period = Period::parse(from.as_deref(), to.as_deref())?;
            key_votes::run(data()?, &pivot, &period, Format::from_flags(json, csv), out)
        }
    }
}

/// The dataset the flags name (the bundled one by default) with the bundled quotes and any
/// quote files added.
pub fn load(data: Option<&Path>, quote_files: &[PathBuf]) -> Result<Dataset> {
    let mut dataset = match data {
        Some(path) => {
            let mut d = loader::load_path(path)?;
            d.quotes = bundled::quotes()?;
            d
        }
        None => bundled::dataset()?,
    };
    for file in quote_files {
        dataset.quotes.extend(quote_file::load(file)?);
    }
    Ok(dataset)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}
