//! False-positive filters applied to every candidate secret: placeholders and documented examples,
//! variable references, hashes in hash contexts, UUIDs outside secret contexts, public keys.

/// Shannon entropy in bits per byte.
pub fn shannon_entropy(data: &[u8]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let n = data.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

/// Words that mark a value as a placeholder or documentation example when they appear inside it.
const PLACEHOLDER_WORDS: &[&[u8]] = &[
    b"example",
    b"placeholder",
    b"changeme",
    b"change_me",
    b"change-me",
    b"your_",
    b"your-",
    b"yourapi",
    b"yourkey",
    b"yoursecret",
    b"yourtoken",
    b"yourpassword",
    b"xxxx",
    b"****",
    b"....",
    b"####",
    b"<your",
    b"redacted",
    b"dummy",
    b"sample",
    b"insert_",
    b"insert-",
    b"replace_me",
    b"replaceme",
    b"process.env",
    b"os.environ",
    b"os.getenv",
    b"getenv(",
    b"env::var",
    b"system.getenv",
    b"secrets.",
    b"${",
    b"{{",
    b"$(",
    b"%(",
    b"#{",
    b"lorem",
    b"notarealkey",
    b"not_a_real",
    b"not-a-real",
    b"fake_",
    b"_fake",
];

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= hay.len()
        && hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether `secret` is a placeholder rather than a credential.
pub fn is_placeholder(secret: &[u8]) -> bool {
    if secret.is_empty() {
        return true;
    }
    if PLACEHOLDER_WORDS.iter().any(|w| contains_ci(secret, w)) {
        return true;
    }
    // `<token>`, `[API_KEY]`, `%API_KEY%`, `$API_KEY`: a name standing for the value.
    if let (Some(&f), Some(&l)) = (secret.first(), secret.last())
        && matches!(
            (f, l),
            (b'<', b'>') | (b'[', b']') | (b'%', b'%') | (b'{', b'}')
        )
    {
        return true;
    }
    if secret.first() == Some(&b'$')
        && secret[1..]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        return true;
    }
    // An all-caps identifier (`API_KEY_HERE`) names a variable.
    if secret.contains(&b'_')
        && secret
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
        && secret.iter().filter(|b| b.is_ascii_digit()).count() * 4 < secret.len()
    {
        return true;
    }
    let body = token_body(secret);
    if body.len() >= 8 {
        let mut seen = [false; 256];
        for &b in body {
            seen[b as usize] = true;
        }
        if seen.iter().filter(|&&s| s).count() <= 3 {
            return true;
        }
        if has_sequential_run(body, 8) {
            return true;
        }
    }
    false
}

/// The part of a token after its prefix (`ghp_`, `sk-proj-`...): the random part.
fn token_body(secret: &[u8]) -> &[u8] {
    match secret.iter().rposition(|&b| b == b'_' || b == b'-') {
        Some(p) if secret.len() - p > 16 => &secret[p + 1..],
        _ => secret,
    }
}

/// `12345678`, `abcdefgh`, `87654321`: keyboard-walk values people type as examples.
fn has_sequential_run(data: &[u8], n: usize) -> bool {
    let mut up = 1;
    let mut down = 1;
    for w in data.windows(2) {
        let (a, b) = (w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase());
        let alnum = a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric();
        up = if alnum && b == a.wrapping_add(1) {
            up + 1
        } else {
            1
        };
        down = if alnum && a == b.wrapping_add(1) {
            down + 1
        } else {
            1
        };
        // `...789` followed by `0` or `a` continues a typed sequence (`1234567890abcdef`).
        if alnum && ((a == b'9' && (b == b'0' || b == b'a')) || (a == b'0' && b == b'1')) {
            up = up.max(2);
        }
        if up >= n || down >= n {
            return true;
        }
    }
    false
}

/// `8-4-4-4-12` hex.
pub fn is_uuid(s: &[u8]) -> bool {
    if s.len() != 36 {
        return false;
    }
    s.iter().enumerate().all(|(i, &b)| {
        if matches!(i, 8 | 13 | 18 | 23) {
            b == b'-'
        } else {
            b.is_ascii_hexdigit()
        }
    })
}

/// Words that put a value in a secret context.
const SECRET_CONTEXT: &[&[u8]] = &[
    b"key",
    b"secret",
    b"token",
    b"passw",
    b"pwd",
    b"auth",
    b"credential",
    b"bearer",
    b"api",
    b"private",
    b"session",
    b"cookie",
    b"signature",
    b"access",
];

pub fn has_secret_context(line: &[u8]) -> bool {
    SECRET_CONTEXT.iter().any(|w| contains_ci(line, w))
}

/// Markers right before a value that say it is a digest, not a credential.
const HASH_MARKERS: &[&[u8]] = &[
    b"integrity",
    b"sha1",
    b"sha224",
    b"sha256",
    b"sha384",
    b"sha512",
    b"md5",
    b"checksum",
    b"digest",
    b"hash",
    b"shasum",
    b"etag",
    b"commit",
    b"revision",
    b"\"rev\"",
    b"rev =",
    b"resolved",
    b"h1:",
];

/// Whether `secret` (looking like hex or base64) sits in a hash context on its line.
pub fn in_hash_context(before: &[u8], secret: &[u8]) -> bool {
    let digesty = secret.iter().all(u8::is_ascii_hexdigit)
        || secret
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'));
    digesty && HASH_MARKERS.iter().any(|m| contains_ci(before, m))
}

/// `self.db_password`, `config.pw`, `args.password`: an attribute path in code, not a value.
pub fn is_code_reference(secret: &[u8]) -> bool {
    let ident = |p: &[u8]| {
        p.first()
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_' || *c == b'$')
            && p.iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'$')
    };
    let parts: Vec<&[u8]> = secret.split(|b| *b == b'.').collect();
    parts.len() >= 2 && parts.iter().all(|p| ident(p))
}

/// READMEs, changelogs and documentation trees: their credentials are mostly examples.
pub fn is_docs_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    name.starts_with("readme")
        || name.starts_with("changelog")
        || [".md", ".mdx", ".rst", ".adoc", ".asciidoc"]
            .iter()
            .any(|e| name.ends_with(e))
        || lower.starts_with("docs/")
        || lower.starts_with("doc/")
        || lower.contains("/docs/")
        || lower.contains("/doc/")
}

/// Whether a value looks machine-generated rather than typed for an example: long, varied
/// characters from at least three classes. Documentation examples (`P@ssw0rd`, `s3cr3t`,
/// `mypassword1`) fail; generated passwords and keys pass.
pub fn looks_generated(secret: &[u8]) -> bool {
    if secret.len() < 12 || shannon_entropy(secret) < 3.3 {
        return false;
    }
    let classes = [
        secret.iter().any(u8::is_ascii_lowercase),
        secret.iter().any(u8::is_ascii_uppercase),
        secret.iter().any(u8::is_ascii_digit),
        secret.iter().any(|b| !b.is_ascii_alphanumeric()),
    ];
    classes.iter().filter(|c| **c).count() >= 3
}

/// Lockfiles hold digests and resolved URLs, not hand-written credentials.
pub fn is_lockfile(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(
        name,
        "package-lock.json"
            | "npm-shrinkwrap.json"
            | "yarn.lock"
            | "pnpm-lock.yaml"
            | "Cargo.lock"
            | "poetry.lock"
            | "Pipfile.lock"
            | "uv.lock"
            | "go.sum"
            | "composer.lock"
            | "Gemfile.lock"
            | "packages.lock.json"
            | "flake.lock"
            | "pdm.lock"
            | "bun.lock"
    )
}

/// Whether the bytes before a match put it inside a public key or certificate.
pub fn in_public_key(before: &[u8], line: &[u8]) -> bool {
    const OPENSSH_PUB: &[&[u8]] = &[
        b"ssh-rsa ",
        b"ssh-ed25519 ",
        b"ssh-dss ",
        b"ecdsa-sha2-",
        b"sk-ssh-ed25519@",
    ];
    if OPENSSH_PUB.iter().any(|m| contains_ci(line, m)) {
        return true;
    }
    // Inside an open `-----BEGIN ... PUBLIC KEY-----` or `CERTIFICATE` block.
    let Some(begin) = memchr::memmem::rfind(before, b"-----BEGIN ") else {
        return false;
    };
    let block = &before[begin..];
    let header_end = block
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(block.len());
    let header = &block[..header_end];
    let public = contains_ci(header, b"PUBLIC KEY") || contains_ci(header, b"CERTIFICATE");
    public && memchr::memmem::find(&block[header_end..], b"-----END ").is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "AKIAIOSFODNN7EXAMPLE",
            "YOUR_API_KEY",
            "${API_TOKEN}",
            "{{ secrets.TOKEN }}",
            "os.environ['X']",
            "process.env.STRIPE_KEY",
            "xxxxxxxxxxxxxxxx",
            "changeme",
            "<token>",
            "aaaaaaaaaaaaaaaaaaaa",
            "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "1234567890abcdef",
            "sk-1234567890abcdefghij1234",
            "$PASSWORD",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        for real in [
            "wJalrXUtnFEMIK7MDENGbPxRfiCYzQ8v1Lq2",
            // rampart:ignore[secrets/*] fake token: the filter must not call it a placeholder
            "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",
            "hunter2isweak",
        ] {
            assert!(!is_placeholder(real.as_bytes()), "{real}");
        }
    }

    #[test]
    fn entropy() {
        assert_eq!(shannon_entropy(b"aaaa"), 0.0);
        assert!((shannon_entropy(b"abcd") - 2.0).abs() < 1e-9);
    }

    #[test]
    fn contexts() {
        assert!(is_uuid(b"123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid(b"123e4567e89b12d3a456426614174000"));
        assert!(in_hash_context(b"integrity=\"sha512-", b"abcDEF123+/="));
        assert!(!in_hash_context(b"password = ", b"abcDEF123"));
        assert!(in_public_key(b"-----BEGIN PUBLIC KEY-----\nMIIB", b"MIIB"));
        assert!(!in_public_key(
            b"-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n",
            b"k"
        ));
        assert!(is_lockfile("a/b/package-lock.json"));
        assert!(is_code_reference(b"self.db_password"));
        assert!(!is_code_reference(b"Qm7#vR2k.Lp9"));
        assert!(is_docs_path("README.md") && is_docs_path("a/docs/setup.txt"));
        assert!(!is_docs_path("src/config.py"));
        assert!(looks_generated(b"Qm7#vR2kLp9!xTa4"));
        assert!(!looks_generated(b"P@ssw0rd") && !looks_generated(b"mypassword12"));
    }
}
