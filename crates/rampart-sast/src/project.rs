//! Cross-file taint: the modules a file imports are found in the scanned tree, their functions
//! summarised per taint rule (what reaches the return value, which parameters reach which
//! sinks, whether a source is returned), and the summaries used at the call sites of the
//! importing file — so a Flask view calling a helper of another module is followed both ways.
//!
//! Modules are read from disk under the scan root on first use (never outside it, never over
//! [`crate::MAX_SOURCE_BYTES`], at most [`MAX_PROJECT_BYTES`] in all) and their summaries cached
//! for the whole scan; import cycles are cut (a module being summarised is opaque to itself).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::lang::Language;
use crate::matcher::Target;
use crate::rules::{self, Req, RuleKind};
use crate::taint::{self, ExtSummary, Externals};
use crate::{Engine, ast};

/// Total source bytes of imported modules kept for one scan.
pub const MAX_PROJECT_BYTES: usize = 256 * 1024 * 1024;

/// Source bytes of the modules whose syntax trees are kept between lookups.
const MAX_TREE_SOURCE_BYTES: usize = 32 * 1024 * 1024;

/// A module file read for cross-file analysis.
#[derive(Debug, Clone)]
pub struct ModFile {
    /// Path relative to the scan root, `/`-separated.
    pub rel: String,
    pub src: Arc<str>,
}

#[derive(Default)]
struct State {
    root: Option<(PathBuf, PathBuf)>,
    files: Vec<ModFile>,
    by_rel: HashMap<String, Option<u32>>,
    /// (module, rule, function) → summary (`None`: no such function).
    summaries: HashMap<(u32, usize, String), Option<Arc<ExtSummary>>>,
    busy: HashSet<(u32, usize, String)>,
    trees: HashMap<u32, Arc<ast::Ast>>,
    prepared: HashMap<(u32, usize), Option<Arc<taint::Prepared>>>,
    tree_bytes: usize,
    bytes: usize,
}

/// The modules of one scanned tree, shared by every file's analysis (thread-safe).
#[derive(Default)]
pub struct Project {
    state: Mutex<State>,
}

impl Project {
    pub fn new() -> Project {
        Project::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the cache inconsistent in a way that matters here.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A module file by id (ids appear in [`crate::RawMatch::sink_file`]).
    pub fn file(&self, id: u32) -> Option<ModFile> {
        self.lock().files.get(id as usize).cloned()
    }

    /// Reads `rel` under `root` once; `None` when absent, outside the root, too large or over
    /// the total budget.
    fn load(&self, root: &Path, rel: &str) -> Option<u32> {
        {
            let st = self.lock();
            if let Some(id) = st.by_rel.get(rel) {
                return *id;
            }
        }
        let canon_root = {
            let mut st = self.lock();
            match &st.root {
                Some((r, c)) if r == root => c.clone(),
                _ => {
                    let c = root.canonicalize().ok()?;
                    st.root = Some((root.to_path_buf(), c.clone()));
                    c
                }
            }
        };
        let path = root.join(rel);
        let read = || -> Option<String> {
            let real = path.canonicalize().ok()?;
            if !real.starts_with(&canon_root) {
                return None;
            }
            let meta = std::fs::metadata(&real).ok()?;
            if !meta.is_file() || meta.len() > crate::MAX_SOURCE_BYTES {
                return None;
            }
            let bytes = std::fs::read(&real).ok()?;
            Some(String::from_utf8_lossy(&bytes).into_owned())
        };
        let text = read();
        let mut st = self.lock();
        if let Some(id) = st.by_rel.get(rel) {
            return *id;
        }
        let id = match text {
            Some(t) if st.bytes + t.len() <= MAX_PROJECT_BYTES => {
                st.bytes += t.len();
                let id = u32::try_from(st.files.len()).ok()?;
                st.files.push(ModFile {
                    rel: rel.to_string(),
                    src: Arc::from(t),
                });
                Some(id)
            }
            _ => None,
        };
        st.by_rel.insert(rel.to_string(), id);
        id
    }

    /// The summary of function `func` of module `id` for rule `rule`, computed once.
    fn summary(&self, cx: &Cx<'_>, id: u32, rule: usize, func: &str) -> Option<Arc<ExtSummary>> {
        let key = (id, rule, func.to_string());
        {
            let mut st = self.lock();
            if let Some(e) = st.summaries.get(&key) {
                return e.clone();
            }
            if !st.busy.insert(key.clone()) {
                // A recursion across modules (or another thread on it right now): opaque.
                return None;
            }
        }
        let computed = self.compute(cx, id, rule, func).map(Arc::new);
        let mut st = self.lock();
        st.busy.remove(&key);
        st.summaries.insert(key, computed.clone());
        computed
    }

    /// A module's syntax tree, parsed once while the cache has room.
    fn tree(&self, cx: &Cx<'_>, id: u32, src: &str) -> Option<Arc<ast::Ast>> {
        if let Some(t) = self.lock().trees.get(&id) {
            return Some(t.clone());
        }
        let t = Arc::new(ast::parse(cx.lang, src)?);
        let mut st = self.lock();
        if st.tree_bytes + src.len() <= MAX_TREE_SOURCE_BYTES {
            st.tree_bytes += src.len();
            st.trees.insert(id, t.clone());
        }
        Some(t)
    }

    fn compute(&self, cx: &Cx<'_>, id: u32, rule: usize, func: &str) -> Option<ExtSummary> {
        let m = self.file(id)?;
        let r = cx.engine.rules().get(rule)?;
        let RuleKind::Taint(spec) = &r.kind else {
            return None;
        };
        let tree = self.tree(cx, id, &m.src)?;
        let target = Target::new(cx.lang, &tree);
        let cached = self.lock().prepared.get(&(id, rule)).cloned();
        let prepared = match cached {
            Some(p) => p,
            None => {
                let present = cx.engine.literals_present(&m.src);
                let has = |lit: &str| cx.engine.has_literal(&present, lit);
                let part = |q: &Req| rules::req_holds(q, &has);
                let p = taint::prepare(spec, &target, &part).map(Arc::new);
                self.lock().prepared.insert((id, rule), p.clone());
                p
            }
        }?;
        let ext = Ext {
            cx: *cx,
            caller: m.rel.clone(),
            rule,
        };
        taint::export(&prepared, &target, Some(&ext), id, func)
    }
}

/// What a cross-file lookup needs besides the cache.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub project: &'a Project,
    pub engine: &'a Engine,
    pub root: &'a Path,
    pub lang: &'static dyn Language,
}

/// The [`Externals`] of one file for one rule.
pub struct Ext<'a> {
    pub cx: Cx<'a>,
    /// The importing file, relative to the root.
    pub caller: String,
    pub rule: usize,
}

impl Externals for Ext<'_> {
    fn summary(&self, qualified: &str) -> Option<Arc<ExtSummary>> {
        let (module, func) = qualified.rsplit_once('.')?;
        if module.chars().all(|c| c == '.') {
            return None;
        }
        for cand in self.cx.lang.module_files(&self.caller, module) {
            if cand == self.caller {
                continue;
            }
            if let Some(id) = self.cx.project.load(self.cx.root, &cand) {
                return self.cx.project.summary(&self.cx, id, self.rule, func);
            }
        }
        None
    }
}
