//! Debian package versions, `[epoch:]upstream_version[-debian_revision]`, ordered by dpkg's
//! algorithm (deb-version(7)): the epoch numerically, then upstream and revision each by
//! `verrevcmp` — alternate non-digit runs (letters before non-letters, `~` before everything,
//! even the end of the string) and digit runs (numerically).

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord};

/// A parsed Debian version.
#[derive(Debug, Clone)]
pub struct DebVersion {
    epoch: String,
    upstream: String,
    revision: String,
}

impl DebVersion {
    pub fn parse(v: &str) -> Result<DebVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("Debian", v, "too long"));
        }
        let s = v.trim();
        let (epoch, rest) = match s.split_once(':') {
            Some((e, r)) => {
                if e.is_empty() || !e.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(VersionError::invalid("Debian", v, "epoch is not a number"));
                }
                (e.trim_start_matches('0').to_string(), r)
            }
            None => (String::new(), s),
        };
        let (upstream, revision) = match rest.rsplit_once('-') {
            Some((u, r)) => (u, r),
            None => (rest, ""),
        };
        if !upstream.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return Err(VersionError::invalid(
                "Debian",
                v,
                "version must start with a digit",
            ));
        }
        let ok = |s: &str, extra: &[u8]| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
        };
        if !ok(upstream, b".+~-:") || !ok(revision, b".+~") {
            return Err(VersionError::invalid("Debian", v, "invalid character"));
        }
        Ok(DebVersion {
            epoch,
            upstream: upstream.to_string(),
            revision: revision.to_string(),
        })
    }
}

fn order(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(b'~') => -1,
        Some(c) => i32::from(c) + 256,
    }
}

/// dpkg's `verrevcmp`.
pub(crate) fn verrevcmp(a: &str, b: &str) -> Ordering {
    let a = a.as_bytes();
    let b = b.as_bytes();
    let (mut i, mut j) = (0usize, 0usize);
    let digit = |s: &[u8], k: usize| s.get(k).is_some_and(u8::is_ascii_digit);
    while i < a.len() || j < b.len() {
        while (i < a.len() && !digit(a, i)) || (j < b.len() && !digit(b, j)) {
            let ac = order(a.get(i).copied());
            let bc = order(b.get(j).copied());
            if ac != bc {
                return ac.cmp(&bc);
            }
            i += 1;
            j += 1;
        }
        let si = i;
        while digit(a, i) {
            i += 1;
        }
        let sj = j;
        while digit(b, j) {
            j += 1;
        }
        let na = std::str::from_utf8(a.get(si..i).unwrap_or_default()).unwrap_or("");
        let nb = std::str::from_utf8(b.get(sj..j).unwrap_or_default()).unwrap_or("");
        let o = cmp_digits(na, nb);
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

impl Ord for DebVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_digits(&self.epoch, &other.epoch)
            .then_with(|| verrevcmp(&self.upstream, &other.upstream))
            .then_with(|| verrevcmp(&self.revision, &other.revision))
    }
}

impl PartialOrd for DebVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

eq_by_ord!(DebVersion);
