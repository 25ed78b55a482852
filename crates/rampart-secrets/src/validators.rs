//! Offline checks of a candidate secret's structure (checksums, well-formedness). A candidate that
//! fails its rule's validator is not reported: it cannot be a real credential of that kind.

use crate::decode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// GitHub's token format: `<prefix>_` + 30 base62 characters + the CRC32 of those 30
    /// characters, base62-encoded and left-padded with `0` to 6 characters.
    /// <https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/>
    GithubCrc32,
    /// A JWT: three base64url segments, the first a JSON object with an `alg` string.
    Jwt,
    /// The Luhn check digit of payment card numbers.
    Luhn,
}

impl Validator {
    pub const NAMES: &'static [&'static str] = &["github-crc32", "jwt", "luhn"];

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "github-crc32" => Validator::GithubCrc32,
            "jwt" => Validator::Jwt,
            "luhn" => Validator::Luhn,
            _ => return None,
        })
    }

    pub fn check(self, secret: &[u8]) -> bool {
        match self {
            Validator::GithubCrc32 => github_checksum_ok(secret),
            Validator::Jwt => jwt_ok(secret),
            Validator::Luhn => luhn_ok(secret),
        }
    }
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `n` in base 62, left-padded with `0` to `width` characters.
pub fn base62(mut n: u32, width: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(width);
    while n > 0 {
        out.push(BASE62[(n % 62) as usize]);
        n /= 62;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    out
}

/// Classic-format GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`): the checksum is
/// published. Fine-grained `github_pat_` tokens have no published checksum scheme, so they are
/// checked for their published shape only (22 + `_` + 59 base62 characters).
fn github_checksum_ok(secret: &[u8]) -> bool {
    if let Some(rest) = secret.strip_prefix(b"github_pat_") {
        return rest.len() == 82
            && rest.get(22) == Some(&b'_')
            && rest
                .iter()
                .enumerate()
                .all(|(i, b)| i == 22 || b.is_ascii_alphanumeric());
    }
    let Some(pos) = memchr::memchr(b'_', secret) else {
        return false;
    };
    let body = &secret[pos + 1..];
    if body.len() < 7 || !body.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (entropy, check) = body.split_at(body.len() - 6);
    base62(crc32fast::hash(entropy), 6) == check
}

/// Appends a valid GitHub checksum to `prefix_and_entropy` (for tests and the benchmark corpus).
pub fn github_token_with_checksum(prefix: &str, entropy: &str) -> String {
    let check = base62(crc32fast::hash(entropy.as_bytes()), 6);
    format!("{prefix}{entropy}{}", String::from_utf8_lossy(&check))
}

fn jwt_ok(secret: &[u8]) -> bool {
    let mut parts = secret.split(|&b| b == b'.');
    let (Some(header), Some(payload), Some(_sig)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let Some(h) = decode::base64_decode(header) else {
        return false;
    };
    let Ok(serde_json::Value::Object(h)) = serde_json::from_slice::<serde_json::Value>(&h) else {
        return false;
    };
    if !h.get("alg").is_some_and(serde_json::Value::is_string) {
        return false;
    }
    decode::base64_decode(payload)
        .and_then(|p| serde_json::from_slice::<serde_json::Value>(&p).ok())
        .is_some_and(|v| v.is_object())
}

fn luhn_ok(secret: &[u8]) -> bool {
    let digits: Vec<u32> = secret
        .iter()
        .filter(|b| !matches!(b, b' ' | b'-'))
        .map(|&b| {
            if b.is_ascii_digit() {
                u32::from(b - b'0')
            } else {
                99
            }
        })
        .collect();
    if digits.len() < 12 || digits.iter().any(|&d| d > 9) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_checksum_round_trip() {
        let tok = github_token_with_checksum("ghp_", "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ");
        assert_eq!(tok.len(), 40);
        assert!(Validator::GithubCrc32.check(tok.as_bytes()));
        // One changed character of the body breaks the checksum.
        let bad = tok.replacen("zQW", "zQX", 1);
        assert!(!Validator::GithubCrc32.check(bad.as_bytes()));
        assert!(!Validator::GithubCrc32.check(b"ghp_"));
        assert!(!Validator::GithubCrc32.check(b"nounderscore"));
    }

    #[test]
    fn base62_pads() {
        assert_eq!(base62(0, 6), b"000000");
        assert_eq!(base62(61, 6), b"00000z");
        assert_eq!(base62(62, 6), b"000010");
        assert_eq!(base62(u32::MAX, 6), b"4gfFC3");
    }

    #[test]
    fn jwt_shape() {
        // {"alg":"HS256","typ":"JWT"} . {"sub":"1"} . sig
        let good = b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        assert!(Validator::Jwt.check(good));
        assert!(!Validator::Jwt.check(b"eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxIn0.c2ln"));
        assert!(!Validator::Jwt.check(b"a.b"));
    }

    #[test]
    fn luhn() {
        assert!(Validator::Luhn.check(b"4111 1111 1111 1111"));
        assert!(!Validator::Luhn.check(b"4111 1111 1111 1112"));
    }
}
