//! Installed Python distributions: the core-metadata file of a `*.dist-info` (`METADATA`) or
//! `*.egg-info` (`PKG-INFO`, or the single-file form). `Name:` and `Version:` headers.

use super::{Inventory, InventoryError, Source};
use crate::package::Ecosystem;

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let mut name = None;
    let mut version = None;
    let mut name_line = None;
    for (n, line) in src.text.lines().enumerate() {
        // The headers end at the first blank line; the description follows.
        if line.trim().is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Name:") {
            name = Some(v.trim().to_string());
            name_line = u32::try_from(n + 1).ok();
        } else if let Some(v) = line.strip_prefix("Version:") {
            version = Some(v.trim().to_string());
        }
    }
    match (name, version) {
        (Some(n), Some(v)) if !n.is_empty() && !v.is_empty() => {
            let pkg = src.pkg(Ecosystem::PyPI, &n, &v, name_line);
            Ok(Inventory {
                packages: vec![pkg],
                skipped: 0,
            })
        }
        _ => Err(src.err(None, "core metadata without `Name:` and `Version:` headers")),
    }
}
