//! Text encoding: binary sniffing, byte-order marks, UTF-8, BOM-less UTF-16, and a
//! statistical guess (chardetng) for legacy single- and multi-byte encodings.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Bytes decoded to text, with the name of the encoding used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's name as `encoding_rs` spells it (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: &'static str,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// The bytes are a known binary format or no text at all; the words say which
    /// ("a PNG image", "random-looking bytes", ...).
    Binary(&'static str),
}

impl NotText {
    /// What the bytes are, in plain words.
    #[must_use]
    pub fn what(self) -> &'static str {
        match self {
            Self::Binary(what) => what,
        }
    }
}

/// File signatures of common binary formats that must never be read as text, with what
/// they are. Short or letter-like signatures (`BZh`, `RIFF`, `MZ`) are checked further in
/// [`binary_magic`].
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\xca\xfe\xba\xbe", "a Mach-O executable"),
    (b"\xfe\xed\xfa\xce", "a Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"MZ\x90\x00", "a Windows executable"),
];

/// What binary format the bytes' signature names, if any.
#[must_use]
pub fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    let head = bytes.get(..12).unwrap_or(bytes);
    match head {
        [
            b'B',
            b'Z',
            b'h',
            b'1'..=b'9',
            0x31,
            0x41,
            0x59,
            0x26,
            0x53,
            0x59,
            ..,
        ] => Some("a bzip2 archive"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P'] => Some("a WebP image"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'A', b'V', b'E'] => Some("a WAV sound file"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'A', b'V', b'I', b' '] => Some("an AVI video"),
        [b'I', b'D', b'3', 2..=4, 0, ..] => Some("an MP3 file"),
        [b'M', b'Z', ..] if bytes.iter().take(64).any(|b| *b == 0) => Some("a Windows executable"),
        _ => None,
    }
}

/// True when the bytes start with the signature of a known binary format.
#[must_use]
pub fn has_binary_magic(bytes: &[u8]) -> bool {
    binary_magic(bytes).is_some()
}

/// Which UTF-16 byte order the bytes evidently use when they carry no BOM:
/// ASCII-range text in UTF-16 has a NUL in every other byte.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let pairs = bytes.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    // At least 40 % of code units with a zero high byte and almost no zero low bytes.
    let many = |n: usize| n * 10 >= pairs * 4;
    let few = |n: usize| n * 20 <= pairs;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 with a few stray bytes: more
/// well-formed multi-byte sequences than invalid bytes. Text in a legacy code page has
/// almost no well-formed sequences (an accented letter is one byte followed by ASCII).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                invalid += skip;
                rest = bad.get(skip..).unwrap_or_default();
            }
        }
    }
    valid > invalid
}

/// Why decoded text is not text, if it is not.
///
/// Counted over the characters: *junk* are C0 control characters other than tab, line
/// breaks and form feed, DEL, and U+FFFD (bytes the encoding could not decode); C1
/// controls (U+0080–U+009F) are not junk, they are mojibake that the detector reports.
/// Refused when junk exceeds 5 % of the characters (a lone NUL or escape in an article
/// passes; random bytes give 11 % C0 controls alone), or when at least 30 % of the
/// characters are non-ASCII and the text is letters of a script written with spaces
/// whose space-separated runs average over 40 characters (random bytes read as a
/// single-byte code page give runs of about 250; prose in such scripts averages under
/// 10, and CJK or Thai text, written without spaces, is not held to it). Thresholds set
/// by hand from those two expected values, not fitted.
fn not_text(text: &str) -> Option<&'static str> {
    let mut total = 0usize;
    let mut junk = 0usize;
    let mut non_ascii = 0usize;
    let mut spaces = 0usize;
    let mut spaced_letters = 0usize;
    let mut letters = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\u{FFFD}'
            || c == '\u{7F}'
            || (c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        {
            junk += 1;
        }
        if !c.is_ascii() {
            non_ascii += 1;
        }
        if c.is_whitespace() {
            spaces += 1;
        } else if c.is_alphabetic() {
            letters += 1;
            // Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic: scripts written with spaces.
            if u32::from(c) < 0x0800 {
                spaced_letters += 1;
            }
        }
    }
    if total == 0 {
        return None;
    }
    if junk * 20 > total {
        return Some("control characters and undecodable bytes, not words");
    }
    let runs = spaces + 1;
    if non_ascii * 10 >= total * 3 && spaced_letters * 2 >= letters && total > runs * 40 {
        return Some("random-looking bytes, not words");
    }
    None
}

/// Decodes `bytes` with `encoding` (no BOM handling) and checks the result is text.
fn finish(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, NotText> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    if let Some(what) = not_text(&text) {
        return Err(NotText::Binary(what));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Decodes file bytes to text.
///
/// Order: binary magic → BOM (UTF-8, UTF-16LE/BE) → evident BOM-less UTF-16 → valid
/// UTF-8 → `declared` (an HTML `<meta charset>`, when given and sane) → UTF-8 with a few
/// stray bytes (decoded lossily: each shows as U+FFFD, which the mojibake detector
/// reports) → chardetng's guess. Whatever the encoding, the decoded text must look like
/// text (see `not_text`): lone NULs or C1 controls in readable text do not make it binary.
///
/// # Errors
/// [`NotText::Binary`] when the bytes are not text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    if let Some(what) = binary_magic(bytes) {
        return Err(NotText::Binary(what));
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return finish(rest, encoding);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return finish(bytes, encoding);
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    if let Some(declared) = declared {
        // A declaration is sane when it is an ASCII-compatible encoding and, if it
        // claims UTF-8, the bytes really are UTF-8. A page declaring a legacy charset whose
        // bytes are valid UTF-8 with non-ASCII text was re-saved as UTF-8: trust the bytes.
        let ascii_compatible = declared.is_ascii_compatible();
        let claims_utf8 = declared == UTF_8;
        let resaved = !claims_utf8 && valid_utf8 && !bytes.is_ascii();
        if ascii_compatible && (claims_utf8 == valid_utf8 || !claims_utf8) && !resaved {
            return finish(bytes, declared);
        }
    }
    if valid_utf8 || mostly_utf8(bytes) {
        return finish(bytes, UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    finish(bytes, guess)
}

/// Finds a `<meta charset=...>` or `<meta http-equiv=... content="...; charset=...">`
/// declaration in the first 4 KiB of an HTML page.
#[must_use]
pub fn html_declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(lower.get(from..)?, b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(label) = lower.get(start..i)
            && let Some(encoding) = Encoding::for_label(label)
        {
            // Per the HTML standard a UTF-16 declaration in ASCII-compatible bytes means UTF-8.
            if encoding == UTF_16LE || encoding == UTF_16BE {
                return Some(UTF_8);
            }
            return Some(encoding);
        }
    }
    None
}

/// Byte-string search.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    fn encode_utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xef\xbb\xbfHello", None).unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xff, 0xfe];
        le.extend(encode_utf16("Caf\u{e9} au lait", true));
        let d = decode(&le, None).unwrap();
        assert_eq!(d.text, "Caf\u{e9} au lait");
        assert_eq!(d.encoding, "UTF-16LE");
        let mut be = vec![0xfe, 0xff];
        be.extend(encode_utf16("Caf\u{e9} au lait", false));
        let d = decode(&be, None).unwrap();
        assert_eq!(d.text, "Caf\u{e9} au lait");
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "The minister said the talks would resume on Monday.";
        let d = decode(&encode_utf16(text, true), None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "UTF-16LE");
        let d = decode(&encode_utf16(text, false), None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_is_guessed() {
        let text = "\u{201c}Il \u{e9}tait d\u{e9}j\u{e0} l\u{e0},\u{201d} dit-elle \u{2014} \
                    \u{e0} l\u{2019}h\u{f4}tel de ville, pr\u{e8}s de la gare. \
                    Le maire a d\u{e9}clar\u{e9} que les r\u{e9}sultats \u{e9}taient attendus.";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(!unmappable);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, text);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", None),
            Err(NotText::Binary("a PNG image"))
        );
        assert_eq!(
            decode(b"%PDF-1.7\n", None),
            Err(NotText::Binary("a PDF document"))
        );
        assert!(decode(b"abc\0\x01\x02\x03def\0", None).is_err());
        let controls: Vec<u8> = (1u8..32).cycle().take(300).collect();
        assert!(decode(&controls, None).is_err());
    }

    #[test]
    fn meta_charset_is_found_and_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let declared = html_declared_charset(page);
        assert_eq!(declared, Some(encoding_rs::WINDOWS_1252));
        let d = decode(page, declared).unwrap();
        assert!(d.text.contains("caf\u{e9}"));
        assert_eq!(d.encoding, "windows-1252");
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(
            html_declared_charset(equiv),
            Some(encoding_rs::WINDOWS_1252)
        );
    }

    #[test]
    fn declared_legacy_charset_on_utf8_bytes_trusts_the_bytes() {
        let page = "<meta charset=\"iso-8859-1\"><p>caf\u{e9}</p>";
        let declared = html_declared_charset(page.as_bytes());
        let d = decode(page.as_bytes(), declared).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("caf\u{e9}"));
    }

    #[test]
    fn signatures_name_the_format_and_spare_text_that_starts_alike() {
        assert_eq!(binary_magic(b"\x7fELF\x02\x01"), Some("an ELF executable"));
        assert_eq!(binary_magic(b"BZh91AY&SY\x00\x01"), Some("a bzip2 archive"));
        assert_eq!(
            binary_magic(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some("a WebP image")
        );
        assert_eq!(
            binary_magic(b"MZ\x50\x00\x02\x00\x00\x00\x04"),
            Some("a Windows executable")
        );
        assert_eq!(
            binary_magic(b"\xcf\xfa\xed\xfe\x07"),
            Some("a Mach-O executable")
        );
        for text in [
            &b"BZh is how the file began."[..],
            b"RIFF raff gathered on the quay.",
            b"MZ Harbour Trust said on Monday that the wall would be rebuilt.",
            b"ID3 tags are metadata.",
        ] {
            assert_eq!(binary_magic(text), None, "{text:?}");
            assert!(decode(text, None).is_ok());
        }
    }

    #[test]
    fn stray_bytes_in_utf8_decode_lossily_but_legacy_text_is_guessed() {
        let mut bytes = "Caf\u{e9} in Z\u{fc}rich, na\u{ef}ve ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(b" plan.");
        assert!(mostly_utf8(&bytes));
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.text,
            "Caf\u{e9} in Z\u{fc}rich, na\u{ef}ve \u{fffd} plan."
        );
        // Latin-1 bytes: no well-formed sequence at all.
        assert!(!mostly_utf8(b"caf\xe9 na\xefve Z\xfcrich"));
    }

    #[test]
    fn lone_controls_and_c1_characters_are_still_text() {
        let d = decode(b"The wall was rebuilt.\0 Boats use the north quay.", None).unwrap();
        assert!(d.text.contains('\0'));
        let c1 = "\u{d7}\u{90}\u{d7}\u{91}\u{d7}\u{91}\u{d7}\u{90}";
        assert_eq!(decode(c1.as_bytes(), None).unwrap().text, c1);
        assert!(decode(b"Here is a control character: \x1a", None).is_ok());
        assert_eq!(
            not_text("ab\x01\x02\x03\x04cd"),
            Some("control characters and undecodable bytes, not words")
        );
        // Letters of a script written with spaces, in runs hundreds of characters long.
        let run: String = "\u{e9}\u{c0}x\u{f1}\u{d8}".repeat(100);
        assert_eq!(not_text(&run), Some("random-looking bytes, not words"));
        // Chinese is written without spaces.
        assert_eq!(
            not_text(&"\u{4e2d}\u{6587}\u{6587}\u{672c}".repeat(100)),
            None
        );
    }
}
