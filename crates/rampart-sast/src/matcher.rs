//! Structural matching of a [`Pattern`] against a parsed target file.
//!
//! Matching returns every way the pattern fits (each an environment of metavariable bindings),
//! capped to keep pathological patterns bounded. Metavariables unify on reuse by comparing the
//! bound source text with whitespace removed.

use std::collections::HashMap;

use crate::ast::{Ast, NodeId};
use crate::lang::{Cat, Language};
use crate::pattern::{PKind, Pattern, Root};

/// Upper bound on alternative environments kept per match attempt.
const MAX_ENVS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Binding {
    pub start: u32,
    pub end: u32,
    /// The bound node; `None` for sequences (`$...X`) and regex captures.
    pub node: Option<NodeId>,
}

pub type Env = Vec<(String, Binding)>;

/// One match: a byte range of the target and the bindings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    pub start: u32,
    pub end: u32,
    pub env: Env,
}

/// Field ids used by the matcher, looked up once per language.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub function: u16,
    pub arguments: u16,
    pub object: u16,
    pub attribute: u16,
    pub name: u16,
    pub value: u16,
    pub left: u16,
    pub right: u16,
    pub body: u16,
    pub condition: u16,
    pub consequence: u16,
    pub alternative: u16,
    pub parameters: u16,
    pub module_name: u16,
    pub alias: u16,
    pub return_type: u16,
    pub type_: u16,
    pub subscript: u16,
    pub definition: u16,
}

impl Fields {
    pub fn of(lang: &dyn Language) -> Self {
        Fields {
            function: lang.field("function"),
            arguments: lang.field("arguments"),
            object: lang.field("object"),
            attribute: lang.field("attribute"),
            name: lang.field("name"),
            value: lang.field("value"),
            left: lang.field("left"),
            right: lang.field("right"),
            body: lang.field("body"),
            condition: lang.field("condition"),
            consequence: lang.field("consequence"),
            alternative: lang.field("alternative"),
            parameters: lang.field("parameters"),
            module_name: lang.field("module_name"),
            alias: lang.field("alias"),
            return_type: lang.field("return_type"),
            type_: lang.field("type"),
            subscript: lang.field("subscript"),
            definition: lang.field("definition"),
        }
    }
}

/// A parsed target file with the indexes matching needs.
pub struct Target<'a> {
    pub ast: &'a Ast,
    pub lang: &'a dyn Language,
    pub f: Fields,
    /// Local name → fully qualified dotted name, from the file's imports.
    pub imports: HashMap<String, String>,
    /// Local name → dotted name for following calls into other modules of the project:
    /// [`Target::imports`] plus relative imports (leading dots kept) and plain `import a.b`
    /// (`a` → `a`).
    pub module_imports: HashMap<String, String>,
    /// Names bound exactly once in the file, to a plain string literal: Semgrep's constant
    /// propagation lets `eval("...")` match `eval(data)` after `data = "None"`.
    pub const_strings: HashMap<String, NodeId>,
    by_kind: Vec<Vec<NodeId>>,
    named: Vec<NodeId>,
}

impl<'a> Target<'a> {
    pub fn new(lang: &'a dyn Language, ast: &'a Ast) -> Self {
        let f = Fields::of(lang);
        let mut by_kind: Vec<Vec<NodeId>> = Vec::new();
        let mut named = Vec::new();
        for (id, n) in ast.nodes.iter().enumerate() {
            if !n.named {
                continue;
            }
            let k = usize::from(n.kind);
            if by_kind.len() <= k {
                by_kind.resize_with(k + 1, Vec::new);
            }
            if let Some(v) = by_kind.get_mut(k) {
                v.push(id as NodeId);
            }
            named.push(id as NodeId);
        }
        let mut t = Target {
            ast,
            lang,
            f,
            imports: HashMap::new(),
            module_imports: HashMap::new(),
            const_strings: HashMap::new(),
            by_kind,
            named,
        };
        t.imports = t.collect_imports();
        t.module_imports = t.collect_module_imports();
        t.const_strings = t.collect_const_strings();
        t
    }

    fn collect_imports(&self) -> HashMap<String, String> {
        let a = self.ast;
        let mut map = HashMap::new();
        for (id, n) in a.nodes.iter().enumerate() {
            let id = id as NodeId;
            match n.cat {
                Cat::Import => {
                    for c in a.fields(id, self.f.name) {
                        if let Some((full, Some(alias))) = self.aliased(c) {
                            map.insert(alias, full);
                        }
                    }
                }
                Cat::ImportFrom => {
                    let Some(m) = a.field(id, self.f.module_name) else {
                        continue;
                    };
                    let module = a.text(m);
                    if module.starts_with('.') {
                        continue;
                    }
                    for c in a.fields(id, self.f.name) {
                        if let Some((name, alias)) = self.aliased(c) {
                            let local = alias.unwrap_or_else(|| name.clone());
                            map.insert(local, format!("{module}.{name}"));
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    fn collect_module_imports(&self) -> HashMap<String, String> {
        let a = self.ast;
        let mut map = self.imports.clone();
        for (id, n) in a.nodes.iter().enumerate() {
            let id = id as NodeId;
            match n.cat {
                Cat::Import => {
                    for c in a.fields(id, self.f.name) {
                        if let Some((full, None)) = self.aliased(c) {
                            let first = full.split('.').next().unwrap_or("").to_string();
                            map.insert(first.clone(), first);
                        }
                    }
                }
                Cat::ImportFrom => {
                    let Some(m) = a.field(id, self.f.module_name) else {
                        continue;
                    };
                    let module = strip_ws(a.text(m));
                    if !module.starts_with('.') {
                        continue;
                    }
                    for c in a.fields(id, self.f.name) {
                        if let Some((name, alias)) = self.aliased(c) {
                            let local = alias.unwrap_or_else(|| name.clone());
                            let full = if module.chars().all(|c| c == '.') {
                                format!("{module}{name}")
                            } else {
                                format!("{module}.{name}")
                            };
                            map.insert(local, full);
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    fn collect_const_strings(&self) -> HashMap<String, NodeId> {
        let a = self.ast;
        // Every identifier in a binding position counts as a definition.
        let mut defs: HashMap<&str, (u32, Option<NodeId>)> = HashMap::new();
        let mut define = |name: &'a str, value: Option<NodeId>| {
            let e = defs.entry(name).or_insert((0, None));
            e.0 += 1;
            e.1 = value;
        };
        for (id, n) in a.nodes.iter().enumerate() {
            let id = id as NodeId;
            let (target, value) = match n.cat {
                Cat::Assign => (a.field(id, self.f.left), a.field(id, self.f.right)),
                Cat::AugAssign | Cat::For => (a.field(id, self.f.left), None),
                Cat::Parameters => (Some(id), None),
                Cat::Other if self.lang.is_decorated_param(n.kind) => (Some(id), None),
                _ => {
                    // `with x as name`, `except E as name`, walrus, imports, global/nonlocal:
                    // any other identifier-holding binding makes the name non-constant.
                    if n.cat == Cat::Identifier && n.parent != NodeId::MAX {
                        let p = a.node(n.parent);
                        let ptext = a.text(n.parent);
                        let binding = matches!(p.cat, Cat::Import | Cat::ImportFrom)
                            || ptext.starts_with("global")
                            || ptext.starts_with("nonlocal")
                            || ptext.contains(" as ")
                            || ptext.contains(":=");
                        if binding {
                            define(a.text(id), None);
                        }
                    }
                    continue;
                }
            };
            let Some(target) = target else { continue };
            let single = a.cat(target) == Cat::Identifier;
            for d in target..a.node(target).end_id {
                if a.cat(d) == Cat::Identifier && a.node(d).field != self.f.attribute {
                    let v = value.filter(|v| single && string_value(self, *v).is_some());
                    define(a.text(d), v);
                }
            }
        }
        defs.into_iter()
            .filter_map(|(k, (count, v))| {
                (count == 1)
                    .then_some(v)
                    .flatten()
                    .map(|v| (k.to_string(), v))
            })
            .collect()
    }

    /// `(dotted name, alias)` of a `dotted_name` or `aliased_import` node.
    fn aliased(&self, id: NodeId) -> Option<(String, Option<String>)> {
        let a = self.ast;
        match a.field(id, self.f.alias) {
            Some(alias) => {
                let name = a.field(id, self.f.name)?;
                Some((strip_ws(a.text(name)), Some(a.text(alias).to_string())))
            }
            None => Some((strip_ws(a.text(id)), None)),
        }
    }

    pub fn of_kind(&self, kind: u16) -> &[NodeId] {
        self.by_kind
            .get(usize::from(kind))
            .map_or(&[], Vec::as_slice)
    }

    pub fn named_nodes(&self) -> &[NodeId] {
        &self.named
    }

    /// The fully qualified name of an identifier or attribute chain, through the imports.
    pub fn resolved(&self, id: NodeId) -> Option<String> {
        let a = self.ast;
        match a.cat(id) {
            Cat::Identifier => {
                let t = a.text(id);
                Some(
                    self.imports
                        .get(t)
                        .cloned()
                        .unwrap_or_else(|| t.to_string()),
                )
            }
            Cat::Attribute => {
                let obj = a.field(id, self.f.object)?;
                let attr = a.field(id, self.f.attribute)?;
                let left = self.resolved(a.unparen(obj))?;
                Some(format!("{left}.{}", a.text(attr)))
            }
            _ => None,
        }
    }

    pub fn text_eq(&self, x: &Binding, y: &Binding) -> bool {
        let a = self.ast.slice(x.start, x.end);
        let b = self.ast.slice(y.start, y.end);
        a == b || a.split_whitespace().eq(b.split_whitespace()) || strip_ws(a) == strip_ws(b)
    }
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Adds a binding, or checks it against an existing one.
pub fn bind(t: &Target<'_>, env: &Env, name: &str, b: Binding) -> Option<Env> {
    if name == "$_" || name == "$..._" {
        return Some(env.clone());
    }
    if let Some((_, old)) = env.iter().find(|(n, _)| n == name) {
        return t.text_eq(old, &b).then(|| env.clone());
    }
    let mut e = env.clone();
    e.push((name.to_string(), b));
    Some(e)
}

/// Merges two environments when their common metavariables agree.
pub fn merge(t: &Target<'_>, a: &Env, b: &Env) -> Option<Env> {
    let mut out = a.clone();
    for (n, bb) in b {
        match a.iter().find(|(m, _)| m == n) {
            Some((_, ab)) => {
                if !t.text_eq(ab, bb) {
                    return None;
                }
            }
            None => out.push((n.clone(), bb.clone())),
        }
    }
    Some(out)
}

pub struct Matcher<'p, 't> {
    pub p: &'p Pattern,
    pub t: &'t Target<'t>,
    /// When set, only target nodes inside one of these sorted, disjoint ranges are tried.
    scope: Option<&'p [(u32, u32)]>,
}

impl<'p, 't> Matcher<'p, 't> {
    pub fn new(p: &'p Pattern, t: &'t Target<'t>) -> Self {
        Matcher { p, t, scope: None }
    }

    /// A matcher that only looks inside `scope` (sorted, disjoint byte ranges).
    pub fn scoped(p: &'p Pattern, t: &'t Target<'t>, scope: Option<&'p [(u32, u32)]>) -> Self {
        Matcher { p, t, scope }
    }

    fn in_scope(&self, start: u32, end: u32) -> bool {
        let Some(sc) = self.scope else { return true };
        // Last range starting at or before `start`.
        let i = sc.partition_point(|r| r.0 <= start);
        i > 0 && sc.get(i - 1).is_some_and(|r| end <= r.1)
    }

    /// Every match of the pattern anywhere in the target.
    pub fn find_all(&self) -> Vec<Match> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let ta = self.t.ast;
        match &self.p.root {
            Root::Expr(r) => {
                let r = *r;
                let empty: Env = Vec::new();
                for &t in self.candidates(r) {
                    let n = ta.node(t);
                    if !self.in_scope(n.start, n.end) {
                        continue;
                    }
                    for env in self.m(r, t, &empty) {
                        push_unique(
                            &mut out,
                            &mut seen,
                            Match {
                                start: n.start,
                                end: n.end,
                                env,
                            },
                        );
                    }
                }
            }
            Root::Stmts(ps) => {
                for (id, n) in ta.nodes.iter().enumerate() {
                    if !matches!(n.cat, Cat::Block | Cat::Module) {
                        continue;
                    }
                    if self
                        .scope
                        .is_some_and(|sc| !sc.iter().any(|r| r.0 < n.end && n.start < r.1))
                    {
                        continue;
                    }
                    let kids = ta.named_vec(id as NodeId);
                    for i in 0..kids.len() {
                        let Some(rest) = kids.get(i..) else { continue };
                        for (env, used) in self.seq(ps, rest, &Vec::new(), true) {
                            if used == 0 {
                                continue;
                            }
                            let (Some(first), Some(last)) = (rest.first(), rest.get(used - 1))
                            else {
                                continue;
                            };
                            push_unique(
                                &mut out,
                                &mut seen,
                                Match {
                                    start: ta.node(*first).start,
                                    end: ta.node(*last).end,
                                    env,
                                },
                            );
                        }
                    }
                }
            }
        }
        out
    }

    fn candidates(&self, p: NodeId) -> &[NodeId] {
        let pa = &self.p.ast;
        match self.p.kind(p) {
            PKind::Plain => {
                let c = pa.cat(p);
                if matches!(c, Cat::Identifier | Cat::Attribute)
                    && self.p.dotted.get(p as usize).is_some_and(Option::is_some)
                {
                    // Import resolution can make an identifier match a dotted name and back.
                    return self.t.named_nodes();
                }
                self.t.of_kind(pa.node(p).kind)
            }
            _ => self.t.named_nodes(),
        }
    }

    /// All environments under which pattern node `p` matches target node `t`.
    pub fn m(&self, p: NodeId, t: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let t = if pa.cat(p) == Cat::Paren {
            t
        } else {
            ta.unparen(t)
        };
        let t = match self.p.kind(p) {
            PKind::StrAny | PKind::StrLit(_) | PKind::StrMetavar(_) | PKind::StrRegex(_)
                if ta.cat(t) == Cat::Identifier =>
            {
                match self.t.const_strings.get(ta.text(t)) {
                    Some(v) => *v,
                    None => return Vec::new(),
                }
            }
            _ => t,
        };
        let tn = ta.node(t);
        match self.p.kind(p) {
            PKind::Metavar(name) | PKind::EllipsisMetavar(name) => {
                if !self.t.lang.is_expression(tn.kind) || matches!(tn.cat, Cat::KeywordArg) {
                    return Vec::new();
                }
                if self.t.lang.is_decorated_param(tn.kind) {
                    let name_node = ta
                        .field(t, self.t.f.name)
                        .or_else(|| ta.named_children(t).next());
                    if let Some(nn) = name_node {
                        let b = ta.node(nn);
                        return bind(
                            self.t,
                            env,
                            name,
                            Binding {
                                start: b.start,
                                end: b.end,
                                node: Some(nn),
                            },
                        )
                        .into_iter()
                        .collect();
                    }
                }
                bind(
                    self.t,
                    env,
                    name,
                    Binding {
                        start: tn.start,
                        end: tn.end,
                        node: Some(t),
                    },
                )
                .into_iter()
                .collect()
            }
            PKind::Ellipsis => {
                if tn.named {
                    vec![env.clone()]
                } else {
                    Vec::new()
                }
            }
            PKind::Deep(inner) => {
                let mut out = Vec::new();
                for d in t..tn.end_id {
                    if !ta.node(d).named {
                        continue;
                    }
                    for e in self.m(*inner, d, env) {
                        if !out.contains(&e) {
                            out.push(e);
                        }
                        if out.len() >= MAX_ENVS {
                            return out;
                        }
                    }
                }
                out
            }
            PKind::StrAny => {
                // `f"..."` stands for f-strings only; `"..."` for string literals, which an
                // f-string interpolating a value is not (as in Semgrep).
                let fp = pa
                    .text(p)
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .any(|c| c == 'f' || c == 'F');
                let ft = || {
                    ta.text(t)
                        .chars()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .any(|c| c == 'f' || c == 'F')
                };
                let literal = || !has_interpolation(ta, t);
                if matches!(tn.cat, Cat::String | Cat::ConcatString)
                    && (if fp { ft() } else { literal() })
                {
                    vec![env.clone()]
                } else {
                    Vec::new()
                }
            }
            PKind::StrMetavar(name) => {
                if matches!(tn.cat, Cat::String | Cat::ConcatString) && !has_interpolation(ta, t) {
                    // `"$X"` binds the string's value, without the quotes (as Semgrep does).
                    let (start, end) = content_range(self.t, t).unwrap_or((tn.start, tn.end));
                    bind(
                        self.t,
                        env,
                        name,
                        Binding {
                            start,
                            end,
                            node: Some(t),
                        },
                    )
                    .into_iter()
                    .collect()
                } else {
                    Vec::new()
                }
            }
            PKind::StrRegex(_) => {
                let Some(v) = self.string_value(t) else {
                    return Vec::new();
                };
                match self.p.regexes.get(&p) {
                    Some(re) if re.is_match(v) => vec![env.clone()],
                    _ => Vec::new(),
                }
            }
            PKind::StrLit(lit) => match self.string_value(t) {
                Some(v) if v == lit => vec![env.clone()],
                _ => Vec::new(),
            },
            PKind::Plain => self.plain(p, t, env),
        }
    }

    /// The raw value of a string literal without interpolation.
    pub fn string_value(&self, t: NodeId) -> Option<&'t str> {
        string_value(self.t, t)
    }

    fn plain(&self, p: NodeId, t: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let pn = pa.node(p);
        let tn = ta.node(t);
        if let Some(Some(d)) = self.p.dotted.get(p as usize)
            && matches!(tn.cat, Cat::Identifier | Cat::Attribute)
        {
            // Cheap reject before building the resolved name.
            let last = d.rsplit('.').next().unwrap_or(d);
            let plausible = match tn.cat {
                Cat::Identifier => ta.text(t) == last || self.t.imports.contains_key(ta.text(t)),
                _ => ta
                    .field(t, self.t.f.attribute)
                    .is_some_and(|a| ta.text(a) == last),
            };
            if plausible
                && (ta.text(t) == d.as_str() || self.t.resolved(t).as_deref() == Some(d.as_str()))
            {
                return vec![env.clone()];
            }
            if pn.cat == Cat::Identifier {
                return Vec::new();
            }
        }
        if pn.cat == Cat::Attribute && tn.cat == Cat::Identifier {
            // `subprocess.$FN(...)` against `Popen(...)` after `from subprocess import Popen`.
            return self.imported_member(p, t, env);
        }
        if pn.kind != tn.kind {
            return Vec::new();
        }
        match pn.cat {
            Cat::Identifier | Cat::Integer | Cat::Float | Cat::True | Cat::False | Cat::None => {
                if pa.text(p) == ta.text(t) {
                    vec![env.clone()]
                } else {
                    Vec::new()
                }
            }
            Cat::Call => {
                let f = self.t.f;
                let (Some(pf), Some(tf)) = (pa.field(p, f.function), ta.field(t, f.function))
                else {
                    return Vec::new();
                };
                let (Some(pargs), Some(targs)) =
                    (pa.field(p, f.arguments), ta.field(t, f.arguments))
                else {
                    return Vec::new();
                };
                let mut out = Vec::new();
                for e in self.m(pf, tf, env) {
                    out.extend(self.args(pargs, targs, &e));
                    if out.len() >= MAX_ENVS {
                        break;
                    }
                }
                out
            }
            Cat::Arguments => self.args(p, t, env),
            Cat::Decorated => self.decorated(p, t, env),
            Cat::String => self.fstring(p, t, env),
            Cat::Block | Cat::Module | Cat::Parameters | Cat::Container => {
                let ps = pa.named_vec(p);
                let ts = ta.named_vec(t);
                self.seq(&ps, &ts, env, false)
                    .into_iter()
                    .map(|(e, _)| e)
                    .collect()
            }
            _ => self.generic(p, t, env),
        }
    }

    /// Same kind: named children pairwise (optional annotations of the target may be absent
    /// from the pattern), and the same operator tokens.
    fn generic(&self, p: NodeId, t: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let lang = self.t.lang;
        let ptoks = pa
            .children(p)
            .iter()
            .filter(|c| !pa.node(**c).named)
            .map(|c| pa.text(*c));
        let ttoks = ta
            .children(t)
            .iter()
            .filter(|c| !ta.node(**c).named)
            .map(|c| ta.text(*c));
        if !ptoks
            .filter(|s| lang.is_significant_token(s))
            .eq(ttoks.filter(|s| lang.is_significant_token(s)))
        {
            return Vec::new();
        }
        let ps = pa.named_vec(p);
        let mut ts = ta.named_vec(t);
        if ps.is_empty() && ts.is_empty() && pa.children(p).is_empty() {
            // A leaf without a category (string parts, operators as nodes): same text, quotes
            // aside.
            let norm = |s: &str| s.replace(['"', '\''], "");
            return if norm(pa.text(p)) == norm(ta.text(t)) {
                vec![env.clone()]
            } else {
                Vec::new()
            };
        }
        if ps.len() != ts.len() {
            let f = self.t.f;
            let optional = [f.return_type, f.type_];
            let pfields: Vec<u16> = ps.iter().map(|c| pa.node(*c).field).collect();
            ts.retain(|c| {
                let fl = ta.node(*c).field;
                !optional.contains(&fl) || pfields.contains(&fl)
            });
            if ps.len() != ts.len() {
                return Vec::new();
            }
        }
        let mut envs = vec![env.clone()];
        for (pc, tc) in ps.iter().zip(ts.iter()) {
            let mut next = Vec::new();
            for e in &envs {
                next.extend(self.m(*pc, *tc, e));
                if next.len() >= MAX_ENVS {
                    break;
                }
            }
            if next.is_empty() {
                return next;
            }
            envs = next;
        }
        envs
    }

    fn imported_member(&self, p: NodeId, t: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let Some(full) = self.t.imports.get(ta.text(t)) else {
            return Vec::new();
        };
        let Some((module, _)) = full.rsplit_once('.') else {
            return Vec::new();
        };
        let (Some(obj), Some(attr)) = (
            pa.field(p, self.t.f.object),
            pa.field(p, self.t.f.attribute),
        ) else {
            return Vec::new();
        };
        if self.p.dotted.get(obj as usize).and_then(Option::as_deref) != Some(module) {
            return Vec::new();
        }
        match self.p.kind(attr) {
            PKind::Metavar(name) => {
                let n = ta.node(t);
                bind(
                    self.t,
                    env,
                    name,
                    Binding {
                        start: n.start,
                        end: n.end,
                        node: Some(t),
                    },
                )
                .into_iter()
                .collect()
            }
            _ => Vec::new(),
        }
    }

    /// Decorators of the pattern must each match a distinct decorator of the target, in any
    /// order; the target may have more. Then the definitions match.
    fn decorated(&self, p: NodeId, t: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let f = self.t.f;
        let (Some(pd), Some(td)) = (pa.field(p, f.definition), ta.field(t, f.definition)) else {
            return self.generic(p, t, env);
        };
        let pdecs: Vec<NodeId> = pa.named_children(p).filter(|c| *c != pd).collect();
        let tdecs: Vec<NodeId> = ta.named_children(t).filter(|c| *c != td).collect();
        let mut out = Vec::new();
        let mut used = vec![false; tdecs.len()];
        let mut partial = Vec::new();
        self.unordered(&pdecs, &tdecs, &mut used, env, &mut partial, Self::m);
        for e in partial {
            out.extend(self.m(pd, td, &e));
            if out.len() >= MAX_ENVS {
                break;
            }
        }
        out
    }

    /// Every way to match each of `ps` with a distinct, not yet `used` item of `ts`, in any
    /// order (decorators, keyword arguments), `pair` matching one pattern item to one target item.
    fn unordered(
        &self,
        ps: &[NodeId],
        ts: &[NodeId],
        used: &mut Vec<bool>,
        env: &Env,
        out: &mut Vec<Env>,
        pair: fn(&Self, NodeId, NodeId, &Env) -> Vec<Env>,
    ) {
        let Some((&p0, rest)) = ps.split_first() else {
            out.push(env.clone());
            return;
        };
        for (i, &t0) in ts.iter().enumerate() {
            if used.get(i).copied().unwrap_or(true) {
                continue;
            }
            for e in pair(self, p0, t0, env) {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                self.unordered(rest, ts, used, &e, out, pair);
                if let Some(u) = used.get_mut(i) {
                    *u = false;
                }
                if out.len() >= MAX_ENVS {
                    return;
                }
            }
        }
    }

    /// An f-string pattern: its parts in order, a `...` text part standing for any run of parts.
    fn fstring(&self, p: NodeId, t: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let inner = |a: &Ast, id: NodeId| -> Vec<NodeId> {
            let kids = a.named_vec(id);
            let n = kids.len();
            // Drop string_start / string_end.
            if n >= 2 {
                kids.get(1..n - 1)
                    .map(<[NodeId]>::to_vec)
                    .unwrap_or_default()
            } else {
                Vec::new()
            }
        };
        let ps = inner(pa, p);
        let ts = inner(ta, t);
        let mut out = Vec::new();
        self.fseq(&ps, &ts, env, &mut out);
        out
    }

    fn fseq(&self, ps: &[NodeId], ts: &[NodeId], env: &Env, out: &mut Vec<Env>) {
        if out.len() >= MAX_ENVS {
            return;
        }
        let pa = &self.p.ast;
        let Some((&p0, prest)) = ps.split_first() else {
            if ts.is_empty() {
                out.push(env.clone());
            }
            return;
        };
        if pa.cat(p0) != Cat::Interpolation && pa.text(p0) == "..." {
            for k in 0..=ts.len() {
                if let Some(rest) = ts.get(k..) {
                    self.fseq(prest, rest, env, out);
                }
            }
            return;
        }
        let Some((&t0, trest)) = ts.split_first() else {
            return;
        };
        for e in self.m(p0, t0, env) {
            self.fseq(prest, trest, &e, out);
        }
    }

    fn is_seq_ellipsis(&self, p: NodeId) -> bool {
        matches!(self.p.kind(p), PKind::Ellipsis | PKind::EllipsisMetavar(_))
            || (self.p.ast.cat(p) == Cat::ExprStmt
                && self
                    .p
                    .ast
                    .named_vec(p)
                    .first()
                    .is_some_and(|c| matches!(self.p.kind(*c), PKind::Ellipsis))
                && self.p.ast.named_vec(p).len() == 1)
    }

    /// Sequence matching with `...` (any run) and `$...X` (any run, bound). With
    /// `trailing_ok`, target items after the pattern are allowed; returns how many were consumed.
    pub fn seq(
        &self,
        ps: &[NodeId],
        ts: &[NodeId],
        env: &Env,
        trailing_ok: bool,
    ) -> Vec<(Env, usize)> {
        let mut out = Vec::new();
        self.seq_rec(ps, ts, env, trailing_ok, 0, &mut out);
        out
    }

    fn seq_rec(
        &self,
        ps: &[NodeId],
        ts: &[NodeId],
        env: &Env,
        trailing_ok: bool,
        used: usize,
        out: &mut Vec<(Env, usize)>,
    ) {
        if out.len() >= MAX_ENVS {
            return;
        }
        let Some((&p0, prest)) = ps.split_first() else {
            if ts.is_empty() || trailing_ok {
                out.push((env.clone(), used));
            }
            return;
        };
        if self.is_seq_ellipsis(p0) {
            let name = match self.p.kind(p0) {
                PKind::EllipsisMetavar(n) => Some(n.clone()),
                _ => None,
            };
            // A trailing `...` of a statement-sequence pattern covers the rest of the block, so
            // that `pattern-inside: |\n  $X = f()\n  ...` spans everything after the assignment.
            let min = if prest.is_empty() && trailing_ok {
                ts.len()
            } else {
                0
            };
            for k in min..=ts.len() {
                let e = match &name {
                    Some(n) => {
                        let ta = self.t.ast;
                        let b = match (ts.first(), k.checked_sub(1).and_then(|l| ts.get(l))) {
                            (Some(first), Some(last)) => Binding {
                                start: ta.node(*first).start,
                                end: ta.node(*last).end,
                                node: None,
                            },
                            _ => {
                                let at = ts.first().map_or(0, |f| ta.node(*f).start);
                                Binding {
                                    start: at,
                                    end: at,
                                    node: None,
                                }
                            }
                        };
                        match bind(self.t, env, n, b) {
                            Some(e) => e,
                            None => continue,
                        }
                    }
                    None => env.clone(),
                };
                let Some(rest) = ts.get(k..) else { break };
                self.seq_rec(prest, rest, &e, trailing_ok, used + k, out);
            }
            return;
        }
        let Some((&t0, trest)) = ts.split_first() else {
            return;
        };
        for e in self.m(p0, t0, env) {
            self.seq_rec(prest, trest, &e, trailing_ok, used + 1, out);
        }
    }

    /// Call arguments: positional in order (with ellipses), keyword arguments in any order.
    fn args(&self, pargs: NodeId, targs: NodeId, env: &Env) -> Vec<Env> {
        let pa = &self.p.ast;
        let ta = self.t.ast;
        let pitems = pa.named_vec(pargs);
        let titems: Vec<NodeId> = if ta.cat(targs) == Cat::Arguments {
            ta.named_vec(targs)
        } else {
            vec![targs]
        };
        let (pkw, ppos): (Vec<NodeId>, Vec<NodeId>) =
            pitems.iter().partition(|c| pa.cat(**c) == Cat::KeywordArg);
        let (tkw, tpos): (Vec<NodeId>, Vec<NodeId>) =
            titems.iter().partition(|c| ta.cat(**c) == Cat::KeywordArg);
        let has_ellipsis = ppos.iter().any(|c| self.is_seq_ellipsis(*c));
        if !has_ellipsis && pkw.len() != tkw.len() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (e, _) in self.seq(&ppos, &tpos, env, false) {
            let mut used = vec![false; tkw.len()];
            self.unordered(&pkw, &tkw, &mut used, &e, &mut out, Self::generic);
            if out.len() >= MAX_ENVS {
                break;
            }
        }
        out
    }
}

/// Whether a string (or any part of a concatenated string) interpolates a value.
fn has_interpolation(a: &Ast, id: NodeId) -> bool {
    let n = a.node(id);
    (id..n.end_id).any(|d| a.cat(d) == Cat::Interpolation)
}

/// The byte range of a string literal's value (between its quotes).
pub fn content_range(t: &Target<'_>, id: NodeId) -> Option<(u32, u32)> {
    let a = t.ast;
    if a.cat(id) != Cat::String {
        return None;
    }
    let n = a.node(id);
    let kids: Vec<(u16, u32, u32)> = a
        .children(id)
        .iter()
        .map(|c| (a.node(*c).kind, a.node(*c).start, a.node(*c).end))
        .collect();
    Some(t.lang.string_content(n.start, n.end, &kids))
}

/// The raw value of a string literal without interpolation.
pub fn string_value<'t>(t: &Target<'t>, id: NodeId) -> Option<&'t str> {
    let a: &'t Ast = t.ast;
    if a.cat(id) != Cat::String
        || a.children(id)
            .iter()
            .any(|c| a.cat(*c) == Cat::Interpolation)
    {
        return None;
    }
    let n = a.node(id);
    let kids: Vec<(u16, u32, u32)> = a
        .children(id)
        .iter()
        .map(|c| (a.node(*c).kind, a.node(*c).start, a.node(*c).end))
        .collect();
    let (s, e) = t.lang.string_content(n.start, n.end, &kids);
    Some(a.slice(s, e))
}

fn push_unique(out: &mut Vec<Match>, seen: &mut std::collections::HashSet<Match>, m: Match) {
    if seen.insert(m.clone()) {
        out.push(m);
    }
}
