//! Semgrep pattern snippets, parsed with the target language's own grammar.
//!
//! Metavariables and Semgrep operators are not valid Python, so the snippet is rewritten first
//! (outside string literals): `$X` → `_rpmv_X`, `$...X` → `_rpme_X`, `<... E ...>` →
//! `_rpdeep_(E)`, and `...` in a `def` parameter list → `_rpdots_`. The rewritten snippet is
//! parsed as a module; one expression statement becomes an expression pattern, anything else a
//! statement-sequence pattern. Each pattern node is then classified ([`PKind`]).

use crate::ast::{self, Ast, NodeId};
use crate::lang::{Cat, Language};

pub const MV_PREFIX: &str = "_rpmv_";
pub const MVE_PREFIX: &str = "_rpme_";
pub const DEEP_FN: &str = "_rpdeep_";
pub const DOTS: &str = "_rpdots_";

/// What a pattern node stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PKind {
    Plain,
    /// `$X`: any one expression (bound, unified on reuse; `$_` is anonymous).
    Metavar(String),
    /// `$...X`: any sequence (bound to its span).
    EllipsisMetavar(String),
    /// `...`
    Ellipsis,
    /// `<... E ...>`: the node or any descendant matches the inner pattern (child id).
    Deep(NodeId),
    /// `"..."`: any string.
    StrAny,
    /// `"$X"`: any string, bound.
    StrMetavar(String),
    /// `"=~/re/"`: a string whose value matches.
    StrRegex(String),
    /// A string without interpolation: compared by value.
    StrLit(String),
}

#[derive(Debug)]
pub enum Root {
    Expr(NodeId),
    Stmts(Vec<NodeId>),
}

#[derive(Debug)]
pub struct Pattern {
    pub source: String,
    pub ast: Ast,
    pub kinds: Vec<PKind>,
    pub root: Root,
    /// Identifiers and string values that any match must contain (for the prefilter).
    pub literals: Vec<String>,
    /// Dotted names made of plain identifiers, keyed by node id, for import-aware matching.
    pub dotted: Vec<Option<String>>,
    /// Compiled `"=~/re/"` string patterns, by node id.
    pub regexes: std::collections::HashMap<NodeId, regex::Regex>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(pub String);

/// Rewrites Semgrep syntax into parseable Python.
pub fn preprocess(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len() + 16);
    let mut i = 0;
    let mut quote: Option<(u8, bool)> = None; // (quote char, triple)
    let mut def_paren_depth: Option<i32> = None;
    let mut fstring = false;
    // Open brackets, to tell a `...` inside a dict literal.
    let mut brackets: Vec<u8> = Vec::new();
    while i < b.len() {
        let c = b[i];
        if let Some((q, triple)) = quote {
            if fstring && c == b'$' {
                let name_len = ident_len(b.get(i + 1..).unwrap_or(&[]));
                if name_len > 0 {
                    out.push_str(MV_PREFIX);
                    push_bytes(&mut out, src, i + 1, i + 1 + name_len);
                    i += 1 + name_len;
                    continue;
                }
            }
            if c == b'\\' {
                let next = src
                    .get(i + 1..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8);
                push_bytes(&mut out, src, i, i + 1 + next);
                i += 1 + next;
                continue;
            }
            if c == q {
                if !triple {
                    quote = None;
                } else if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    out.push_str(std::str::from_utf8(&[q, q, q]).unwrap_or("\"\"\""));
                    i += 3;
                    quote = None;
                    continue;
                }
            }
            let ch_len = src
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            push_bytes(&mut out, src, i, i + ch_len);
            i += ch_len;
            continue;
        }
        match c {
            b'#' => {
                // A comment: copy to end of line untouched.
                let end = src[i..].find('\n').map_or(b.len(), |p| i + p);
                push_bytes(&mut out, src, i, end);
                i = end;
            }
            b'"' | b'\'' => {
                let prefix: String = out
                    .chars()
                    .rev()
                    .take_while(|ch| ch.is_ascii_alphabetic())
                    .collect::<String>()
                    .to_ascii_lowercase();
                fstring = prefix.contains('f');
                let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                quote = Some((c, triple));
                let n = if triple { 3 } else { 1 };
                push_bytes(&mut out, src, i, i + n);
                i += n;
            }
            b'$' => {
                if src[i..].starts_with("$...") {
                    let name_len = ident_len(&b[i + 4..]);
                    if name_len > 0 {
                        out.push_str(MVE_PREFIX);
                        push_bytes(&mut out, src, i + 4, i + 4 + name_len);
                        i += 4 + name_len;
                        continue;
                    }
                }
                let name_len = ident_len(&b[i + 1..]);
                if name_len > 0 {
                    out.push_str(MV_PREFIX);
                    push_bytes(&mut out, src, i + 1, i + 1 + name_len);
                    i += 1 + name_len;
                } else {
                    out.push('$');
                    i += 1;
                }
            }
            b'<' if src[i..].starts_with("<...") => {
                out.push_str(DEEP_FN);
                out.push('(');
                i += 4;
            }
            b'.' if src[i..].starts_with("...>") => {
                out.push(')');
                i += 4;
            }
            b'.' if src[i..].starts_with("...") && def_paren_depth == Some(1) => {
                out.push_str(DOTS);
                i += 3;
            }
            b'.' if src[i..].starts_with("...") && brackets.last() == Some(&b'{') => {
                // `{..., "k": v}` is not Python; a dict splat is, and matches like `...`.
                out.push_str("**");
                out.push_str(DOTS);
                i += 3;
            }
            b'{' | b'[' => {
                brackets.push(c);
                out.push(c as char);
                i += 1;
            }
            b'}' | b']' => {
                brackets.pop();
                out.push(c as char);
                i += 1;
            }
            b'(' => {
                brackets.push(b'(');
                if let Some(d) = def_paren_depth.as_mut() {
                    *d += 1;
                } else if last_word_is_def_name(&out) {
                    def_paren_depth = Some(1);
                }
                out.push('(');
                i += 1;
            }
            b')' => {
                brackets.pop();
                if let Some(d) = def_paren_depth.as_mut() {
                    *d -= 1;
                    if *d <= 0 {
                        def_paren_depth = None;
                    }
                }
                out.push(')');
                i += 1;
            }
            _ => {
                let ch_len = src
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                push_bytes(&mut out, src, i, i + ch_len);
                i += ch_len;
            }
        }
    }
    out
}

fn push_bytes(out: &mut String, src: &str, from: usize, to: usize) {
    if let Some(s) = src.get(from..to.min(src.len())) {
        out.push_str(s);
    } else {
        // Not on a char boundary (escape before a multi-byte char): copy the whole char.
        let mut t = to.min(src.len());
        while t < src.len() && !src.is_char_boundary(t) {
            t += 1;
        }
        let mut f = from;
        while f > 0 && !src.is_char_boundary(f) {
            f -= 1;
        }
        out.push_str(src.get(f..t).unwrap_or(""));
    }
}

fn ident_len(b: &[u8]) -> usize {
    let mut n = 0;
    for (k, c) in b.iter().enumerate() {
        let ok = c.is_ascii_uppercase() || *c == b'_' || (k > 0 && c.is_ascii_digit());
        if !ok {
            break;
        }
        n = k + 1;
    }
    n
}

/// `def name` (possibly with a rewritten metavariable) right before the cursor.
fn last_word_is_def_name(out: &str) -> bool {
    let t = out.trim_end();
    let name_start = t
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |p| p + 1);
    let before = t[..name_start].trim_end();
    name_start < t.len()
        && (before.ends_with("def") || before.ends_with("def "))
        && before.rsplit(|c: char| c.is_whitespace()).next() == Some("def")
}

impl Pattern {
    pub fn parse(lang: &dyn Language, source: &str) -> Result<Pattern, PatternError> {
        let text = preprocess(source.trim());
        let ast =
            ast::parse(lang, &text).ok_or_else(|| PatternError("parser unavailable".into()))?;
        if ast.has_error {
            return Err(PatternError(format!(
                "pattern is not valid {} (after metavariable rewriting): {:?}",
                lang.name(),
                source.trim()
            )));
        }
        let stmts: Vec<NodeId> = ast.named_vec(0);
        let root = match stmts.as_slice() {
            [] => return Err(PatternError("empty pattern".into())),
            [one] if ast.cat(*one) == Cat::ExprStmt && ast.named_vec(*one).len() == 1 => {
                let e = ast.named_vec(*one)[0];
                Root::Expr(e)
            }
            [one] => Root::Expr(*one),
            many => Root::Stmts(many.to_vec()),
        };
        let mut kinds = vec![PKind::Plain; ast.len()];
        let mut literals = Vec::new();
        for id in 0..ast.len() as NodeId {
            let k = classify(lang, &ast, id);
            match ast.cat(id) {
                Cat::Identifier if k == PKind::Plain => {
                    let t = ast.text(id);
                    if t != DEEP_FN && t != DOTS {
                        literals.push(t.to_string());
                    }
                }
                Cat::String => {
                    if let PKind::StrLit(v) = &k
                        && v.len() >= 3
                        && !v.contains('\\')
                    {
                        literals.push(v.clone());
                    }
                }
                _ => {}
            }
            kinds[id as usize] = k;
        }
        // String children of classified strings are not matched on their own.
        literals.sort();
        literals.dedup();
        let mut dotted = vec![None; ast.len()];
        for (id, slot) in dotted.iter_mut().enumerate() {
            *slot = dotted_name(&ast, &kinds, id as NodeId);
        }
        let mut regexes = std::collections::HashMap::new();
        for (id, k) in kinds.iter().enumerate() {
            if let PKind::StrRegex(r) = k {
                let re = regex::RegexBuilder::new(r)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|e| PatternError(format!("string regex `{r}`: {e}")))?;
                regexes.insert(id as NodeId, re);
            }
        }
        Ok(Pattern {
            source: source.to_string(),
            ast,
            kinds,
            root,
            literals,
            dotted,
            regexes,
        })
    }

    pub fn kind(&self, id: NodeId) -> &PKind {
        self.kinds.get(id as usize).unwrap_or(&PKind::Plain)
    }
}

fn classify(lang: &dyn Language, ast: &Ast, id: NodeId) -> PKind {
    let text = ast.text(id);
    match ast.cat(id) {
        Cat::Identifier => {
            if let Some(name) = text.strip_prefix(MV_PREFIX) {
                PKind::Metavar(format!("${name}"))
            } else if let Some(name) = text.strip_prefix(MVE_PREFIX) {
                PKind::EllipsisMetavar(format!("$...{name}"))
            } else if text == DOTS {
                PKind::Ellipsis
            } else {
                PKind::Plain
            }
        }
        Cat::Ellipsis => PKind::Ellipsis,
        Cat::Other if text == format!("**{DOTS}") => PKind::Ellipsis,
        Cat::Call => {
            let f = ast.field(id, lang.field("function"));
            if f.is_some_and(|f| ast.text(f) == DEEP_FN)
                && let Some(args) = ast.field(id, lang.field("arguments"))
                && let Some(inner) = ast.named_children(args).next()
            {
                return PKind::Deep(inner);
            }
            PKind::Plain
        }
        Cat::String => {
            let kids: Vec<(u16, u32, u32)> = ast
                .children(id)
                .iter()
                .map(|c| (ast.node(*c).kind, ast.node(*c).start, ast.node(*c).end))
                .collect();
            let has_interp = ast
                .children(id)
                .iter()
                .any(|c| ast.cat(*c) == Cat::Interpolation);
            if has_interp {
                return PKind::Plain;
            }
            let (s, e) = lang.string_content(ast.node(id).start, ast.node(id).end, &kids);
            let v = ast.slice(s, e);
            if v == "..." {
                PKind::StrAny
            } else if let Some(re) = v.strip_prefix("=~/").and_then(|r| r.strip_suffix('/')) {
                PKind::StrRegex(re.to_string())
            } else if v.starts_with('$')
                && v.len() > 1
                && ident_len(&v.as_bytes()[1..]) == v.len() - 1
            {
                PKind::StrMetavar(v.to_string())
            } else {
                PKind::StrLit(v.to_string())
            }
        }
        _ => PKind::Plain,
    }
}

/// `a.b.c` when every part is a plain identifier.
fn dotted_name(ast: &Ast, kinds: &[PKind], id: NodeId) -> Option<String> {
    let plain = |i: NodeId| kinds.get(i as usize) == Some(&PKind::Plain);
    match ast.cat(id) {
        Cat::Identifier if plain(id) => Some(ast.text(id).to_string()),
        Cat::Attribute => {
            let kids = ast.named_vec(id);
            let [obj, attr] = kids.as_slice() else {
                return None;
            };
            if !plain(*attr) {
                return None;
            }
            let left = dotted_name(ast, kinds, *obj)?;
            Some(format!("{left}.{}", ast.text(*attr)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_operators_outside_strings() {
        assert_eq!(preprocess("foo($X, $...ARGS)"), "foo(_rpmv_X, _rpme_ARGS)");
        assert_eq!(
            preprocess("\"$X\" + <... $Y ...>"),
            "\"$X\" + _rpdeep_( _rpmv_Y )"
        );
        assert_eq!(
            preprocess("def $F(...):\n  ..."),
            "def _rpmv_F(_rpdots_):\n  ..."
        );
        assert_eq!(preprocess("f(...)"), "f(...)");
    }

    #[test]
    fn parses_expression_and_statement_patterns() {
        let py = crate::lang::python();
        let p = Pattern::parse(py, "subprocess.call($CMD, shell=True)").unwrap();
        assert!(matches!(p.root, Root::Expr(_)));
        assert!(p.literals.contains(&"subprocess".to_string()));
        assert!(p.literals.contains(&"shell".to_string()));
        let s = Pattern::parse(py, "$X = open(...)\n...\n$X.close()").unwrap();
        assert!(matches!(s.root, Root::Stmts(ref v) if v.len() == 3));
        assert!(Pattern::parse(py, "if $X <").is_err());
    }
}
