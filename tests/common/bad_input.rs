//! The bad-input table shared by the command-line test (`tests/reliability.rs`) and the
//! window test (`tests/gui_bad_input.rs`): what each row's file holds and what a user must
//! be told. The bytes are written here by hand (headers of real formats, text we wrote).

#![allow(dead_code, reason = "each test file uses part of the table")]

use std::path::Path;

/// How a row's file is made.
pub enum Make {
    /// A file holding these bytes.
    Bytes(Vec<u8>),
    /// A folder.
    Folder,
    /// Nothing at that path.
    Missing,
    /// A sparse file of this many bytes (no disk used).
    Sized(u64),
    /// One line of words of at least this many bytes ([`line_of`]).
    Line(usize),
    /// A readable text file whose permissions are then taken away.
    Unreadable,
}

/// One row: the file's name, how it is made, and the words the message must hold (`None`
/// for a row that loads).
pub struct Row {
    /// File name, extension included.
    pub name: &'static str,
    /// How the file is made.
    pub make: Make,
    /// What the refusal says, or `None` when the file loads.
    pub reason: Option<&'static str>,
    /// Words of the loaded text (for the rows that load).
    pub holds: &'static str,
}

/// Makes the row's file at `path`.
pub fn make(row: &Row, path: &Path) {
    match &row.make {
        Make::Bytes(b) => std::fs::write(path, b).unwrap(),
        Make::Folder => std::fs::create_dir(path).unwrap(),
        Make::Missing => {}
        Make::Sized(n) => std::fs::File::create(path).unwrap().set_len(*n).unwrap(),
        Make::Line(n) => std::fs::write(path, line_of(*n)).unwrap(),
        Make::Unreadable => unreadable(path),
    }
}

/// A text file at `path` with every permission taken away.
fn unreadable(path: &Path) {
    std::fs::write(path, "The port reopened on Monday.\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
}

/// True when this process can read a file whatever its permissions (root): the
/// unreadable row cannot be made, and its test says so and skips.
pub fn reads_everything() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("probe.txt");
    unreadable(&p);
    std::fs::read(&p).is_ok()
}

/// Deterministic noise (xorshift), `n` bytes.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect()
}

/// One line of about 10 MB: words we wrote, repeated with a counter, no line break.
pub fn one_long_line() -> Vec<u8> {
    line_of(10_000_000)
}

/// One line of at least `bytes` bytes, as [`one_long_line`].
pub fn line_of(bytes: usize) -> Vec<u8> {
    let words = [
        "dockworkers",
        "voted",
        "to",
        "return",
        "on",
        "Thursday",
        "after",
        "the",
        "port",
        "authority",
        "raised",
        "its",
        "offer",
        "again",
    ];
    let mut out = String::with_capacity(bytes + 100);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(words[i % words.len()]);
        out.push_str(if i.is_multiple_of(97) { " 1" } else { "" });
        out.push(' ');
        i += 1;
    }
    out.push_str("end.\n");
    out.into_bytes()
}

/// 100,000 short paragraphs, each a numbered sentence of ours.
pub fn many_paragraphs() -> Vec<u8> {
    use std::fmt::Write as _;
    let mut out = String::new();
    for i in 0..100_000 {
        let _ = write!(out, "Crew {i} left the quay.\n\n");
    }
    out.into_bytes()
}

/// The rows refused, in the order.
pub fn refused_rows() -> Vec<Row> {
    let row = |name, make, reason| Row {
        name,
        make,
        reason: Some(reason),
        holds: "",
    };
    vec![
        row("empty.txt", Make::Bytes(Vec::new()), "empty file"),
        row("noise.txt", Make::Bytes(random_bytes(30_000)), "not text"),
        row(
            "photo.txt",
            Make::Bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec()),
            "PNG image",
        ),
        row(
            "page.html",
            Make::Bytes(b"\x1f\x8b\x08\0\0\0\0\0\0\x03\xcb\x48\xcd".to_vec()),
            "gzip",
        ),
        row(
            "tool.txt",
            Make::Bytes(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0".to_vec()),
            "executable",
        ),
        row("folder", Make::Folder, "is a directory"),
        row("missing.html", Make::Missing, "file not found"),
        row(
            "story.json",
            Make::Bytes(b"{\"headline\": \"Port\", \"articleBody\": ".to_vec()),
            "malformed JSON",
        ),
        row(
            "weather.json",
            Make::Bytes(b"{\"weather\": [1, 2, 3]}".to_vec()),
            "JSON holds no article",
        ),
        row(
            "menu.html",
            Make::Bytes(
                b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
                    .to_vec(),
            ),
            "no article text",
        ),
        row("huge.txt", Make::Sized(200_000_000), "up to 50 MB"),
        row(
            "endless.txt",
            Make::Line(21_000_000),
            "paragraphs of up to 20 MB",
        ),
        row("locked.txt", Make::Unreadable, "permission denied"),
    ]
}

/// The rows that load, with words their text must hold.
pub fn loading_rows() -> Vec<Row> {
    let row = |name, bytes: Vec<u8>, holds| Row {
        name,
        make: Make::Bytes(bytes),
        reason: None,
        holds,
    };
    let text = "Dockworkers at the port will return to work on Thursday.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut with_bom = vec![0xFF, 0xFE];
    with_bom.extend_from_slice(&le);
    let mut broken = "The union’s members voted \u{2014} 84 per cent \u{2014} for the deal "
        .as_bytes()
        .to_vec();
    broken.extend_from_slice(b"\xff.\n");
    vec![
        row(
            "controls.txt",
            b"Dockworkers will return \x85 to work on Thursday.\x1a\n".to_vec(),
            "to work on Thursday",
        ),
        row("broken.txt", broken, "84 per cent"),
        row("bom.txt", with_bom, "return to work on Thursday"),
        row("nobom.txt", le, "return to work on Thursday"),
        row(
            "legacy.txt",
            b"The port\x92s workers said \x93yes\x94 to the caf\xe9 owners\x97and to the pay rise.\n"
                .to_vec(),
            "caf\u{e9} owners",
        ),
    ]
}

/// The row named `name` (refused or loading).
pub fn row(name: &str) -> Row {
    refused_rows()
        .into_iter()
        .chain(loading_rows())
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no bad-input row {name}"))
}
