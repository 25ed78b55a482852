//! Terraform's built-in functions that a static evaluation can compute. Functions that
//! depend on time, randomness or the file system outside the module (`timestamp`, `uuid`,
//! hashes of unread files) and ones not written here give an unknown value, never an error.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::eval::{EvalError, EvalResult, invalid};
use super::module::base64_encode;
use super::value::{Val, format_number};

/// Functions that read values inside their collection arguments, so an unknown anywhere
/// inside makes the whole result unknown.
const DEEP: &[&str] = &[
    "contains",
    "distinct",
    "toset",
    "flatten",
    "join",
    "sort",
    "compact",
    "format",
    "formatlist",
    "setunion",
    "setintersection",
    "setsubtract",
    "alltrue",
    "anytrue",
    "sum",
    "min",
    "max",
    "index",
    "tostring",
    "tonumber",
    "tobool",
    "one",
    "split",
    "lower",
    "upper",
    "title",
    "replace",
    "substr",
    "trimspace",
    "trim",
    "trimprefix",
    "trimsuffix",
    "startswith",
    "endswith",
    "strcontains",
    "strrev",
    "cidrsubnet",
    "cidrhost",
    "cidrnetmask",
    "chomp",
    "indent",
    "base64encode",
    "base64decode",
    "abs",
    "ceil",
    "floor",
    "pow",
    "signum",
    "parseint",
    "range",
    "chunklist",
    "jsondecode",
    "urlencode",
    "regex",
    "regexall",
];

pub(crate) fn call(name: &str, args: Vec<Val>, max_string: usize) -> EvalResult {
    let top_unknown = args.iter().any(Val::is_unknown);
    let deep_unknown = DEEP.contains(&name) && args.iter().any(Val::contains_unknown);
    if top_unknown || deep_unknown {
        let mut refs = Vec::new();
        args.iter().for_each(|a| a.collect_refs(&mut refs));
        return Ok(Val::unknown_with_refs(refs));
    }
    let result = dispatch(name, args)?;
    if let Val::String(s) = &result
        && s.len() > max_string
    {
        return invalid("string exceeds the size limit");
    }
    Ok(result)
}

fn arg(args: &[Val], i: usize) -> Result<&Val, EvalError> {
    args.get(i)
        .ok_or_else(|| EvalError::Invalid(format!("missing argument {}", i + 1)))
}

fn string(args: &[Val], i: usize) -> Result<String, EvalError> {
    arg(args, i)?
        .as_string()
        .ok_or_else(|| EvalError::Invalid(format!("argument {} is not a string", i + 1)))
}

fn number(args: &[Val], i: usize) -> Result<f64, EvalError> {
    arg(args, i)?
        .as_number()
        .ok_or_else(|| EvalError::Invalid(format!("argument {} is not a number", i + 1)))
}

fn list(v: &Val) -> Result<Vec<Val>, EvalError> {
    match v {
        Val::List(items) => Ok(items.clone()),
        _ => invalid("not a list"),
    }
}

fn map(v: &Val) -> Result<BTreeMap<String, Val>, EvalError> {
    match v {
        Val::Map(m) => Ok(m.clone()),
        _ => invalid("not a map"),
    }
}

fn to_set(items: Vec<Val>) -> Vec<Val> {
    let mut out: Vec<Val> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    // Terraform orders sets of strings lexically.
    if out.iter().all(|v| matches!(v, Val::String(_))) {
        out.sort_by_key(Val::as_string);
    }
    out
}

fn small_count(n: f64, what: &str) -> Result<usize, EvalError> {
    const MAX: f64 = 100_000.0;
    if !(0.0..=MAX).contains(&n) || n.fract() != 0.0 {
        return invalid(format!("{what} out of range"));
    }
    Ok(n as usize)
}

fn dispatch(name: &str, args: Vec<Val>) -> EvalResult {
    let a = &args;
    Ok(match name {
        // collections
        "merge" => {
            let mut out = BTreeMap::new();
            for v in a {
                match v {
                    Val::Map(m) => out.extend(m.clone()),
                    Val::Null => {}
                    _ => return invalid("merge() takes objects"),
                }
            }
            Val::Map(out)
        }
        "concat" => {
            let mut out = Vec::new();
            for v in a {
                out.extend(list(v)?);
            }
            Val::List(out)
        }
        "lookup" => {
            let m = map(arg(a, 0)?)?;
            let key = string(a, 1)?;
            match (m.get(&key), a.get(2)) {
                (Some(v), _) => v.clone(),
                (None, Some(default)) => default.clone(),
                (None, None) => return invalid(format!("no key {key:?}")),
            }
        }
        "keys" => Val::List(map(arg(a, 0)?)?.into_keys().map(Val::String).collect()),
        "values" => Val::List(map(arg(a, 0)?)?.into_values().collect()),
        "length" => match arg(a, 0)? {
            Val::List(items) => Val::Number(items.len() as f64),
            Val::Map(m) => Val::Number(m.len() as f64),
            Val::String(s) => Val::Number(s.chars().count() as f64),
            _ => return invalid("length() of a non-collection"),
        },
        "element" => {
            let items = list(arg(a, 0)?)?;
            if items.is_empty() {
                return invalid("element() of an empty list");
            }
            let i = number(a, 1)?;
            if i < 0.0 {
                return invalid("negative index");
            }
            items[(i as usize) % items.len()].clone()
        }
        "flatten" => {
            fn flat(v: &Val, out: &mut Vec<Val>, depth: usize) -> Result<(), EvalError> {
                if depth > 32 {
                    return invalid("flatten() nested too deep");
                }
                match v {
                    Val::List(items) => {
                        for i in items {
                            flat(i, out, depth + 1)?;
                        }
                    }
                    other => out.push(other.clone()),
                }
                Ok(())
            }
            let mut out = Vec::new();
            for item in list(arg(a, 0)?)? {
                flat(&item, &mut out, 0)?;
            }
            Val::List(out)
        }
        "distinct" => {
            let mut out: Vec<Val> = Vec::new();
            for item in list(arg(a, 0)?)? {
                if !out.contains(&item) {
                    out.push(item);
                }
            }
            Val::List(out)
        }
        "contains" => {
            let items = list(arg(a, 0)?)?;
            Val::Bool(items.contains(arg(a, 1)?))
        }
        "tolist" => Val::List(list(arg(a, 0)?)?),
        "toset" => Val::List(to_set(list(arg(a, 0)?)?)),
        "tomap" => Val::Map(map(arg(a, 0)?)?),
        "coalesce" => {
            for v in a {
                match v {
                    Val::Null => {}
                    Val::String(s) if s.is_empty() => {}
                    other => return Ok(other.clone()),
                }
            }
            return invalid("coalesce() found no non-null argument");
        }
        "coalescelist" => {
            for v in a {
                if let Val::List(items) = v
                    && !items.is_empty()
                {
                    return Ok(v.clone());
                }
            }
            return invalid("coalescelist() found no non-empty list");
        }
        "compact" => Val::List(
            list(arg(a, 0)?)?
                .into_iter()
                .filter(|v| !matches!(v, Val::Null) && v.as_string().is_none_or(|s| !s.is_empty()))
                .collect(),
        ),
        "slice" => {
            let items = list(arg(a, 0)?)?;
            let (start, end) = (number(a, 1)?, number(a, 2)?);
            if start < 0.0 || end < start || end as usize > items.len() {
                return invalid("slice() out of range");
            }
            Val::List(items[start as usize..end as usize].to_vec())
        }
        "sort" => {
            let mut items: Vec<String> = list(arg(a, 0)?)?
                .iter()
                .map(|v| {
                    v.as_string()
                        .ok_or(EvalError::Invalid("sort() takes strings".into()))
                })
                .collect::<Result<_, _>>()?;
            items.sort();
            Val::List(items.into_iter().map(Val::String).collect())
        }
        "reverse" => {
            let mut items = list(arg(a, 0)?)?;
            items.reverse();
            Val::List(items)
        }
        "range" => {
            let (start, end, step) = match a.len() {
                1 => (0.0, number(a, 0)?, 1.0),
                2 => (number(a, 0)?, number(a, 1)?, 1.0),
                _ => (number(a, 0)?, number(a, 1)?, number(a, 2)?),
            };
            if step == 0.0 || !step.is_finite() {
                return invalid("range() step is zero");
            }
            let n = small_count(((end - start) / step).ceil().max(0.0), "range()")?;
            Val::List(
                (0..n)
                    .map(|i| Val::Number(start + step * i as f64))
                    .collect(),
            )
        }
        "zipmap" => {
            let keys = list(arg(a, 0)?)?;
            let values = list(arg(a, 1)?)?;
            if keys.len() != values.len() {
                return invalid("zipmap() lists differ in length");
            }
            let mut out = BTreeMap::new();
            for (k, v) in keys.into_iter().zip(values) {
                out.insert(k.as_string().ok_or(EvalError::Invalid("key".into()))?, v);
            }
            Val::Map(out)
        }
        "one" => {
            let items = list(arg(a, 0)?)?;
            match items.len() {
                0 => Val::Null,
                1 => items[0].clone(),
                _ => return invalid("one() of more than one element"),
            }
        }
        "sum" => Val::Number(
            list(arg(a, 0)?)?
                .iter()
                .map(|v| {
                    v.as_number()
                        .ok_or(EvalError::Invalid("sum() of non-numbers".into()))
                })
                .sum::<Result<f64, _>>()?,
        ),
        "index" => {
            let items = list(arg(a, 0)?)?;
            let wanted = arg(a, 1)?;
            match items.iter().position(|v| v == wanted) {
                Some(i) => Val::Number(i as f64),
                None => return invalid("index() found nothing"),
            }
        }
        "setunion" => {
            let mut out = Vec::new();
            for v in a {
                out.extend(list(v)?);
            }
            Val::List(to_set(out))
        }
        "setintersection" => {
            let mut out = to_set(list(arg(a, 0)?)?);
            for v in &a[1..] {
                let other = list(v)?;
                out.retain(|x| other.contains(x));
            }
            Val::List(out)
        }
        "setsubtract" => {
            let other = list(arg(a, 1)?)?;
            Val::List(
                to_set(list(arg(a, 0)?)?)
                    .into_iter()
                    .filter(|x| !other.contains(x))
                    .collect(),
            )
        }
        "chunklist" => {
            let items = list(arg(a, 0)?)?;
            let size = small_count(number(a, 1)?, "chunk size")?;
            if size == 0 {
                Val::List(vec![Val::List(items)])
            } else {
                Val::List(items.chunks(size).map(|c| Val::List(c.to_vec())).collect())
            }
        }
        "alltrue" => Val::Bool(list(arg(a, 0)?)?.iter().all(|v| v.as_bool() == Some(true))),
        "anytrue" => Val::Bool(list(arg(a, 0)?)?.iter().any(|v| v.as_bool() == Some(true))),
        // numbers
        "min" | "max" => {
            let mut nums = Vec::new();
            for (i, _) in a.iter().enumerate() {
                nums.push(number(a, i)?);
            }
            let pick = if name == "min" { f64::min } else { f64::max };
            match nums.into_iter().reduce(pick) {
                Some(n) => Val::Number(n),
                None => return invalid("min/max of nothing"),
            }
        }
        "abs" => Val::Number(number(a, 0)?.abs()),
        "ceil" => Val::Number(number(a, 0)?.ceil()),
        "floor" => Val::Number(number(a, 0)?.floor()),
        "pow" => Val::Number(number(a, 0)?.powf(number(a, 1)?)),
        "signum" => Val::Number(number(a, 0)?.signum()),
        "parseint" => {
            let s = string(a, 0)?;
            let base = number(a, 1)? as u32;
            if !(2..=36).contains(&base) {
                return invalid("parseint() base");
            }
            match i64::from_str_radix(&s, base) {
                Ok(n) => Val::Number(n as f64),
                Err(_) => return invalid("parseint() failed"),
            }
        }
        // strings
        "format" => Val::String(format_string(&string(a, 0)?, &a[1..])?),
        "formatlist" => {
            let spec = string(a, 0)?;
            let rest = &a[1..];
            let n = rest
                .iter()
                .filter_map(|v| match v {
                    Val::List(items) => Some(items.len()),
                    _ => None,
                })
                .max()
                .unwrap_or(1);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let row: Vec<Val> = rest
                    .iter()
                    .map(|v| match v {
                        Val::List(items) => items.get(i).cloned().unwrap_or(Val::Null),
                        other => other.clone(),
                    })
                    .collect();
                out.push(Val::String(format_string(&spec, &row)?));
            }
            Val::List(out)
        }
        "join" => {
            let sep = string(a, 0)?;
            let mut parts = Vec::new();
            for v in &a[1..] {
                for item in list(v)? {
                    parts.push(
                        item.as_string()
                            .ok_or(EvalError::Invalid("join() of non-strings".into()))?,
                    );
                }
            }
            Val::String(parts.join(&sep))
        }
        "split" => {
            let sep = string(a, 0)?;
            let s = string(a, 1)?;
            if sep.is_empty() {
                Val::List(s.chars().map(|c| Val::String(c.to_string())).collect())
            } else {
                Val::List(
                    s.split(sep.as_str())
                        .map(|p| Val::String(p.to_string()))
                        .collect(),
                )
            }
        }
        "lower" => Val::String(string(a, 0)?.to_lowercase()),
        "upper" => Val::String(string(a, 0)?.to_uppercase()),
        "title" => Val::String(
            string(a, 0)?
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    match c.next() {
                        Some(f) => f.to_uppercase().chain(c).collect(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<String>>()
                .join(" "),
        ),
        "replace" => {
            let s = string(a, 0)?;
            let from = string(a, 1)?;
            let to = string(a, 2)?;
            if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
                let re = compile(&from[1..from.len() - 1])?;
                // Terraform writes captures as $1 / ${name}, as the regex crate does.
                return Ok(Val::String(re.replace_all(&s, to.as_str()).into_owned()));
            }
            if from.is_empty() {
                Val::String(s)
            } else {
                Val::String(s.replace(&from, &to))
            }
        }
        "substr" => {
            let s: Vec<char> = string(a, 0)?.chars().collect();
            let offset = number(a, 1)?;
            let length = number(a, 2)?;
            let start = if offset < 0.0 {
                s.len().saturating_sub((-offset) as usize)
            } else {
                (offset as usize).min(s.len())
            };
            let end = if length < 0.0 {
                s.len()
            } else {
                (start + length as usize).min(s.len())
            };
            Val::String(s[start..end].iter().collect())
        }
        "trimspace" => Val::String(string(a, 0)?.trim().to_string()),
        "trim" => {
            let cut: Vec<char> = string(a, 1)?.chars().collect();
            Val::String(string(a, 0)?.trim_matches(|c| cut.contains(&c)).to_string())
        }
        "trimprefix" => {
            let s = string(a, 0)?;
            let p = string(a, 1)?;
            Val::String(s.strip_prefix(p.as_str()).unwrap_or(&s).to_string())
        }
        "trimsuffix" => {
            let s = string(a, 0)?;
            let p = string(a, 1)?;
            Val::String(s.strip_suffix(p.as_str()).unwrap_or(&s).to_string())
        }
        "chomp" => Val::String(string(a, 0)?.trim_end_matches(['\n', '\r']).to_string()),
        "indent" => {
            let n = small_count(number(a, 0)?, "indent")?.min(64);
            let pad = " ".repeat(n);
            let s = string(a, 1)?;
            Val::String(s.replace('\n', &format!("\n{pad}")))
        }
        "startswith" => Val::Bool(string(a, 0)?.starts_with(&string(a, 1)?)),
        "endswith" => Val::Bool(string(a, 0)?.ends_with(&string(a, 1)?)),
        "strcontains" => Val::Bool(string(a, 0)?.contains(&string(a, 1)?)),
        "strrev" => Val::String(string(a, 0)?.chars().rev().collect()),
        "urlencode" => Val::String(
            string(a, 0)?
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect(),
        ),
        // conversions
        "tostring" => match arg(a, 0)? {
            Val::Null => Val::Null,
            v => Val::String(
                v.as_string()
                    .ok_or(EvalError::Invalid("tostring()".into()))?,
            ),
        },
        "tonumber" => match arg(a, 0)? {
            Val::Null => Val::Null,
            v => Val::Number(
                v.as_number()
                    .ok_or(EvalError::Invalid("tonumber()".into()))?,
            ),
        },
        "tobool" => match arg(a, 0)? {
            Val::Null => Val::Null,
            v => Val::Bool(v.as_bool().ok_or(EvalError::Invalid("tobool()".into()))?),
        },
        "jsonencode" => {
            let v = arg(a, 0)?;
            let text = serde_json::to_string(&v.to_json())
                .map_err(|e| EvalError::Invalid(e.to_string()))?;
            // Unknowns inside are written as their `${...}` text: a policy still reads the
            // document's structure (an IAM statement's `Action: "*"` next to an unknown ARN).
            if v.contains_unknown() {
                let mut refs = Vec::new();
                v.collect_refs(&mut refs);
                Val::Unknown(super::value::Unknown {
                    text: Some(text),
                    refs,
                })
            } else {
                Val::String(text)
            }
        }
        "jsondecode" => {
            let s = string(a, 0)?;
            match serde_json::from_str::<serde_json::Value>(&s) {
                Ok(v) => Val::from_json(&v),
                Err(_) => return invalid("jsondecode() of invalid JSON"),
            }
        }
        "base64encode" => Val::String(base64_encode(string(a, 0)?.as_bytes())),
        "base64decode" => {
            match base64_decode(&string(a, 0)?).and_then(|b| String::from_utf8(b).ok()) {
                Some(s) => Val::String(s),
                None => return invalid("base64decode() of invalid input"),
            }
        }
        "regex" => {
            let re = compile(&string(a, 0)?)?;
            let s = string(a, 1)?;
            let Some(caps) = re.captures(&s) else {
                return invalid("regex() found no match");
            };
            regex_result(&re, &caps)
        }
        "regexall" => {
            let re = compile(&string(a, 0)?)?;
            let s = string(a, 1)?;
            Val::List(
                re.captures_iter(&s)
                    .take(10_000)
                    .map(|c| regex_result(&re, &c))
                    .collect(),
            )
        }
        "sensitive" | "nonsensitive" => arg(a, 0)?.clone(),
        // networks
        "cidrsubnet" => Val::String(cidrsubnet(&string(a, 0)?, number(a, 1)?, number(a, 2)?)?),
        "cidrhost" => Val::String(cidrhost(&string(a, 0)?, number(a, 1)?)?),
        "cidrnetmask" => {
            let (addr, len) = parse_cidr(&string(a, 0)?)?;
            if !matches!(addr, IpAddr::V4(_)) {
                return invalid("cidrnetmask() takes IPv4");
            }
            let mask = if len == 0 {
                0u32
            } else {
                u32::MAX << (32 - len)
            };
            Val::String(Ipv4Addr::from(mask).to_string())
        }
        _ => Val::unknown(),
    })
}

/// A pattern compiled with bounded size (patterns come from the scanned files).
fn compile(pattern: &str) -> Result<regex::Regex, EvalError> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .nest_limit(64)
        .build()
        .map_err(|e| EvalError::Invalid(format!("bad regex: {e}")))
}

/// What `regex`/`regexall` return for one match: the match without capture groups, a
/// list of groups when they are unnamed, an object when they are named.
fn regex_result(re: &regex::Regex, caps: &regex::Captures) -> Val {
    let text = |m: Option<regex::Match>| {
        m.map(|m| Val::String(m.as_str().to_string()))
            .unwrap_or(Val::Null)
    };
    if re.captures_len() == 1 {
        return text(caps.get(0));
    }
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    if names.iter().any(Option::is_some) {
        Val::Map(
            names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| n.map(|n| (n.to_string(), text(caps.get(i + 1)))))
                .collect(),
        )
    } else {
        Val::List((1..re.captures_len()).map(|i| text(caps.get(i))).collect())
    }
}

/// Terraform's `format` verbs: `%s %d %f %t %v %q %%`, with width and precision.
fn format_string(spec: &str, args: &[Val]) -> Result<String, EvalError> {
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    let mut next_arg = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut flags = String::new();
        while let Some(&f) = chars.peek() {
            if "-+ #0".contains(f) {
                flags.push(f);
                chars.next();
            } else {
                break;
            }
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        let mut precision: Option<usize> = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(p.parse::<usize>().unwrap_or(0).min(32));
        }
        let width: usize = width.parse::<usize>().unwrap_or(0).min(64);
        let Some(verb) = chars.next() else {
            return invalid("format() ends in %");
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let value = args
            .get(next_arg)
            .ok_or_else(|| EvalError::Invalid("format() has too few arguments".into()))?;
        next_arg += 1;
        let text = match verb {
            's' | 'v' => match value {
                Val::List(_) | Val::Map(_) => serde_json::to_string(&value.to_json())
                    .map_err(|e| EvalError::Invalid(e.to_string()))?,
                Val::Null => "null".into(),
                v => v.as_string().unwrap_or_default(),
            },
            'q' => serde_json::Value::String(value.as_string().unwrap_or_default()).to_string(),
            'd' => match value.as_number() {
                Some(n) => format_number(n.trunc()),
                None => return invalid("%d of a non-number"),
            },
            'f' | 'g' | 'e' => match value.as_number() {
                Some(n) => format!("{n:.*}", precision.unwrap_or(6)),
                None => return invalid("%f of a non-number"),
            },
            't' => match value.as_bool() {
                Some(b) => b.to_string(),
                None => return invalid("%t of a non-bool"),
            },
            'x' => match value.as_number() {
                Some(n) => format!("{:x}", n as i64),
                None => return invalid("%x of a non-number"),
            },
            _ => return invalid("unsupported format verb"),
        };
        let pad = width.saturating_sub(text.chars().count());
        if flags.contains('-') {
            out.push_str(&text);
            out.push_str(&" ".repeat(pad));
        } else if flags.contains('0') && matches!(verb, 'd' | 'f') {
            out.push_str(&"0".repeat(pad));
            out.push_str(&text);
        } else {
            out.push_str(&" ".repeat(pad));
            out.push_str(&text);
        }
    }
    Ok(out)
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut buf = 0u32;
    let mut bits = 0u32;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b'\n' | b'\r' => continue,
            _ => return None,
        };
        buf = (buf << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn parse_cidr(s: &str) -> Result<(IpAddr, u32), EvalError> {
    let (addr, len) = s
        .split_once('/')
        .ok_or_else(|| EvalError::Invalid("not a CIDR prefix".into()))?;
    let addr: IpAddr = addr
        .parse()
        .map_err(|_| EvalError::Invalid("not an IP address".into()))?;
    let len: u32 = len
        .parse()
        .map_err(|_| EvalError::Invalid("bad prefix length".into()))?;
    let bits = if addr.is_ipv4() { 32 } else { 128 };
    if len > bits {
        return invalid("prefix length too long");
    }
    Ok((addr, len))
}

fn to_u128(addr: IpAddr) -> (u128, u32) {
    match addr {
        IpAddr::V4(a) => (u128::from(u32::from(a)), 32),
        IpAddr::V6(a) => (u128::from(a), 128),
    }
}

fn from_u128(n: u128, bits: u32) -> String {
    if bits == 32 {
        Ipv4Addr::from(n as u32).to_string()
    } else {
        Ipv6Addr::from(n).to_string()
    }
}

fn network(n: u128, len: u32, bits: u32) -> u128 {
    if len == 0 {
        0
    } else {
        let host_bits = bits - len;
        let mask = if host_bits >= 128 {
            0
        } else {
            (u128::MAX >> (128 - bits)) & !((1u128 << host_bits) - 1)
        };
        n & mask
    }
}

fn cidrsubnet(prefix: &str, newbits: f64, netnum: f64) -> Result<String, EvalError> {
    let (addr, len) = parse_cidr(prefix)?;
    let (n, bits) = to_u128(addr);
    if newbits < 0.0 || newbits.fract() != 0.0 || netnum < 0.0 || netnum.fract() != 0.0 {
        return invalid("cidrsubnet() arguments");
    }
    let new_len = len + newbits as u32;
    if new_len > bits || newbits > 64.0 {
        return invalid("cidrsubnet() prefix too long");
    }
    let netnum = netnum as u128;
    if newbits < 64.0 && netnum >= (1u128 << newbits as u32) {
        return invalid("cidrsubnet() netnum too large");
    }
    let shift = bits - new_len;
    let shifted = if shift >= 128 { 0 } else { netnum << shift };
    let net = network(n, len, bits) | shifted;
    Ok(format!("{}/{new_len}", from_u128(net, bits)))
}

fn cidrhost(prefix: &str, hostnum: f64) -> Result<String, EvalError> {
    let (addr, len) = parse_cidr(prefix)?;
    let (n, bits) = to_u128(addr);
    let host_bits = bits - len;
    let size: u128 = if host_bits >= 128 {
        u128::MAX
    } else {
        1u128 << host_bits
    };
    if hostnum.fract() != 0.0 || hostnum.abs() > 1e30 {
        return invalid("cidrhost() hostnum");
    }
    let offset = if hostnum < 0.0 {
        let back = (-hostnum) as u128;
        if back > size {
            return invalid("cidrhost() hostnum out of range");
        }
        size - back
    } else {
        let h = hostnum as u128;
        if h >= size {
            return invalid("cidrhost() hostnum out of range");
        }
        h
    };
    Ok(from_u128(network(n, len, bits) | offset, bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Val {
        Val::String(v.into())
    }

    #[test]
    fn cidr_functions_match_terraform_documentation_examples() {
        assert_eq!(
            cidrsubnet("172.16.0.0/12", 4.0, 2.0).unwrap(),
            "172.18.0.0/16"
        );
        assert_eq!(
            cidrsubnet("10.1.2.0/24", 4.0, 15.0).unwrap(),
            "10.1.2.240/28"
        );
        assert_eq!(
            cidrsubnet("fd00:fd12:3456:7890::/56", 16.0, 162.0).unwrap(),
            "fd00:fd12:3456:7800:a200::/72"
        );
        assert_eq!(cidrhost("10.12.112.0/20", 16.0).unwrap(), "10.12.112.16");
        assert_eq!(cidrhost("10.12.112.0/20", 268.0).unwrap(), "10.12.113.12");
        assert_eq!(cidrhost("10.12.112.0/20", -1.0).unwrap(), "10.12.127.255");
        assert!(cidrsubnet("10.0.0.0/30", 4.0, 1.0).is_err());
        assert!(cidrsubnet("10.0.0.0/16", 2.0, 4.0).is_err());
    }

    #[test]
    fn format_handles_verbs_and_bounds_width() {
        assert_eq!(
            format_string(
                "%s-%03d %t %q %%",
                &[s("a"), Val::Number(7.0), Val::Bool(true), s("x")]
            )
            .unwrap(),
            "a-007 true \"x\" %"
        );
        assert_eq!(
            format_string("%.2f", &[Val::Number(1.23456)]).unwrap(),
            "1.23"
        );
        assert_eq!(format_string("%999999999s", &[s("a")]).unwrap().len(), 64);
        assert!(format_string("%s %s", &[s("a")]).is_err());
    }

    #[test]
    fn unknown_arguments_make_unknown_results() {
        let u = Val::unknown_with_refs(vec!["aws_s3_bucket.b".into()]);
        assert!(
            call("upper", vec![u.clone()], 1 << 20)
                .unwrap()
                .is_unknown()
        );
        assert!(
            call("join", vec![s(","), Val::List(vec![u.clone()])], 1 << 20)
                .unwrap()
                .is_unknown()
        );
        // length only counts elements
        assert_eq!(
            call("length", vec![Val::List(vec![u.clone(), s("x")])], 1 << 20).unwrap(),
            Val::Number(2.0)
        );
        let Val::Unknown(j) = call(
            "jsonencode",
            vec![Val::Map(
                BTreeMap::from([("Action".into(), s("*"))])
                    .into_iter()
                    .chain([("Resource".to_string(), u)])
                    .collect(),
            )],
            1 << 20,
        )
        .unwrap() else {
            panic!()
        };
        assert_eq!(j.refs, vec!["aws_s3_bucket.b".to_string()]);
        assert!(j.text.unwrap().contains("\"Action\":\"*\""));
    }

    #[test]
    fn collection_functions() {
        let l = Val::List(vec![s("b"), s("a"), s("b")]);
        assert_eq!(
            call("toset", vec![l.clone()], 1 << 20).unwrap(),
            Val::List(vec![s("a"), s("b")])
        );
        assert_eq!(
            call("distinct", vec![l.clone()], 1 << 20).unwrap(),
            Val::List(vec![s("b"), s("a")])
        );
        assert_eq!(
            call("element", vec![l.clone(), Val::Number(4.0)], 1 << 20).unwrap(),
            s("a")
        );
        assert_eq!(
            call(
                "flatten",
                vec![Val::List(vec![
                    Val::List(vec![s("x")]),
                    s("y"),
                    Val::List(vec![])
                ])],
                1 << 20
            )
            .unwrap(),
            Val::List(vec![s("x"), s("y")])
        );
        assert!(call("range", vec![Val::Number(1e12)], 1 << 20).is_err());
        assert!(
            call("no_such_function", vec![], 1 << 20)
                .unwrap()
                .is_unknown()
        );
    }
}
