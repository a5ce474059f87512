//! The `storydiff` command: the desktop window, or `storydiff report` headless.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use storydiff::error::SaveError;
use storydiff::model::{CompareOptions, Granularity};
use storydiff::report;

/// Compare several articles about one news story side by side and label the damage.
#[derive(Parser, Debug)]
#[command(name = "storydiff", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to open in the window (txt, md, html, json). With none, the bundled sample story opens.
    files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare files without a window and print a report.
    Report(ReportArgs),
}

#[derive(clap::Args, Debug)]
struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// The reference article, counted from 1 in the order given (default: the first).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    reference: Option<u32>,
    /// What to ignore when comparing, comma separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    ignore: Vec<Ignore>,
    /// Diff character by character instead of word by word.
    #[arg(long)]
    chars: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// The articles to compare.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutputFormat {
    Json,
    Text,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Ignore {
    Case,
    Punctuation,
    Quotes,
    Whitespace,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Report(args)) => run_report(&args),
        None => run_gui(cli.files),
    }
}

fn run_report(args: &ReportArgs) -> ExitCode {
    let mut options = CompareOptions {
        reference: args.reference.map_or(0, |r| r as usize - 1),
        granularity: if args.chars {
            Granularity::Char
        } else {
            Granularity::Word
        },
        ..CompareOptions::default()
    };
    for ignore in &args.ignore {
        match ignore {
            Ignore::Case => options.ignore_case = true,
            Ignore::Punctuation => options.ignore_punctuation = true,
            Ignore::Quotes => options.ignore_quotes = true,
            Ignore::Whitespace => options.ignore_whitespace = true,
        }
    }
    let comparison = storydiff::compare_files(&args.files, &options, &mut |_| {});
    if args.reference.is_some() && comparison.options.reference != options.reference {
        eprintln!(
            "storydiff: --reference {} is out of range ({} article(s) loaded); using the first",
            options.reference + 1,
            comparison.articles.len()
        );
    }
    for error in &comparison.errors {
        eprintln!("storydiff: {}", error.message);
    }
    let format = match args.format {
        OutputFormat::Json => report::ReportFormat::Json,
        OutputFormat::Text => report::ReportFormat::Text,
        OutputFormat::Html => report::ReportFormat::Html,
    };
    let written = match &args.output {
        Some(path) => match report::save(&comparison, format, path, &args.files) {
            Ok(()) => Ok(()),
            Err(e @ SaveError::WouldOverwriteInput(_)) => {
                eprintln!("storydiff: {e}");
                return ExitCode::from(2);
            }
            Err(e) => Err(e.to_string()),
        },
        None => std::io::stdout()
            .lock()
            .write_all(format.render(&comparison).as_bytes())
            .map_err(|e| format!("could not write the report: {e}")),
    };
    if let Err(message) = written {
        eprintln!("storydiff: {message}");
        return ExitCode::from(1);
    }
    if comparison.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(feature = "gui")]
fn run_gui(files: Vec<PathBuf>) -> ExitCode {
    storydiff::gui::run(files)
}

#[cfg(not(feature = "gui"))]
fn run_gui(_files: Vec<PathBuf>) -> ExitCode {
    eprintln!(
        "storydiff was built without the window (feature `gui`); for a headless report run `storydiff report FILE...`"
    );
    ExitCode::from(1)
}
