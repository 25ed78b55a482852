//! Pulling an image over the OCI distribution API: manifests (index → platform → manifest),
//! the config, and layer blobs streamed to the layer walker. Anonymous, basic and bearer-token
//! flows; credentials from `~/.docker/config.json` (`auths`, `credHelpers`, `credsStore`).
//! Plain HTTP only for hosts the user lists as insecure. Every document is checked against
//! its digest; layers are checked by the walker once read whole.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use base64::Engine;
use serde::Deserialize;

use crate::ImageError;
use crate::oci::{self, DocError, ImageConfig, Manifest, Platform};
use crate::source::{Image, from_registry};

const ACCEPT: &str = "application/vnd.oci.image.index.v1+json, \
application/vnd.oci.image.manifest.v1+json, \
application/vnd.docker.distribution.manifest.list.v2+json, \
application/vnd.docker.distribution.manifest.v2+json";

/// `host[:port]/repo[:tag][@sha256:…]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub host: String,
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Reference {
    /// Parses a registry reference. A first component without `.`, `:` or `localhost` is a
    /// Docker Hub repository, as docker reads it.
    pub fn parse(s: &str) -> Result<Reference, DocError> {
        let bad = |why: &str| DocError::Invalid(format!("image reference `{s}`: {why}"));
        let (rest, digest) = match s.split_once('@') {
            Some((r, d)) => {
                oci::check_digest(d)?;
                (r, Some(d.to_string()))
            }
            None => (s, None),
        };
        let (host, path) = match rest.split_once('/') {
            Some((h, p)) if h.contains('.') || h.contains(':') || h == "localhost" => {
                (h.to_string(), p.to_string())
            }
            _ => ("registry-1.docker.io".to_string(), rest.to_string()),
        };
        let (repo, tag) = match path.rsplit_once(':') {
            Some((r, t)) if !t.contains('/') => (r.to_string(), Some(t.to_string())),
            _ => (path, None),
        };
        if repo.is_empty()
            || !repo
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-/".contains(&b))
        {
            return Err(bad("repository must be lower-case letters, digits, `._-/`"));
        }
        let repo = if host == "registry-1.docker.io" && !repo.contains('/') {
            format!("library/{repo}")
        } else {
            repo
        };
        let tag = if tag.is_none() && digest.is_none() {
            Some("latest".to_string())
        } else {
            tag
        };
        Ok(Reference {
            host,
            repository: repo,
            tag,
            digest,
        })
    }

    fn reference(&self) -> &str {
        self.digest
            .as_deref()
            .or(self.tag.as_deref())
            .unwrap_or("latest")
    }
}

/// A user name and password (or token) for one registry.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials({}, <redacted>)", self.username)
    }
}

/// How to reach registries.
#[derive(Debug, Clone, Default)]
pub struct PullOptions {
    /// Hosts (`host[:port]`) reached over plain HTTP.
    pub insecure: Vec<String>,
    /// Explicit credentials; otherwise the docker config is read.
    pub credentials: Option<Credentials>,
    /// The docker config file [default: `$DOCKER_CONFIG/config.json`, else
    /// `~/.docker/config.json`].
    pub docker_config: Option<std::path::PathBuf>,
}

#[derive(Debug)]
pub struct Registry {
    agent: ureq::Agent,
    base: String,
    reference: Reference,
    credentials: Option<Credentials>,
    /// The `Authorization` header value that worked last (bearer or basic).
    auth: Mutex<Option<String>>,
}

#[derive(Deserialize)]
struct TokenResponse {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
}

impl Registry {
    fn new(reference: Reference, opts: &PullOptions) -> Result<Registry, ImageError> {
        let insecure = opts.insecure.iter().any(|h| h == &reference.host);
        let scheme = if insecure { "http" } else { "https" };
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .https_only(!insecure)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_recv_response(Some(Duration::from_secs(120)))
            .build()
            .into();
        let credentials = match &opts.credentials {
            Some(c) => Some(c.clone()),
            None => docker_credentials(&reference.host, opts.docker_config.as_deref())?,
        };
        Ok(Registry {
            agent,
            base: format!("{scheme}://{}/v2/{}", reference.host, reference.repository),
            reference,
            credentials,
            auth: Mutex::new(None),
        })
    }

    /// GET `url`, answering one authentication challenge if the registry sends one.
    fn get(
        &self,
        url: &str,
        accept: Option<&str>,
    ) -> Result<ureq::http::Response<ureq::Body>, ImageError> {
        let send = |auth: Option<&str>| {
            let mut req = self.agent.get(url);
            if let Some(a) = accept {
                req = req.header("Accept", a);
            }
            if let Some(a) = auth {
                req = req.header("Authorization", a);
            }
            req.call()
                .map_err(|e| ImageError::Registry(format!("GET {url}: {e}")))
        };
        let current = self.auth.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let resp = send(current.as_deref())?;
        if resp.status() != 401 {
            return check_status(url, resp);
        }
        let challenge = resp
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let header = self.answer(&challenge)?;
        let resp = send(Some(&header))?;
        if resp.status() == 401 {
            return Err(ImageError::Registry(format!(
                "GET {url}: 401 Unauthorized{}",
                if self.credentials.is_some() {
                    " (the credentials were refused)"
                } else {
                    " (no credentials for this registry: docker login, or --username)"
                }
            )));
        }
        *self.auth.lock().unwrap_or_else(|p| p.into_inner()) = Some(header);
        check_status(url, resp)
    }

    /// The `Authorization` header for a `WWW-Authenticate` challenge.
    fn answer(&self, challenge: &str) -> Result<String, ImageError> {
        let basic = self.credentials.as_ref().map(|c| {
            let raw = format!("{}:{}", c.username, c.password);
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(raw)
            )
        });
        let (scheme, params) = parse_challenge(challenge);
        if scheme.eq_ignore_ascii_case("basic") {
            return basic.ok_or_else(|| {
                ImageError::Registry(format!(
                    "{} asks for basic authentication and no credentials are configured",
                    self.reference.host
                ))
            });
        }
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ImageError::Registry(format!(
                "{}: unsupported authentication challenge `{challenge}`",
                self.reference.host
            )));
        }
        let realm = params
            .iter()
            .find(|(k, _)| k == "realm")
            .map(|(_, v)| v.clone())
            .ok_or_else(|| ImageError::Registry("bearer challenge without realm".into()))?;
        let mut url = realm.clone();
        let mut sep = if realm.contains('?') { '&' } else { '?' };
        for key in ["service", "scope"] {
            if let Some((_, v)) = params.iter().find(|(k, _)| k == key) {
                url.push(sep);
                url.push_str(key);
                url.push('=');
                url.push_str(&percent_encode(v));
                sep = '&';
            }
        }
        if !params.iter().any(|(k, _)| k == "scope") {
            url.push(sep);
            url.push_str(&format!(
                "scope={}",
                percent_encode(&format!("repository:{}:pull", self.reference.repository))
            ));
        }
        let mut req = self.agent.get(&url);
        if let Some(b) = &basic {
            req = req.header("Authorization", b);
        }
        let resp = req
            .call()
            .map_err(|e| ImageError::Registry(format!("token request {realm}: {e}")))?;
        if resp.status() != 200 {
            return Err(ImageError::Registry(format!(
                "token request {realm}: HTTP {}{}",
                resp.status().as_u16(),
                if basic.is_some() {
                    " (the credentials were refused)"
                } else {
                    ""
                }
            )));
        }
        let body = resp
            .into_body()
            .into_with_config()
            .limit(1024 * 1024)
            .read_to_vec()
            .map_err(|e| ImageError::Registry(format!("token response: {e}")))?;
        let t: TokenResponse = serde_json::from_slice(&body)
            .map_err(|e| ImageError::Registry(format!("token response is not JSON: {e}")))?;
        let token = t
            .token
            .or(t.access_token)
            .ok_or_else(|| ImageError::Registry("token response without a token".into()))?;
        Ok(format!("Bearer {token}"))
    }

    fn get_document(
        &self,
        url: &str,
        accept: Option<&str>,
    ) -> Result<(Vec<u8>, Option<String>), ImageError> {
        let resp = self.get(url, accept)?;
        let header_digest = resp
            .headers()
            .get("docker-content-digest")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp
            .into_body()
            .into_with_config()
            .limit(oci::MAX_DOCUMENT as u64)
            .read_to_vec()
            .map_err(|e| ImageError::Registry(format!("GET {url}: {e}")))?;
        Ok((body, header_digest))
    }

    /// A manifest by tag or digest, verified: against the digest asked for, else against the
    /// `Docker-Content-Digest` the registry announced.
    fn manifest(&self, reference: &str) -> Result<(Manifest, String), ImageError> {
        let url = format!("{}/manifests/{reference}", self.base);
        let (body, header_digest) = self.get_document(&url, Some(ACCEPT))?;
        let actual = oci::sha256_digest(&body);
        let expected = if reference.starts_with("sha256:") {
            Some(reference.to_string())
        } else {
            header_digest.filter(|d| d.starts_with("sha256:"))
        };
        if let Some(exp) = expected
            && !exp.eq_ignore_ascii_case(&actual)
        {
            return Err(ImageError::DigestMismatch {
                what: format!("manifest {reference}"),
                expected: exp,
                actual,
            });
        }
        Ok((Manifest::parse(&body)?, actual))
    }

    fn blob_bytes(&self, digest: &str) -> Result<Vec<u8>, ImageError> {
        oci::check_digest(digest)?;
        let url = format!("{}/blobs/{digest}", self.base);
        let (body, _) = self.get_document(&url, None)?;
        let actual = oci::sha256_digest(&body);
        if !actual.eq_ignore_ascii_case(digest) {
            return Err(ImageError::DigestMismatch {
                what: format!("blob {digest}"),
                expected: digest.into(),
                actual,
            });
        }
        Ok(body)
    }

    /// A layer blob as a stream; the walker verifies its digest once read.
    pub(crate) fn open_blob(&self, digest: &str) -> Result<Box<dyn Read + Send + '_>, ImageError> {
        oci::check_digest(digest)?;
        let url = format!("{}/blobs/{digest}", self.base);
        let resp = self.get(&url, None)?;
        Ok(Box::new(resp.into_body().into_reader()))
    }
}

fn check_status(
    url: &str,
    resp: ureq::http::Response<ureq::Body>,
) -> Result<ureq::http::Response<ureq::Body>, ImageError> {
    let status = resp.status().as_u16();
    if (200..300).contains(&status) {
        Ok(resp)
    } else {
        Err(ImageError::Registry(format!("GET {url}: HTTP {status}")))
    }
}

/// Pulls the manifest and config of `reference` for `platform`.
pub fn pull(reference: &str, platform: &Platform, opts: &PullOptions) -> Result<Image, ImageError> {
    let parsed = Reference::parse(reference)?;
    let registry = Registry::new(parsed.clone(), opts)?;
    let (mut manifest, mut digest) = registry.manifest(parsed.reference())?;
    for _ in 0..2 {
        if !manifest.is_index() {
            break;
        }
        let d = manifest.select(platform)?.digest.clone();
        oci::check_digest(&d)?;
        (manifest, digest) = registry.manifest(&d)?;
    }
    if manifest.is_index() {
        return Err(ImageError::Doc(DocError::Invalid(
            "indexes nested more than two deep".into(),
        )));
    }
    let config_desc = manifest
        .config
        .clone()
        .ok_or_else(|| ImageError::Doc(DocError::Invalid("manifest without config".into())))?;
    let config = ImageConfig::parse(&registry.blob_bytes(&config_desc.digest)?)?;
    for l in &manifest.layers {
        oci::check_digest(&l.digest)?;
    }
    Ok(from_registry(
        reference, registry, digest, config, &manifest,
    ))
}

/// `Bearer realm="…",service="…"` → ("Bearer", [(realm, …), (service, …)]).
pub fn parse_challenge(h: &str) -> (String, Vec<(String, String)>) {
    let h = h.trim();
    let (scheme, rest) = h.split_once(' ').unwrap_or((h, ""));
    let mut params = Vec::new();
    let mut rest = rest.trim();
    while !rest.is_empty() {
        let Some((key, after)) = rest.split_once('=') else {
            break;
        };
        let key = key
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        let after = after.trim_start();
        let (value, next) = if let Some(q) = after.strip_prefix('"') {
            match q.find('"') {
                Some(end) => (&q[..end], &q[end + 1..]),
                None => (q, ""),
            }
        } else {
            match after.find(',') {
                Some(end) => (&after[..end], &after[end..]),
                None => (after, ""),
            }
        };
        params.push((key, value.to_string()));
        rest = next.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    }
    (scheme.to_string(), params)
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DockerConfig {
    auths: std::collections::BTreeMap<String, AuthEntry>,
    cred_helpers: std::collections::BTreeMap<String, String>,
    creds_store: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuthEntry {
    auth: Option<String>,
    username: Option<String>,
    password: Option<String>,
}

#[derive(Deserialize)]
struct HelperOutput {
    #[serde(rename = "Username")]
    username: String,
    #[serde(rename = "Secret")]
    secret: String,
}

fn docker_config_path(explicit: Option<&std::path::Path>) -> Option<std::path::PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(dir) = std::env::var_os("DOCKER_CONFIG") {
        return Some(std::path::PathBuf::from(dir).join("config.json"));
    }
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".docker/config.json"))
}

/// Credentials for `host` from the docker config: a `credHelpers` entry, else an `auths`
/// entry, else the `credsStore` helper. Helpers are the user's own configured programs
/// (`docker-credential-<name> get`), the way `docker login` stores ECR/GCR/ACR tokens.
pub fn docker_credentials(
    host: &str,
    explicit: Option<&std::path::Path>,
) -> Result<Option<Credentials>, ImageError> {
    let Some(path) = docker_config_path(explicit) else {
        return Ok(None);
    };
    let text = match std::fs::read(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            return Ok(None);
        }
        Err(e) => return Err(ImageError::io(&path, e)),
    };
    let cfg: DockerConfig = serde_json::from_slice(&text).map_err(|e| {
        ImageError::Registry(format!("{}: not a docker config: {e}", path.display()))
    })?;
    let keys = [
        host.to_string(),
        format!("https://{host}"),
        format!("http://{host}"),
        format!("https://{host}/v1/"),
        format!("https://{host}/v2/"),
    ];
    let hub = host == "registry-1.docker.io";
    let matches = |k: &str| keys.iter().any(|x| x == k) || (hub && k.contains("index.docker.io"));
    if let Some((k, helper)) = cfg.cred_helpers.iter().find(|(k, _)| matches(k)) {
        return run_helper(helper, k).map(Some);
    }
    if let Some((_, entry)) = cfg.auths.iter().find(|(k, _)| matches(k)) {
        if let Some(auth) = &entry.auth {
            let raw = base64::engine::general_purpose::STANDARD
                .decode(auth.trim())
                .map_err(|_| {
                    ImageError::Registry(format!(
                        "{}: auths entry for {host} is not base64",
                        path.display()
                    ))
                })?;
            let raw = String::from_utf8_lossy(&raw);
            if let Some((u, p)) = raw.split_once(':') {
                return Ok(Some(Credentials {
                    username: u.to_string(),
                    password: p.to_string(),
                }));
            }
        }
        if let (Some(u), Some(p)) = (&entry.username, &entry.password) {
            return Ok(Some(Credentials {
                username: u.clone(),
                password: p.clone(),
            }));
        }
    }
    if let Some(store) = &cfg.creds_store {
        return match run_helper(store, host) {
            Ok(c) => Ok(Some(c)),
            // The store has nothing for this host: anonymous access.
            Err(_) => Ok(None),
        };
    }
    Ok(None)
}

fn run_helper(name: &str, server: &str) -> Result<Credentials, ImageError> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    {
        return Err(ImageError::Registry(format!(
            "credential helper name `{name}` is not a plain program name"
        )));
    }
    let program = format!("docker-credential-{name}");
    let mut child = Command::new(&program)
        .arg("get")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ImageError::Registry(format!("cannot run {program}: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(server.as_bytes());
    }
    let out = child
        .wait_with_output()
        .map_err(|e| ImageError::Registry(format!("{program}: {e}")))?;
    if !out.status.success() {
        return Err(ImageError::Registry(format!(
            "{program} get {server}: exit status {}",
            out.status
        )));
    }
    let h: HelperOutput = serde_json::from_slice(&out.stdout)
        .map_err(|e| ImageError::Registry(format!("{program}: output is not JSON: {e}")))?;
    Ok(Credentials {
        username: h.username,
        password: h.secret,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let r = Reference::parse("127.0.0.1:5000/team/app:1.2").unwrap();
        assert_eq!(
            (r.host.as_str(), r.repository.as_str(), r.tag.as_deref()),
            ("127.0.0.1:5000", "team/app", Some("1.2"))
        );
        let d = format!("sha256:{}", "0".repeat(64));
        let r = Reference::parse(&format!("localhost/app@{d}")).unwrap();
        assert_eq!(r.reference(), d);
        let r = Reference::parse("python").unwrap();
        assert_eq!(r.repository, "library/python");
        assert_eq!(r.tag.as_deref(), Some("latest"));
        assert!(Reference::parse("Host.io/UPPER").is_err());
    }

    #[test]
    fn challenges() {
        let (s, p) = parse_challenge(
            r#"Bearer realm="http://127.0.0.1:1/token",service="reg",scope="repository:a/b:pull""#,
        );
        assert_eq!(s, "Bearer");
        assert_eq!(p[0], ("realm".into(), "http://127.0.0.1:1/token".into()));
        assert_eq!(p[2], ("scope".into(), "repository:a/b:pull".into()));
        assert_eq!(parse_challenge("Basic realm=\"x\"").0, "Basic");
    }

    #[test]
    fn credentials_from_auths() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.json");
        std::fs::write(
            &p,
            // rampart:ignore[secrets/*] "user:pass" of a loopback test registry
            r#"{"auths":{"127.0.0.1:5000":{"auth":"dXNlcjpwYXNz"}}}"#,
        )
        .unwrap();
        let c = docker_credentials("127.0.0.1:5000", Some(&p))
            .unwrap()
            .unwrap();
        assert_eq!((c.username.as_str(), c.password.as_str()), ("user", "pass"));
        assert!(docker_credentials("other:1", Some(&p)).unwrap().is_none());
        assert!(!format!("{c:?}").contains("pass"));
    }
}
