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
    /// Known binary magic, NUL bytes outside UTF-16, or many control characters.
    Binary,
}

/// File signatures of common binary formats that must never be read as text.
const MAGIC: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
    b"\xca\xfe\xba\xbe",
    b"MZ\x90\x00",
];

/// True when the bytes start with the signature of a known binary format.
#[must_use]
pub fn has_binary_magic(bytes: &[u8]) -> bool {
    MAGIC.iter().any(|m| bytes.starts_with(m))
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

/// True when decoded text has too many control characters to be prose.
fn mostly_control(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) {
            control += 1;
        }
    }
    // More than 10 % control characters (or any NUL in a text encoding) is not text.
    text.contains('\0') || (total > 0 && control * 10 > total)
}

/// Decodes `bytes` with `encoding` (no BOM handling) and checks the result is text.
fn finish(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, NotText> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    if mostly_control(&text) {
        return Err(NotText::Binary);
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Decodes file bytes to text.
///
/// Order: binary magic → BOM (UTF-8, UTF-16LE/BE) → evident BOM-less UTF-16 → NUL bytes
/// mean binary → valid UTF-8 → `declared` (an HTML `<meta charset>`, when given and
/// sane) → chardetng's guess.
///
/// # Errors
/// [`NotText::Binary`] when the bytes are not text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    if has_binary_magic(bytes) {
        return Err(NotText::Binary);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return finish(rest, encoding);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return finish(bytes, encoding);
    }
    if bytes.contains(&0) {
        return Err(NotText::Binary);
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
    if valid_utf8 {
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
            Err(NotText::Binary)
        );
        assert_eq!(decode(b"%PDF-1.7\n", None), Err(NotText::Binary));
        assert_eq!(
            decode(b"abc\0\x01\x02\x03def\0", None),
            Err(NotText::Binary)
        );
        let controls: Vec<u8> = (1u8..32).cycle().take(300).collect();
        assert_eq!(decode(&controls, None), Err(NotText::Binary));
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
}
