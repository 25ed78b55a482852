//! Constant folding of expressions: ints (checked), floats, strings, bools, `None`. Used to
//! resolve branches whose condition is constant (taint) and by `metavariable-comparison`.

use crate::ast::{Ast, NodeId};
use crate::lang::Cat;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i128),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
}

impl Value {
    pub fn truthy(&self) -> bool {
        match self {
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bool(b) => *b,
            Value::None => false,
        }
    }

    fn num(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            _ => None,
        }
    }

    fn int(&self) -> Option<i128> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(i128::from(*b)),
            _ => None,
        }
    }

    /// Parses the text of a literal (what a metavariable bound to a literal holds).
    pub fn from_literal(text: &str) -> Option<Value> {
        let t = text.trim();
        if let Some(i) = parse_int(t) {
            return Some(Value::Int(i));
        }
        if let Ok(f) = t.replace('_', "").parse::<f64>() {
            return Some(Value::Float(f));
        }
        match t {
            "True" => return Some(Value::Bool(true)),
            "False" => return Some(Value::Bool(false)),
            "None" => return Some(Value::None),
            _ => {}
        }
        for q in ["\"\"\"", "'''", "\"", "'"] {
            if let Some(inner) = t.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
                return Some(Value::Str(inner.to_string()));
            }
        }
        None
    }
}

fn parse_int(t: &str) -> Option<i128> {
    let t = t.replace('_', "");
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        return i128::from_str_radix(h, 16).ok();
    }
    if let Some(o) = lower.strip_prefix("0o") {
        return i128::from_str_radix(o, 8).ok();
    }
    if let Some(b) = lower.strip_prefix("0b") {
        return i128::from_str_radix(b, 2).ok();
    }
    t.parse::<i128>().ok()
}

const MAX_DEPTH: u32 = 64;

/// Evaluates `id` of `ast`; `lookup` resolves names (constants, metavariables).
pub fn eval(ast: &Ast, id: NodeId, lookup: &dyn Fn(&str) -> Option<Value>) -> Option<Value> {
    ev(ast, id, lookup, 0)
}

fn ev(ast: &Ast, id: NodeId, lookup: &dyn Fn(&str) -> Option<Value>, depth: u32) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    let d = depth + 1;
    let kids = ast.named_vec(id);
    match ast.cat(id) {
        Cat::Integer | Cat::Float | Cat::True | Cat::False | Cat::None => {
            Value::from_literal(ast.text(id))
        }
        Cat::String => {
            if ast
                .children(id)
                .iter()
                .any(|c| ast.cat(*c) == Cat::Interpolation)
            {
                return None;
            }
            let text = ast.text(id);
            let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            Value::from_literal(body)
        }
        Cat::ConcatString => {
            let mut s = String::new();
            for k in kids {
                match ev(ast, k, lookup, d)? {
                    Value::Str(x) => s.push_str(&x),
                    _ => return None,
                }
            }
            Some(Value::Str(s))
        }
        Cat::Identifier => lookup(ast.text(id)),
        Cat::Paren => ev(ast, *kids.first()?, lookup, d),
        Cat::Not => Some(Value::Bool(!ev(ast, *kids.first()?, lookup, d)?.truthy())),
        Cat::Unary => {
            let v = ev(ast, *kids.first()?, lookup, d)?;
            let op = ast.text(id).trim_start().chars().next()?;
            match (op, v) {
                ('-', Value::Int(i)) => Some(Value::Int(i.checked_neg()?)),
                ('-', Value::Float(f)) => Some(Value::Float(-f)),
                ('+', v @ (Value::Int(_) | Value::Float(_))) => Some(v),
                ('~', Value::Int(i)) => Some(Value::Int(!i)),
                _ => None,
            }
        }
        Cat::BoolOp => {
            let [l, r] = kids.as_slice() else { return None };
            let op = operator(ast, id)?;
            let lv = ev(ast, *l, lookup, d)?;
            match op.as_str() {
                "and" => {
                    if !lv.truthy() {
                        Some(lv)
                    } else {
                        ev(ast, *r, lookup, d)
                    }
                }
                "or" => {
                    if lv.truthy() {
                        Some(lv)
                    } else {
                        ev(ast, *r, lookup, d)
                    }
                }
                _ => None,
            }
        }
        Cat::BinaryOp => {
            let [l, r] = kids.as_slice() else { return None };
            let op = operator(ast, id)?;
            binop(&op, ev(ast, *l, lookup, d)?, ev(ast, *r, lookup, d)?)
        }
        Cat::Compare => {
            // a < b <= c: operators are the anonymous children between operands.
            let ops: Vec<String> = ast
                .children(id)
                .iter()
                .filter(|c| !ast.node(**c).named)
                .map(|c| ast.text(*c).to_string())
                .collect();
            let ops = merge_ops(ops);
            if ops.len() + 1 != kids.len() {
                return None;
            }
            let mut prev = ev(ast, *kids.first()?, lookup, d)?;
            for (op, k) in ops.iter().zip(kids.iter().skip(1)) {
                let next = ev(ast, *k, lookup, d)?;
                if !compare(op, &prev, &next)? {
                    return Some(Value::Bool(false));
                }
                prev = next;
            }
            Some(Value::Bool(true))
        }
        Cat::CondExpr => {
            let [a, c, b] = kids.as_slice() else {
                return None;
            };
            if ev(ast, *c, lookup, d)?.truthy() {
                ev(ast, *a, lookup, d)
            } else {
                ev(ast, *b, lookup, d)
            }
        }
        Cat::Call => {
            // int(x), str(x), len(x), float(x), bool(x)
            let f = *kids.first()?;
            let args = ast.named_vec(*kids.get(1)?);
            let [arg] = args.as_slice() else { return None };
            let v = ev(ast, *arg, lookup, d)?;
            match ast.text(f) {
                "int" => match v {
                    Value::Int(i) => Some(Value::Int(i)),
                    Value::Float(x) if x.is_finite() && x.abs() < 1e30 => {
                        Some(Value::Int(x.trunc() as i128))
                    }
                    Value::Str(s) => parse_int(s.trim()).map(Value::Int),
                    Value::Bool(b) => Some(Value::Int(i128::from(b))),
                    Value::None | Value::Float(_) => None,
                },
                "float" => match v {
                    Value::Str(s) => s.trim().parse().ok().map(Value::Float),
                    other => other.num().map(Value::Float),
                },
                "str" => Some(Value::Str(match v {
                    Value::Int(i) => i.to_string(),
                    Value::Float(x) => x.to_string(),
                    Value::Str(s) => s,
                    Value::Bool(b) => {
                        if b {
                            "True".into()
                        } else {
                            "False".into()
                        }
                    }
                    Value::None => "None".into(),
                })),
                "len" => match v {
                    Value::Str(s) => Some(Value::Int(s.chars().count() as i128)),
                    _ => None,
                },
                "bool" => Some(Value::Bool(v.truthy())),
                _ => None,
            }
        }
        _ => None,
    }
}

fn merge_ops(raw: Vec<String>) -> Vec<String> {
    // `not in` and `is not` arrive as two tokens.
    let mut out: Vec<String> = Vec::new();
    for t in raw {
        match (out.last().map(String::as_str), t.as_str()) {
            (Some("not"), "in") => {
                if let Some(l) = out.last_mut() {
                    *l = "not in".into();
                }
            }
            (Some("is"), "not") => {
                if let Some(l) = out.last_mut() {
                    *l = "is not".into();
                }
            }
            _ => out.push(t),
        }
    }
    out
}

fn operator(ast: &Ast, id: NodeId) -> Option<String> {
    ast.children(id)
        .iter()
        .find(|c| !ast.node(**c).named)
        .map(|c| ast.text(*c).to_string())
}

fn binop(op: &str, l: Value, r: Value) -> Option<Value> {
    if let (Value::Str(a), Value::Str(b)) = (&l, &r) {
        return (op == "+").then(|| Value::Str(format!("{a}{b}")));
    }
    if let (Value::Str(a), Some(n)) = (&l, r.int()) {
        if op == "*" && (0..=4096).contains(&n) && a.len().saturating_mul(n as usize) <= 1 << 16 {
            return Some(Value::Str(a.repeat(n as usize)));
        }
        return None;
    }
    if let (Some(a), Some(b)) = (l.int(), r.int()) {
        return Some(Value::Int(match op {
            "+" => a.checked_add(b)?,
            "-" => a.checked_sub(b)?,
            "*" => a.checked_mul(b)?,
            "//" => a.checked_div_euclid(b)?,
            "%" => a.checked_rem_euclid(b)?,
            "**" => a.checked_pow(u32::try_from(b).ok().filter(|e| *e <= 256)?)?,
            "<<" => a.checked_shl(u32::try_from(b).ok().filter(|e| *e < 127)?)?,
            ">>" => a.checked_shr(u32::try_from(b).ok().filter(|e| *e < 127)?)?,
            "&" => a & b,
            "|" => a | b,
            "^" => a ^ b,
            "/" => return (b != 0).then(|| Value::Float(a as f64 / b as f64)),
            _ => return None,
        }));
    }
    let (a, b) = (l.num()?, r.num()?);
    Some(Value::Float(match op {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" if b != 0.0 => a / b,
        _ => return None,
    }))
}

fn compare(op: &str, a: &Value, b: &Value) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::None, Value::None) => Some(Ordering::Equal),
        _ => match (a.num(), b.num()) {
            (Some(x), Some(y)) => x.partial_cmp(&y),
            _ => None,
        },
    };
    Some(match op {
        "==" | "is" => ord == Some(Ordering::Equal),
        "!=" | "is not" => ord != Some(Ordering::Equal),
        "<" => ord? == Ordering::Less,
        "<=" => ord? != Ordering::Greater,
        ">" => ord? == Ordering::Greater,
        ">=" => ord? != Ordering::Less,
        "in" | "not in" => {
            let (Value::Str(x), Value::Str(y)) = (a, b) else {
                return None;
            };
            (op == "in") == y.contains(x.as_str())
        }
        _ => return None,
    })
}
