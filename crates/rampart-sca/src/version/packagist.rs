//! Packagist (Composer) versions: Composer's `VersionParser::normalize` (strip `v` and build
//! metadata, pad to four numeric parts, expand stability flags `a`→`alpha`, `b`→`beta`,
//! `p`/`pl`→`patch`, `rc`→`RC`) followed by PHP's `version_compare`, which Composer uses to order
//! normalised versions: parts split at `.`/`-`/`_`/`+` and digit/letter switches; special forms
//! order `dev < alpha = a < beta = b < RC = rc < number < pl = p`, matched by prefix; any other
//! word sorts before `dev`.

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Num(String),
    Word(String),
}

/// A parsed Composer version.
#[derive(Debug, Clone)]
pub struct ComposerVersion {
    parts: Vec<Part>,
}

fn special_order(form: &str) -> i32 {
    const FORMS: [(&str, i32); 10] = [
        ("dev", 0),
        ("alpha", 1),
        ("a", 1),
        ("beta", 2),
        ("b", 2),
        ("RC", 3),
        ("rc", 3),
        ("#", 4),
        ("pl", 5),
        ("p", 5),
    ];
    FORMS
        .iter()
        .find(|(name, _)| form.starts_with(name))
        .map_or(-6, |(_, o)| *o)
}

/// Composer's normalisation of the numeric core and stability suffix; `None` when the string is
/// not of that shape (then it is compared as written).
fn composer_normalize(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'v' | b'V')));
    let mut nums: Vec<&str> = Vec::new();
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        nums.push(&s[start..i]);
        if nums.len() == 4
            || i >= b.len()
            || b[i] != b'.'
            || !b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            break;
        }
        i += 1;
    }
    let mut out = nums.join(".");
    for _ in nums.len()..4 {
        out.push_str(".0");
    }
    let rest = &s[i..];
    if rest.is_empty() {
        return Some(out);
    }
    let rest = rest.trim_start_matches(['.', '-', '_']);
    let lower = rest.to_ascii_lowercase();
    let (dev_suffix, lower) = match lower.strip_suffix("dev") {
        Some(r) => (true, r.trim_end_matches(['.', '-']).to_string()),
        None => (false, lower),
    };
    if !lower.is_empty() {
        let word_end = lower
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(lower.len());
        let (word, num) = lower.split_at(word_end);
        let word = match word {
            "stable" => "",
            "a" | "alpha" => "alpha",
            "b" | "beta" => "beta",
            "rc" => "RC",
            "p" | "pl" | "patch" => "patch",
            _ => return None,
        };
        let num = num.trim_start_matches(['.', '-']);
        if !num
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b'-')
        {
            return None;
        }
        if !word.is_empty() {
            out.push('-');
            out.push_str(word);
            out.push_str(num);
        }
    }
    if dev_suffix {
        out.push_str("-dev");
    }
    Some(out)
}

fn php_parts(s: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    let flush = |cur: &mut String, digit: bool, parts: &mut Vec<Part>| {
        if !cur.is_empty() {
            parts.push(if digit {
                Part::Num(std::mem::take(cur))
            } else {
                Part::Word(std::mem::take(cur))
            });
        }
    };
    for c in s.chars() {
        if !c.is_ascii_alphanumeric() {
            flush(&mut cur, cur_digit, &mut parts);
            continue;
        }
        let d = c.is_ascii_digit();
        if !cur.is_empty() && d != cur_digit {
            flush(&mut cur, cur_digit, &mut parts);
        }
        cur_digit = d;
        cur.push(c);
    }
    flush(&mut cur, cur_digit, &mut parts);
    parts
}

impl ComposerVersion {
    pub fn parse(v: &str) -> Result<ComposerVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("Packagist", v, "too long"));
        }
        let s = v.trim();
        let s = s.split_once('+').map_or(s, |(m, _)| m);
        if s.is_empty() || s.starts_with("dev-") {
            return Err(VersionError::invalid(
                "Packagist",
                v,
                "not an orderable version",
            ));
        }
        let norm = composer_normalize(s).unwrap_or_else(|| s.to_string());
        let parts = php_parts(&norm);
        if parts.is_empty() {
            return Err(VersionError::invalid("Packagist", v, "no version parts"));
        }
        Ok(ComposerVersion { parts })
    }
}

fn cmp_part(a: &Part, b: &Part) -> Ordering {
    match (a, b) {
        (Part::Num(x), Part::Num(y)) => cmp_digits(x, y),
        (Part::Word(x), Part::Word(y)) => special_order(x).cmp(&special_order(y)),
        (Part::Num(_), Part::Word(y)) => special_order("#").cmp(&special_order(y)),
        (Part::Word(x), Part::Num(_)) => special_order(x).cmp(&special_order("#")),
    }
}

impl Ord for ComposerVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        for (a, b) in self.parts.iter().zip(&other.parts) {
            let o = cmp_part(a, b);
            if o != Ordering::Equal {
                return o;
            }
        }
        let n = self.parts.len().min(other.parts.len());
        match (self.parts.get(n), other.parts.get(n)) {
            (Some(Part::Num(_)), _) => Ordering::Greater,
            (Some(Part::Word(w)), _) => special_order(w).cmp(&special_order("#")),
            (None, Some(Part::Num(_))) => Ordering::Less,
            (None, Some(Part::Word(w))) => special_order("#").cmp(&special_order(w)),
            (None, None) => Ordering::Equal,
        }
    }
}

impl PartialOrd for ComposerVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::composer_normalize;

    #[test]
    fn normalises_like_composer() {
        assert_eq!(composer_normalize("v1.2").as_deref(), Some("1.2.0.0"));
        assert_eq!(
            composer_normalize("1.0.0-RC1").as_deref(),
            Some("1.0.0.0-RC1")
        );
        assert_eq!(
            composer_normalize("1.0.0b2").as_deref(),
            Some("1.0.0.0-beta2")
        );
        assert_eq!(
            composer_normalize("1.0.0-pl3").as_deref(),
            Some("1.0.0.0-patch3")
        );
        assert_eq!(
            composer_normalize("2.0-dev").as_deref(),
            Some("2.0.0.0-dev")
        );
        assert_eq!(
            composer_normalize("1.0.0-stable").as_deref(),
            Some("1.0.0.0")
        );
    }
}

eq_by_ord!(ComposerVersion);
