//! What rampart may send requests to. Every request of the engine passes [`Scope::check`]; there
//! is no other way to reach the network.

use regex::Regex;
use url::Url;

use crate::error::DastError;

/// Links that end a session: never requested, so the scan keeps its login.
static LOGOUT: &str = r"(?i)(log|sign)[-_ ]?(out|off)\b|/logout|/signout|/session/(end|destroy)";

#[derive(Debug, Clone)]
pub struct Scope {
    origin: String,
    prefixes: Vec<String>,
    regexes: Vec<Regex>,
    excludes: Vec<Regex>,
    logout: Regex,
    allow_destructive: bool,
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Scheme,
    OutOfScope,
    Excluded,
    Logout,
    Destructive,
}

pub fn origin_of(url: &Url) -> String {
    url.origin().ascii_serialization()
}

impl Scope {
    /// Same origin as `target`, unless `scope` entries are given: an entry starting with
    /// `http://` or `https://` is a URL prefix, anything else a regular expression over the URL.
    pub fn new(
        target: &Url,
        scope: &[String],
        exclude: &[String],
        allow_destructive: bool,
    ) -> Result<Self, DastError> {
        let mut prefixes = Vec::new();
        let mut regexes = Vec::new();
        for s in scope {
            if s.starts_with("http://") || s.starts_with("https://") {
                prefixes.push(s.clone());
            } else {
                regexes
                    .push(Regex::new(s).map_err(|e| DastError::Regex(s.clone(), e.to_string()))?);
            }
        }
        let excludes = exclude
            .iter()
            .map(|s| Regex::new(s).map_err(|e| DastError::Regex(s.clone(), e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Scope {
            origin: origin_of(target),
            prefixes,
            regexes,
            excludes,
            logout: Regex::new(LOGOUT)
                .map_err(|e| DastError::Regex(LOGOUT.into(), e.to_string()))?,
            allow_destructive,
        })
    }

    pub fn in_scope(&self, url: &Url) -> bool {
        if !matches!(url.scheme(), "http" | "https") {
            return false;
        }
        if self.prefixes.is_empty() && self.regexes.is_empty() {
            return origin_of(url) == self.origin;
        }
        let s = url.as_str();
        // A prefix must match on an origin boundary too: `http://a:80` must not admit `http://a:8080`.
        self.prefixes.iter().any(|p| {
            s.starts_with(p.as_str())
                && (p.ends_with('/')
                    || matches!(s.as_bytes().get(p.len()), None | Some(b'/' | b'?' | b'#')))
        }) || self.regexes.iter().any(|r| r.is_match(s))
    }

    pub fn is_logout(&self, url: &Url) -> bool {
        self.logout.is_match(url.path())
    }

    /// The one decision every request goes through.
    pub fn check(&self, method: &str, url: &Url) -> Result<(), Refusal> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refusal::Scheme);
        }
        if !self.in_scope(url) {
            return Err(Refusal::OutOfScope);
        }
        if self.excludes.iter().any(|r| r.is_match(url.as_str())) {
            return Err(Refusal::Excluded);
        }
        if self.is_logout(url) {
            return Err(Refusal::Logout);
        }
        if !self.allow_destructive && matches!(method, "PUT" | "DELETE" | "PATCH") {
            return Err(Refusal::Destructive);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn same_origin_by_default() {
        let s = Scope::new(&u("http://127.0.0.1:8000/app/"), &[], &[], false).unwrap();
        assert!(s.check("GET", &u("http://127.0.0.1:8000/other")).is_ok());
        assert_eq!(
            s.check("GET", &u("http://127.0.0.1:8001/")),
            Err(Refusal::OutOfScope)
        );
        assert_eq!(
            s.check("GET", &u("https://127.0.0.1:8000/")),
            Err(Refusal::OutOfScope)
        );
        assert_eq!(
            s.check("GET", &u("file:///etc/passwd")),
            Err(Refusal::Scheme)
        );
        assert_eq!(
            s.check("GET", &u("http://127.0.0.1:8000/logout")),
            Err(Refusal::Logout)
        );
        assert_eq!(
            s.check("DELETE", &u("http://127.0.0.1:8000/x")),
            Err(Refusal::Destructive)
        );
    }

    #[test]
    fn prefixes_respect_origin_boundaries_and_excludes_win() {
        let s = Scope::new(
            &u("http://127.0.0.1:800/"),
            &[
                "http://127.0.0.1:800".into(),
                "^http://localhost:9/api/".into(),
            ],
            &["/admin".into()],
            false,
        )
        .unwrap();
        assert!(s.check("GET", &u("http://127.0.0.1:800/a")).is_ok());
        assert!(s.check("GET", &u("http://127.0.0.1:8000/a")).is_err());
        assert!(s.check("GET", &u("http://localhost:9/api/x")).is_ok());
        assert_eq!(
            s.check("GET", &u("http://127.0.0.1:800/admin/x")),
            Err(Refusal::Excluded)
        );
    }
}
