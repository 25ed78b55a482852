//! Values of the static evaluator: Terraform's value types plus "unknown".

use std::collections::BTreeMap;

/// A Terraform value as far as it is known without a plan. Maps and objects are one
/// variant (sorted keys, as `terraform show -json` writes them); sets are lists after
/// `toset` sorted and deduplicated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    List(Vec<Val>),
    Map(BTreeMap<String, Val>),
    Unknown(Unknown),
}

/// A value only known at apply time (a resource attribute, a variable without a value).
/// `text` is what the document shows for it; `refs` are the resource addresses it was
/// derived from, so references survive through locals, module inputs and outputs.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Unknown {
    /// The rendered string, `${...}` included; `None` until the expression that produced
    /// it names it (the evaluator fills it in from the expression's source text).
    pub text: Option<String>,
    pub refs: Vec<String>,
}

impl Val {
    pub fn unknown() -> Val {
        Val::Unknown(Unknown::default())
    }

    pub fn unknown_with_refs(refs: Vec<String>) -> Val {
        Val::Unknown(Unknown { text: None, refs })
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Val::Unknown(_))
    }

    /// True when the value or anything inside it is unknown.
    pub fn contains_unknown(&self) -> bool {
        match self {
            Val::Unknown(_) => true,
            Val::List(items) => items.iter().any(Val::contains_unknown),
            Val::Map(m) => m.values().any(Val::contains_unknown),
            _ => false,
        }
    }

    /// Every resource address this value was derived from.
    pub fn collect_refs(&self, out: &mut Vec<String>) {
        match self {
            Val::Unknown(u) => out.extend(u.refs.iter().cloned()),
            Val::List(items) => items.iter().for_each(|v| v.collect_refs(out)),
            Val::Map(m) => m.values().for_each(|v| v.collect_refs(out)),
            _ => {}
        }
    }

    /// Number of nodes, the unit the evaluator's work budget is charged in.
    pub fn weight(&self) -> u64 {
        match self {
            Val::String(s) => 1 + (s.len() as u64) / 16,
            Val::List(items) => 1 + items.iter().map(Val::weight).sum::<u64>(),
            Val::Map(m) => {
                1 + m
                    .iter()
                    .map(|(k, v)| 1 + (k.len() as u64) / 16 + v.weight())
                    .sum::<u64>()
            }
            _ => 1,
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Val::Null => serde_json::Value::Null,
            Val::Bool(b) => serde_json::Value::Bool(*b),
            Val::Number(n) => number_to_json(*n),
            Val::String(s) => serde_json::Value::String(s.clone()),
            Val::List(items) => serde_json::Value::Array(items.iter().map(Val::to_json).collect()),
            Val::Map(m) => {
                serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
            }
            Val::Unknown(u) => {
                serde_json::Value::String(u.text.clone().unwrap_or_else(|| "${unknown}".into()))
            }
        }
    }

    pub fn from_json(v: &serde_json::Value) -> Val {
        match v {
            serde_json::Value::Null => Val::Null,
            serde_json::Value::Bool(b) => Val::Bool(*b),
            serde_json::Value::Number(n) => Val::Number(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Val::String(s.clone()),
            serde_json::Value::Array(a) => Val::List(a.iter().map(Val::from_json).collect()),
            serde_json::Value::Object(o) => Val::Map(
                o.iter()
                    .map(|(k, v)| (k.clone(), Val::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Terraform's automatic conversion to string (numbers, bools and strings only).
    pub fn as_string(&self) -> Option<String> {
        match self {
            Val::String(s) => Some(s.clone()),
            Val::Number(n) => Some(format_number(*n)),
            Val::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            Val::Number(n) => Some(*n),
            Val::String(s) => s.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::String(s) if s == "true" => Some(true),
            Val::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }
}

/// Integers print without a fraction, as Terraform prints them.
pub(crate) fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

pub(crate) fn number_to_json(n: f64) -> serde_json::Value {
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        serde_json::Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)
    }
}
