//! Maven version order, as `org.apache.maven.artifact.versioning.ComparableVersion` defines it
//! (https://maven.apache.org/pom.html#version-order-specification):
//!
//! * the string is lower-cased and split into items at `.`, at `-` and at every switch between
//!   digits and letters; `-` and a digit/letter switch open a nested list;
//! * an empty item is `0`; trailing "null" items (`0`, `""`, `final`, `ga`, `release`) are
//!   dropped from every list;
//! * qualifiers order `alpha < beta < milestone < rc = cr < snapshot < "" = final = ga < sp`,
//!   then any other qualifier, alphabetically; `a1`/`b1`/`m1` mean alpha/beta/milestone;
//! * a number is greater than a qualifier and than a list; a list is greater than a qualifier.

use std::cmp::Ordering;

use super::VersionError;
use super::util::{MAX_LEN, cmp_digits, eq_by_ord, strip_zeros};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Int(String),
    Str(String),
    List(Vec<Item>),
}

const QUALIFIERS: [&str; 7] = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
/// Index of "" (a release) in [`QUALIFIERS`].
const RELEASE_INDEX: &str = "5";

fn comparable_qualifier(q: &str) -> String {
    match QUALIFIERS.iter().position(|k| *k == q) {
        Some(i) => i.to_string(),
        // Unknown qualifiers sort after the known ones, among themselves alphabetically.
        None => format!("{}-{q}", QUALIFIERS.len()),
    }
}

fn string_item(s: &str, followed_by_digit: bool) -> Item {
    let s = if followed_by_digit && s.len() == 1 {
        match s {
            "a" => "alpha",
            "b" => "beta",
            "m" => "milestone",
            other => other,
        }
    } else {
        s
    };
    let s = match s {
        "ga" | "final" | "release" => "",
        "cr" => "rc",
        other => other,
    };
    Item::Str(s.to_string())
}

fn parse_item(is_digit: bool, s: &str) -> Item {
    if is_digit {
        Item::Int(strip_zeros(s))
    } else {
        string_item(s, false)
    }
}

impl Item {
    fn is_null(&self) -> bool {
        match self {
            Item::Int(n) => n.is_empty(),
            Item::Str(s) => s.is_empty(),
            Item::List(l) => l.is_empty(),
        }
    }

    /// Compares with a missing item (the shorter version's padding).
    fn cmp_null(&self) -> Ordering {
        match self {
            Item::Int(n) => {
                if n.is_empty() {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }
            }
            Item::Str(s) => comparable_qualifier(s).as_str().cmp(RELEASE_INDEX),
            Item::List(l) => l.first().map_or(Ordering::Equal, Item::cmp_null),
        }
    }

    fn cmp_item(&self, other: &Item) -> Ordering {
        match (self, other) {
            (Item::Int(a), Item::Int(b)) => cmp_digits(a, b),
            (Item::Int(_), _) => Ordering::Greater,
            (Item::Str(_), Item::Int(_)) => Ordering::Less,
            (Item::Str(a), Item::Str(b)) => comparable_qualifier(a).cmp(&comparable_qualifier(b)),
            (Item::Str(_), Item::List(_)) => Ordering::Less,
            (Item::List(_), Item::Int(_)) => Ordering::Less,
            (Item::List(_), Item::Str(_)) => Ordering::Greater,
            (Item::List(a), Item::List(b)) => cmp_lists(a, b),
        }
    }
}

fn cmp_lists(a: &[Item], b: &[Item]) -> Ordering {
    let n = a.len().max(b.len());
    for i in 0..n {
        let r = match (a.get(i), b.get(i)) {
            (Some(l), Some(r)) => l.cmp_item(r),
            (Some(l), None) => l.cmp_null(),
            (None, Some(r)) => r.cmp_null().reverse(),
            (None, None) => Ordering::Equal,
        };
        if r != Ordering::Equal {
            return r;
        }
    }
    Ordering::Equal
}

fn normalize(list: &mut Vec<Item>) {
    for item in list.iter_mut() {
        if let Item::List(l) = item {
            normalize(l);
        }
    }
    // Drop trailing nulls; stop at the first non-null non-list item, as Maven does.
    let mut i = list.len();
    while i > 0 {
        i -= 1;
        let null = list.get(i).is_some_and(Item::is_null);
        let is_list = matches!(list.get(i), Some(Item::List(_)));
        if null {
            list.remove(i);
        } else if !is_list {
            break;
        }
    }
}

/// A parsed Maven version.
#[derive(Debug, Clone)]
pub struct MavenVersion {
    items: Vec<Item>,
}

impl MavenVersion {
    pub fn parse(v: &str) -> Result<MavenVersion, VersionError> {
        if v.len() > MAX_LEN {
            return Err(VersionError::invalid("Maven", v, "too long"));
        }
        let s = v.trim().to_lowercase();
        if s.is_empty() {
            return Err(VersionError::invalid("Maven", v, "empty version"));
        }
        // A stack of open lists, innermost last; each is attached to its parent when closed.
        let mut stack: Vec<Vec<Item>> = vec![Vec::new()];
        let mut is_digit = false;
        let mut start = 0usize;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let push = |stack: &mut Vec<Vec<Item>>, item: Item| {
            if let Some(top) = stack.last_mut() {
                top.push(item);
            }
        };
        for &(i, c) in &chars {
            if c == '.' || c == '-' {
                if i == start {
                    push(&mut stack, Item::Int(String::new()));
                } else {
                    push(&mut stack, parse_item(is_digit, &s[start..i]));
                }
                start = i + 1;
                if c == '-' {
                    stack.push(Vec::new());
                }
            } else if c.is_ascii_digit() {
                if !is_digit && i > start {
                    push(&mut stack, string_item(&s[start..i], true));
                    start = i;
                    stack.push(Vec::new());
                }
                is_digit = true;
            } else {
                if is_digit && i > start {
                    push(&mut stack, parse_item(true, &s[start..i]));
                    start = i;
                    stack.push(Vec::new());
                }
                is_digit = false;
            }
        }
        if s.len() > start {
            push(&mut stack, parse_item(is_digit, &s[start..]));
        }
        // Close the nested lists: each one is the last item of its parent.
        while stack.len() > 1 {
            let mut top = stack.pop().unwrap_or_default();
            normalize(&mut top);
            push(&mut stack, Item::List(top));
        }
        let mut items = stack.pop().unwrap_or_default();
        normalize(&mut items);
        Ok(MavenVersion { items })
    }
}

impl Ord for MavenVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_lists(&self.items, &other.items)
    }
}

impl PartialOrd for MavenVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

eq_by_ord!(MavenVersion);
