//! The `unvote-tui` binary: runs the command line and prints any error as one line.

use std::process::ExitCode;

fn main() -> ExitCode {
    match unvote::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}");
            eprintln!("unvote-tui: {}", unvote::data::text::clean(&message));
            ExitCode::FAILURE
        }
    }
}
