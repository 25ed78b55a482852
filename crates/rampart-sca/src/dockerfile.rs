//! Dockerfiles as dependency manifests: the base image of each stage (is it pinned by digest,
//! is its distribution or runtime still supported) and the packages `RUN` lines install at
//! exact versions (`pip install x==1.2`, `npm install x@1.2`, `apt-get install x=1.2`,
//! `apk add x=1.2`), with their line numbers, matched like any manifest.
//!
//! Nothing is executed: lines are split into words the way a POSIX shell would split plain
//! words and quotes, which is enough to read package arguments; anything computed at build
//! time (variables, command substitution) is left out.

use crate::package::{Ecosystem, Package};

/// `Dockerfile`, `Containerfile`, `Dockerfile.<x>`, `<x>.Dockerfile`, `Containerfile.<x>`.
pub fn is_dockerfile(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_ascii_lowercase();
    lower == "dockerfile"
        || lower == "containerfile"
        || ((lower.starts_with("dockerfile.") || lower.starts_with("containerfile."))
            && !has_source_extension(&lower))
        || (lower.ends_with(".dockerfile") && lower.len() > ".dockerfile".len())
}

/// `Dockerfile.prod` is a Dockerfile, but `dockerfile.rs` or `Dockerfile.md` is code or prose
/// about Dockerfiles.
fn has_source_extension(lower_name: &str) -> bool {
    const SOURCE: &[&str] = &[
        "rs", "py", "go", "js", "mjs", "cjs", "ts", "tsx", "jsx", "java", "kt", "rb", "php", "c",
        "h", "cc", "cpp", "hpp", "cs", "swift", "scala", "sh", "bash", "ps1", "md", "rst", "txt",
        "adoc", "html", "json", "toml", "rego", "lock", "orig", "bak", "snap",
    ];
    lower_name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| SOURCE.contains(&ext))
}

/// One `FROM`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseImage {
    pub line: u32,
    /// As written, after `ARG` defaults were substituted.
    pub reference: String,
    /// Repository without registry host (`library/` dropped): `python`, `nvidia/cuda`.
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

/// What a Dockerfile yields.
#[derive(Debug, Default)]
pub struct DockerfileInventory {
    pub bases: Vec<BaseImage>,
    pub packages: Vec<Package>,
    /// Version-pinned OS packages whose distribution release the base image does not tell.
    pub skipped: usize,
}

/// Joins continuation lines; each logical line keeps the physical line of each of its bytes'
/// segments so words can be reported at the line they are on.
struct Logical {
    text: String,
    /// (byte offset in `text`, physical line) at each segment start.
    starts: Vec<(usize, u32)>,
}

impl Logical {
    fn line_at(&self, offset: usize) -> u32 {
        self.starts
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(1, |(_, l)| *l)
    }
}

fn logical_lines(text: &str) -> Vec<Logical> {
    let mut out = Vec::new();
    let mut cur: Option<Logical> = None;
    for (i, raw) in text.lines().enumerate() {
        let lineno = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let trimmed = raw.trim();
        if trimmed.starts_with('#') && cur.is_none() {
            continue;
        }
        if trimmed.starts_with('#') {
            // Comment lines inside a continued instruction are dropped by Docker.
            continue;
        }
        let (body, continues) = match trimmed.strip_suffix('\\') {
            Some(b) => (b, true),
            None => (trimmed, false),
        };
        let l = cur.get_or_insert_with(|| Logical {
            text: String::new(),
            starts: Vec::new(),
        });
        l.starts.push((l.text.len(), lineno));
        l.text.push_str(body);
        l.text.push(' ');
        if !continues
            && let Some(done) = cur.take()
            && !done.text.trim().is_empty()
        {
            out.push(done);
        }
    }
    if let Some(done) = cur
        && !done.text.trim().is_empty()
    {
        out.push(done);
    }
    out
}

/// Shell-like words with their byte offsets; quotes group, operators (`&&`, `||`, `;`, `|`)
/// become their own words.
fn words(s: &str) -> Vec<(usize, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if matches!(b[i], b'&' | b'|' | b';') {
            let start = i;
            while i < b.len() && matches!(b[i], b'&' | b'|' | b';') {
                i += 1;
            }
            out.push((start, s[start..i].to_string()));
            continue;
        }
        let start = i;
        let mut w = String::new();
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'&' | b'|' | b';') {
            match b[i] {
                q @ (b'\'' | b'"') => {
                    i += 1;
                    let from = i;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    w.push_str(&s[from..i]);
                    i = (i + 1).min(b.len());
                }
                _ => {
                    let ch_end = (i + 1..=b.len())
                        .find(|&e| s.is_char_boundary(e))
                        .unwrap_or(b.len());
                    w.push_str(&s[i..ch_end]);
                    i = ch_end;
                }
            }
        }
        out.push((start, w));
    }
    out
}

fn parse_from(
    args: &str,
    line: u32,
    args_map: &[(String, String)],
) -> Option<(BaseImage, Option<String>)> {
    let ws: Vec<String> = words(args).into_iter().map(|(_, w)| w).collect();
    let mut it = ws.iter().filter(|w| !w.starts_with("--"));
    let image = substitute(it.next()?, args_map);
    let alias = match (it.next(), it.next()) {
        (Some(kw), Some(name)) if kw.eq_ignore_ascii_case("as") => Some(name.to_ascii_lowercase()),
        _ => None,
    };
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => (r.to_string(), Some(d.to_string())),
        None => (image.clone(), None),
    };
    // A tag is after the last `:` that follows the last `/` (a registry port is not a tag).
    let slash = rest.rfind('/').map_or(0, |p| p + 1);
    let (repo, tag) = match rest[slash..].rfind(':') {
        Some(p) => (
            rest[..slash + p].to_string(),
            Some(rest[slash + p + 1..].to_string()),
        ),
        None => (rest.clone(), None),
    };
    // Drop a registry host (has a `.` or `:` or is `localhost`) and Docker Hub's `library/`.
    let mut parts: Vec<&str> = repo.split('/').collect();
    if parts.len() > 1
        && (parts[0].contains('.') || parts[0].contains(':') || parts[0] == "localhost")
    {
        parts.remove(0);
    }
    if parts.first() == Some(&"library") && parts.len() > 1 {
        parts.remove(0);
    }
    Some((
        BaseImage {
            line,
            reference: image,
            repository: parts.join("/").to_ascii_lowercase(),
            tag,
            digest,
        },
        alias,
    ))
}

/// `${NAME}`, `$NAME` and `${NAME:-default}` from the `ARG` defaults seen so far.
fn substitute(s: &str, args: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('$') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let (name, default, used) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(end) => {
                    let body = &inner[..end];
                    let (n, d) = match body.split_once(":-") {
                        Some((n, d)) => (n, Some(d)),
                        None => (body, None),
                    };
                    (n, d, end + 2)
                }
                None => (inner, None, after.len()),
            }
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], None, end)
        };
        match args.iter().rev().find(|(k, _)| k == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(default.unwrap_or("")),
        }
        rest = &after[used.min(after.len())..];
    }
    out.push_str(rest);
    out
}

/// The OS package ecosystem and OSV release of a base image, when its name or tag says it.
pub fn base_distro(base: &BaseImage) -> Option<(Ecosystem, String)> {
    let tag = base.tag.as_deref().unwrap_or("latest");
    let repo = base.repository.as_str();
    let debian_codename = |t: &str| {
        [
            "bookworm", "bullseye", "buster", "stretch", "jessie", "trixie",
        ]
        .into_iter()
        .find(|c| t.split(['-', '.']).any(|p| p == *c))
        .and_then(crate::os::release::debian_number)
    };
    match repo {
        "debian" => {
            let v = debian_codename(tag).map(str::to_string).or_else(|| {
                let n = tag.split(['.', '-']).next()?;
                n.chars().all(|c| c.is_ascii_digit()).then(|| n.to_string())
            })?;
            Some((Ecosystem::Debian, v))
        }
        "ubuntu" => {
            let v = tag.split('-').next()?;
            let lts = [
                "14.04", "16.04", "18.04", "20.04", "22.04", "24.04", "26.04",
            ];
            let named = [
                ("jammy", "22.04"),
                ("noble", "24.04"),
                ("focal", "20.04"),
                ("bionic", "18.04"),
            ];
            let v = named
                .iter()
                .find(|(n, _)| *n == v)
                .map_or(v, |(_, num)| *num);
            if !v.contains('.') {
                return None;
            }
            Some((
                Ecosystem::Ubuntu,
                if lts.contains(&v) {
                    format!("{v}:LTS")
                } else {
                    v.to_string()
                },
            ))
        }
        "alpine" => {
            let mut it = tag.split('.');
            let (a, b) = (it.next()?, it.next()?);
            Some((Ecosystem::Alpine, format!("v{a}.{b}")))
        }
        // Official language images name their Debian base in the tag (`3.11-slim-bookworm`);
        // their Alpine variants (`3.11-alpine3.19`) their Alpine release.
        _ => {
            if let Some(n) = debian_codename(tag) {
                return Some((Ecosystem::Debian, n.to_string()));
            }
            let a = tag.split('-').find_map(|p| p.strip_prefix("alpine"))?;
            let mut it = a.split('.');
            let (x, y) = (it.next()?, it.next()?);
            (!x.is_empty()).then(|| (Ecosystem::Alpine, format!("v{x}.{y}")))
        }
    }
}

/// End-of-life dates (the day support ends), from each project's own release pages:
/// Debian https://wiki.debian.org/DebianReleases and https://wiki.debian.org/LTS (LTS end),
/// Ubuntu https://ubuntu.com/about/release-cycle (end of standard support),
/// Alpine https://alpinelinux.org/releases/ (end of support per branch),
/// CentOS https://www.centos.org/centos-linux-eol/ ,
/// Python https://devguide.python.org/versions/ , Node.js https://github.com/nodejs/release
/// (as of 2026-12; collected with the help of https://endoflife.date).
const EOL: &[(&str, &str, &str)] = &[
    ("debian", "8", "2020-06-30"),
    ("debian", "9", "2022-06-30"),
    ("debian", "10", "2024-06-30"),
    ("debian", "11", "2026-08-31"),
    ("debian", "12", "2028-06-30"),
    ("ubuntu", "14.04", "2019-04-30"),
    ("ubuntu", "16.04", "2021-04-30"),
    ("ubuntu", "18.04", "2023-05-31"),
    ("ubuntu", "20.04", "2025-05-31"),
    ("ubuntu", "22.04", "2027-06-01"),
    ("ubuntu", "22.10", "2023-07-20"),
    ("ubuntu", "23.04", "2024-01-25"),
    ("ubuntu", "23.10", "2024-07-11"),
    ("ubuntu", "24.04", "2029-05-31"),
    ("ubuntu", "24.10", "2025-07-10"),
    ("alpine", "3.12", "2022-05-01"),
    ("alpine", "3.13", "2022-11-01"),
    ("alpine", "3.14", "2023-05-01"),
    ("alpine", "3.15", "2023-11-01"),
    ("alpine", "3.16", "2024-05-23"),
    ("alpine", "3.17", "2024-11-22"),
    ("alpine", "3.18", "2025-05-09"),
    ("alpine", "3.19", "2025-11-01"),
    ("alpine", "3.20", "2026-04-01"),
    ("centos", "6", "2020-11-30"),
    ("centos", "7", "2024-06-30"),
    ("centos", "8", "2021-12-31"),
    ("python", "2.7", "2020-01-01"),
    ("python", "3.6", "2021-12-23"),
    ("python", "3.7", "2023-06-27"),
    ("python", "3.8", "2024-10-07"),
    ("python", "3.9", "2025-10-31"),
    ("python", "3.10", "2026-10-31"),
    ("python", "3.11", "2027-10-31"),
    ("python", "3.12", "2028-10-31"),
    ("node", "12", "2022-04-30"),
    ("node", "14", "2023-04-30"),
    ("node", "16", "2023-09-11"),
    ("node", "17", "2022-06-01"),
    ("node", "18", "2025-04-30"),
    ("node", "19", "2023-06-01"),
    ("node", "20", "2026-04-30"),
    ("node", "21", "2024-06-01"),
    ("node", "22", "2027-04-30"),
    ("node", "23", "2025-06-01"),
];

/// The products of a base image that reached end of life before `today` (`YYYY-MM-DD`):
/// (product, release, EOL date).
pub fn end_of_life(base: &BaseImage, today: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let tag = base.tag.as_deref().unwrap_or("");
    let mut check = |product: &str, release: &str| {
        if let Some((_, _, date)) = EOL.iter().find(|(p, r, _)| *p == product && *r == release)
            && *date < today
        {
            out.push((product.to_string(), release.to_string(), date.to_string()));
        }
    };
    let leading = |t: &str, parts: usize| -> Option<String> {
        let v = t.split('-').next()?;
        let segs: Vec<&str> = v.split('.').take(parts).collect();
        (segs.len() == parts
            && segs
                .iter()
                .all(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())))
        .then(|| segs.join("."))
    };
    match base.repository.as_str() {
        "python" => {
            if let Some(v) = leading(tag, 2) {
                check("python", &v);
            }
        }
        "node" => {
            if let Some(v) = leading(tag, 1) {
                check("node", &v);
            }
        }
        "centos" => {
            if let Some(v) = tag.strip_prefix("centos").or(Some(tag))
                && let Some(m) = leading(v, 1)
            {
                check("centos", &m);
            }
        }
        _ => {}
    }
    if let Some((eco, release)) = base_distro(base) {
        let (product, r) = match eco {
            Ecosystem::Debian => ("debian", release),
            Ecosystem::Ubuntu => ("ubuntu", release.trim_end_matches(":LTS").to_string()),
            Ecosystem::Alpine => ("alpine", release.trim_start_matches('v').to_string()),
            _ => return out,
        };
        check(product, &r);
    }
    out
}

fn is_version_like(v: &str) -> bool {
    v.starts_with(|c: char| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '~' | ':' | '_'))
}

/// Parses a Dockerfile.
pub fn parse(text: &str, rel: &str) -> DockerfileInventory {
    let mut inv = DockerfileInventory::default();
    let mut args: Vec<(String, String)> = Vec::new();
    let mut stages: Vec<String> = Vec::new();
    let mut distro: Option<(Ecosystem, String)> = None;
    for l in logical_lines(text) {
        let t = l.text.trim_start();
        let lead = l.text.len() - t.len();
        let (instr, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        let rest_at = lead + (t.len() - rest.len());
        match instr.to_ascii_uppercase().as_str() {
            "ARG" => {
                for (_, w) in words(rest) {
                    if let Some((k, v)) = w.split_once('=') {
                        args.push((k.to_string(), v.to_string()));
                    }
                }
            }
            "FROM" => {
                let Some((base, alias)) = parse_from(rest, l.line_at(0), &args) else {
                    continue;
                };
                let is_stage = stages.contains(&base.reference.to_ascii_lowercase());
                if let Some(a) = alias {
                    stages.push(a);
                }
                if is_stage {
                    // `FROM builder`: the stage inherits the earlier stage's base.
                    continue;
                }
                if base.reference.eq_ignore_ascii_case("scratch") {
                    distro = None;
                    continue;
                }
                distro = base_distro(&base);
                inv.bases.push(base);
            }
            "RUN" => {
                let ws = words(rest);
                run_packages(&ws, &l, rest_at, rel, distro.as_ref(), &mut inv);
            }
            _ => {}
        }
    }
    inv
}

fn run_packages(
    ws: &[(usize, String)],
    l: &Logical,
    base_offset: usize,
    rel: &str,
    distro: Option<&(Ecosystem, String)>,
    inv: &mut DockerfileInventory,
) {
    // Split into simple commands at shell operators.
    for cmd in ws.split(|(_, w)| matches!(w.as_str(), "&&" | "||" | ";" | "|" | "&")) {
        let names: Vec<&str> = cmd.iter().map(|(_, w)| w.as_str()).collect();
        let line = |i: usize| l.line_at(base_offset + cmd[i].0);
        // Where the package arguments start, and which manager.
        let find = |seq: &[&str]| -> Option<usize> {
            names
                .windows(seq.len())
                .position(|w| {
                    w.iter()
                        .zip(seq)
                        .all(|(a, b)| a == b || a.ends_with(&format!("/{b}")))
                })
                .map(|p| p + seq.len())
        };
        enum Mgr {
            Pip,
            Npm,
            Apt,
            Apk,
        }
        let found = [
            (vec!["pip", "install"], Mgr::Pip),
            (vec!["pip3", "install"], Mgr::Pip),
            (vec!["-m", "pip", "install"], Mgr::Pip),
            (vec!["uv", "pip", "install"], Mgr::Pip),
            (vec!["npm", "install"], Mgr::Npm),
            (vec!["npm", "i"], Mgr::Npm),
            (vec!["npm", "add"], Mgr::Npm),
            (vec!["yarn", "add"], Mgr::Npm),
            (vec!["pnpm", "add"], Mgr::Npm),
            (vec!["apt-get", "install"], Mgr::Apt),
            (vec!["apt", "install"], Mgr::Apt),
            (vec!["apk", "add"], Mgr::Apk),
        ]
        .into_iter()
        .find_map(|(seq, m)| find(&seq).map(|at| (at, m)));
        let Some((start, mgr)) = found else { continue };
        let mut skip_next = false;
        for (i, &w) in names.iter().enumerate().skip(start) {
            if skip_next {
                skip_next = false;
                continue;
            }
            if w.starts_with('-') {
                // Options that take a separate value.
                skip_next = matches!(
                    w,
                    "-r" | "-c"
                        | "-e"
                        | "-i"
                        | "-t"
                        | "--index-url"
                        | "--extra-index-url"
                        | "--requirement"
                        | "--constraint"
                        | "--target"
                        | "--prefix"
                        | "-f"
                        | "--find-links"
                        | "--registry"
                        | "-o"
                        | "--option"
                        | "--repository"
                        | "-X"
                );
                continue;
            }
            if w.contains('$') || w.contains('/') && !w.starts_with('@') {
                continue;
            }
            let pkg = match mgr {
                Mgr::Pip => w.split_once("==").and_then(|(n, v)| {
                    let n = n.split('[').next().unwrap_or(n);
                    (!n.is_empty() && is_version_like(v) && !v.contains('*')).then(|| {
                        crate::inventory::new_package(Ecosystem::PyPI, n, v, rel, Some(line(i)))
                    })
                }),
                Mgr::Npm => {
                    let (n, v) = match w.strip_prefix('@') {
                        Some(scoped) => scoped.split_once('@').map(|(n, v)| (format!("@{n}"), v)),
                        None => w.split_once('@').map(|(n, v)| (n.to_string(), v)),
                    }
                    .unzip();
                    match (n, v) {
                        (Some(n), Some(v))
                            if !n.is_empty() && v.split('.').count() == 3 && is_version_like(v) =>
                        {
                            Some(crate::inventory::new_package(
                                Ecosystem::Npm,
                                &n,
                                v,
                                rel,
                                Some(line(i)),
                            ))
                        }
                        _ => None,
                    }
                }
                Mgr::Apt | Mgr::Apk => {
                    let Some((n, v)) = w.split_once('=') else {
                        continue;
                    };
                    if n.is_empty() || !is_version_like(v) || v.ends_with('*') {
                        continue;
                    }
                    match distro {
                        Some((eco, release))
                            if matches!(
                                (&mgr, eco),
                                (Mgr::Apt, Ecosystem::Debian | Ecosystem::Ubuntu)
                                    | (Mgr::Apk, Ecosystem::Alpine)
                            ) =>
                        {
                            let mut p = crate::inventory::new_package(
                                eco.clone(),
                                n,
                                v,
                                rel,
                                Some(line(i)),
                            );
                            p.distro = Some(release.clone());
                            Some(p)
                        }
                        _ => {
                            inv.skipped += 1;
                            None
                        }
                    }
                }
            };
            if let Some(mut p) = pkg {
                p.direct = true;
                inv.packages.push(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DF: &str = "# syntax=docker/dockerfile:1\n\
ARG PY=3.8\n\
FROM python:${PY}-slim-bookworm AS build\n\
RUN pip install --no-cache-dir requests==2.19.0 'flask[async]==0.12' numpy>=1.0 \\\n\
    -r requirements.txt \\\n\
 && apt-get update && apt-get install -y curl=7.88.1-10+deb12u4 git\n\
FROM build AS test\n\
FROM node:16-alpine3.18\n\
RUN npm install -g lodash@4.17.11 @babel/core@7.0.0 express@^4 && apk add --no-cache musl=1.2.4-r1\n\
FROM registry.example.com:5000/library/ubuntu:22.04@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n\
FROM scratch\n";

    #[test]
    fn reads_bases_and_pinned_installs_with_lines() {
        let inv = parse(DF, "Dockerfile");
        let bases: Vec<_> = inv
            .bases
            .iter()
            .map(|b| {
                (
                    b.line,
                    b.repository.as_str(),
                    b.tag.as_deref(),
                    b.digest.is_some(),
                )
            })
            .collect();
        assert_eq!(
            bases,
            vec![
                (3, "python", Some("3.8-slim-bookworm"), false),
                (8, "node", Some("16-alpine3.18"), false),
                (10, "ubuntu", Some("22.04"), true),
            ]
        );
        let pkgs: Vec<_> = inv
            .packages
            .iter()
            .map(|p| {
                (
                    p.osv_ecosystem(),
                    p.name.as_str(),
                    p.version.as_str(),
                    p.line,
                )
            })
            .collect();
        assert_eq!(
            pkgs,
            vec![
                ("PyPI".to_string(), "requests", "2.19.0", Some(4)),
                ("PyPI".to_string(), "flask", "0.12", Some(4)),
                (
                    "Debian:12".to_string(),
                    "curl",
                    "7.88.1-10+deb12u4",
                    Some(6)
                ),
                ("npm".to_string(), "lodash", "4.17.11", Some(9)),
                ("npm".to_string(), "@babel/core", "7.0.0", Some(9)),
                ("Alpine:v3.18".to_string(), "musl", "1.2.4-r1", Some(9)),
            ]
        );
    }

    #[test]
    fn end_of_life_by_date() {
        let inv = parse(DF, "Dockerfile");
        let eol = |i: usize, today: &str| end_of_life(&inv.bases[i], today);
        assert_eq!(
            eol(0, "2026-12-03"),
            vec![("python".into(), "3.8".into(), "2024-10-07".into())]
        );
        assert!(eol(0, "2024-01-01").is_empty());
        assert_eq!(
            eol(1, "2026-12-03"),
            vec![
                ("node".into(), "16".into(), "2023-09-11".into()),
                ("alpine".into(), "3.18".into(), "2025-05-09".into())
            ]
        );
        assert!(eol(2, "2026-12-03").is_empty());
    }

    #[test]
    fn names() {
        for yes in [
            "Dockerfile",
            "a/Containerfile",
            "Dockerfile.prod",
            "api.Dockerfile",
        ] {
            assert!(is_dockerfile(yes), "{yes}");
        }
        for no in [
            ".dockerfile",
            "Dockerfile-notes.md.bak.x/README",
            "docker-compose.yml",
            "src/dockerfile.rs",
            "docs/Dockerfile.md",
        ] {
            assert!(!is_dockerfile(no), "{no}");
        }
    }
}
