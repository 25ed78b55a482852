//! SemVer 2.0.0 (https://semver.org/#spec-item-11) precedence, plus Go module versions.
//!
//! Build metadata is kept out of the ordering. Numbers are compared as digit strings so that no
//! version overflows. Two leniencies real lockfiles need: a leading `v`/`=` is dropped, and a
//! missing minor or patch reads as 0 (Go's `semver.Compare` does the same for `v1.2`).

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord, strip_zeros};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Ident {
    Num(String),
    Alpha(String),
}

impl Ord for Ident {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Ident::Num(a), Ident::Num(b)) => cmp_digits(a, b),
            // Numeric identifiers always have lower precedence than alphanumeric ones.
            (Ident::Num(_), Ident::Alpha(_)) => Ordering::Less,
            (Ident::Alpha(_), Ident::Num(_)) => Ordering::Greater,
            (Ident::Alpha(a), Ident::Alpha(b)) => a.as_bytes().cmp(b.as_bytes()),
        }
    }
}

impl PartialOrd for Ident {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A parsed SemVer version.
#[derive(Debug, Clone)]
pub struct SemVer {
    major: String,
    minor: String,
    patch: String,
    pre: Vec<Ident>,
}

impl SemVer {
    pub fn parse(v: &str) -> Result<SemVer, VersionError> {
        let s = v.trim();
        let s = s.strip_prefix('=').unwrap_or(s).trim_start();
        let s = s
            .strip_prefix('v')
            .or_else(|| s.strip_prefix('V'))
            .unwrap_or(s);
        Self::parse_core(v, s, "SemVer")
    }

    /// A Go module version: `v1.2.3`, `v0.0.0-20210101000000-abcdef123456`, `v2.0.0+incompatible`.
    /// OSV writes Go versions without the `v`, so it is optional.
    pub fn parse_go(v: &str) -> Result<SemVer, VersionError> {
        let s = v.trim();
        let s = s.strip_prefix('v').unwrap_or(s);
        // The Go toolchain is published as `go1.21.3` in some feeds.
        let s = s.strip_prefix("go").unwrap_or(s);
        Self::parse_core(v, s, "Go")
    }

    fn parse_core(orig: &str, s: &str, scheme: &'static str) -> Result<SemVer, VersionError> {
        if orig.len() > MAX_LEN {
            return Err(VersionError::invalid(scheme, orig, "too long"));
        }
        let s = match s.split_once('+') {
            Some((main, build)) => {
                if build.is_empty() || !build.split('.').all(valid_ident) {
                    return Err(VersionError::invalid(scheme, orig, "bad build metadata"));
                }
                main
            }
            None => s,
        };
        let (core, pre) = match s.split_once('-') {
            Some((core, pre)) => (core, Some(pre)),
            None => (s, None),
        };
        let mut parts = core.split('.');
        let mut num = |required: bool| -> Result<String, VersionError> {
            match parts.next() {
                Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(strip_zeros(p))
                }
                Some(_) => Err(VersionError::invalid(
                    scheme,
                    orig,
                    "non-numeric version core",
                )),
                None if required => Err(VersionError::invalid(scheme, orig, "empty version")),
                None => Ok(String::new()),
            }
        };
        let major = num(true)?;
        let minor = num(false)?;
        let patch = num(false)?;
        if parts.next().is_some() {
            return Err(VersionError::invalid(
                scheme,
                orig,
                "more than three numeric parts",
            ));
        }
        let pre = match pre {
            None => Vec::new(),
            Some(p) => {
                let mut ids = Vec::new();
                for id in p.split('.') {
                    if !valid_ident(id) {
                        return Err(VersionError::invalid(
                            scheme,
                            orig,
                            "bad pre-release identifier",
                        ));
                    }
                    ids.push(if id.bytes().all(|b| b.is_ascii_digit()) {
                        Ident::Num(strip_zeros(id))
                    } else {
                        Ident::Alpha(id.to_string())
                    });
                }
                ids
            }
        };
        Ok(SemVer {
            major,
            minor,
            patch,
            pre,
        })
    }

    pub fn is_prerelease(&self) -> bool {
        !self.pre.is_empty()
    }
}

fn valid_ident(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Ord for SemVer {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_digits(&self.major, &other.major)
            .then_with(|| cmp_digits(&self.minor, &other.minor))
            .then_with(|| cmp_digits(&self.patch, &other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                // A pre-release version has lower precedence than the normal version.
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => self.pre.cmp(&other.pre),
            })
    }
}

impl PartialOrd for SemVer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

eq_by_ord!(SemVer);
