//! Decoders for encoded blobs (base64, base64url, hex, percent-encoding) and the finder that picks
//! candidate blobs out of a file. Everything here reads untrusted bytes: bounded, no panics.

use std::ops::Range;

/// Which encoding a blob is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Base64,
    Base64Url,
    Hex,
    Percent,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Base64Url => "base64url",
            Encoding::Hex => "hex",
            Encoding::Percent => "percent",
        }
    }
}

/// A candidate encoded blob at `range` of the scanned bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blob {
    pub range: Range<usize>,
    pub encoding: Encoding,
}

/// Shortest blob worth decoding: 16 decoded bytes is about the shortest credential we detect.
pub const MIN_B64_LEN: usize = 20;
pub const MIN_HEX_LEN: usize = 32;
/// Longest blob decoded (encoded bytes).
pub const MAX_BLOB_LEN: usize = 1024 * 1024;

fn b64_value(b: u8) -> Option<u8> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    })
}

/// Decodes standard or URL-safe base64, padded or not. `None` if it is not base64.
pub fn base64_decode(input: &[u8]) -> Option<Vec<u8>> {
    let trimmed = match input.iter().rposition(|&b| b != b'=') {
        Some(p) => &input[..=p],
        None => return None,
    };
    if input.len() - trimmed.len() > 2 || trimmed.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(trimmed.len() / 4 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in trimmed {
        acc = (acc << 6) | u32::from(b64_value(b)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

pub fn hex_decode(input: &[u8]) -> Option<Vec<u8>> {
    if !input.len().is_multiple_of(2) {
        return None;
    }
    input
        .chunks_exact(2)
        .map(|p| Some(hex_value(p[0])? << 4 | hex_value(p[1])?))
        .collect()
}

/// Decodes `%XX` escapes (and `+` as space). `None` if nothing was escaped.
pub fn percent_decode(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    let mut escapes = 0;
    while i < input.len() {
        let b = input[i];
        if b == b'%'
            && let (Some(h), Some(l)) = (
                input.get(i + 1).copied().and_then(hex_value),
                input.get(i + 2).copied().and_then(hex_value),
            )
        {
            out.push(h << 4 | l);
            escapes += 1;
            i += 3;
            continue;
        }
        out.push(if b == b'+' { b' ' } else { b });
        i += 1;
    }
    (escapes > 0).then_some(out)
}

pub fn decode(blob: &[u8], encoding: Encoding) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Base64 | Encoding::Base64Url => base64_decode(blob),
        Encoding::Hex => hex_decode(blob),
        Encoding::Percent => percent_decode(blob),
    }
}

/// Decoded bytes worth scanning: valid UTF-8 text with almost no control characters. Random
/// binary (hash digests, DER keys, compressed data) is not.
pub fn is_texty(bytes: &[u8]) -> bool {
    if bytes.len() < 8 {
        return false;
    }
    let Ok(s) = std::str::from_utf8(bytes) else {
        return false;
    };
    let controls = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    controls * 50 <= s.len()
}

/// Bytes of standard and URL-safe base64 (hex digits are a subset).
const B64_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_');
        b += 1;
    }
    t
};

fn is_b64_byte(b: u8) -> bool {
    B64_BYTE[b as usize]
}

/// Shortest run of base64 bytes that can be a blob: `MIN_B64_LEN` counting up to two `=` pads.
const MIN_RUN: usize = MIN_B64_LEN - 2;

/// Candidate blobs in `data`, at most `max` of them.
///
/// Most runs of base64 bytes in text are short words, so the search probes the byte `MIN_RUN - 1`
/// ahead: a run long enough to matter that starts at or before the probe covers it, and when the
/// probe is not a base64 byte the whole stretch up to it is skipped unread.
pub fn find_blobs(data: &[u8], max: usize) -> Vec<Blob> {
    let mut blobs = Vec::new();
    // Invariant: `i` is 0 or follows a byte that ends a run (no run continues into `i`).
    let mut i = 0;
    while blobs.len() < max {
        let probe = i + MIN_RUN - 1;
        let Some(&b) = data.get(probe) else { break };
        if !is_b64_byte(b) {
            i = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > i && is_b64_byte(data[start - 1]) {
            start -= 1;
        }
        let mut run_end = probe + 1;
        while run_end < data.len() && is_b64_byte(data[run_end]) {
            run_end += 1;
        }
        if run_end - start < MIN_RUN {
            // data[run_end] ends the run (or is past the end).
            i = run_end + 1;
            continue;
        }
        let mut end = run_end;
        while end < data.len() && end - run_end < 2 && data[end] == b'=' {
            end += 1;
        }
        // The byte after a run is never a base64 byte, pad or not.
        i = if end > run_end { end } else { run_end + 1 };
        // A blob glued to a word on its left (`abc%2F...` handled by percent) is still a blob;
        // runs that are too long are skipped whole.
        let run = &data[start..run_end];
        let len = end - start;
        if len > MAX_BLOB_LEN {
            continue;
        }
        let all_hex = run.iter().all(u8::is_ascii_hexdigit);
        if all_hex {
            if run.len() >= MIN_HEX_LEN && run.len().is_multiple_of(2) {
                blobs.push(Blob {
                    range: start..run_end,
                    encoding: Encoding::Hex,
                });
            }
        } else if len >= MIN_B64_LEN && looks_base64(run) {
            let url = run.iter().any(|&b| b == b'-' || b == b'_');
            let encoding = if url {
                Encoding::Base64Url
            } else {
                Encoding::Base64
            };
            blobs.push(Blob {
                range: start..end,
                encoding,
            });
        }
    }
    find_percent(data, &mut blobs, max);
    blobs
}

/// Base64 of text mixes upper and lower case and is not one identifier-like word.
fn looks_base64(run: &[u8]) -> bool {
    let upper = run.iter().filter(|b| b.is_ascii_uppercase()).count();
    let lower = run.iter().filter(|b| b.is_ascii_lowercase()).count();
    let seps = run.iter().filter(|&&b| b == b'_' || b == b'-').count();
    upper > 0 && lower > 0 && seps * 8 < run.len() && run.len() % 4 != 1
}

fn find_percent(data: &[u8], blobs: &mut Vec<Blob>, max: usize) {
    let mut last_end = 0;
    for pos in memchr::memchr_iter(b'%', data) {
        if blobs.len() >= max {
            return;
        }
        if pos < last_end {
            continue;
        }
        let escaped = data.get(pos + 1).is_some_and(u8::is_ascii_hexdigit)
            && data.get(pos + 2).is_some_and(u8::is_ascii_hexdigit);
        if !escaped {
            continue;
        }
        let stop =
            |b: &u8| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`');
        let start = data[..pos].iter().rposition(stop).map_or(0, |p| p + 1);
        let end = data[pos..]
            .iter()
            .position(stop)
            .map_or(data.len(), |p| pos + p);
        last_end = end;
        if end - start > MAX_BLOB_LEN {
            continue;
        }
        let token = &data[start..end];
        let escapes = token
            .windows(3)
            .filter(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
            .count();
        if escapes >= 2 && token.len() >= MIN_B64_LEN {
            blobs.push(Blob {
                range: start..end,
                encoding: Encoding::Percent,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_variants() {
        assert_eq!(base64_decode(b"aGVsbG8gd29ybGQ=").unwrap(), b"hello world");
        assert_eq!(base64_decode(b"aGVsbG8gd29ybGQ").unwrap(), b"hello world");
        assert_eq!(base64_decode(b"-_-_").unwrap(), vec![0xfb, 0xff, 0xbf]);
        assert!(base64_decode(b"a").is_none());
        assert!(base64_decode(b"ab!d").is_none());
        assert!(base64_decode(b"====").is_none());
    }

    #[test]
    fn hex_and_percent() {
        assert_eq!(hex_decode(b"68656c6c6f").unwrap(), b"hello");
        assert!(hex_decode(b"abc").is_none());
        assert_eq!(percent_decode(b"a%20b+c").unwrap(), b"a b c");
        assert!(percent_decode(b"plain").is_none());
        assert_eq!(percent_decode(b"%4").unwrap_or_default(), b"");
    }

    #[test]
    fn finds_blobs() {
        let text = b"data:\n  token: Z2hwX3NlY3JldHNlY3JldHNlY3JldA==\n  h: 6768705f736563726574736563726574736563726574\n  u: https://x/?q=ghp%5Fabc%2Fdef%3D\n";
        let blobs = find_blobs(text, 100);
        let kinds: Vec<_> = blobs.iter().map(|b| b.encoding).collect();
        assert!(kinds.contains(&Encoding::Base64), "{kinds:?}");
        assert!(kinds.contains(&Encoding::Hex), "{kinds:?}");
        assert!(kinds.contains(&Encoding::Percent), "{kinds:?}");
        for b in &blobs {
            let decoded = decode(&text[b.range.clone()], b.encoding).unwrap();
            assert!(
                is_texty(&decoded) || b.encoding == Encoding::Percent,
                "{b:?}"
            );
        }
    }

    /// The byte-at-a-time scan `find_blobs` replaced: every maximal run judged on its own.
    fn find_blobs_reference(data: &[u8], max: usize) -> Vec<Blob> {
        let mut blobs = Vec::new();
        let mut i = 0;
        while i < data.len() && blobs.len() < max {
            if !is_b64_byte(data[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < data.len() && is_b64_byte(data[i]) {
                i += 1;
            }
            let mut end = i;
            while end < data.len() && end - i < 2 && data[end] == b'=' {
                end += 1;
            }
            let run = &data[start..i];
            let len = end - start;
            if len > MAX_BLOB_LEN {
                i = end;
                continue;
            }
            if run.iter().all(u8::is_ascii_hexdigit) {
                if run.len() >= MIN_HEX_LEN && run.len().is_multiple_of(2) {
                    blobs.push(Blob {
                        range: start..i,
                        encoding: Encoding::Hex,
                    });
                }
            } else if len >= MIN_B64_LEN && looks_base64(run) {
                let url = run.iter().any(|&b| b == b'-' || b == b'_');
                blobs.push(Blob {
                    range: start..end,
                    encoding: if url {
                        Encoding::Base64Url
                    } else {
                        Encoding::Base64
                    },
                });
            }
            i = end;
        }
        find_percent(data, &mut blobs, max);
        blobs
    }

    proptest::proptest! {
        #[test]
        fn skipping_finder_matches_the_reference(
            // Runs of word bytes of every length around the thresholds, glued by separators and pads.
            parts in proptest::collection::vec(
                ("[A-Za-z0-9+/_-]{0,40}", "[ =\"%:\n.]{0,3}"),
                0..24,
            ),
            max in 1usize..8,
        ) {
            let data: Vec<u8> = parts.iter().flat_map(|(w, s)| [w.as_bytes(), s.as_bytes()].concat()).collect();
            proptest::prop_assert_eq!(find_blobs(&data, max), find_blobs_reference(&data, max));
            proptest::prop_assert_eq!(find_blobs(&data, 4096), find_blobs_reference(&data, 4096));
        }
    }

    #[test]
    fn binary_is_not_text() {
        assert!(!is_texty(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
        assert!(is_texty(b"plain text value"));
    }
}
