//! `gradle.lockfile`: `group:artifact:version=conf1,conf2` lines. Packages used only by test
//! configurations are dev. The file is a full resolution and does not say which are direct.

use super::{Inventory, InventoryError, Source};
use crate::package::{Ecosystem, Scope};

pub(crate) fn parse(src: &Source<'_>) -> Result<Inventory, InventoryError> {
    let mut inv = Inventory::default();
    for (n, raw) in src.text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("empty=") {
            continue;
        }
        let (coord, confs) = line.split_once('=').unwrap_or((line, ""));
        let parts: Vec<&str> = coord.split(':').collect();
        let [group, artifact, version] = parts.as_slice() else {
            return Err(src.err(
                Some(line_no),
                format!("expected group:artifact:version, got `{coord}`"),
            ));
        };
        let mut pkg = src.pkg(
            Ecosystem::Maven,
            &format!("{group}:{artifact}"),
            version,
            Some(line_no),
        );
        let confs: Vec<&str> = confs
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if !confs.is_empty()
            && confs
                .iter()
                .all(|c| c.starts_with("test") || c.contains("Test"))
        {
            pkg.scope = Scope::Dev;
        }
        inv.packages.push(pkg);
    }
    Ok(inv)
}
