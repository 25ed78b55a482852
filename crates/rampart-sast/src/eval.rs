//! Evaluation of search formulas over one parsed file, with Semgrep's semantics: positive terms
//! intersect by range inclusion, `pattern-inside` keeps matches inside its ranges,
//! `pattern-not` removes equal ranges, `pattern-not-inside` removes enclosed ones, then the
//! metavariable conditions filter and `focus-metavariable` narrows.

use crate::consteval::{self, Value};
use crate::lang::Cat;
use crate::matcher::{Binding, Env, Match, Matcher, Target, merge, string_value};
use crate::pattern::MV_PREFIX;
use crate::rules::Formula;

fn within(a: &Match, start: u32, end: u32) -> bool {
    start <= a.start && a.end <= end
}

/// Appends; duplicates are removed by [`dedup`] once a stage is complete (a linear scan per
/// push would be quadratic on broad patterns).
fn push_unique(out: &mut Vec<Match>, m: Match) {
    out.push(m);
}

fn dedup(v: Vec<Match>) -> Vec<Match> {
    let mut seen = std::collections::HashSet::with_capacity(v.len());
    v.into_iter().filter(|m| seen.insert(m.clone())).collect()
}

/// All matches of `f` in the target.
pub fn eval(f: &Formula, t: &Target<'_>) -> Vec<Match> {
    eval_in(f, t, None)
}

type Scope<'a> = Option<&'a [(u32, u32)]>;

/// Sorted, disjoint cover of the given ranges.
fn cover(ms: &[Match]) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = ms.iter().map(|m| (m.start, m.end)).collect();
    v.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn in_scope(scope: Scope<'_>, m: &Match) -> bool {
    let Some(sc) = scope else { return true };
    let i = sc.partition_point(|r| r.0 <= m.start);
    i > 0 && sc.get(i - 1).is_some_and(|r| m.end <= r.1)
}

/// Matches of `f` lying inside `scope` (all of them when `None`).
fn eval_in(f: &Formula, t: &Target<'_>, scope: Scope<'_>) -> Vec<Match> {
    match f {
        Formula::Pattern(p) => Matcher::scoped(p, t, scope).find_all(),
        Formula::Regex(re) => regex_matches(re, t)
            .into_iter()
            .filter(|m| in_scope(scope, m))
            .collect(),
        Formula::Or(items) => {
            let mut out = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for i in items {
                for m in eval_in(i, t, scope) {
                    if seen.insert(m.clone()) {
                        out.push(m);
                    }
                }
            }
            out
        }
        Formula::And(items) => and(items, t, None, scope),
        Formula::Inside(f) => eval_in(f, t, scope),
        // Filters only make sense inside `patterns`; the loader guarantees a positive term there.
        _ => Vec::new(),
    }
}

fn regex_matches(re: &regex::Regex, t: &Target<'_>) -> Vec<Match> {
    let src = t.ast.src.as_str();
    let names: Vec<Option<&str>> = re.capture_names().collect();
    let mut out = Vec::new();
    for caps in re.captures_iter(src) {
        let Some(all) = caps.get(0) else { continue };
        let mut env: Env = Vec::new();
        for (i, name) in names.iter().enumerate().skip(1) {
            if let Some(g) = caps.get(i) {
                let b = Binding {
                    start: g.start() as u32,
                    end: g.end() as u32,
                    node: None,
                };
                env.push((format!("${i}"), b.clone()));
                if let Some(n) = name {
                    env.push((format!("${n}"), b));
                }
            }
        }
        out.push(Match {
            start: all.start() as u32,
            end: all.end() as u32,
            env,
        });
        if out.len() > 100_000 {
            break;
        }
    }
    out
}

fn intersect(t: &Target<'_>, a: &[Match], b: &[Match]) -> Vec<Match> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            if within(x, y.start, y.end)
                && let Some(env) = merge(t, &x.env, &y.env)
            {
                push_unique(
                    &mut out,
                    Match {
                        start: x.start,
                        end: x.end,
                        env,
                    },
                );
            }
        }
    }
    for y in b {
        for x in a {
            if within(y, x.start, x.end)
                && !(x.start == y.start && x.end == y.end)
                && let Some(env) = merge(t, &y.env, &x.env)
            {
                push_unique(
                    &mut out,
                    Match {
                        start: y.start,
                        end: y.end,
                        env,
                    },
                );
            }
        }
    }
    out
}

fn and(
    items: &[Formula],
    t: &Target<'_>,
    start: Option<Vec<Match>>,
    scope: Scope<'_>,
) -> Vec<Match> {
    // `pattern-inside` ranges are computed first: positive terms are then only tried inside
    // them, which keeps broad patterns such as `$PARAM` cheap.
    let mut insides: Vec<Vec<Match>> = Vec::new();
    let mut narrowed: Option<Vec<(u32, u32)>> = None;
    for i in items {
        if let Formula::Inside(f) = i {
            let ins = eval_in(f, t, narrowed.as_deref().or(scope));
            if ins.is_empty() && start.is_none() {
                return Vec::new();
            }
            narrowed = Some(cover(&ins));
            insides.push(ins);
        }
    }
    let scope: Scope<'_> = narrowed.as_deref().or(scope);
    let mut cur: Option<Vec<Match>> = start;
    for i in items {
        if matches!(
            i,
            Formula::Pattern(_) | Formula::Regex(_) | Formula::And(_) | Formula::Or(_)
        ) {
            let ms = eval_in(i, t, scope);
            if ms.is_empty() {
                return Vec::new();
            }
            cur = Some(match cur {
                None => ms,
                Some(c) => dedup(intersect(t, &c, &ms)),
            });
        }
    }
    for ins in insides {
        {
            cur = Some(match cur {
                None => ins,
                Some(c) => {
                    let mut out = Vec::new();
                    for r in c {
                        if let Some(env) = ins
                            .iter()
                            .filter(|o| within(&r, o.start, o.end))
                            .find_map(|o| merge(t, &r.env, &o.env))
                        {
                            push_unique(
                                &mut out,
                                Match {
                                    start: r.start,
                                    end: r.end,
                                    env,
                                },
                            );
                        }
                    }
                    dedup(out)
                }
            });
        }
    }
    let mut cur = cur.unwrap_or_default();
    for i in items {
        if cur.is_empty() {
            return cur;
        }
        match i {
            Formula::Not(f) => {
                let sc = cover(&cur);
                let ns = eval_in(f, t, Some(&sc));
                cur.retain(|r| {
                    !ns.iter().any(|n| {
                        n.start == r.start && n.end == r.end && merge(t, &r.env, &n.env).is_some()
                    })
                });
            }
            Formula::NotInside(f) => {
                let ns = eval(f, t);
                cur.retain(|r| {
                    !ns.iter()
                        .any(|n| within(r, n.start, n.end) && merge(t, &r.env, &n.env).is_some())
                });
            }
            Formula::NotRegex(re) => {
                let ms = regex_matches(re, t);
                cur.retain(|r| {
                    !ms.iter()
                        .any(|m| within(m, r.start, r.end) || within(r, m.start, m.end))
                });
            }
            _ => {}
        }
    }
    for i in items {
        if cur.is_empty() {
            return cur;
        }
        match i {
            Formula::MetavarRegex { name, re } => {
                cur.retain(|r| binding(&r.env, name).is_some_and(|b| regex_on_binding(t, re, b)));
            }
            Formula::MetavarPattern { name, formula } => {
                // Only negative terms: they filter the metavariable's own range.
                let relative =
                    matches!(&**formula, Formula::And(xs) if !xs.iter().any(Formula::is_positive));
                let sub = if relative {
                    Vec::new()
                } else {
                    eval(formula, t)
                };
                let mut out = Vec::new();
                for r in cur {
                    let Some(b) = binding(&r.env, name).cloned() else {
                        continue;
                    };
                    if let (true, Formula::And(xs)) = (relative, &**formula) {
                        let seed = vec![Match {
                            start: b.start,
                            end: b.end,
                            env: r.env.clone(),
                        }];
                        for m in and(xs, t, Some(seed), None) {
                            push_unique(
                                &mut out,
                                Match {
                                    start: r.start,
                                    end: r.end,
                                    env: m.env,
                                },
                            );
                        }
                        continue;
                    }
                    for s in &sub {
                        if within(s, b.start, b.end)
                            && let Some(env) = merge(t, &r.env, &s.env)
                        {
                            push_unique(
                                &mut out,
                                Match {
                                    start: r.start,
                                    end: r.end,
                                    env,
                                },
                            );
                        }
                    }
                }
                cur = dedup(out);
            }
            Formula::MetavarComparison { name, expr } => {
                cur.retain(|r| {
                    if let Some(n) = name
                        && binding(&r.env, n).is_none()
                    {
                        return false;
                    }
                    compare(t, &r.env, expr)
                });
            }
            _ => {}
        }
    }
    for i in items {
        if let Formula::Focus(names) = i {
            let mut out = Vec::new();
            for r in cur {
                let mut range: Option<(u32, u32)> = None;
                let mut ok = true;
                for n in names {
                    match binding(&r.env, n) {
                        Some(b) => {
                            range = Some(match range {
                                None => (b.start, b.end),
                                Some((s, e)) => (s.max(b.start), e.min(b.end)),
                            });
                        }
                        None => ok = false,
                    }
                }
                if let (true, Some((s, e))) = (ok, range)
                    && s <= e
                {
                    push_unique(
                        &mut out,
                        Match {
                            start: s,
                            end: e,
                            env: r.env,
                        },
                    );
                }
            }
            cur = dedup(out);
        }
    }
    cur
}

pub fn binding<'e>(env: &'e Env, name: &str) -> Option<&'e Binding> {
    env.iter().find(|(n, _)| n == name).map(|(_, b)| b)
}

/// `metavariable-regex` is left-anchored like Semgrep's; string literals are tried with and
/// without their quotes.
fn regex_on_binding(t: &Target<'_>, re: &regex::Regex, b: &Binding) -> bool {
    let anchored = |s: &str| re.find(s).is_some_and(|m| m.start() == 0);
    match b.node {
        // A string literal is matched on its value; `"$X"` bindings already hold only the value.
        Some(n) if t.ast.cat(n) == Cat::String => {
            let n0 = t.ast.node(n);
            if (b.start, b.end) != (n0.start, n0.end) {
                anchored(t.ast.slice(b.start, b.end))
            } else {
                string_value(t, n).is_some_and(anchored)
            }
        }
        _ => anchored(t.ast.slice(b.start, b.end)),
    }
}

fn compare(t: &Target<'_>, env: &Env, expr: &crate::pattern::Pattern) -> bool {
    let root = match &expr.root {
        crate::pattern::Root::Expr(e) => *e,
        crate::pattern::Root::Stmts(_) => return false,
    };
    let lookup = |name: &str| -> Option<Value> {
        let mv = name.strip_prefix(MV_PREFIX)?;
        let b = binding(env, &format!("${mv}"))?;
        Value::from_literal(t.ast.slice(b.start, b.end))
    };
    consteval::eval(&expr.ast, root, &lookup).is_some_and(|v| v.truthy())
}
