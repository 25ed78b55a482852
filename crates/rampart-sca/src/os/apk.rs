//! apk-tools' database `lib/apk/db/installed` (Alpine, Wolfi, Chainguard): one paragraph per
//! package of single-letter `X:value` lines, blank lines between packages (the format of the
//! "Installed Database" section of the Alpine wiki's "Apk spec" page). `P:` is the package,
//! `V:` its version, `o:` its origin: the aport it was built from, which is the name the
//! distributions' security databases (secdb, OSV) use.

use super::{OsPackage, ParseError};

const MAX_PACKAGES: usize = 200_000;

pub fn parse(text: &str) -> Result<Vec<OsPackage>, ParseError> {
    let mut out = Vec::new();
    let mut cur = Current::default();
    for (i, line) in text.lines().enumerate() {
        let lineno = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if line.trim().is_empty() {
            cur.finish(&mut out)?;
            if out.len() > MAX_PACKAGES {
                return Err(ParseError::new(
                    Some(lineno),
                    format!("more than {MAX_PACKAGES} packages"),
                ));
            }
            continue;
        }
        let b = line.as_bytes();
        if b.len() < 2 || b[1] != b':' || !b[0].is_ascii_alphabetic() {
            return Err(ParseError::new(
                Some(lineno),
                "expected an `X:value` line of the apk installed database",
            ));
        }
        let value = line[2..].trim();
        cur.first_line.get_or_insert(lineno);
        match b[0] {
            b'P' => cur.name = Some((value.to_string(), lineno)),
            b'V' => cur.version = Some(value.to_string()),
            b'o' => cur.origin = Some(value.to_string()),
            b'A' => cur.arch = Some(value.to_string()),
            _ => {}
        }
    }
    cur.finish(&mut out)?;
    Ok(out)
}

#[derive(Default)]
struct Current {
    first_line: Option<u32>,
    name: Option<(String, u32)>,
    version: Option<String>,
    origin: Option<String>,
    arch: Option<String>,
}

impl Current {
    fn finish(&mut self, out: &mut Vec<OsPackage>) -> Result<(), ParseError> {
        let c = std::mem::take(self);
        let Some(first) = c.first_line else {
            return Ok(());
        };
        let Some((name, line)) = c.name.filter(|(n, _)| !n.is_empty()) else {
            return Err(ParseError::new(Some(first), "package without a `P:` name"));
        };
        let Some(version) = c.version.filter(|v| !v.is_empty()) else {
            return Err(ParseError::new(
                Some(line),
                format!("package `{name}` has no `V:` version"),
            ));
        };
        let source_name = c
            .origin
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| name.clone());
        out.push(OsPackage {
            source_version: version.clone(),
            name,
            version,
            source_name,
            arch: c.arch.unwrap_or_default(),
            line: Some(line),
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_origin_and_version() {
        let text = "C:Q1abc=\nP:libcrypto3\nV:3.1.4-r5\nA:x86_64\no:openssl\nR:lib\n\n\
                    C:Q1def=\nP:busybox\nV:1.36.1-r15\nA:x86_64\n";
        let pkgs = parse(text).unwrap();
        assert_eq!(pkgs.len(), 2);
        assert_eq!(
            (
                pkgs[0].source_name.as_str(),
                pkgs[0].version.as_str(),
                pkgs[0].line
            ),
            ("openssl", "3.1.4-r5", Some(2))
        );
        assert_eq!(pkgs[1].source_name, "busybox");
    }

    #[test]
    fn rejects_lines_that_are_not_fields() {
        assert_eq!(parse("P:a\nV:1\nnonsense\n").unwrap_err().line, Some(3));
        assert_eq!(parse("V:1\n").unwrap_err().line, Some(1));
        assert!(parse("P:a\n\n").unwrap_err().message.contains("no `V:`"));
    }
}
