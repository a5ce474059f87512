//! Loading every supported format from fixtures written for this project, and one
//! error test per reason a file cannot be loaded.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "tests fail loudly on purpose"
)]

use std::path::{Path, PathBuf};

use storydiff::error::LoadError;
use storydiff::load::load_path;
use storydiff::model::{Article, Format};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/load")
        .join(name)
}

fn load_one(name: &str) -> Article {
    let mut articles = load_path(&fixture(name)).unwrap();
    assert_eq!(articles.len(), 1, "{name}: one article expected");
    articles.remove(0)
}

fn texts(article: &Article) -> Vec<&str> {
    article.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn error(name: &str) -> LoadError {
    load_path(&fixture(name)).unwrap_err()
}

#[test]
fn wrapped_text_joins_lines_and_takes_headline() {
    let a = load_one("wrapped.txt");
    assert_eq!(a.format, Format::Txt);
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(a.title, "Harbour Wall Repairs Begin");
    assert_eq!(
        texts(&a),
        [
            "Work to repair the harbour wall at Port Elling began on Monday, three months after a winter storm tore a twenty-metre gap in the old stone barrier.",
            "The council said the contractor, a family firm from the next valley, would finish by the end of the summer if the weather held. A well-known local engineer will oversee the job.",
            "Fishing boats from the valley will use the north quay until then.",
        ]
    );
}

#[test]
fn one_paragraph_per_line_strips_bom_and_trailing_spaces() {
    let a = load_one("per_line.txt");
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(a.title, "per_line.txt");
    let t = texts(&a);
    assert_eq!(t.len(), 4);
    assert_eq!(
        t.first().copied(),
        Some(
            "The library on Mill Street will close for six weeks while its roof is replaced, the town council announced on Thursday."
        )
    );
    assert_eq!(
        t.get(2).copied(),
        Some(
            "\u{201c}We know this is a nuisance,\u{201d} said the head librarian, \u{201c}but the roof has leaked for years.\u{201d}"
        )
    );
    assert_eq!(
        t.get(3).copied(),
        Some("The work is expected to cost \u{a3}240,000.")
    );
}

#[test]
fn markdown_reduced_to_text() {
    let a = load_one("article.md");
    assert_eq!(a.format, Format::Md);
    assert_eq!(a.title, "Night Trains Return to the Valley");
    assert_eq!(
        texts(&a),
        [
            "After a gap of twelve years, sleeper trains will again run between the capital and the mountain towns, the rail operator said.",
            "Timetable",
            "Trains leave at 22:10 on Fridays.",
            "The return journey runs on Sunday nights.",
            "\"People have asked for this for a decade,\" a spokeswoman said.",
            "Tickets go on sale next month at the operator's site.",
        ]
    );
}

#[test]
fn html_page_body_without_navigation_or_footer() {
    let a = load_one("page.html");
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "Orchard Festival Draws Record Crowd");
    assert_eq!(a.outlet.as_deref(), Some("Riverside Gazette"));
    let t = texts(&a);
    for expected in [
        "More than eleven thousand visitors came to the orchard festival on Saturday, the largest crowd since the event began in 1987.",
        "Growers sold out of early apples by noon, and the cider press ran late into the evening as queues stretched past the church.",
        "\u{201c}We had to send for more cups twice,\u{201d} said one volunteer, who has helped at the festival for thirty years.",
        "The organisers said the money raised would pay for new trees to replace those lost in last year\u{2019}s storms.",
    ] {
        assert!(
            t.contains(&expected),
            "missing paragraph {expected:?} in {t:?}"
        );
    }
    let all = t.join("\n");
    for junk in [
        "Subscribe today",
        "Privacy notice",
        "Cookie settings",
        "Most read",
        "Council tax",
    ] {
        assert!(!all.contains(junk), "boilerplate {junk:?} kept: {t:?}");
    }
}

#[test]
fn schema_org_news_article() {
    let a = load_one("newsarticle.json");
    assert_eq!(a.format, Format::Json);
    assert_eq!(a.title, "Ferry Fares Frozen for Islanders");
    assert_eq!(a.author.as_deref(), Some("Ines Harrow, Tom Birch"));
    assert_eq!(a.outlet.as_deref(), Some("Island Courier"));
    assert_eq!(a.date.as_deref(), Some("2025-03-14T09:30:00Z"));
    assert_eq!(
        texts(&a),
        [
            "Ferry fares for island residents will not rise this year, the operator said.",
            "The freeze will be reviewed in the autumn."
        ]
    );
}

#[test]
fn json_ld_graph() {
    let a = load_one("graph.json");
    assert_eq!(a.title, "Snow Closes Pass");
    assert_eq!(a.author.as_deref(), Some("Lea Fenn"));
    assert_eq!(a.outlet.as_deref(), Some("Hill Times"));
    assert_eq!(
        texts(&a),
        [
            "The mountain pass closed overnight after heavy snow.",
            "Ploughs were out by dawn."
        ]
    );
}

#[test]
fn title_and_content_array() {
    let a = load_one("title_body.json");
    assert_eq!(a.title, "Bakery Wins Prize");
    assert_eq!(a.author.as_deref(), Some("Sam Oak"));
    assert_eq!(a.date.as_deref(), Some("2024-11-05"));
    assert_eq!(
        texts(&a),
        [
            "The bakery on Quay Street won the regional bread prize.",
            "Its sourdough was praised by the judges."
        ]
    );
}

#[test]
fn basil_style_sentences_joined() {
    let a = load_one("basil_style.json");
    assert_eq!(a.outlet.as_deref(), Some("gazette"));
    assert_eq!(a.title, "Bridge Vote Delayed");
    assert_eq!(a.date.as_deref(), Some("2024-02-01"));
    assert_eq!(
        texts(&a),
        [
            "The vote on the new bridge was delayed. Councillors asked for more time.",
            "A new date has not been set."
        ]
    );
}

#[test]
fn json_array_opens_each_article() {
    let path = fixture("array.json");
    let articles = load_path(&path).unwrap();
    assert_eq!(articles.len(), 2);
    let first = articles.first().unwrap();
    let second = articles.get(1).unwrap();
    assert_eq!(first.path, format!("{}#1", path.display()));
    assert_eq!(second.path, format!("{}#2", path.display()));
    assert_eq!(first.title, "First Story");
    assert_eq!(
        texts(first),
        ["Alpha paragraph one.", "Alpha paragraph two."]
    );
    assert_eq!(texts(second), ["Beta only paragraph."]);
}

#[test]
fn json_lines_opens_each_line() {
    let path = fixture("articles.jsonl");
    let articles = load_path(&path).unwrap();
    let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Line One", "Line Two", "Line Three"]);
    let last = articles.get(2).unwrap();
    assert_eq!(last.path, format!("{}#3", path.display()));
    assert_eq!(last.outlet.as_deref(), Some("Wire"));
    assert_eq!(
        texts(articles.get(1).unwrap()),
        ["Delta text.", "Epsilon text."]
    );
}

#[test]
fn windows_1252_is_detected_and_decoded() {
    let a = load_one("cp1252.txt");
    assert_eq!(a.encoding, "windows-1252");
    let expected = std::fs::read_to_string(fixture("cp1252.expected.txt")).unwrap();
    let mut lines = expected.lines();
    assert_eq!(Some(a.title.as_str()), lines.next());
    lines.next();
    let rest: Vec<&str> = lines.collect();
    assert_eq!(texts(&a), rest);
}

#[test]
fn html_meta_charset_is_honoured() {
    let a = load_one("cp1252_page.html");
    assert_eq!(a.encoding, "windows-1252");
    assert_eq!(a.title, "Caf\u{e9} Terrace Reopens");
    let t = texts(&a);
    assert!(
        t.contains(
            &"\u{201c}It\u{2019}s the best seat in town,\u{201d} said Ren\u{e9}e, who has taken her coffee there every morning for twenty years."
        ),
        "{t:?}"
    );
    assert!(t.iter().any(|p| p.contains("\u{20ac}3,000")), "{t:?}");
}

#[test]
fn utf16le_with_bom() {
    let a = load_one("utf16le.txt");
    assert_eq!(a.encoding, "UTF-16LE");
    assert_eq!(a.title, "Z\u{fc}rich Trams Run Late");
    assert_eq!(
        texts(&a),
        [
            "Trams in Z\u{fc}rich ran up to twenty minutes late on Tuesday.",
            "A signal fault near the main station was to blame."
        ]
    );
}

#[test]
fn unknown_extensions_are_sniffed() {
    assert_eq!(load_one("page_no_ext").format, Format::Html);
    let json = load_one("story.dat");
    assert_eq!(json.format, Format::Json);
    assert_eq!(json.title, "Sniffed JSON");
    let notes = load_one("notes");
    assert_eq!(notes.format, Format::Txt);
    assert_eq!(
        texts(&notes),
        ["Plain notes without an extension.", "Second line here."]
    );
}

/// The message names the reason in plain words and ends with the path.
fn assert_message(e: &LoadError, starts: &str, path: &Path) {
    let msg = e.to_string();
    assert!(msg.starts_with(starts), "{msg}");
    assert!(msg.ends_with(&path.display().to_string()), "{msg}");
}

#[test]
fn error_not_found() {
    let p = fixture("does_not_exist.txt");
    let e = load_path(&p).unwrap_err();
    assert!(matches!(e, LoadError::NotFound(_)));
    assert_message(&e, "file not found", &p);
}

#[test]
fn error_directory() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/load");
    let e = load_path(&p).unwrap_err();
    assert!(matches!(e, LoadError::IsDirectory(_)));
    assert_message(&e, "is a directory", &p);
}

#[test]
fn error_permission_denied() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("locked.txt");
    std::fs::write(&p, "Some words.\n").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        eprintln!("skipping permission-denied check: running as root, who can read mode-000 files");
        return;
    }
    let e = load_path(&p).unwrap_err();
    assert!(matches!(e, LoadError::PermissionDenied(_)));
    assert_message(&e, "permission denied", &p);
}

#[test]
fn error_binary_magic() {
    let p = fixture("image.png");
    let e = error("image.png");
    assert!(matches!(e, LoadError::Binary { .. }));
    assert_message(&e, "binary file (a PNG image)", &p);
}

#[test]
fn error_binary_nul_bytes() {
    // Nine of its 31 bytes are NULs and other control characters: not a stray byte.
    let p = fixture("nul_bytes.txt");
    let e = error("nul_bytes.txt");
    assert!(matches!(e, LoadError::Binary { .. }));
    assert_message(&e, "binary file (control characters", &p);
}

/// Writes `bytes` as `name` in a fresh temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Loads bytes written to a temporary file as one article.
fn load_bytes(name: &str, bytes: &[u8]) -> Article {
    let (_dir, path) = temp_file(name, bytes);
    let mut articles = load_path(&path).unwrap();
    assert_eq!(articles.len(), 1);
    articles.remove(0)
}

/// Bytes from a seeded splitmix64 generator (the same on every run).
fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)).to_le_bytes()[3]
        })
        .collect()
}

#[test]
fn binary_formats_under_a_txt_name_are_refused_with_the_reason() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(random_bytes(1, 200));
    let mut gzip = vec![0x1f, 0x8b, 0x08, 0x00];
    gzip.extend(random_bytes(2, 200));
    let mut elf = b"\x7fELF\x02\x01\x01\0".to_vec();
    elf.extend(random_bytes(3, 200));
    let mut webp = b"RIFF\x24\0\0\0WEBPVP8 ".to_vec();
    webp.extend(random_bytes(4, 200));
    let mut zip = b"PK\x03\x04\x14\0".to_vec();
    zip.extend(random_bytes(5, 200));
    for (bytes, what) in [
        (png, "a PNG image"),
        (gzip, "a gzip archive"),
        (elf, "an ELF executable"),
        (webp, "a WebP image"),
        (zip, "a zip archive"),
    ] {
        let (_dir, path) = temp_file("story.txt", &bytes);
        let e = load_path(&path).map(|_| ()).unwrap_err();
        assert!(matches!(e, LoadError::Binary { .. }), "{what}: {e}");
        assert_message(&e, &format!("binary file ({what}), not text"), &path);
    }
}

#[test]
fn random_bytes_are_not_text() {
    for seed in [7, 8, 9] {
        let (_dir, path) = temp_file("random.txt", &random_bytes(seed, 30_000));
        let e = load_path(&path).map(|_| ()).unwrap_err();
        assert!(matches!(e, LoadError::Binary { .. }), "seed {seed}: {e}");
        assert_message(&e, "binary file (", &path);
    }
    // Without any control bytes (0x20..=0xFF only), read as a single-byte code page.
    let printable: Vec<u8> = random_bytes(10, 30_000)
        .into_iter()
        .filter(|&b| b >= 0x20 && b != 0x7f)
        .collect();
    let (_dir, path) = temp_file("random.txt", &printable);
    let e = load_path(&path).map(|_| ()).unwrap_err();
    assert_message(&e, "binary file (random-looking bytes", &path);
}

/// The mojibake findings of one loaded article compared on its own.
fn mojibake_findings(a: storydiff::model::Article) -> Vec<storydiff::model::Finding> {
    let cmp = storydiff::compare(
        vec![a],
        Vec::new(),
        &storydiff::model::CompareOptions::default(),
        &mut |_| {},
    );
    storydiff::detect::mojibake::detect(&storydiff::detect::Context::new(&cmp))
}

#[test]
fn c1_controls_in_utf8_text_load_and_are_flagged_as_mojibake() {
    // "\u{2019}" encoded as UTF-8 and read as Latin-1 is "\u{e2}\u{80}\u{99}": two C1 controls.
    let text = "The harbour\u{e2}\u{80}\u{99}s wall was repaired on Monday.\n\
                The council said \u{e2}\u{80}\u{9c}the work is done\u{e2}\u{80}\u{9d}.\n";
    let a = load_bytes("c1.txt", text.as_bytes());
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(
        texts(&a)[0],
        "The harbour\u{e2}\u{80}\u{99}s wall was repaired on Monday."
    );
    let findings = mojibake_findings(a);
    let repairs: Vec<(&str, Option<&str>)> = findings
        .iter()
        .map(|f| (f.text.as_str(), f.suggestion.as_deref()))
        .collect();
    assert_eq!(
        repairs,
        [
            ("\u{e2}\u{80}\u{99}", Some("\u{2019}")),
            ("\u{e2}\u{80}\u{9c}", Some("\u{201c}")),
            ("\u{e2}\u{80}\u{9d}", Some("\u{201d}")),
        ]
    );
}

#[test]
fn lone_nul_in_readable_text_loads() {
    let text = b"Work on the harbour wall began on Monday.\0 The council said it would \
                 finish by the summer if the weather held, and the boats would use the north quay.\n";
    let a = load_bytes("nul.txt", text);
    assert_eq!(a.encoding, "UTF-8");
    assert!(texts(&a)[0].starts_with("Work on the harbour wall began on Monday."));
    assert!(texts(&a)[0].contains("north quay."));
}

#[test]
fn invalid_bytes_inside_utf8_load_as_replacement_characters_and_are_flagged() {
    let mut bytes = "Caf\u{e9} owners in Z\u{fc}rich and M\u{e1}laga said the na\u{ef}ve plan "
        .as_bytes()
        .to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(" would fail.\n".as_bytes());
    let a = load_bytes("stray.txt", &bytes);
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(
        texts(&a),
        [
            "Caf\u{e9} owners in Z\u{fc}rich and M\u{e1}laga said the na\u{ef}ve plan \u{fffd} would fail."
        ]
    );
    let findings = mojibake_findings(a);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].text, "\u{fffd}");
    assert_eq!(findings[0].suggestion, None);
    assert!(findings[0].message.contains("could not be decoded"));
}

#[test]
fn utf16_with_and_without_bom_in_both_byte_orders() {
    let text = "Trams in Z\u{fc}rich ran late on Tuesday.\nA signal fault was to blame.\n";
    for (bom, little, name) in [
        (true, true, "UTF-16LE"),
        (true, false, "UTF-16BE"),
        (false, true, "UTF-16LE"),
        (false, false, "UTF-16BE"),
    ] {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend(if little { [0xff, 0xfe] } else { [0xfe, 0xff] });
        }
        for u in text.encode_utf16() {
            bytes.extend(if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        let a = load_bytes("u16.txt", &bytes);
        assert_eq!(a.encoding, name, "bom {bom}");
        assert_eq!(
            texts(&a),
            [
                "Trams in Z\u{fc}rich ran late on Tuesday.",
                "A signal fault was to blame."
            ]
        );
    }
}

#[test]
fn windows_1252_bytes_written_here_are_decoded() {
    let text = "\u{201c}L\u{2019}h\u{f4}tel de ville a \u{e9}t\u{e9} r\u{e9}nov\u{e9},\u{201d} \
                a d\u{e9}clar\u{e9} le maire \u{2014} les travaux ont co\u{fb}t\u{e9} 3\u{a0}000\u{a0}\u{20ac}.\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let a = load_bytes("cp1252.txt", &bytes);
    assert_eq!(a.encoding, "windows-1252");
    assert_eq!(texts(&a), [text.trim_end()]);
}

#[test]
fn error_empty() {
    let p = fixture("empty.txt");
    let e = error("empty.txt");
    assert!(matches!(e, LoadError::Empty(_)));
    assert_message(&e, "empty file", &p);
}

#[test]
fn error_zero_byte_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("zero.md");
    std::fs::write(&p, b"").unwrap();
    let e = load_path(&p).unwrap_err();
    assert!(matches!(e, LoadError::Empty(_)));
}

#[test]
fn error_no_article_text_in_page() {
    let p = fixture("no_text.html");
    let e = error("no_text.html");
    assert!(matches!(e, LoadError::NoArticleText(_)), "{e}");
    assert_message(&e, "no article text", &p);
}

#[test]
fn error_malformed_json_names_line_and_column() {
    let p = fixture("malformed.json");
    let e = error("malformed.json");
    let LoadError::MalformedJson { line, column, .. } = &e else {
        panic!("expected malformed JSON, got {e}");
    };
    // `  "author": ,` — the parser stops at the comma, line 4 column 13.
    assert_eq!((*line, *column), (4, 13));
    assert_message(&e, "malformed JSON at line 4, column 13", &p);
}

#[test]
fn error_json_without_article() {
    let p = fixture("no_article.json");
    let e = error("no_article.json");
    assert!(matches!(e, LoadError::NoArticleInJson(_)));
    assert_message(&e, "JSON holds no article", &p);
}
