//! Java archives (`.jar`, `.war`, `.ear`): the Maven coordinates in
//! `META-INF/maven/<group>/<artifact>/pom.properties` of each archive (shaded jars carry one per
//! bundled library), else the manifest's `Implementation-*` / `Bundle-*` attributes, and the
//! same for archives nested inside (`WEB-INF/lib/*.jar`, `BOOT-INF/lib/*.jar`). Bounded:
//! nesting depth, entries, bytes inflated per member and in total.

use std::io::{Cursor, Read, Seek};

use crate::package::{Ecosystem, Package};

const MAX_DEPTH: usize = 4;
const MAX_ENTRIES: usize = 200_000;
/// A nested archive is read into memory; larger ones are skipped (and said so).
const MAX_NESTED: u64 = 64 * 1024 * 1024;
const MAX_SMALL_FILE: u64 = 1024 * 1024;
/// Everything inflated from one outer archive.
const MAX_TOTAL: u64 = 1024 * 1024 * 1024;

#[derive(Debug, Default)]
pub struct JarInventory {
    pub packages: Vec<Package>,
    /// Problems with nested members (the outer archive still yields what it could).
    pub problems: Vec<String>,
}

pub fn inventory(bytes: &[u8], rel: &str) -> Result<JarInventory, String> {
    inventory_from(Cursor::new(bytes), rel)
}

/// Like [`inventory`], reading the outer archive from a seekable reader (a large file on disk
/// is not loaded whole; only nested archives are, each bounded).
pub fn inventory_from<R: Read + Seek>(reader: R, rel: &str) -> Result<JarInventory, String> {
    let mut out = JarInventory::default();
    let mut budget = MAX_TOTAL;
    walk(reader, rel, rel, 0, &mut budget, &mut out)?;
    out.packages.sort();
    out.packages.dedup();
    Ok(out)
}

fn walk<R: Read + Seek>(
    reader: R,
    rel: &str,
    label: &str,
    depth: usize,
    budget: &mut u64,
    out: &mut JarInventory,
) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(reader)
        .map_err(|e| format!("{label}: not a readable archive: {e}"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(format!("{label}: {} entries, over the limit", zip.len()));
    }
    let mut found_pom = false;
    let mut manifest = None;
    let mut nested = Vec::new();
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index(i) else { continue };
        let Some(name) = f
            .enclosed_name()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
        else {
            continue;
        };
        let lower = name.to_ascii_lowercase();
        if name.starts_with("META-INF/maven/") && name.ends_with("/pom.properties") {
            if let Some(text) = read_small(f, budget)
                && let Some(p) = from_pom_properties(&text, rel)
            {
                out.packages.push(p);
                found_pom = true;
            }
        } else if name == "META-INF/MANIFEST.MF" {
            manifest = read_small(f, budget);
        } else if lower.ends_with(".jar") || lower.ends_with(".war") || lower.ends_with(".ear") {
            nested.push((i, name));
        }
    }
    if !found_pom
        && let Some(m) = manifest
        && let Some(p) = from_manifest(&m, label, rel)
    {
        out.packages.push(p);
    }
    for (i, name) in nested {
        let inner_label = format!("{label}!{name}");
        if depth + 1 > MAX_DEPTH {
            out.problems.push(format!(
                "{inner_label}: nested deeper than {MAX_DEPTH} archives, not read"
            ));
            continue;
        }
        let Ok(f) = zip.by_index(i) else { continue };
        if f.size() > MAX_NESTED || f.size() > *budget {
            out.problems.push(format!(
                "{inner_label}: {} bytes, over the limit, not read",
                f.size()
            ));
            continue;
        }
        let mut buf = Vec::with_capacity(f.size() as usize);
        if f.take(MAX_NESTED + 1).read_to_end(&mut buf).is_err() || buf.len() as u64 > MAX_NESTED {
            out.problems
                .push(format!("{inner_label}: unreadable member"));
            continue;
        }
        *budget = budget.saturating_sub(buf.len() as u64);
        if let Err(e) = walk(
            Cursor::new(&buf[..]),
            rel,
            &inner_label,
            depth + 1,
            budget,
            out,
        ) {
            out.problems.push(e);
        }
    }
    Ok(())
}

fn read_small<R: Read>(f: zip::read::ZipFile<'_, R>, budget: &mut u64) -> Option<String> {
    if f.size() > MAX_SMALL_FILE {
        return None;
    }
    let mut buf = Vec::new();
    f.take(MAX_SMALL_FILE).read_to_end(&mut buf).ok()?;
    *budget = budget.saturating_sub(buf.len() as u64);
    String::from_utf8(buf).ok()
}

fn properties(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|l| {
        let l = l.trim();
        if l.starts_with('#') || l.starts_with('!') {
            return None;
        }
        let (k, v) = l.split_once(['=', ':'])?;
        Some((k.trim(), v.trim()))
    })
}

fn from_pom_properties(text: &str, rel: &str) -> Option<Package> {
    let (mut g, mut a, mut v) = (None, None, None);
    for (k, val) in properties(text) {
        match k {
            "groupId" => g = Some(val),
            "artifactId" => a = Some(val),
            "version" => v = Some(val),
            _ => {}
        }
    }
    let (g, a, v) = (g?, a?, v?);
    if g.is_empty() || a.is_empty() || v.is_empty() {
        return None;
    }
    Some(crate::inventory::new_package(
        Ecosystem::Maven,
        &format!("{g}:{a}"),
        v,
        rel,
        None,
    ))
}

/// MANIFEST.MF attributes (continuation lines start with one space).
fn manifest_attrs(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(cont) = line.strip_prefix(' ') {
            if let Some(last) = out.last_mut() {
                last.1.push_str(cont);
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    out
}

/// Without pom.properties a group id is known only from `Implementation-Vendor-Id` (Maven's
/// archiver writes the project's groupId there); the artifact is the archive's file name
/// without its version, as Maven names its artifacts.
fn from_manifest(text: &str, label: &str, rel: &str) -> Option<Package> {
    let attrs = manifest_attrs(text);
    let get = |k: &str| {
        attrs
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let group = get("Implementation-Vendor-Id")?;
    let version = get("Implementation-Version").or_else(|| get("Bundle-Version"))?;
    let file = label.rsplit(['/', '!']).next()?;
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let artifact = stem.strip_suffix(&format!("-{version}")).unwrap_or(stem);
    if artifact.is_empty() {
        return None;
    }
    Some(crate::inventory::new_package(
        Ecosystem::Maven,
        &format!("{group}:{artifact}"),
        version,
        rel,
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub(crate) fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn pom_properties_manifests_and_nested_jars() {
        let log4j = zip_of(&[(
            "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
            b"#Generated\ngroupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.1\n",
        )]);
        let plain = zip_of(&[(
            "META-INF/MANIFEST.MF",
            b"Manifest-Version: 1.0\r\nImplementation-Vendor-Id: com.example\r\nImplementation-Version: 3.2\r\n",
        )]);
        let war = zip_of(&[
            ("WEB-INF/lib/log4j-core-2.14.1.jar", &log4j),
            ("WEB-INF/lib/util-3.2.jar", &plain),
            ("index.html", b"<html>"),
        ]);
        let inv = inventory(&war, "app.war").unwrap();
        let got: Vec<_> = inv
            .packages
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("com.example:util", "3.2"),
                ("org.apache.logging.log4j:log4j-core", "2.14.1")
            ]
        );
        assert!(inv.problems.is_empty(), "{:?}", inv.problems);
        assert!(inventory(b"not a zip", "x.jar").is_err());
    }

    #[test]
    fn nesting_is_bounded() {
        let mut inner = zip_of(&[(
            "META-INF/maven/g/a/pom.properties",
            b"groupId=g\nartifactId=a\nversion=1\n",
        )]);
        for _ in 0..6 {
            inner = zip_of(&[("lib/x.jar", &inner)]);
        }
        let inv = inventory(&inner, "deep.jar").unwrap();
        assert!(inv.packages.is_empty());
        assert_eq!(inv.problems.len(), 1, "{:?}", inv.problems);
        assert!(inv.problems[0].contains("nested deeper"));
    }
}
