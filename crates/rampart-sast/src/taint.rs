//! Taint tracking for `mode: taint` rules.
//!
//! Sources, sinks, sanitizers and propagators are first matched as ordinary formulas, giving
//! byte ranges. Each function body (and the module's top-level code) is then walked in statement
//! order with an environment `variable path → labels`. A label is either a source occurrence or
//! "parameter i of this function". Walking a function therefore yields its summary: which
//! parameters flow to its return value, which reach which sinks, and which sources it returns.
//! Summaries are iterated to a fixpoint (bounded), then a final walk reports every sink reached by
//! a source, directly or through helpers of the same file.
//!
//! Branches join their environments, except when the condition folds to a constant; assigning a
//! clean value (a constant) to a variable clears it.

use std::collections::{BTreeSet, HashMap};

use crate::ast::{Ast, NodeId};
use crate::consteval::{self, Value};
use crate::eval;
use crate::lang::{Cat, ElemOp, Language, Shape};
use crate::matcher::{Fields, Target};
use crate::rules::{Req, TaintSpec};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Label {
    /// A source occurrence, by its start offset.
    Src(u32),
    /// Parameter `i` of the function being summarised.
    Param(u16),
}

type Taint = BTreeSet<Label>;

type Span = (u32, u32);
/// Propagator match range → (`from` range, `to` range).
type PropMap = HashMap<Span, Vec<(Span, Span)>>;

/// A sink reached by a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaintHit {
    /// The file of the sink when it is another module's ([`Externals`] file id); `None` for
    /// the file analysed.
    pub sink_file: Option<u32>,
    pub sink_start: u32,
    pub sink_end: u32,
    pub source_start: u32,
    /// Lines of the calls through which the data reached the sink (inter-procedural flows).
    pub via_calls: Vec<u32>,
}

/// (parameter, sink file when another module's, sink start, sink end, call lines on the way)
type ParamSink = (u16, Option<u32>, u32, u32, Vec<u32>);

#[derive(Debug, Clone, Default, PartialEq)]
struct Summary {
    param_to_ret: BTreeSet<u16>,
    ret_sources: BTreeSet<u32>,
    /// (parameter, sink file when another module's, sink range, call lines on the way)
    param_sinks: BTreeSet<ParamSink>,
}

/// What a function of another module does with its arguments, for callers in other files:
/// the cross-file counterpart of a local summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtSummary {
    /// Parameter names (to match keyword arguments).
    pub params: Vec<String>,
    pub param_to_ret: BTreeSet<u16>,
    /// Whether it returns data from a source of its own.
    pub ret_tainted: bool,
    /// (parameter, file id of the sink, sink range)
    pub param_sinks: BTreeSet<(u16, u32, u32, u32)>,
}

/// Functions of other modules, for a file's imports.
pub trait Externals {
    /// The summary of the function a call names, given its dotted name through the imports
    /// (`pkg.helpers.build_path`; relative imports keep their leading dots).
    fn summary(&self, qualified: &str) -> Option<std::sync::Arc<ExtSummary>>;
}

#[derive(Debug, Clone)]
struct Func {
    node: NodeId,
    body: NodeId,
    /// Parameter names (self/cls of methods dropped) and their nodes.
    params: Vec<(String, NodeId)>,
    is_method: bool,
}

/// The elements of a local container whose every key/index is known, so reading a constant key
/// sees only that element's taint. Kept only while the container is used in ways the engine
/// models (literal, constant subscripts, `pop`/`remove`/`clear`/`del`, slicing); any other use
/// (passed to a call, aliased) drops it and the container's overall taint applies again.
#[derive(Debug, Clone, PartialEq)]
enum Elems {
    /// Element taint and, when constant, its value (for `remove(value)`).
    Seq(Vec<(Taint, Option<Value>)>),
    Map(Vec<(Value, Taint)>),
}

impl Elems {
    fn union(&self) -> Taint {
        match self {
            Elems::Seq(v) => v.iter().flat_map(|(t, _)| t.iter().copied()).collect(),
            Elems::Map(v) => v.iter().flat_map(|(_, t)| t.iter().copied()).collect(),
        }
    }
}

/// A constant index into a sequence of `len` elements (negative from the end).
fn seq_index(len: usize, k: &Value) -> Option<usize> {
    let Value::Int(i) = k else { return None };
    let len = i128::try_from(len).ok()?;
    let i = if *i < 0 { len + *i } else { *i };
    if (0..len).contains(&i) {
        usize::try_from(i).ok()
    } else {
        None
    }
}

#[derive(Debug, Clone, Default)]
struct State {
    vars: HashMap<String, Taint>,
    consts: HashMap<String, Value>,
    elems: HashMap<String, Elems>,
}

impl State {
    fn join(&mut self, other: &State) {
        for (k, v) in &other.vars {
            self.vars
                .entry(k.clone())
                .or_default()
                .extend(v.iter().copied());
        }
        self.consts.retain(|k, v| other.consts.get(k) == Some(v));
        // Element precision survives a join only where both paths agree.
        self.elems.retain(|k, v| other.elems.get(k) == Some(v));
    }

    /// Replaces a container's elements and its overall taint with their union.
    fn set_elems(&mut self, name: &str, e: Elems) {
        let u = e.union();
        if u.is_empty() {
            self.vars.remove(name);
        } else {
            self.vars.insert(name.to_string(), u);
        }
        self.elems.insert(name.to_string(), e);
    }
}

const MAX_DEPTH: u32 = 150;
const MAX_ROUNDS: usize = 6;

#[derive(Debug)]
struct Ranges {
    /// Sorted, for binary search (hashing every node's range was measurable).
    sources: Vec<(u32, u32)>,
    sinks: Vec<(u32, u32)>,
    sanitizers: Vec<(u32, u32)>,
    /// range → (from, to) binding ranges
    propagators: PropMap,
}

/// Runs one taint rule over one parsed file.
pub fn run(spec: &TaintSpec, t: &Target<'_>) -> Vec<TaintHit> {
    run_ext(spec, t, None, &|_| true)
}

/// Like [`run`], following calls into other modules through `ext`.
/// `part` says whether a part's literals occur in the file (parts that cannot match are not
/// evaluated).
pub fn run_ext(
    spec: &TaintSpec,
    t: &Target<'_>,
    ext: Option<&dyn Externals>,
    part: &dyn Fn(&Req) -> bool,
) -> Vec<TaintHit> {
    // Without other modules a file needs both a source and a sink; with them either may be
    // in the module a call leads to.
    let Some(ranges) = ranges(spec, t, ext.is_none(), part) else {
        return Vec::new();
    };
    if ranges.sources.is_empty() && ranges.sinks.is_empty() {
        return Vec::new();
    }
    let mut a = Analyzer::new(t, &ranges);
    a.ext = ext;
    a.solve()
}

/// The summaries of a module's functions (methods excepted) for callers in other files; sinks
/// of this file are named `file_id`.
pub fn export(
    prepared: &Prepared,
    t: &Target<'_>,
    ext: Option<&dyn Externals>,
    file_id: u32,
    name: &str,
) -> Option<ExtSummary> {
    let mut a = Analyzer::new(t, &prepared.0);
    a.ext = ext;
    let [i] = a.by_name.get(name)?.as_slice() else {
        return None;
    };
    let i = *i;
    if a.funcs.get(i)?.is_method {
        return None;
    }
    // Only the function and the local functions it reaches are summarised: a caller in
    // another file usually needs one or two functions of a large module.
    let closure = a.local_callees(i);
    a.fixpoint_of(&closure);
    let (func, sum) = (a.funcs.get(i)?, a.summaries.get(i)?);
    Some(ExtSummary {
        params: func.params.iter().map(|(n, _)| n.clone()).collect(),
        param_to_ret: sum.param_to_ret.clone(),
        ret_tainted: !sum.ret_sources.is_empty(),
        param_sinks: sum
            .param_sinks
            .iter()
            .map(|(p, f, s0, s1, _)| (*p, f.unwrap_or(file_id), *s0, *s1))
            .collect(),
    })
}

/// A rule's matches in one module, computed once for every function summarised there.
#[derive(Debug)]
pub struct Prepared(Ranges);

/// Matches a rule's parts on a module for [`export`].
pub fn prepare(spec: &TaintSpec, t: &Target<'_>, part: &dyn Fn(&Req) -> bool) -> Option<Prepared> {
    ranges(spec, t, false, part).map(Prepared)
}

/// The matched ranges of a rule's parts; `None` when the rule cannot report anything here
/// (`need_both`: no source or no sink in the file).
fn ranges(
    spec: &TaintSpec,
    t: &Target<'_>,
    need_both: bool,
    part: &dyn Fn(&Req) -> bool,
) -> Option<Ranges> {
    let collect = |fs: &[crate::rules::Formula], reqs: &[Req]| -> Vec<(u32, u32)> {
        let mut v: Vec<(u32, u32)> = fs
            .iter()
            .enumerate()
            .filter(|(i, _)| reqs.get(*i).is_none_or(part))
            .flat_map(|(_, f)| eval::eval(f, t))
            .map(|m| (m.start, m.end))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let sources = collect(&spec.sources, &spec.reqs[0]);
    if need_both && sources.is_empty() {
        return None;
    }
    let sinks = collect(&spec.sinks, &spec.reqs[1]);
    if need_both && sinks.is_empty() {
        return None;
    }
    let mut propagators: PropMap = HashMap::new();
    for (i, p) in spec.propagators.iter().enumerate() {
        if !spec.reqs[3].get(i).is_none_or(part) {
            continue;
        }
        for m in eval::eval(&p.formula, t) {
            if let (Some(f), Some(to)) =
                (eval::binding(&m.env, &p.from), eval::binding(&m.env, &p.to))
            {
                propagators
                    .entry((m.start, m.end))
                    .or_default()
                    .push(((f.start, f.end), (to.start, to.end)));
            }
        }
    }
    Some(Ranges {
        sources,
        sinks,
        sanitizers: collect(&spec.sanitizers, &spec.reqs[2]),
        propagators,
    })
}

struct Analyzer<'r> {
    ast: &'r Ast,
    lang: &'r dyn Language,
    f: Fields,
    r: &'r Ranges,
    funcs: Vec<std::rc::Rc<Func>>,
    by_name: HashMap<String, Vec<usize>>,
    summaries: Vec<std::rc::Rc<Summary>>,
    module_consts: HashMap<String, Value>,
    ext: Option<&'r dyn Externals>,
    imports: &'r HashMap<String, String>,
    // Per-walk outputs.
    ret: Taint,
    cur_summary: Summary,
    hits: Vec<TaintHit>,
    report: bool,
}

impl<'r> Analyzer<'r> {
    fn new(t: &'r Target<'_>, r: &'r Ranges) -> Self {
        let ast = t.ast;
        let f = t.f;
        let mut funcs = Vec::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (id, n) in ast.nodes.iter().enumerate() {
            if n.cat != Cat::FunctionDef {
                continue;
            }
            let id = id as NodeId;
            let (Some(name), Some(body)) = (ast.field(id, f.name), ast.field(id, f.body)) else {
                continue;
            };
            let is_method = enclosing_class(ast, id);
            let mut params = Vec::new();
            if let Some(ps) = ast.field(id, f.parameters) {
                for p in ast.named_children(ps) {
                    if let Some(nm) = param_name(ast, p, f) {
                        params.push((nm, p));
                    }
                }
            }
            if is_method
                && params
                    .first()
                    .is_some_and(|(n, _)| n == "self" || n == "cls")
            {
                params.remove(0);
            }
            by_name
                .entry(ast.text(name).to_string())
                .or_default()
                .push(funcs.len());
            funcs.push(std::rc::Rc::new(Func {
                node: id,
                body,
                params,
                is_method,
            }));
        }
        let n = funcs.len();
        Analyzer {
            ast,
            lang: t.lang,
            f,
            r,
            funcs,
            by_name,
            summaries: (0..n)
                .map(|_| std::rc::Rc::new(Summary::default()))
                .collect(),
            module_consts: HashMap::new(),
            ext: None,
            imports: &t.module_imports,
            ret: Taint::new(),
            cur_summary: Summary::default(),
            hits: Vec::new(),
            report: false,
        }
    }

    fn solve(&mut self) -> Vec<TaintHit> {
        self.fixpoint();
        self.report = true;
        let mut st = State::default();
        self.walk_block(&mut st, 0, 0);
        for i in 0..self.funcs.len() {
            let _ = self.analyze_func(i);
        }
        let mut hits = std::mem::take(&mut self.hits);
        hits.sort_by_key(|h| {
            (
                h.sink_file,
                h.sink_start,
                h.sink_end,
                h.via_calls.len(),
                h.source_start,
            )
        });
        hits.dedup_by_key(|h| (h.sink_file, h.sink_start, h.sink_end));
        hits
    }

    /// Summaries of every function, iterated to a fixpoint (bounded).
    fn fixpoint(&mut self) {
        let all: Vec<usize> = (0..self.funcs.len()).collect();
        self.fixpoint_of(&all);
    }

    /// Summaries of the functions `only` (which must include every local function they call).
    fn fixpoint_of(&mut self, only: &[usize]) {
        // Module level first: its constants seed every function.
        let mut st = State::default();
        self.walk_block(&mut st, 0, 0);
        self.module_consts = st.consts;
        for _ in 0..MAX_ROUNDS {
            let mut changed = false;
            for &i in only {
                let s = self.analyze_func(i);
                if self.summaries.get(i).map(|x| &**x) != Some(&s) {
                    changed = true;
                    if let Some(slot) = self.summaries.get_mut(i) {
                        *slot = std::rc::Rc::new(s);
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn analyze_func(&mut self, i: usize) -> Summary {
        let Some(func) = self.funcs.get(i).cloned() else {
            return Summary::default();
        };
        let mut st = State {
            consts: self.module_consts.clone(),
            ..State::default()
        };
        for (k, (name, pnode)) in func.params.iter().enumerate() {
            let mut taint = Taint::new();
            taint.insert(Label::Param(k as u16));
            let pn = self.ast.node(*pnode);
            let is_source = self.r.sources.binary_search(&(pn.start, pn.end)).is_ok()
                || self.ast.children(*pnode).iter().any(|c| {
                    let c = self.ast.node(*c);
                    self.r.sources.binary_search(&(c.start, c.end)).is_ok()
                });
            if is_source {
                taint.insert(Label::Src(pn.start));
            }
            st.consts.remove(name);
            st.vars.insert(name.clone(), taint);
        }
        self.ret = Taint::new();
        self.cur_summary = Summary::default();
        self.walk_block(&mut st, func.body, 0);
        let mut s = std::mem::take(&mut self.cur_summary);
        for l in &self.ret {
            match l {
                Label::Param(p) => {
                    s.param_to_ret.insert(*p);
                }
                Label::Src(o) => {
                    s.ret_sources.insert(*o);
                }
            }
        }
        let _ = func.node;
        s
    }

    // ---- statements ----

    /// Walks the statements of a block or module; stops after `return`/`raise`.
    fn walk_block(&mut self, st: &mut State, block: NodeId, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let kids = self.ast.named_vec(block);
        for s in kids {
            if self.stmt(st, s, depth + 1) {
                break;
            }
        }
    }

    /// Returns true when control cannot continue past the statement.
    fn stmt(&mut self, st: &mut State, s: NodeId, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let ast = self.ast;
        let f = self.f;
        match ast.cat(s) {
            Cat::ExprStmt => {
                for c in ast.named_vec(s) {
                    self.expr(st, c, depth + 1);
                }
            }
            Cat::Return => {
                for c in ast.named_vec(s) {
                    let t = self.expr(st, c, depth + 1);
                    self.ret.extend(t);
                }
                return true;
            }
            Cat::If => {
                let Some(cond) = ast.field(s, f.condition) else {
                    return false;
                };
                self.expr(st, cond, depth + 1);
                let konst = self.fold(st, cond);
                let cons = ast.field(s, f.consequence);
                let alts: Vec<NodeId> = ast.fields(s, f.alternative).collect();
                match konst {
                    Some(true) => {
                        if let Some(b) = cons {
                            self.walk_block(st, b, depth + 1);
                        }
                    }
                    Some(false) => self.alternatives(st, &alts, depth + 1),
                    None => {
                        let mut other = st.clone();
                        if let Some(b) = cons {
                            self.walk_block(st, b, depth + 1);
                        }
                        self.alternatives(&mut other, &alts, depth + 1);
                        st.join(&other);
                    }
                }
            }
            Cat::For => {
                let iter = ast
                    .field(s, f.right)
                    .map(|r| self.expr(st, r, depth + 1))
                    .unwrap_or_default();
                let before = st.clone();
                for _ in 0..2 {
                    if let Some(l) = ast.field(s, f.left) {
                        self.assign(st, l, None, iter.clone(), None, depth + 1);
                    }
                    if let Some(b) = ast.field(s, f.body) {
                        self.walk_block(st, b, depth + 1);
                    }
                    st.join(&before);
                }
                if let Some(alt) = ast.field(s, f.alternative) {
                    self.walk_children_blocks(st, alt, depth + 1);
                }
            }
            Cat::While => {
                if let Some(c) = ast.field(s, f.condition) {
                    self.expr(st, c, depth + 1);
                    if self.fold(st, c) == Some(false) {
                        return false;
                    }
                }
                let before = st.clone();
                for _ in 0..2 {
                    if let Some(b) = ast.field(s, f.body) {
                        self.walk_block(st, b, depth + 1);
                    }
                    st.join(&before);
                }
            }
            Cat::With => {
                for c in ast.named_vec(s) {
                    if ast.cat(c) == Cat::Block {
                        self.walk_block(st, c, depth + 1);
                    } else {
                        self.with_clause(st, c, depth + 1);
                    }
                }
            }
            Cat::Try => {
                let before = st.clone();
                let mut handlers_in = before.clone();
                for c in ast.named_vec(s) {
                    match ast.cat(c) {
                        Cat::Block => {
                            self.walk_block(st, c, depth + 1);
                            handlers_in.join(st);
                        }
                        _ => {
                            let kind = ast.text(c);
                            if kind.starts_with("except") {
                                let mut h = handlers_in.clone();
                                self.walk_children_blocks(&mut h, c, depth + 1);
                                st.join(&h);
                            } else {
                                self.walk_children_blocks(st, c, depth + 1);
                            }
                        }
                    }
                }
            }
            Cat::FunctionDef | Cat::Decorated | Cat::Import | Cat::ImportFrom => {}
            Cat::ClassDef => {
                // Class bodies run where the class is defined; methods are separate units.
                if let Some(b) = ast.field(s, f.body) {
                    self.walk_block(st, b, depth + 1);
                }
            }
            Cat::Assign | Cat::AugAssign => {
                self.expr(st, s, depth + 1);
            }
            _ if self.lang.is_delete(ast.node(s).kind) => {
                for t in ast.named_vec(s) {
                    self.delete(st, t, depth + 1);
                }
            }
            _ => {
                let stop = ast.text(s).starts_with("raise");
                for c in ast.named_vec(s) {
                    if ast.cat(c) == Cat::Block {
                        self.walk_block(st, c, depth + 1);
                    } else {
                        self.expr(st, c, depth + 1);
                    }
                }
                return stop;
            }
        }
        false
    }

    fn walk_children_blocks(&mut self, st: &mut State, clause: NodeId, depth: u32) {
        for c in self.ast.named_vec(clause) {
            if self.ast.cat(c) == Cat::Block {
                self.walk_block(st, c, depth + 1);
            }
        }
    }

    fn alternatives(&mut self, st: &mut State, alts: &[NodeId], depth: u32) {
        let Some((&first, rest)) = alts.split_first() else {
            return;
        };
        let ast = self.ast;
        match ast.cat(first) {
            Cat::ElifClause => {
                let cond = ast.field(first, self.f.condition);
                if let Some(c) = cond {
                    self.expr(st, c, depth + 1);
                }
                let konst = cond.and_then(|c| self.fold(st, c));
                let cons = ast.field(first, self.f.consequence);
                match konst {
                    Some(true) => {
                        if let Some(b) = cons {
                            self.walk_block(st, b, depth + 1);
                        }
                    }
                    Some(false) => self.alternatives(st, rest, depth + 1),
                    None => {
                        let mut other = st.clone();
                        if let Some(b) = cons {
                            self.walk_block(st, b, depth + 1);
                        }
                        self.alternatives(&mut other, rest, depth + 1);
                        st.join(&other);
                    }
                }
            }
            _ => self.walk_children_blocks(st, first, depth + 1),
        }
    }

    fn with_clause(&mut self, st: &mut State, node: NodeId, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let ast = self.ast;
        for item in ast.named_vec(node) {
            let is_as = ast.node(item).cat == Cat::Other && is_as_pattern(ast, item);
            if is_as {
                let kids = ast.named_vec(item);
                let (Some(&value), Some(&target)) = (kids.first(), kids.last()) else {
                    continue;
                };
                let t = self.expr(st, value, depth + 1);
                let target = ast.named_children(target).next().unwrap_or(target);
                self.assign(st, target, None, t, None, depth + 1);
            } else if ast.cat(item) == Cat::Other && ast.named_vec(item).len() == 1 {
                self.with_clause(st, item, depth + 1);
            } else {
                self.expr(st, item, depth + 1);
            }
        }
    }

    fn fold(&self, st: &State, cond: NodeId) -> Option<bool> {
        let lookup = |n: &str| st.consts.get(n).cloned();
        consteval::eval(self.ast, cond, &lookup).map(|v| v.truthy())
    }

    fn constant(&self, st: &State, e: NodeId) -> Option<Value> {
        let lookup = |n: &str| st.consts.get(n).cloned();
        consteval::eval(self.ast, e, &lookup)
    }

    /// Assigns `taint` to the target expression `lhs`. `rhs` (when known) lets tuple targets
    /// take their element's own taint and constants be recorded.
    fn assign(
        &mut self,
        st: &mut State,
        lhs: NodeId,
        rhs: Option<NodeId>,
        taint: Taint,
        konst: Option<Value>,
        depth: u32,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let ast = self.ast;
        let lhs = ast.unparen(lhs);
        match ast.cat(lhs) {
            Cat::Identifier => {
                let name = ast.text(lhs).to_string();
                match konst {
                    Some(v) => {
                        st.consts.insert(name.clone(), v);
                    }
                    None => {
                        st.consts.remove(&name);
                    }
                }
                if taint.is_empty() {
                    st.vars.remove(&name);
                } else {
                    st.vars.insert(name.clone(), taint);
                }
                // A source matching the container itself (not one element) keeps it whole.
                let whole = st.vars.get(&name).cloned().unwrap_or_default();
                match rhs
                    .and_then(|r| self.elems_of(st, r, depth + 1))
                    .filter(|e| whole.is_subset(&e.union()))
                {
                    Some(e) => st.set_elems(&name, e),
                    None => {
                        st.elems.remove(&name);
                    }
                }
            }
            Cat::Attribute => {
                let key = path_key(ast.text(lhs));
                if taint.is_empty() {
                    st.vars.remove(&key);
                } else {
                    st.vars.insert(key, taint);
                }
            }
            Cat::Subscript => {
                if self.elem_store(st, lhs, &taint, konst.as_ref()) {
                    return;
                }
                // A store into a container taints the container; it never cleans it.
                if let Some(v) = ast.field(lhs, self.f.value) {
                    let key = path_key(ast.text(ast.unparen(v)));
                    if !taint.is_empty() {
                        st.vars.entry(key).or_default().extend(taint);
                    }
                }
            }
            Cat::Container => {
                let targets = ast.named_vec(lhs);
                let elems: Option<Vec<NodeId>> = rhs
                    .map(|r| ast.unparen(r))
                    .filter(|r| ast.cat(*r) == Cat::Container)
                    .map(|r| ast.named_vec(r))
                    .filter(|e| e.len() == targets.len());
                for (i, tg) in targets.iter().enumerate() {
                    match elems.as_ref().and_then(|e| e.get(i)) {
                        Some(&e) => {
                            let et = self.expr_quiet(st, e, depth + 1);
                            let ek = self.constant(st, e);
                            self.assign(st, *tg, Some(e), et, ek, depth + 1);
                        }
                        None => self.assign(st, *tg, None, taint.clone(), None, depth + 1),
                    }
                }
            }
            _ => {
                for c in ast.named_vec(lhs) {
                    self.assign(st, c, None, taint.clone(), None, depth + 1);
                }
            }
        }
    }

    // ---- expressions ----

    /// Taint of an expression without recording sink hits (used when re-reading a value that
    /// was already evaluated once).
    fn expr_quiet(&mut self, st: &mut State, e: NodeId, depth: u32) -> Taint {
        let saved_hits = self.hits.len();
        let saved_sum = self.cur_summary.param_sinks.clone();
        let t = self.expr(st, e, depth);
        self.hits.truncate(saved_hits);
        self.cur_summary.param_sinks = saved_sum;
        t
    }

    fn expr(&mut self, st: &mut State, e: NodeId, depth: u32) -> Taint {
        if depth > MAX_DEPTH {
            return Taint::new();
        }
        let ast = self.ast;
        let f = self.f;
        let n = ast.node(e);
        let range = (n.start, n.end);
        if self.r.sanitizers.binary_search(&range).is_ok() {
            return Taint::new();
        }
        let d = depth + 1;
        let mut t = match n.cat {
            Cat::Identifier => {
                // A container used in a way not modelled element-wise may be changed or
                // aliased: from here on only its overall taint counts.
                st.elems.remove(ast.text(e));
                st.vars.get(ast.text(e)).cloned().unwrap_or_default()
            }
            Cat::Attribute => {
                let key = path_key(ast.text(e));
                let mut t = st.vars.get(&key).cloned().unwrap_or_default();
                if let Some(o) = ast.field(e, f.object) {
                    t.extend(self.expr(st, o, d));
                }
                t
            }
            Cat::Subscript if let Some(t) = self.elem_read(st, e, d) => t,
            Cat::Subscript => {
                let mut t = Taint::new();
                if let Some(v) = ast.field(e, f.value) {
                    t = self.expr(st, v, d);
                }
                for s in ast.fields(e, f.subscript).collect::<Vec<_>>() {
                    self.expr(st, s, d);
                }
                t
            }
            Cat::Call => self.call(st, e, d),
            Cat::Compare | Cat::Not => {
                for c in ast.named_vec(e) {
                    self.expr(st, c, d);
                }
                Taint::new()
            }
            Cat::CondExpr => {
                let kids = ast.named_vec(e);
                match kids.as_slice() {
                    [a, c, b] => {
                        self.expr(st, *c, d);
                        match self.fold(st, *c) {
                            Some(true) => self.expr(st, *a, d),
                            Some(false) => self.expr(st, *b, d),
                            None => {
                                let mut t = self.expr(st, *a, d);
                                t.extend(self.expr(st, *b, d));
                                t
                            }
                        }
                    }
                    _ => self.children_union(st, e, d),
                }
            }
            Cat::Assign => {
                let right = ast.field(e, f.right);
                let t = match right {
                    Some(r) => self.expr(st, r, d),
                    None => Taint::new(),
                };
                let konst = right.and_then(|r| self.constant(st, r));
                if let Some(l) = ast.field(e, f.left) {
                    let rhs = right.map(|r| assigned_value(ast, r, f));
                    self.assign(st, l, rhs, t.clone(), konst, d);
                }
                t
            }
            Cat::AugAssign => {
                let mut t = Taint::new();
                if let Some(l) = ast.field(e, f.left) {
                    t = self.expr(st, l, d);
                }
                if let Some(r) = ast.field(e, f.right) {
                    t.extend(self.expr(st, r, d));
                }
                if let Some(l) = ast.field(e, f.left) {
                    self.assign(st, l, None, t.clone(), None, d);
                }
                t
            }
            Cat::Comprehension => {
                let mut inner = st.clone();
                let kids = ast.named_vec(e);
                for c in kids.iter().skip(1) {
                    let kind_is_for =
                        ast.field(*c, f.right).is_some() && ast.field(*c, f.left).is_some();
                    if kind_is_for {
                        let it = ast
                            .field(*c, f.right)
                            .map(|r| self.expr(&mut inner, r, d))
                            .unwrap_or_default();
                        if let Some(l) = ast.field(*c, f.left) {
                            self.assign(&mut inner, l, None, it, None, d);
                        }
                    } else {
                        for x in ast.named_vec(*c) {
                            self.expr(&mut inner, x, d);
                        }
                    }
                }
                match kids.first() {
                    Some(b) => self.expr(&mut inner, *b, d),
                    None => Taint::new(),
                }
            }
            Cat::Lambda | Cat::Integer | Cat::Float | Cat::True | Cat::False | Cat::None => {
                Taint::new()
            }
            Cat::KeywordArg => match ast.field(e, f.value) {
                Some(v) => self.expr(st, v, d),
                None => Taint::new(),
            },
            _ => {
                if ast.text(e).contains(":=") && n.cat == Cat::Other {
                    // named_expression: name := value
                    let kids = ast.named_vec(e);
                    if let [name, value] = kids.as_slice() {
                        let t = self.expr(st, *value, d);
                        self.assign(st, *name, None, t.clone(), None, d);
                        t
                    } else {
                        self.children_union(st, e, d)
                    }
                } else {
                    self.children_union(st, e, d)
                }
            }
        };
        if self.r.sources.binary_search(&range).is_ok() {
            t.insert(Label::Src(n.start));
        }
        if let Some(props) = self.r.propagators.get(&range).cloned() {
            for (from, to) in props {
                if let Some(fnode) = ast.node_at(from.0, from.1) {
                    let ft = self.expr_quiet(st, fnode, d);
                    if !ft.is_empty() {
                        let key = path_key(ast.slice(to.0, to.1));
                        st.vars.entry(key).or_default().extend(ft);
                    }
                }
            }
        }
        if !t.is_empty() {
            self.check_sinks(range, &t, &[]);
        }
        t
    }

    fn children_union(&mut self, st: &mut State, e: NodeId, d: u32) -> Taint {
        let mut t = Taint::new();
        for c in self.ast.named_vec(e) {
            t.extend(self.expr(st, c, d));
        }
        t
    }

    fn check_sinks(&mut self, range: (u32, u32), t: &Taint, via: &[u32]) {
        let sinks: Vec<(u32, u32)> = self
            .r
            .sinks
            .iter()
            .copied()
            .filter(|(s, e)| *s <= range.0 && range.1 <= *e)
            .collect();
        for sink in sinks {
            self.record(None, sink, t, via.to_vec());
        }
    }

    fn record(&mut self, file: Option<u32>, sink: (u32, u32), t: &Taint, via: Vec<u32>) {
        for l in t {
            match l {
                Label::Src(o) => {
                    if self.report {
                        self.hits.push(TaintHit {
                            sink_file: file,
                            sink_start: sink.0,
                            sink_end: sink.1,
                            source_start: *o,
                            via_calls: via.clone(),
                        });
                    }
                }
                Label::Param(p) => {
                    if self.cur_summary.param_sinks.len() < 256 {
                        self.cur_summary.param_sinks.insert((
                            *p,
                            file,
                            sink.0,
                            sink.1,
                            via.clone(),
                        ));
                    }
                }
            }
        }
    }

    fn call(&mut self, st: &mut State, e: NodeId, d: u32) -> Taint {
        if let Some(t) = self.elem_call(st, e, d) {
            return t;
        }
        let ast = self.ast;
        let f = self.f;
        let func = ast.field(e, f.function);
        let mut recv = Taint::new();
        let mut callee: Option<(String, bool)> = None;
        if let Some(fn_node) = func {
            match ast.cat(fn_node) {
                Cat::Identifier => callee = Some((ast.text(fn_node).to_string(), false)),
                Cat::Attribute => {
                    // The whole `obj.method` is evaluated: a source may be the attribute itself
                    // (`request.get_json` of `request.get_json()`).
                    recv = self.expr(st, fn_node, d);
                    if let Some(a) = ast.field(fn_node, f.attribute) {
                        callee = Some((ast.text(a).to_string(), true));
                    }
                }
                _ => recv = self.expr(st, fn_node, d),
            }
        }
        // Arguments of a helper defined in this file are not sinks' business yet: its summary
        // decides what reaches its return value (a sanitising helper returns clean data) and
        // the call's own result is checked against the sinks around it.
        let local = callee
            .as_ref()
            .and_then(|(name, via_attr)| self.resolve(name, *via_attr));
        let external = match (local, func) {
            (None, Some(fn_node)) => self.external(fn_node),
            _ => None,
        };
        let saved = (local.is_some() || external.is_some())
            .then(|| (self.hits.len(), self.cur_summary.param_sinks.clone()));
        let mut positional: Vec<Taint> = Vec::new();
        let mut keywords: Vec<(String, Taint)> = Vec::new();
        let mut all = Taint::new();
        if let Some(args) = ast.field(e, f.arguments) {
            let items = if ast.cat(args) == Cat::Arguments {
                ast.named_vec(args)
            } else {
                vec![args]
            };
            for a in items {
                if ast.cat(a) == Cat::KeywordArg {
                    let name = ast
                        .field(a, f.name)
                        .map(|n| ast.text(n).to_string())
                        .unwrap_or_default();
                    let t = self.expr(st, a, d);
                    all.extend(t.iter().copied());
                    keywords.push((name, t));
                } else {
                    let t = self.expr(st, a, d);
                    all.extend(t.iter().copied());
                    positional.push(t);
                }
            }
        }
        if let Some((hits, sums)) = saved {
            // Drop what the arguments reported to sinks enclosing the whole call; keep sinks
            // that are the call itself or lie inside its arguments.
            let call = ast.node(e);
            let encloses = |s0: u32, s1: u32| {
                s0 <= call.start && call.end <= s1 && (s0, s1) != (call.start, call.end)
            };
            let mut k = 0;
            self.hits.retain(|h| {
                k += 1;
                k <= hits || !encloses(h.sink_start, h.sink_end)
            });
            let added: Vec<_> = self
                .cur_summary
                .param_sinks
                .iter()
                .filter(|x| !sums.contains(*x) && x.1.is_none() && encloses(x.2, x.3))
                .cloned()
                .collect();
            for x in added {
                self.cur_summary.param_sinks.remove(&x);
            }
        }
        if let Some(idx) = local {
            let (Some(func), Some(sum)) = (
                self.funcs.get(idx).cloned(),
                self.summaries.get(idx).cloned(),
            ) else {
                return recv.into_iter().chain(all).collect();
            };
            let arg_taint = |k: usize| -> Taint {
                let mut t = positional.get(k).cloned().unwrap_or_default();
                if let Some((name, _)) = func.params.get(k) {
                    for (kn, kt) in &keywords {
                        if kn == name {
                            t.extend(kt.iter().copied());
                        }
                    }
                }
                t
            };
            let mut ret = Taint::new();
            for p in &sum.param_to_ret {
                ret.extend(arg_taint(usize::from(*p)));
            }
            for o in &sum.ret_sources {
                ret.insert(Label::Src(*o));
            }
            let line = ast.line_of(ast.node(e).start);
            for (p, file, s0, s1, via) in &sum.param_sinks {
                let at = arg_taint(usize::from(*p));
                if !at.is_empty() {
                    let mut v = vec![line];
                    v.extend(via.iter().copied());
                    self.record(*file, (*s0, *s1), &at, v);
                }
            }
            // Data handed to the helper also reaches sinks around the call itself.
            return ret;
        }
        if let Some(sum) = external {
            let arg_taint = |k: usize| -> Taint {
                let mut t = positional.get(k).cloned().unwrap_or_default();
                if let Some(name) = sum.params.get(k) {
                    for (kn, kt) in &keywords {
                        if kn == name {
                            t.extend(kt.iter().copied());
                        }
                    }
                }
                t
            };
            let mut ret = Taint::new();
            for p in &sum.param_to_ret {
                ret.extend(arg_taint(usize::from(*p)));
            }
            if sum.ret_tainted {
                // A source in the other module: the call is where the data enters this file.
                ret.insert(Label::Src(ast.node(e).start));
            }
            let line = ast.line_of(ast.node(e).start);
            for (p, file, s0, s1) in &sum.param_sinks {
                let at = arg_taint(usize::from(*p));
                if !at.is_empty() {
                    self.record(Some(*file), (*s0, *s1), &at, vec![line]);
                }
            }
            return ret;
        }
        recv.extend(all);
        recv
    }

    // ---- containers, element by element ----

    /// The local name of a container with tracked elements, if `e` is one.
    fn tracked(&self, st: &State, e: NodeId) -> Option<String> {
        let e = self.ast.unparen(e);
        (self.ast.cat(e) == Cat::Identifier && st.elems.contains_key(self.ast.text(e)))
            .then(|| self.ast.text(e).to_string())
    }

    /// The elements a right-hand side builds, when all are known: a literal, a constructor
    /// call, or a constant slice of a tracked sequence.
    fn elems_of(&mut self, st: &mut State, r: NodeId, d: u32) -> Option<Elems> {
        if d > MAX_DEPTH {
            return None;
        }
        let ast = self.ast;
        let r = ast.unparen(r);
        match self.lang.container_shape(ast.node(r).kind) {
            Some(Shape::Sequence) => {
                let mut v = Vec::new();
                for c in ast.named_vec(r) {
                    if ast.cat(c) == Cat::Other {
                        return None;
                    }
                    let t = self.expr_quiet(st, c, d);
                    v.push((t, self.constant(st, c)));
                }
                return Some(Elems::Seq(v));
            }
            Some(Shape::Mapping) => {
                let mut v: Vec<(Value, Taint)> = Vec::new();
                for p in ast.named_vec(r) {
                    if ast.cat(p) != Cat::Pair {
                        return None;
                    }
                    let kv = ast.named_vec(p);
                    let [k, val] = kv.as_slice() else {
                        return None;
                    };
                    let key = self.constant(st, *k)?;
                    let t = self.expr_quiet(st, *val, d);
                    v.retain(|(x, _)| *x != key);
                    v.push((key, t));
                }
                return Some(Elems::Map(v));
            }
            None => {}
        }
        match ast.cat(r) {
            Cat::Call => {
                let func = ast.field(r, self.f.function)?;
                let shape = self.lang.container_constructor(ast.text(func))?;
                let args = ast.field(r, self.f.arguments)?;
                let items = ast.named_vec(args);
                match items.as_slice() {
                    [] => Some(match shape {
                        Shape::Sequence => Elems::Seq(Vec::new()),
                        Shape::Mapping => Elems::Map(Vec::new()),
                    }),
                    [one] => {
                        let e = self.elems_of(st, *one, d + 1)?;
                        match (shape, e) {
                            (Shape::Sequence, Elems::Seq(v)) => Some(Elems::Seq(v)),
                            (Shape::Mapping, Elems::Map(v)) => Some(Elems::Map(v)),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            Cat::Subscript => {
                let name = self.tracked(st, ast.field(r, self.f.value)?)?;
                let subs: Vec<NodeId> = ast.fields(r, self.f.subscript).collect();
                let [sub] = subs.as_slice() else { return None };
                let (a, b) = self.slice_bounds(st, *sub)?;
                match st.elems.get(&name)? {
                    Elems::Seq(v) => {
                        let (a, b) = clamp_slice(v.len(), a, b);
                        Some(Elems::Seq(v.get(a..b).unwrap_or(&[]).to_vec()))
                    }
                    Elems::Map(_) => None,
                }
            }
            _ => None,
        }
    }

    /// Constant `start:stop` of a slice without a step (`None` bounds are open).
    fn slice_bounds(&self, st: &State, sub: NodeId) -> Option<(Option<i128>, Option<i128>)> {
        let ast = self.ast;
        if !self.lang.is_slice(ast.node(sub).kind) {
            return None;
        }
        let mut colons = 0;
        let (mut a, mut b) = (None, None);
        for &c in ast.children(sub) {
            let n = ast.node(c);
            if !n.named {
                if ast.text(c) == ":" {
                    colons += 1;
                }
                continue;
            }
            let Some(Value::Int(i)) = self.constant(st, c) else {
                return None;
            };
            match colons {
                0 => a = Some(i),
                1 => b = Some(i),
                _ => return None,
            }
        }
        (colons == 1).then_some((a, b))
    }

    /// `x[k]` on a tracked container: the element's taint (or the slice's, or the whole
    /// container's when the key is not constant).
    fn elem_read(&mut self, st: &mut State, e: NodeId, d: u32) -> Option<Taint> {
        let ast = self.ast;
        let name = self.tracked(st, ast.field(e, self.f.value)?)?;
        let subs: Vec<NodeId> = ast.fields(e, self.f.subscript).collect();
        let [sub] = subs.as_slice() else { return None };
        if self.lang.is_slice(ast.node(*sub).kind) {
            let bounds = self.slice_bounds(st, *sub);
            for c in ast.named_vec(*sub) {
                self.expr(st, c, d);
            }
            let el = st.elems.get(&name)?;
            return Some(match (el, bounds) {
                (Elems::Seq(v), Some((a, b))) => {
                    let (a, b) = clamp_slice(v.len(), a, b);
                    v.get(a..b)
                        .unwrap_or(&[])
                        .iter()
                        .flat_map(|(t, _)| t.iter().copied())
                        .collect()
                }
                _ => el.union(),
            });
        }
        self.expr(st, *sub, d);
        let key = self.constant(st, *sub);
        let el = st.elems.get(&name)?;
        Some(match (el, key) {
            (Elems::Seq(v), Some(k)) => match seq_index(v.len(), &k) {
                Some(i) => v.get(i).map(|(t, _)| t.clone()).unwrap_or_default(),
                None => el.union(),
            },
            (Elems::Map(v), Some(k)) => v
                .iter()
                .find(|(x, _)| *x == k)
                .map(|(_, t)| t.clone())
                .unwrap_or_default(),
            _ => el.union(),
        })
    }

    /// `x[k] = v` on a tracked container with a constant key: replaces that element. Returns
    /// false when the store is not modelled (the container's elements are then dropped).
    fn elem_store(
        &mut self,
        st: &mut State,
        lhs: NodeId,
        taint: &Taint,
        konst: Option<&Value>,
    ) -> bool {
        let ast = self.ast;
        let Some(name) = ast
            .field(lhs, self.f.value)
            .and_then(|v| self.tracked(st, v))
        else {
            return false;
        };
        let subs: Vec<NodeId> = ast.fields(lhs, self.f.subscript).collect();
        let key = match subs.as_slice() {
            [sub] => self.constant(st, *sub),
            _ => None,
        };
        let Some(mut el) = st.elems.remove(&name) else {
            return false;
        };
        let done = match (&mut el, key) {
            (Elems::Seq(v), Some(k)) => match seq_index(v.len(), &k) {
                Some(i) => {
                    if let Some(slot) = v.get_mut(i) {
                        *slot = (taint.clone(), konst.cloned());
                    }
                    true
                }
                None => false,
            },
            (Elems::Map(v), Some(k)) => {
                v.retain(|(x, _)| *x != k);
                v.push((k, taint.clone()));
                true
            }
            _ => false,
        };
        if done {
            st.set_elems(&name, el);
        }
        done
    }

    /// `x.append(v)`, `x.pop(k)`, `x.get(k)`... on a tracked container.
    fn elem_call(&mut self, st: &mut State, e: NodeId, d: u32) -> Option<Taint> {
        let ast = self.ast;
        let func = ast.field(e, self.f.function)?;
        if ast.cat(func) != Cat::Attribute {
            return None;
        }
        let name = self.tracked(st, ast.field(func, self.f.object)?)?;
        let op = self
            .lang
            .container_op(ast.text(ast.field(func, self.f.attribute)?))?;
        let is_seq = matches!(st.elems.get(&name)?, Elems::Seq(_));
        let valid = if is_seq {
            !matches!(op, ElemOp::Get)
        } else {
            matches!(op, ElemOp::Pop | ElemOp::Clear | ElemOp::Get)
        };
        if !valid {
            return None;
        }
        let args: Vec<NodeId> = ast
            .field(e, self.f.arguments)
            .map(|a| ast.named_vec(a))
            .unwrap_or_default();
        if args
            .iter()
            .any(|a| matches!(ast.cat(*a), Cat::KeywordArg | Cat::Other))
        {
            return None;
        }
        let mut at: Vec<Taint> = Vec::new();
        let mut ak: Vec<Option<Value>> = Vec::new();
        for a in &args {
            at.push(self.expr(st, *a, d));
            ak.push(self.constant(st, *a));
        }
        let mut el = st.elems.remove(&name)?;
        let arg_t = |i: usize| at.get(i).cloned().unwrap_or_default();
        let arg_k = |i: usize| ak.get(i).cloned().flatten();
        let mut out = Taint::new();
        let ok = match (&mut el, op) {
            (Elems::Seq(v), ElemOp::Push) => {
                v.push((arg_t(0), arg_k(0)));
                true
            }
            (Elems::Seq(v), ElemOp::PushFront) => {
                v.insert(0, (arg_t(0), arg_k(0)));
                true
            }
            (Elems::Seq(v), ElemOp::Insert) => match arg_k(0) {
                Some(Value::Int(i)) => {
                    let len = i128::try_from(v.len()).unwrap_or(i128::MAX);
                    let i = if i < 0 { (len + i).max(0) } else { i.min(len) };
                    v.insert(usize::try_from(i).unwrap_or(0), (arg_t(1), arg_k(1)));
                    true
                }
                _ => false,
            },
            (Elems::Seq(v), ElemOp::Pop) => {
                let idx = match args.len() {
                    0 => v.len().checked_sub(1),
                    _ => arg_k(0).and_then(|k| seq_index(v.len(), &k)),
                };
                match idx {
                    Some(i) if i < v.len() => {
                        out = v.remove(i).0;
                        true
                    }
                    _ => false,
                }
            }
            (Elems::Seq(v), ElemOp::PopFront) => {
                if v.is_empty() {
                    false
                } else {
                    out = v.remove(0).0;
                    true
                }
            }
            (Elems::Seq(v), ElemOp::Remove) => match arg_k(0) {
                Some(k) => {
                    // `remove` takes the first equal element: every element before it must be a
                    // different known constant, or we cannot tell which one goes.
                    let hit = v.iter().position(|(_, c)| c.as_ref() == Some(&k));
                    let upto = hit.unwrap_or(v.len());
                    let ambiguous = v.iter().take(upto).any(|(_, c)| c.is_none());
                    match hit {
                        Some(i) if !ambiguous => {
                            v.remove(i);
                            true
                        }
                        _ => false,
                    }
                }
                None => false,
            },
            (Elems::Seq(v), ElemOp::Extend) => match args.first() {
                Some(a) => match self.elems_of(st, *a, d) {
                    Some(Elems::Seq(more)) => {
                        v.extend(more);
                        true
                    }
                    _ => false,
                },
                None => false,
            },
            (Elems::Seq(v), ElemOp::Clear) => {
                v.clear();
                true
            }
            (Elems::Map(v), ElemOp::Clear) => {
                v.clear();
                true
            }
            (Elems::Map(v), ElemOp::Get | ElemOp::Pop) => match arg_k(0) {
                Some(k) => {
                    match v.iter().position(|(x, _)| *x == k) {
                        Some(i) => {
                            out = if op == ElemOp::Pop {
                                v.remove(i).1
                            } else {
                                v.get(i).map(|x| x.1.clone()).unwrap_or_default()
                            };
                        }
                        None => out = arg_t(1),
                    }
                    true
                }
                None => false,
            },
            _ => false,
        };
        if ok {
            st.set_elems(&name, el);
            Some(out)
        } else {
            // Not modelled: the whole container's taint, and no element precision from now on.
            let mut t = el.union();
            for x in at {
                t.extend(x);
            }
            Some(t)
        }
    }

    /// `del x[k]` on a tracked container.
    fn delete(&mut self, st: &mut State, t: NodeId, d: u32) {
        let ast = self.ast;
        let t = ast.unparen(t);
        if ast.cat(t) == Cat::Container {
            for c in ast.named_vec(t) {
                self.delete(st, c, d + 1);
            }
            return;
        }
        if ast.cat(t) != Cat::Subscript {
            if ast.cat(t) == Cat::Identifier {
                let n = ast.text(t);
                st.elems.remove(n);
                st.vars.remove(n);
                st.consts.remove(n);
            }
            return;
        }
        let Some(name) = ast.field(t, self.f.value).and_then(|v| self.tracked(st, v)) else {
            self.expr(st, t, d);
            return;
        };
        let subs: Vec<NodeId> = ast.fields(t, self.f.subscript).collect();
        let key = match subs.as_slice() {
            [sub] => self.constant(st, *sub),
            _ => None,
        };
        let Some(mut el) = st.elems.remove(&name) else {
            return;
        };
        let ok = match (&mut el, key) {
            (Elems::Seq(v), Some(k)) => match seq_index(v.len(), &k) {
                Some(i) => {
                    v.remove(i);
                    true
                }
                None => false,
            },
            (Elems::Map(v), Some(k)) => {
                v.retain(|(x, _)| *x != k);
                true
            }
            _ => false,
        };
        if ok {
            st.set_elems(&name, el);
        }
    }

    /// `root` and every local function it calls, directly or not.
    fn local_callees(&self, root: usize) -> Vec<usize> {
        let ast = self.ast;
        let mut seen = vec![root];
        let mut todo = vec![root];
        while let Some(i) = todo.pop() {
            let Some(func) = self.funcs.get(i) else {
                continue;
            };
            let node = ast.node(func.node);
            for id in (func.node + 1)..node.end_id {
                if ast.cat(id) != Cat::Call {
                    continue;
                }
                let Some(fnode) = ast.field(id, self.f.function) else {
                    continue;
                };
                let callee = match ast.cat(fnode) {
                    Cat::Identifier => Some((ast.text(fnode), false)),
                    Cat::Attribute => ast
                        .field(fnode, self.f.attribute)
                        .map(|a| (ast.text(a), true)),
                    _ => None,
                };
                if let Some(j) = callee.and_then(|(n, m)| self.resolve(n, m))
                    && !seen.contains(&j)
                {
                    seen.push(j);
                    todo.push(j);
                }
            }
        }
        seen
    }

    /// The summary of a function of another module a call names through the imports.
    fn external(&self, fn_node: NodeId) -> Option<std::sync::Arc<ExtSummary>> {
        let ext = self.ext?;
        let ast = self.ast;
        let q = match ast.cat(fn_node) {
            Cat::Identifier => self.imports.get(ast.text(fn_node))?.clone(),
            Cat::Attribute => {
                let obj = ast.field(fn_node, self.f.object)?;
                let attr = ast.field(fn_node, self.f.attribute)?;
                if !matches!(ast.cat(obj), Cat::Identifier | Cat::Attribute) {
                    return None;
                }
                // `h.f` with `h` an imported module, or `pkg.mod.f` after `import pkg.mod`.
                let chain = path_key(ast.text(obj));
                let (first, rest) = chain.split_once('.').unwrap_or((chain.as_str(), ""));
                let base = self.imports.get(first)?;
                if rest.is_empty() {
                    format!("{base}.{}", ast.text(attr))
                } else {
                    format!("{base}.{rest}.{}", ast.text(attr))
                }
            }
            _ => return None,
        };
        ext.summary(&q)
    }

    /// The local function a call refers to: a plain name defined in the file (not a method),
    /// or a method name defined exactly once in the file's classes.
    fn resolve(&self, name: &str, via_attr: bool) -> Option<usize> {
        let cands = self.by_name.get(name)?;
        let matching: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|i| self.funcs.get(*i).is_some_and(|f| f.is_method == via_attr))
            .collect();
        match matching.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// `[a:b]` of a sequence of `len` elements as a clamped index range.
fn clamp_slice(len: usize, a: Option<i128>, b: Option<i128>) -> (usize, usize) {
    let n = i128::try_from(len).unwrap_or(i128::MAX);
    let fix = |x: i128| {
        let x = if x < 0 { n + x } else { x };
        usize::try_from(x.clamp(0, n)).unwrap_or(0)
    };
    let a = a.map_or(0, fix);
    let b = b.map_or(len, fix);
    (a, b.max(a))
}

fn path_key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The value actually stored by `a = b = v`: the innermost right-hand side.
fn assigned_value(ast: &Ast, mut r: NodeId, f: Fields) -> NodeId {
    while ast.cat(r) == Cat::Assign {
        match ast.field(r, f.right) {
            Some(x) => r = x,
            None => break,
        }
    }
    r
}

fn enclosing_class(ast: &Ast, func: NodeId) -> bool {
    let mut p = ast.node(func).parent;
    // function_definition → (decorated_definition) → block → class_definition
    for _ in 0..3 {
        if p == NodeId::MAX {
            return false;
        }
        match ast.cat(p) {
            Cat::ClassDef => return true,
            Cat::Block | Cat::Decorated => p = ast.node(p).parent,
            _ => return false,
        }
    }
    false
}

fn param_name(ast: &Ast, p: NodeId, f: Fields) -> Option<String> {
    match ast.cat(p) {
        Cat::Identifier => Some(ast.text(p).to_string()),
        _ => {
            if let Some(n) = ast.field(p, f.name) {
                return Some(ast.text(n).to_string());
            }
            // typed_parameter: first child identifier; splats: the identifier inside.
            ast.named_children(p)
                .find(|c| ast.cat(*c) == Cat::Identifier)
                .map(|c| ast.text(c).to_string())
        }
    }
}

fn is_as_pattern(ast: &Ast, id: NodeId) -> bool {
    let text = ast.text(id);
    text.contains(" as ") && ast.named_vec(id).len() == 2
}
