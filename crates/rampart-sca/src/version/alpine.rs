//! Alpine (apk-tools) versions: `1.2.3a_rc1_p2-r0`. The version is read as apk-tools reads it, a
//! stream of tokens (digits, a letter, `_suffix` with an optional number, `-rN`), and compared
//! the way `apk_version_compare` does: token values in order; when one version runs into a
//! different kind of token, a pre-release suffix (`_alpha < _beta < _pre < _rc`) makes it older,
//! otherwise the one that goes on with a "smaller" token kind is newer (`1.2.1 > 1.2_p1 > 1.2-r9 >
//! 1.2`). Components after a dot that start with `0` compare as fractions, as apk-tools does.

use std::cmp::Ordering;

use super::VersionError;
use super::util::MAX_LEN;

const INVALID: i8 = -1;
const DIGIT_OR_ZERO: i8 = 0;
const DIGIT: i8 = 1;
const LETTER: i8 = 2;
const SUFFIX: i8 = 3;
const SUFFIX_NO: i8 = 4;
const REVISION_NO: i8 = 5;
const END: i8 = 6;

const PRE_SUFFIXES: [&str; 4] = ["alpha", "beta", "pre", "rc"];
const POST_SUFFIXES: [&str; 5] = ["cvs", "svn", "git", "hg", "p"];

/// A parsed apk version: the token stream `(kind, value)`, ending with an `END` token.
#[derive(Debug, Clone)]
pub struct ApkVersion {
    tokens: Vec<(i8, i128)>,
}

fn next_token(t: i8, b: &[u8], pos: &mut usize) -> i8 {
    let mut n = INVALID;
    match b.get(*pos) {
        None => n = END,
        Some(c) if (t == DIGIT || t == DIGIT_OR_ZERO) && c.is_ascii_lowercase() => n = LETTER,
        Some(c) if t == LETTER && c.is_ascii_digit() => n = DIGIT,
        Some(c) if t == SUFFIX && c.is_ascii_digit() => n = SUFFIX_NO,
        Some(c) => {
            match c {
                b'.' => n = DIGIT_OR_ZERO,
                b'_' => n = SUFFIX,
                b'-' if b.get(*pos + 1) == Some(&b'r') => {
                    n = REVISION_NO;
                    *pos += 1;
                }
                _ => {}
            }
            *pos += 1;
        }
    }
    if n < t
        && !((n == DIGIT_OR_ZERO && t == DIGIT)
            || (n == SUFFIX && t == SUFFIX_NO)
            || (n == DIGIT && t == LETTER))
    {
        n = INVALID;
    }
    n
}

fn digits(b: &[u8], pos: &mut usize) -> i128 {
    let mut v: i128 = 0;
    while let Some(c) = b.get(*pos).filter(|c| c.is_ascii_digit()) {
        v = v.saturating_mul(10).saturating_add(i128::from(c - b'0'));
        *pos += 1;
    }
    v
}

fn tokenize(b: &[u8]) -> Option<Vec<(i8, i128)>> {
    let mut out = Vec::new();
    let mut t = DIGIT;
    let mut pos = 0usize;
    loop {
        if t == END {
            out.push((END, 0));
            return Some(out);
        }
        if t == INVALID || out.len() > MAX_LEN {
            return None;
        }
        let mut forced_next = None;
        let v = match t {
            DIGIT_OR_ZERO if b.get(pos) == Some(&b'0') => {
                let start = pos;
                while b.get(pos) == Some(&b'0') {
                    pos += 1;
                }
                forced_next = Some(DIGIT);
                -((pos - start) as i128)
            }
            DIGIT_OR_ZERO | DIGIT | SUFFIX_NO | REVISION_NO => digits(b, &mut pos),
            LETTER => {
                let c = b.get(pos).copied().unwrap_or(0);
                pos += 1;
                i128::from(c)
            }
            SUFFIX => {
                let rest = b.get(pos..).unwrap_or_default();
                if let Some(i) = PRE_SUFFIXES
                    .iter()
                    .position(|s| rest.starts_with(s.as_bytes()))
                {
                    pos += PRE_SUFFIXES[i].len();
                    i as i128 - PRE_SUFFIXES.len() as i128
                } else if let Some(i) = POST_SUFFIXES
                    .iter()
                    .position(|s| rest.starts_with(s.as_bytes()))
                {
                    pos += POST_SUFFIXES[i].len();
                    i as i128
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        out.push((t, v));
        t = if pos >= b.len() {
            END
        } else if let Some(f) = forced_next {
            f
        } else {
            next_token(t, b, &mut pos)
        };
    }
}

impl ApkVersion {
    pub fn parse(v: &str) -> Result<ApkVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("Alpine", v, "too long"));
        }
        let s = v.trim();
        if !s.bytes().next().is_some_and(|c| c.is_ascii_digit()) {
            return Err(VersionError::invalid(
                "Alpine",
                v,
                "must start with a digit",
            ));
        }
        let tokens = tokenize(s.as_bytes())
            .ok_or_else(|| VersionError::invalid("Alpine", v, "malformed apk version"))?;
        Ok(ApkVersion { tokens })
    }
}

impl Ord for ApkVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let a = &self.tokens;
        let b = &other.tokens;
        let kind = |t: &[(i8, i128)], k: usize| t.get(k).map_or(END, |x| x.0);
        let val = |t: &[(i8, i128)], k: usize| t.get(k).map_or(0, |x| x.1);
        let mut k = 0usize;
        loop {
            let (at, bt) = (kind(a, k), kind(b, k));
            if at != bt || at == END {
                if at == bt {
                    return Ordering::Equal;
                }
                if at == SUFFIX && val(a, k) < 0 {
                    return Ordering::Less;
                }
                if bt == SUFFIX && val(b, k) < 0 {
                    return Ordering::Greater;
                }
                return bt.cmp(&at);
            }
            let o = val(a, k).cmp(&val(b, k));
            if o != Ordering::Equal {
                return o;
            }
            k += 1;
        }
    }
}

impl PartialOrd for ApkVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ApkVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for ApkVersion {}
