//! Fingerprints identify a finding across runs. They are built from what the finding *is* (rule,
//! file, the matched content, a secret's hash, a package and advisory) and never from line numbers,
//! so a finding keeps its fingerprint when code above it moves. Baselines, ignore entries and SARIF
//! `partialFingerprints` all use them.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// Hashes the parts with a separator that cannot be confused with their content.
    pub fn from_parts<I, P>(parts: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let mut h = Sha256::new();
        for p in parts {
            let p = p.as_ref();
            h.update((p.len() as u64).to_le_bytes());
            h.update(p);
        }
        let digest = h.finalize();
        Fingerprint(hex::encode(&digest[..16]))
    }

    /// A fingerprint for a match in a file: the rule, the path and the matched text with its
    /// whitespace collapsed (so re-indenting does not change it).
    pub fn for_code(rule_id: &str, path: &str, matched: &[u8]) -> Self {
        Self::from_parts([rule_id.as_bytes(), path.as_bytes(), &normalize_ws(matched)])
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wraps an already computed value (from a baseline file or config).
    pub fn from_hex(s: impl Into<String>) -> Self {
        Fingerprint(s.into())
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn normalize_ws(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut in_ws = false;
    for &c in b {
        if c.is_ascii_whitespace() {
            in_ws = true;
        } else {
            if in_ws && !out.is_empty() {
                out.push(b' ');
            }
            in_ws = false;
            out.push(c);
        }
    }
    out
}

/// A short, stable hash of a secret or other sensitive value, safe to print and store.
pub fn sensitive_hash(value: &[u8]) -> String {
    let digest = Sha256::digest(value);
    hex::encode(&digest[..12])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Moving code (changing what surrounds a match, or re-indenting it) keeps the fingerprint.
        #[test]
        fn code_fingerprint_ignores_indentation(indent in "[ \t]{0,8}", body in "[a-z(]{1,20} [a-z)=\"]{1,20}") {
            let a = Fingerprint::for_code("py/x", "a.py", body.as_bytes());
            let b = Fingerprint::for_code("py/x", "a.py", format!("{indent}{body}").as_bytes());
            prop_assert_eq!(a, b);
        }

        #[test]
        fn parts_are_not_ambiguous(a in "[a-z]{0,6}", b in "[a-z]{0,6}") {
            let joined = Fingerprint::from_parts([format!("{a}{b}")]);
            let split = Fingerprint::from_parts([a.clone(), b.clone()]);
            prop_assert_ne!(joined, split);
        }
    }

    #[test]
    fn different_rules_differ() {
        assert_ne!(
            Fingerprint::for_code("a/x", "f", b"m"),
            Fingerprint::for_code("a/y", "f", b"m")
        );
    }
}
