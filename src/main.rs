//! The `unvote-tui` binary: parses the command line, runs it, and turns the outcome into an
//! exit status — 0, 1 with one clean line naming the problem, 2 for a usage error, 128 + n after
//! signal n. Nothing it writes to standard error can make it panic.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use unvote::cli::{Cli, Usage};
use unvote::event_loop::Signalled;

/// The longest error line printed: a message that quotes a huge field is cut.
const MAX_MESSAGE: usize = 600;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_outcome(&e),
    };
    match unvote::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(Signalled(sig)) = e.downcast_ref::<Signalled>() {
                return ExitCode::from(u8::try_from(128 + sig).unwrap_or(255));
            }
            if let Some(Usage(message)) = e.downcast_ref::<Usage>() {
                report(&format!("{message}\n\nFor more information, try '--help'."));
                return ExitCode::from(2);
            }
            report(&format!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// Help and version go to standard output, and a failure to write them is an error; usage
/// errors go to standard error, cleaned (clap repeats what was typed, escape sequences
/// included), with status 2.
fn clap_outcome(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    if !e.use_stderr() {
        let mut out = std::io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(err) => {
                report(&format!("writing to standard output: {err}"));
                ExitCode::FAILURE
            }
        };
    }
    let clean: Vec<String> = text
        .lines()
        .map(|l| unvote::data::text::clean(l).into_owned())
        .collect();
    let _ = writeln!(std::io::stderr(), "{}", clean.join("\n").trim_end());
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Prints `unvote-tui: MESSAGE` on standard error: control characters stripped, at most
/// [`MAX_MESSAGE`] characters a line; a failure to write is ignored (there is nowhere left to say
/// it).
fn report(message: &str) {
    let mut err = std::io::stderr().lock();
    for (i, line) in message.lines().enumerate() {
        let line = unvote::data::text::clean(line);
        let line = unvote::data::text::truncate(&line, MAX_MESSAGE);
        let prefix = if i == 0 { "unvote-tui: " } else { "" };
        let _ = writeln!(err, "{prefix}{line}");
    }
}
