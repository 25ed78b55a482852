//! `os-release(5)`: which distribution and release a root filesystem is, and the OSV ecosystem
//! its packages are matched in.
//!
//! OSV's spellings (ossf/osv-schema `docs/schema.md`, "Defined ecosystems", and the ecosystem
//! names of osv.dev's data): `Debian:12`, `Ubuntu:22.04:LTS` / `Ubuntu:23.10`, `Alpine:v3.19`,
//! `Rocky Linux:9`, `AlmaLinux:9`, `Red Hat:enterprise_linux:9::baseos`, `openSUSE:Leap 15.5`,
//! `openSUSE:Tumbleweed`, `SUSE:Linux Enterprise Server 15 SP5`, `Wolfi`, `Chainguard`.

use crate::package::Ecosystem;

/// The fields of an os-release file rampart uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OsRelease {
    pub id: String,
    pub id_like: Vec<String>,
    pub version_id: String,
    pub version: String,
    pub version_codename: String,
    pub pretty_name: String,
}

/// A distribution release as OSV names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distro {
    pub ecosystem: Ecosystem,
    /// The suffix after `<ecosystem>:`, `None` for ecosystems without releases (Wolfi).
    pub release: Option<String>,
    /// `PRETTY_NAME`, for messages.
    pub pretty_name: String,
}

/// Longest os-release accepted; real ones are a few hundred bytes.
const MAX_OS_RELEASE: usize = 64 * 1024;

/// Parses `KEY=value` lines (values optionally quoted, shell-style escapes for `"`, `\`, `$`,
/// `` ` ``). Unknown keys and malformed lines are ignored, as os-release(5) asks of readers.
pub fn parse(text: &str) -> OsRelease {
    let mut r = OsRelease::default();
    let text = &text[..floor_char_boundary(text, MAX_OS_RELEASE)];
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        let Some((key, raw)) = line.split_once('=') else {
            continue;
        };
        let value = unquote(raw.trim());
        match key.trim() {
            "ID" => r.id = value.to_ascii_lowercase(),
            "ID_LIKE" => {
                r.id_like = value
                    .split_whitespace()
                    .map(str::to_ascii_lowercase)
                    .collect()
            }
            "VERSION_ID" => r.version_id = value,
            "VERSION" => r.version = value,
            "VERSION_CODENAME" => r.version_codename = value.to_ascii_lowercase(),
            "PRETTY_NAME" => r.pretty_name = value,
            _ => {}
        }
    }
    r
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn unquote(v: &str) -> String {
    let inner = match v.as_bytes() {
        [q @ (b'"' | b'\''), .., last] if last == q && v.len() >= 2 => &v[1..v.len() - 1],
        _ => v,
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `major` of `major.minor...`.
fn major(v: &str) -> &str {
    v.split('.').next().unwrap_or(v)
}

/// `major.minor` of `major.minor.patch...`.
fn major_minor(v: &str) -> String {
    let mut it = v.split(['.', '_', '-']);
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => format!("{a}.{b}"),
        (Some(a), None) => a.to_string(),
        _ => v.to_string(),
    }
}

/// Debian code names, for testing/unstable systems whose os-release has no `VERSION_ID`.
pub fn debian_number(codename: &str) -> Option<&'static str> {
    Some(match codename {
        "jessie" => "8",
        "stretch" => "9",
        "buster" => "10",
        "bullseye" => "11",
        "bookworm" => "12",
        "trixie" => "13",
        "forky" => "14",
        _ => return None,
    })
}

impl OsRelease {
    /// The OSV ecosystem and release of this system; `None` when OSV publishes no advisories
    /// for it (Fedora, Amazon Linux, ...) or the release cannot be told.
    pub fn distro(&self) -> Option<Distro> {
        let vid = self.version_id.trim();
        let d = |ecosystem: Ecosystem, release: Option<String>| Distro {
            ecosystem,
            release,
            pretty_name: if self.pretty_name.is_empty() {
                format!("{} {}", self.id, self.version_id)
            } else {
                self.pretty_name.clone()
            },
        };
        match self.id.as_str() {
            "debian" => {
                let release = if vid.is_empty() {
                    debian_number(&self.version_codename)?.to_string()
                } else {
                    major(vid).to_string()
                };
                Some(d(Ecosystem::Debian, Some(release)))
            }
            "ubuntu" if !vid.is_empty() => {
                let lts = self.version.contains("LTS") || self.pretty_name.contains("LTS");
                let release = if lts {
                    format!("{vid}:LTS")
                } else {
                    vid.to_string()
                };
                Some(d(Ecosystem::Ubuntu, Some(release)))
            }
            "alpine" if !vid.is_empty() => {
                Some(d(Ecosystem::Alpine, Some(format!("v{}", major_minor(vid)))))
            }
            "wolfi" => Some(d(Ecosystem::Wolfi, None)),
            "chainguard" => Some(d(Ecosystem::Chainguard, None)),
            "rocky" if !vid.is_empty() => {
                Some(d(Ecosystem::RockyLinux, Some(major(vid).to_string())))
            }
            "almalinux" if !vid.is_empty() => {
                Some(d(Ecosystem::AlmaLinux, Some(major(vid).to_string())))
            }
            // CentOS rebuilds RHEL from the same sources and versions: RHEL's advisories are
            // the ones that apply (as Red Hat's own CVE pages say for CentOS Linux).
            "rhel" | "centos" if !vid.is_empty() => {
                Some(d(Ecosystem::RedHat, Some(major(vid).to_string())))
            }
            "opensuse-leap" if !vid.is_empty() => {
                Some(d(Ecosystem::OpenSuse, Some(format!("Leap {vid}"))))
            }
            "opensuse-tumbleweed" => Some(d(Ecosystem::OpenSuse, Some("Tumbleweed".to_string()))),
            "sles" if !vid.is_empty() => {
                let (maj, sp) = vid.split_once('.').unwrap_or((vid, "0"));
                let release = if sp == "0" {
                    format!("Linux Enterprise Server {maj}")
                } else {
                    format!("Linux Enterprise Server {maj} SP{sp}")
                };
                Some(d(Ecosystem::Suse, Some(release)))
            }
            _ => None,
        }
    }
}

/// Whether an advisory entry of `eco` for the release `entry` (the suffix of its ecosystem
/// name) applies to a package of the release `distro`.
pub fn release_matches(eco: &Ecosystem, entry: &str, distro: &str) -> bool {
    let entry = entry.trim();
    let distro = distro.trim();
    match eco {
        // `Ubuntu:Pro:22.04:LTS` fixes ship in Ubuntu Pro (ESM) archives only, a separate
        // ecosystem: an ordinary 22.04 system matches `Ubuntu:22.04:LTS` alone.
        Ecosystem::Ubuntu => entry.eq_ignore_ascii_case(distro),
        // `enterprise_linux:9::appstream`, `enterprise_linux:8::baseos`: the release is the
        // second field; EUS/AUS/E4S streams (`rhel_eus:9.2::...`) are other subscriptions.
        Ecosystem::RedHat => {
            let mut parts = entry.split(':');
            match (parts.next(), parts.next()) {
                (Some("enterprise_linux"), Some(rel)) => major(rel) == major(distro),
                (Some(_), Some(_)) => false,
                _ => major(entry) == major(distro),
            }
        }
        Ecosystem::OpenSuse | Ecosystem::Suse => entry.eq_ignore_ascii_case(distro),
        _ => {
            let (r, d) = (generic_key(entry), generic_key(distro));
            // `3.11` is the release of `3.11.6`; `12` of `12.5`.
            r == d || d.starts_with(&format!("{r}.")) || r.starts_with(&format!("{d}."))
        }
    }
}

/// `v3.11` and `3.11` are one Alpine release; Debian code names map to their numbers; the
/// `debian-12` / `alpine-3.18` forms of purl `distro` qualifiers lose their vendor.
fn generic_key(r: &str) -> String {
    let r = r.trim().to_ascii_lowercase();
    let r = r
        .split_once('-')
        .filter(|(vendor, rest)| {
            vendor.chars().all(|c| c.is_ascii_alphabetic())
                && rest.starts_with(|c: char| c.is_ascii_digit())
        })
        .map_or(r.as_str(), |(_, rest)| rest);
    let r = r.strip_prefix('v').unwrap_or(r);
    debian_number(r).unwrap_or(r).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distro_of(text: &str) -> Option<(String, Option<String>)> {
        parse(text)
            .distro()
            .map(|d| (d.ecosystem.osv_name().to_string(), d.release))
    }

    #[test]
    fn names_releases_as_osv_does() {
        let debian = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n\
                      VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n";
        assert_eq!(
            distro_of(debian),
            Some(("Debian".into(), Some("12".into())))
        );
        let sid =
            "PRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nID=debian\nVERSION_CODENAME=trixie\n";
        assert_eq!(distro_of(sid), Some(("Debian".into(), Some("13".into()))));
        let jammy = "NAME=\"Ubuntu\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\nID=ubuntu\n\
                     ID_LIKE=debian\nVERSION_ID=\"22.04\"\n";
        assert_eq!(
            distro_of(jammy),
            Some(("Ubuntu".into(), Some("22.04:LTS".into())))
        );
        let mantic = "ID=ubuntu\nVERSION=\"23.10 (Mantic Minotaur)\"\nVERSION_ID=\"23.10\"\n";
        assert_eq!(
            distro_of(mantic),
            Some(("Ubuntu".into(), Some("23.10".into())))
        );
        let alpine = "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\n";
        assert_eq!(
            distro_of(alpine),
            Some(("Alpine".into(), Some("v3.19".into())))
        );
        let rocky = "NAME=\"Rocky Linux\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.3\"\n";
        assert_eq!(
            distro_of(rocky),
            Some(("Rocky Linux".into(), Some("9".into())))
        );
        let ubi = "NAME=\"Red Hat Enterprise Linux\"\nID=\"rhel\"\nVERSION_ID=\"9.4\"\n";
        assert_eq!(distro_of(ubi), Some(("Red Hat".into(), Some("9".into()))));
        let leap = "NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"\n";
        assert_eq!(
            distro_of(leap),
            Some(("openSUSE".into(), Some("Leap 15.5".into())))
        );
        let sles = "ID=\"sles\"\nVERSION_ID=\"15.5\"\n";
        assert_eq!(
            distro_of(sles),
            Some(("SUSE".into(), Some("Linux Enterprise Server 15 SP5".into())))
        );
        assert_eq!(distro_of("ID=wolfi\n"), Some(("Wolfi".into(), None)));
        assert_eq!(distro_of("ID=amzn\nVERSION_ID=\"2023\"\n"), None);
        assert_eq!(distro_of("garbage\n=\n\"\n"), None);
    }

    #[test]
    fn unquotes_like_a_shell() {
        let r = parse("PRETTY_NAME='Distroless'\nVERSION=\"a \\\"b\\\" c\"\n");
        assert_eq!(r.pretty_name, "Distroless");
        assert_eq!(r.version, "a \"b\" c");
    }

    #[test]
    fn matches_releases_per_ecosystem() {
        assert!(release_matches(
            &Ecosystem::Ubuntu,
            "22.04:LTS",
            "22.04:LTS"
        ));
        assert!(!release_matches(
            &Ecosystem::Ubuntu,
            "Pro:22.04:LTS",
            "22.04:LTS"
        ));
        assert!(!release_matches(
            &Ecosystem::Ubuntu,
            "24.04:LTS",
            "22.04:LTS"
        ));
        assert!(release_matches(
            &Ecosystem::RedHat,
            "enterprise_linux:9::appstream",
            "9"
        ));
        assert!(!release_matches(
            &Ecosystem::RedHat,
            "rhel_eus:9.2::baseos",
            "9"
        ));
        assert!(!release_matches(
            &Ecosystem::RedHat,
            "enterprise_linux:8::baseos",
            "9"
        ));
        assert!(release_matches(&Ecosystem::Debian, "12", "bookworm"));
        assert!(release_matches(&Ecosystem::Debian, "12", "debian-12"));
        assert!(release_matches(&Ecosystem::Alpine, "v3.11", "3.11.6"));
        assert!(!release_matches(&Ecosystem::Alpine, "v3.1", "v3.11"));
    }
}
