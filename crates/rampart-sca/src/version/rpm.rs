//! RPM versions, `[epoch:]version[-release]`, ordered by `rpmvercmp` (rpm's `rpmio/rpmvercmp.c`):
//! separators are skipped, `~` sorts before anything (even the end), `^` sorts after the end but
//! before anything else, digit segments compare numerically and beat alpha segments.

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord};

/// A parsed RPM EVR.
#[derive(Debug, Clone)]
pub struct RpmVersion {
    epoch: String,
    version: String,
    release: Option<String>,
}

impl RpmVersion {
    pub fn parse(v: &str) -> Result<RpmVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("RPM", v, "too long"));
        }
        let s = v.trim();
        if s.is_empty() {
            return Err(VersionError::invalid("RPM", v, "empty version"));
        }
        let (epoch, rest) = match s.split_once(':') {
            Some((e, r)) if !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()) => {
                (e.trim_start_matches('0').to_string(), r)
            }
            Some(_) => return Err(VersionError::invalid("RPM", v, "epoch is not a number")),
            None => (String::new(), s),
        };
        let (version, release) = match rest.rsplit_once('-') {
            Some((ver, rel)) => (ver.to_string(), Some(rel.to_string())),
            None => (rest.to_string(), None),
        };
        if version.is_empty() {
            return Err(VersionError::invalid("RPM", v, "empty version"));
        }
        Ok(RpmVersion {
            epoch,
            version,
            release,
        })
    }
}

/// rpm's `rpmvercmp`.
pub(crate) fn rpmvercmp(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let a = a.as_bytes();
    let b = b.as_bytes();
    let (mut i, mut j) = (0usize, 0usize);
    let sep = |c: u8| !c.is_ascii_alphanumeric() && c != b'~' && c != b'^';
    loop {
        while i < a.len() && sep(a[i]) {
            i += 1;
        }
        while j < b.len() && sep(b[j]) {
            j += 1;
        }
        if i >= a.len() && j >= b.len() {
            return Ordering::Equal;
        }
        let ca = a.get(i).copied();
        let cb = b.get(j).copied();
        if ca == Some(b'~') || cb == Some(b'~') {
            if ca != Some(b'~') {
                return Ordering::Greater;
            }
            if cb != Some(b'~') {
                return Ordering::Less;
            }
            i += 1;
            j += 1;
            continue;
        }
        if ca == Some(b'^') || cb == Some(b'^') {
            if ca.is_none() {
                return Ordering::Less;
            }
            if cb.is_none() {
                return Ordering::Greater;
            }
            if ca != Some(b'^') {
                return Ordering::Greater;
            }
            if cb != Some(b'^') {
                return Ordering::Less;
            }
            i += 1;
            j += 1;
            continue;
        }
        if ca.is_none() || cb.is_none() {
            break;
        }
        let (si, sj) = (i, j);
        let isnum = a[i].is_ascii_digit();
        let class = |c: u8| {
            if isnum {
                c.is_ascii_digit()
            } else {
                c.is_ascii_alphabetic()
            }
        };
        while i < a.len() && class(a[i]) {
            i += 1;
        }
        while j < b.len() && class(b[j]) {
            j += 1;
        }
        if si == i {
            return Ordering::Less;
        }
        if sj == j {
            return if isnum {
                Ordering::Greater
            } else {
                Ordering::Less
            };
        }
        let sa = std::str::from_utf8(&a[si..i]).unwrap_or("");
        let sb = std::str::from_utf8(&b[sj..j]).unwrap_or("");
        let o = if isnum {
            cmp_digits(sa, sb)
        } else {
            sa.cmp(sb)
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    match (i < a.len(), j < b.len()) {
        (false, false) => Ordering::Equal,
        (true, _) => Ordering::Greater,
        (false, true) => Ordering::Less,
    }
}

impl Ord for RpmVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_digits(&self.epoch, &other.epoch)
            .then_with(|| rpmvercmp(&self.version, &other.version))
            .then_with(|| match (&self.release, &other.release) {
                (Some(a), Some(b)) => rpmvercmp(a, b),
                // As rpm 4.18's `rpm.vercmp` orders full EVRs (tests/fixtures/versions/rpm.tsv):
                // a version without a release sorts below the same version with one. (rpm's
                // dependency matching treats a missing release as a wildcard instead, which is
                // no total order and would make sorting fixed versions inconsistent.)
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
            })
    }
}

impl PartialOrd for RpmVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

eq_by_ord!(RpmVersion);
