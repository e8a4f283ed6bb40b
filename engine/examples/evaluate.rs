//! Evaluates a scenario JSON file and prints the results JSON (exit 0), or
//! the errors JSON (exit 2) for an invalid scenario.
//!
//! `cargo run --release -p engine --example evaluate -- SCENARIO.json`
//! (`-` or no argument reads standard input).

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1);
    let mut text = String::new();
    let read = match path.as_deref() {
        None | Some("-") => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        Some(path) => std::fs::read_to_string(path).map(|content| text = content),
    };
    if let Err(error) = read {
        eprintln!("cannot read the scenario: {error}");
        return ExitCode::from(1);
    }
    match engine::evaluate_json(&text) {
        Ok(results) => {
            println!("{results}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            println!("{errors}");
            ExitCode::from(2)
        }
    }
}
