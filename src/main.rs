//! The `storydiff` command: the desktop window, or `storydiff report` headless.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use storydiff::error::SaveError;
use storydiff::model::{CompareOptions, Granularity, Override};
use storydiff::report;
use storydiff::session::{self, SavedComparison};

/// Compare several articles about one news story side by side and label the damage.
#[derive(Parser, Debug)]
#[command(name = "storydiff", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to open in the window (txt, md, html, json, or one saved comparison, .storydiff).
    /// With none, the bundled sample story opens.
    files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare files without a window and print a report. Given one saved comparison
    /// (FILE.storydiff), compares its files with its options and manual corrections.
    Report(ReportArgs),
    /// Write the articles of FILE… (any format storydiff reads) as corpus JSON Lines, one
    /// record per article, for `spark/storydiff-corpus`.
    Export(ExportArgs),
    /// Compare clusters read as JSON lines on standard input (`{"cluster": …, "members":
    /// [record, …]}`) and write one `{"cluster": …, "report": …}` line per cluster.
    Batch,
}

#[derive(clap::Args, Debug)]
struct ExportArgs {
    /// Write JSON Lines (the one export format; the flag says so where a script reads it).
    #[arg(long, required = true)]
    jsonl: bool,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// The articles to export.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// The reference article, counted from 1 in the order given (default: the first).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    reference: Option<u32>,
    /// What to ignore when comparing, comma separated. Typographic variants (`quotes`:
    /// curly and straight quotes, dashes, no-break spaces, "…" and "...") are ignored by
    /// default.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    ignore: Vec<Ignore>,
    /// What to show as differences although it is ignored by default: `typography` shows
    /// curly vs straight quotes, dash styles, no-break spaces and "…" vs "..." as edits.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    show: Vec<Show>,
    /// Diff character by character instead of word by word.
    #[arg(long)]
    chars: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// The articles to compare, or one saved comparison (FILE.storydiff; the flags given
    /// change its saved options).
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
enum Show {
    Typography,
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
        Some(Command::Export(args)) => run_export(&args),
        Some(Command::Batch) => run_batch(),
        None => run_gui(cli.files),
    }
}

/// The files, options and overrides a report compares: the command line's, or a saved
/// comparison's with the flags given applied on top.
struct Job {
    files: Vec<PathBuf>,
    options: CompareOptions,
    overrides: Vec<Override>,
    /// Messages about files of a saved comparison that were moved or deleted.
    missing: Vec<String>,
    /// The paths compared in their stead (each reported as a load failure too).
    missing_paths: Vec<String>,
    /// Paths `-o` must never write to: the inputs and the saved comparison itself.
    protected: Vec<PathBuf>,
    /// The files come from a saved comparison.
    saved: bool,
}

/// The job of `args`; `Err` carries the exit code after a message on standard error.
fn job(args: &ReportArgs) -> Result<Job, ExitCode> {
    let saved = match args.files.as_slice() {
        [one] if session::is_saved_comparison(one) => Some(one),
        _ => None,
    };
    let mut job = match saved {
        Some(path) => {
            let opened = SavedComparison::load(path).map_err(|e| {
                eprintln!("storydiff: {e}");
                ExitCode::from(1)
            })?;
            let mut protected = opened.files.clone();
            protected.push(path.clone());
            let missing_paths = opened
                .files
                .iter()
                .filter(|f| !f.is_file())
                .map(|f| f.display().to_string())
                .collect();
            Job {
                files: opened.files,
                options: opened.saved.options,
                overrides: opened.saved.overrides,
                missing: opened.missing,
                missing_paths,
                protected,
                saved: true,
            }
        }
        None => Job {
            files: args.files.clone(),
            options: CompareOptions::default(),
            overrides: Vec::new(),
            missing: Vec::new(),
            missing_paths: Vec::new(),
            protected: args.files.clone(),
            saved: false,
        },
    };
    let options = &mut job.options;
    if let Some(r) = args.reference {
        options.reference = r as usize - 1;
    }
    if args.chars {
        options.granularity = Granularity::Char;
    }
    for ignore in &args.ignore {
        match ignore {
            Ignore::Case => options.ignore_case = true,
            Ignore::Punctuation => options.ignore_punctuation = true,
            Ignore::Quotes => options.ignore_quotes = true,
            Ignore::Whitespace => options.ignore_whitespace = true,
        }
    }
    for show in &args.show {
        match show {
            Show::Typography => options.ignore_quotes = false,
        }
    }
    Ok(job)
}

fn run_report(args: &ReportArgs) -> ExitCode {
    let job = match job(args) {
        Ok(job) => job,
        Err(code) => return code,
    };
    let options = &job.options;
    // A saved comparison keeps its files' order (its corrections name articles by place);
    // files named on the command line are compared in path order, so the same files give
    // the same report in whatever order they are given.
    let comparison = if job.saved {
        storydiff::compare_files_with(&job.files, options, &job.overrides, &mut |_| {})
    } else {
        storydiff::compare::compare_files_in_path_order(&job.files, options, &mut |_| {})
    };
    if args.reference.is_some() && options.reference >= comparison.articles.len() {
        eprintln!(
            "storydiff: --reference {} is out of range ({} article(s) loaded); using the first",
            options.reference + 1,
            comparison.articles.len()
        );
    }
    for message in &job.missing {
        eprintln!("storydiff: {message}");
    }
    for error in &comparison.errors {
        // A missing file of a saved comparison is named once, by its message above.
        if !job.missing_paths.contains(&error.path) {
            eprintln!("storydiff: {}", error.message);
        }
    }
    let format = match args.format {
        OutputFormat::Json => report::ReportFormat::Json,
        OutputFormat::Text => report::ReportFormat::Text,
        OutputFormat::Html => report::ReportFormat::Html,
    };
    let written = match &args.output {
        Some(path) => match report::save(&comparison, format, path, &job.protected) {
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
    if comparison.errors.is_empty() && job.missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_export(args: &ExportArgs) -> ExitCode {
    debug_assert!(args.jsonl, "clap requires --jsonl");
    if let Some(out) = &args.output
        && args.files.iter().any(|f| report::same_file(f, out))
    {
        eprintln!("storydiff: {}", SaveError::WouldOverwriteInput(out.clone()));
        return ExitCode::from(2);
    }
    let (records, errors) = storydiff::corpus::export(&args.files);
    for error in &errors {
        eprintln!("storydiff: {}", error.message);
    }
    let mut text = String::new();
    for record in &records {
        match serde_json::to_string(record) {
            Ok(line) => {
                text.push_str(&line);
                text.push('\n');
            }
            Err(e) => eprintln!(
                "storydiff: could not write the record of {}: {e}",
                record.id
            ),
        }
    }
    let written = match &args.output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| format!("could not write the corpus ({e}): {}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| format!("could not write the corpus: {e}")),
    };
    if let Err(message) = written {
        eprintln!("storydiff: {message}");
        return ExitCode::from(1);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_batch() -> ExitCode {
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let ran = storydiff::corpus::run_batch(stdin, stdout, &CompareOptions::default(), &mut |e| {
        eprintln!("storydiff batch: {e}");
    });
    match ran {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storydiff batch: could not read or write a line: {e}");
            ExitCode::from(1)
        }
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
