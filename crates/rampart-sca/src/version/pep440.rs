//! PEP 440 versions through `pep440_rs` (the implementation uv uses), which follows the
//! specification's normalisation (case, separators, implicit zeros, `c`→`rc`, ...) and ordering
//! (epoch, release, pre, post, dev, local). Strings PEP 440 does not accept are errors.

use std::str::FromStr;

use super::VersionError;
use super::util::MAX_LEN;

pub fn parse(v: &str) -> Result<pep440_rs::Version, VersionError> {
    if v.len() > MAX_LEN {
        return Err(VersionError::invalid("PEP 440", v, "too long"));
    }
    pep440_rs::Version::from_str(v.trim())
        .map_err(|e| VersionError::invalid("PEP 440", v, e.to_string()))
}

/// The normalised form of a valid version (`1.0RC1` → `1.0rc1`).
pub fn normalize(v: &str) -> Result<String, VersionError> {
    parse(v).map(|p| p.to_string())
}
