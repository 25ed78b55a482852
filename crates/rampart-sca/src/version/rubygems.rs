//! RubyGems `Gem::Version` ordering.
//!
//! A version is dot-separated segments; `-` means `.pre.`; segments are runs of digits (numbers)
//! or letters (strings), so `1.0.0.rc1` is `[1, 0, 0, "rc", 1]`. Any letter makes a prerelease.
//! Comparison uses the canonical segments (trailing zeros of the release part and of the
//! prerelease part dropped), pads with 0, and a string is less than a number.

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord, strip_zeros};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Num(String),
    Str(String),
}

fn is_zero(s: &Seg) -> bool {
    matches!(s, Seg::Num(n) if n.is_empty())
}

/// A parsed RubyGems version.
#[derive(Debug, Clone)]
pub struct GemVersion {
    canonical: Vec<Seg>,
}

impl GemVersion {
    pub fn parse(v: &str) -> Result<GemVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("RubyGems", v, "too long"));
        }
        let s = v.trim();
        // Gem::Version::ANCHORED_VERSION_PATTERN: digits first, then [.alnum]* , then -pre parts.
        let valid = {
            let (main, pre) = match s.split_once('-') {
                Some((m, p)) => (m, Some(p)),
                None => (s, None),
            };
            let mut parts = main.split('.');
            let first_ok = parts
                .next()
                .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            first_ok
                && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
                && pre.is_none_or(|p| {
                    p.split('.').all(|q| {
                        !q.is_empty() && q.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    })
                })
        };
        let s = if s.is_empty() { "0" } else { s };
        if !valid && s != "0" {
            return Err(VersionError::invalid(
                "RubyGems",
                v,
                "malformed version number",
            ));
        }
        let s = s.replace('-', ".pre.");
        let mut segs = Vec::new();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            if bytes[i].is_ascii_digit() {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                segs.push(Seg::Num(strip_zeros(&s[start..i])));
            } else if bytes[i].is_ascii_alphabetic() {
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                segs.push(Seg::Str(s[start..i].to_string()));
            } else {
                i += 1;
            }
        }
        // canonical_segments: split at the first string, drop trailing zeros of each half.
        let split = segs
            .iter()
            .position(|s| matches!(s, Seg::Str(_)))
            .unwrap_or(segs.len());
        let pre = segs.split_off(split);
        let mut release = segs;
        while release.last().is_some_and(is_zero) {
            release.pop();
        }
        let mut pre = pre;
        while pre.last().is_some_and(is_zero) {
            pre.pop();
        }
        release.extend(pre);
        Ok(GemVersion { canonical: release })
    }

    pub fn is_prerelease(&self) -> bool {
        self.canonical.iter().any(|s| matches!(s, Seg::Str(_)))
    }
}

impl Ord for GemVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let zero = Seg::Num(String::new());
        let n = self.canonical.len().max(other.canonical.len());
        for i in 0..n {
            let l = self.canonical.get(i).unwrap_or(&zero);
            let r = other.canonical.get(i).unwrap_or(&zero);
            let o = match (l, r) {
                (Seg::Num(a), Seg::Num(b)) => cmp_digits(a, b),
                (Seg::Str(_), Seg::Num(_)) => Ordering::Less,
                (Seg::Num(_), Seg::Str(_)) => Ordering::Greater,
                (Seg::Str(a), Seg::Str(b)) => a.cmp(b),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for GemVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

eq_by_ord!(GemVersion);
