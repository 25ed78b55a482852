//! NuGet version ordering (`NuGet.Versioning.NuGetVersion`): up to four numeric parts
//! (`1.2.3.4`, missing parts are 0), a SemVer 2.0 pre-release compared case-insensitively,
//! build metadata ignored.

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord, strip_zeros};

/// A parsed NuGet version.
#[derive(Debug, Clone)]
pub struct NuGetVersion {
    parts: [String; 4],
    /// Lower-cased release labels; empty for a stable release.
    pre: Vec<String>,
}

impl NuGetVersion {
    pub fn parse(v: &str) -> Result<NuGetVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("NuGet", v, "too long"));
        }
        let s = v.trim();
        let s = s.split_once('+').map_or(s, |(m, _)| m);
        let (core, pre) = match s.split_once('-') {
            Some((c, p)) => (c, Some(p)),
            None => (s, None),
        };
        let nums: Vec<&str> = core.split('.').collect();
        if nums.is_empty() || nums.len() > 4 {
            return Err(VersionError::invalid(
                "NuGet",
                v,
                "expected 1 to 4 numeric parts",
            ));
        }
        let mut parts: [String; 4] = Default::default();
        for (slot, n) in parts.iter_mut().zip(&nums) {
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(VersionError::invalid("NuGet", v, "non-numeric part"));
            }
            *slot = strip_zeros(n);
        }
        let pre = match pre {
            None => Vec::new(),
            Some(p) => {
                let labels: Vec<String> = p.split('.').map(str::to_ascii_lowercase).collect();
                if labels.iter().any(|l| {
                    l.is_empty() || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                }) {
                    return Err(VersionError::invalid("NuGet", v, "bad pre-release label"));
                }
                labels
            }
        };
        Ok(NuGetVersion { parts, pre })
    }
}

fn cmp_label(a: &str, b: &str) -> Ordering {
    let an = a.bytes().all(|c| c.is_ascii_digit());
    let bn = b.bytes().all(|c| c.is_ascii_digit());
    match (an, bn) {
        (true, true) => cmp_digits(a, b),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

impl Ord for NuGetVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        for (a, b) in self.parts.iter().zip(&other.parts) {
            let o = cmp_digits(a, b);
            if o != Ordering::Equal {
                return o;
            }
        }
        match (self.pre.is_empty(), other.pre.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => {
                for (a, b) in self.pre.iter().zip(&other.pre) {
                    let o = cmp_label(a, b);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                self.pre.len().cmp(&other.pre.len())
            }
        }
    }
}

impl PartialOrd for NuGetVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

eq_by_ord!(NuGetVersion);
