//! Package URLs (<https://github.com/package-url/purl-spec>): built for every package and parsed
//! back when reading SBOMs.

use crate::package::Ecosystem;

/// A parsed purl; every part percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purl {
    pub ty: String,
    pub namespace: Option<String>,
    pub name: String,
    pub version: Option<String>,
    pub qualifiers: Vec<(String, String)>,
    pub subpath: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid purl `{purl}`: {reason}")]
pub struct PurlError {
    pub purl: String,
    pub reason: &'static str,
}

/// Percent-encodes everything outside the unreserved set (RFC 3986: `A-Z a-z 0-9 - . _ ~`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a malformed escape is an error.
pub fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Splits an ecosystem-normalised name into purl namespace and name.
fn split_name<'a>(eco: &Ecosystem, name: &'a str) -> (Option<&'a str>, &'a str) {
    match eco {
        Ecosystem::Npm if name.starts_with('@') => match name.split_once('/') {
            Some((ns, n)) => (Some(ns), n),
            None => (None, name),
        },
        Ecosystem::Maven => match name.split_once(':') {
            Some((g, a)) => (Some(g), a),
            None => (None, name),
        },
        Ecosystem::Go | Ecosystem::Packagist => match name.rsplit_once('/') {
            Some((ns, n)) => (Some(ns), n),
            None => (None, name),
        },
        _ => (None, name),
    }
}

/// The purl of a package. `distro` becomes the `distro` qualifier of OS packages.
pub fn for_package(eco: &Ecosystem, name: &str, version: &str, distro: Option<&str>) -> String {
    let (ns, n) = split_name(eco, name);
    // The purl spec lower-cases npm names and PEP 503-normalises PyPI names.
    let (ns, n) = match eco {
        Ecosystem::Npm => (ns.map(str::to_ascii_lowercase), n.to_ascii_lowercase()),
        Ecosystem::PyPI => (None, super::pep503(n)),
        Ecosystem::NuGet | Ecosystem::Packagist => {
            (ns.map(str::to_ascii_lowercase), n.to_ascii_lowercase())
        }
        _ => (ns.map(str::to_string), n.to_string()),
    };
    let mut out = format!("pkg:{}/", eco.purl_type());
    if let Some(ns) = ns {
        for seg in ns.split('/').filter(|s| !s.is_empty()) {
            out.push_str(&encode(seg));
            out.push('/');
        }
    }
    out.push_str(&encode(&n));
    if !version.is_empty() {
        out.push('@');
        out.push_str(&encode(version));
    }
    if let Some(d) = distro {
        out.push_str("?distro=");
        out.push_str(&encode(d));
    }
    out
}

/// Parses a purl string.
pub fn parse(s: &str) -> Result<Purl, PurlError> {
    let bad = |reason| PurlError {
        purl: s.chars().take(200).collect(),
        reason,
    };
    let rest = s.trim();
    let rest = rest
        .strip_prefix("pkg:")
        .ok_or_else(|| bad("does not start with `pkg:`"))?;
    let (rest, subpath) = match rest.split_once('#') {
        Some((r, sp)) => (r, Some(sp.trim_matches('/'))),
        None => (rest, None),
    };
    let (rest, quals) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let rest = rest.trim_start_matches('/');
    let (ty, rest) = rest.split_once('/').ok_or_else(|| bad("no type"))?;
    if ty.is_empty()
        || !ty
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
    {
        return Err(bad("bad type"));
    }
    let rest = rest.trim_end_matches('/');
    // The version follows the last `@` of the last segment (an `@` in a namespace is encoded).
    let (path, version) = match rest.rfind('@') {
        Some(at) if !rest[at..].contains('/') => (&rest[..at], Some(&rest[at + 1..])),
        _ => (rest, None),
    };
    let (ns, name) = match path.rsplit_once('/') {
        Some((ns, n)) => (Some(ns), n),
        None => (None, path),
    };
    if name.is_empty() {
        return Err(bad("no name"));
    }
    let dec = |x: &str| decode(x).ok_or_else(|| bad("bad percent-encoding"));
    let namespace = match ns {
        Some(ns) => {
            let segs: Result<Vec<String>, _> =
                ns.split('/').filter(|x| !x.is_empty()).map(dec).collect();
            Some(segs?.join("/")).filter(|x| !x.is_empty())
        }
        None => None,
    };
    let mut qualifiers = Vec::new();
    if let Some(q) = quals {
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair
                .split_once('=')
                .ok_or_else(|| bad("qualifier without `=`"))?;
            qualifiers.push((k.to_ascii_lowercase(), dec(v)?));
        }
    }
    Ok(Purl {
        ty: ty.to_ascii_lowercase(),
        namespace,
        name: dec(name)?,
        version: version.map(dec).transpose()?.filter(|v| !v.is_empty()),
        qualifiers,
        subpath: subpath.filter(|x| !x.is_empty()).map(str::to_string),
    })
}

impl Purl {
    pub fn qualifier(&self, key: &str) -> Option<&str> {
        self.qualifiers
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The ecosystem this purl type maps to, if rampart knows it.
    pub fn ecosystem(&self) -> Option<Ecosystem> {
        Some(match self.ty.as_str() {
            "cargo" => Ecosystem::CratesIo,
            "npm" => Ecosystem::Npm,
            "pypi" => Ecosystem::PyPI,
            "golang" => Ecosystem::Go,
            "gem" => Ecosystem::RubyGems,
            "composer" => Ecosystem::Packagist,
            "maven" => Ecosystem::Maven,
            "nuget" => Ecosystem::NuGet,
            "conda" => Ecosystem::Conda,
            "apk" => match self
                .namespace
                .as_deref()
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("wolfi") => Ecosystem::Wolfi,
                Some("chainguard") => Ecosystem::Chainguard,
                _ => Ecosystem::Alpine,
            },
            "deb" => match self
                .namespace
                .as_deref()
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("ubuntu") => Ecosystem::Ubuntu,
                _ => Ecosystem::Debian,
            },
            "rpm" => match self
                .namespace
                .as_deref()
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("rocky") => Ecosystem::RockyLinux,
                Some("almalinux") => Ecosystem::AlmaLinux,
                Some("opensuse") => Ecosystem::OpenSuse,
                Some("suse") => Ecosystem::Suse,
                _ => Ecosystem::RedHat,
            },
            _ => return None,
        })
    }

    /// The package name in the ecosystem's own form (`@scope/name`, `group:artifact`,
    /// `vendor/name`, the Go module path). OS package namespaces (`debian`, `alpine`) are
    /// vendors, not part of the name.
    pub fn package_name(&self) -> String {
        match (self.ty.as_str(), &self.namespace) {
            ("maven", Some(ns)) => format!("{ns}:{}", self.name),
            ("npm" | "golang" | "composer", Some(ns)) => format!("{ns}/{}", self.name),
            _ => self.name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_spec_examples() {
        assert_eq!(
            for_package(&Ecosystem::Npm, "@babel/code-frame", "7.12.13", None),
            "pkg:npm/%40babel/code-frame@7.12.13"
        );
        assert_eq!(
            for_package(
                &Ecosystem::Maven,
                "org.apache.commons:commons-lang3",
                "3.12.0",
                None
            ),
            "pkg:maven/org.apache.commons/commons-lang3@3.12.0"
        );
        assert_eq!(
            for_package(&Ecosystem::Go, "golang.org/x/text", "v0.3.0", None),
            "pkg:golang/golang.org/x/text@v0.3.0"
        );
        assert_eq!(
            for_package(
                &Ecosystem::Go,
                "github.com/a/b",
                "v2.0.0+incompatible",
                None
            ),
            "pkg:golang/github.com/a/b@v2.0.0%2Bincompatible"
        );
        assert_eq!(
            for_package(&Ecosystem::PyPI, "Jinja2", "2.10", None),
            "pkg:pypi/jinja2@2.10"
        );
    }

    #[test]
    fn parses_and_decodes() {
        let p = parse("pkg:npm/%40babel/code-frame@7.12.13").unwrap();
        assert_eq!(p.namespace.as_deref(), Some("@babel"));
        assert_eq!(p.package_name(), "@babel/code-frame");
        assert_eq!(p.version.as_deref(), Some("7.12.13"));
        let p = parse("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie").unwrap();
        assert_eq!(p.qualifier("distro"), Some("jessie"));
        assert_eq!(p.package_name(), "curl");
        let p = parse("pkg:golang/github.com/a/b@v2.0.0%2Bincompatible#sub/dir").unwrap();
        assert_eq!(p.package_name(), "github.com/a/b");
        assert_eq!(p.version.as_deref(), Some("v2.0.0+incompatible"));
        assert_eq!(p.subpath.as_deref(), Some("sub/dir"));
        assert!(parse("npm/x@1").is_err());
        assert!(parse("pkg:npm/x@%zz").is_err());
        assert!(parse("pkg:npm/").is_err());
    }
}
