//! dpkg's database: `var/lib/dpkg/status` (deb822 paragraphs, one per package, as described in
//! dpkg's `deb-control(5)` and `dpkg(1)`), and distroless images' `var/lib/dpkg/status.d/<pkg>`
//! files, one paragraph each and often without a `Status` field.
//!
//! Debian and Ubuntu advisories name *source* packages, so each installed binary package is
//! reported as its source (`Source: openssl`, or `Source: glibc (2.36-9+deb12u4)` when the
//! source version differs from the binary's) with the binary kept alongside.

use super::{OsPackage, ParseError};

/// Largest number of paragraphs read from one file (a full desktop system has ~3,000).
const MAX_PACKAGES: usize = 200_000;

/// Parses a status file. `require_status` is false for `status.d/` files, whose paragraphs
/// describe installed packages by being there.
pub fn parse(text: &str, require_status: bool) -> Result<Vec<OsPackage>, ParseError> {
    let mut out = Vec::new();
    let mut para = Paragraph::default();
    let mut last_key_line = 0u32;
    for (i, line) in text.lines().enumerate() {
        let lineno = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if line.trim().is_empty() {
            para.finish(require_status, &mut out)?;
            if out.len() > MAX_PACKAGES {
                return Err(ParseError::new(
                    Some(lineno),
                    format!("more than {MAX_PACKAGES} packages"),
                ));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // A continuation of the previous field (Description, Conffiles): not needed.
            if last_key_line == 0 {
                return Err(ParseError::new(
                    Some(lineno),
                    "continuation line without a field before it",
                ));
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(ParseError::new(
                Some(lineno),
                "expected `Field: value` in a dpkg status paragraph",
            ));
        };
        last_key_line = lineno;
        if para.first_line.is_none() {
            para.first_line = Some(lineno);
        }
        let value = value.trim();
        match key {
            "Package" => para.package = Some((value.to_string(), lineno)),
            "Version" => para.version = Some(value.to_string()),
            "Source" => para.source = Some(value.to_string()),
            "Status" => para.status = Some(value.to_string()),
            "Architecture" => para.arch = Some(value.to_string()),
            _ => {}
        }
    }
    para.finish(require_status, &mut out)?;
    Ok(out)
}

#[derive(Default)]
struct Paragraph {
    first_line: Option<u32>,
    package: Option<(String, u32)>,
    version: Option<String>,
    source: Option<String>,
    status: Option<String>,
    arch: Option<String>,
}

impl Paragraph {
    fn finish(&mut self, require_status: bool, out: &mut Vec<OsPackage>) -> Result<(), ParseError> {
        let p = std::mem::take(self);
        let Some(first) = p.first_line else {
            return Ok(());
        };
        let Some((name, line)) = p.package else {
            return Err(ParseError::new(
                Some(first),
                "paragraph without a `Package` field",
            ));
        };
        // `want flag status`: only `installed` means the files are on disk. `config-files`,
        // `half-installed` and the like left (at most) configuration behind.
        let installed = match &p.status {
            Some(s) => s.split_whitespace().nth(2) == Some("installed"),
            None => !require_status,
        };
        if !installed {
            return Ok(());
        }
        let Some(version) = p.version.filter(|v| !v.is_empty()) else {
            return Err(ParseError::new(
                Some(line),
                format!("installed package `{name}` has no `Version`"),
            ));
        };
        let (source_name, source_version) = match p.source.as_deref().map(str::trim) {
            Some(src) if !src.is_empty() => match src.split_once('(') {
                Some((n, v)) => (
                    n.trim().to_string(),
                    v.trim_end().trim_end_matches(')').trim().to_string(),
                ),
                None => (src.to_string(), version.clone()),
            },
            _ => (name.clone(), version.clone()),
        };
        if source_name.is_empty() || source_version.is_empty() {
            return Err(ParseError::new(
                Some(line),
                format!("`{name}`: malformed `Source` field"),
            ));
        }
        out.push(OsPackage {
            name,
            version,
            source_name,
            source_version,
            arch: p.arch.unwrap_or_default(),
            line: Some(line),
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_binaries_to_sources_and_skips_removed_packages() {
        let text = "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\n\
            Source: openssl\nVersion: 3.0.11-1~deb12u2\nDescription: x\n more\n\n\
            Package: libc6\nStatus: install ok installed\nSource: glibc (2.36-9+deb12u4)\n\
            Version: 2.36-9+deb12u4+b1\n\n\
            Package: old\nStatus: deinstall ok config-files\nVersion: 1.0\n\n\
            Package: apt\nStatus: install ok installed\nVersion: 2.6.1\n";
        let pkgs = parse(text, true).unwrap();
        let got: Vec<_> = pkgs
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.source_name.as_str(),
                    p.source_version.as_str(),
                    p.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("libssl3", "openssl", "3.0.11-1~deb12u2", Some(1)),
                ("libc6", "glibc", "2.36-9+deb12u4", Some(9)),
                ("apt", "apt", "2.6.1", Some(18)),
            ]
        );
    }

    #[test]
    fn malformed_paragraphs_name_the_line() {
        let e = parse(
            "Package: a\nStatus: install ok installed\nno colon here\n",
            true,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("Status: install ok installed\nVersion: 1\n", true).unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse("Package: a\nStatus: install ok installed\n", true).unwrap_err();
        assert!(e.message.contains("no `Version`"), "{e:?}");
    }

    #[test]
    fn status_d_paragraphs_need_no_status() {
        let pkgs = parse("Package: base-files\nVersion: 12.4+deb12u5\n", false).unwrap();
        assert_eq!(pkgs.len(), 1);
        assert!(
            parse("Package: base-files\nVersion: 12.4\n", true)
                .unwrap()
                .is_empty()
        );
    }
}
