//! Terraform: HCL2 configurations and plan JSON into [`Document`]s.
//!
//! # How the scanner uses it
//!
//! 1. For each `*.tf`, `*.tfvars` and `*.tfvars.json` file met in the walk, call
//!    [`parse_file`]`(rel_path, bytes)`. An error is a [`TerraformError`] carrying the file and
//!    line; turn it into a diagnostic with [`TerraformError::to_diagnostic`] and go on.
//! 2. At the end of the walk, hand every parsed file to [`evaluate_tree`] with a [`Loader`]
//!    (usually [`FsLoader`] on the scan root) and the [`Options`] (`--var-file`s). It groups the
//!    files by directory, finds which directories are called as local modules by another
//!    directory of the tree, and evaluates every other directory as a root module: one
//!    [`Document`] per root module, holding its own resources and, prefixed `module.NAME.`, the
//!    resources of the local modules it calls with the inputs it passes. A module directory that
//!    is only ever called is therefore reported through its callers, once per call, and never as
//!    a root with unset variables. [`evaluate_module`] evaluates one directory as a root.
//! 3. Plan JSON (`terraform show -json`): recognise it with [`is_plan_json`] on the first bytes
//!    of a `.json` file and turn it into a document with [`parse_plan`].
//! 4. User (conftest-compatible) policies read [`conftest_json`] of each `.tf` file: the same
//!    JSON conftest's HCL2 parser gives (`{"resource": {"aws_s3_bucket": {"b": [{...}]}}}`,
//!    expressions unevaluated as `"${...}"`).
//!
//! # What the evaluation does
//!
//! Variables take their defaults, then `terraform.tfvars`, `terraform.tfvars.json`,
//! `*.auto.tfvars(.json)` in name order, then the extra var files (root modules only), then a
//! module call's inputs (child modules). Locals are evaluated on demand, cycles left unknown.
//! Expressions are evaluated where their inputs are static: operators, conditionals,
//! templates and heredocs (with `%{if}`/`%{for}`), `for` expressions, splats, indexing and
//! most built-in functions (see `functions.rs`); `file()`/`templatefile()` read through the
//! loader inside the scan root only. What cannot be known before apply (resource attributes,
//! variables without a value) is the string `"${<expression>}"`; a template that is partly
//! known is rendered with the unknown parts left as `${...}`. `count` and `for_each` expand
//! into instances (`aws_instance.web[0]`, `aws_s3_bucket.b["logs"]`) where static; when they
//! are not, one instance without a key stands for all of them. `dynamic` blocks expand the
//! same way. Every resource records the addresses of the resources and data sources its
//! expressions refer to (through locals, module inputs and outputs too) in `references`.
//! Remote module sources are not fetched: one note per module call says so. When `terraform
//! init` has installed them (`.terraform/modules/modules.json` beside the root module), the
//! installed copy is read instead, and a note names it; installed copies are never roots.
//!
//! Work is bounded ([`Limits`]): module depth, instances per `count`/`for_each`, resources
//! per root, string size, bytes read by `file()`, and a work budget for the whole evaluation.
//! Nothing is executed and nothing outside the scan root is read.

mod conftest;
mod eval;
mod functions;
mod module;
mod parse;
mod plan;
mod value;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use hcl_edit::expr::Expression;
use rampart_core::scanner::Diagnostic;

use crate::document::{Document, DocumentKind};
use module::{ModuleEval, Sink, join_relative};

pub use conftest::conftest_json;
pub use parse::{FileKind, MAX_FILE_BYTES, ParsedFile, parse_file};
pub use plan::{is_plan_json, parse_plan};

/// The scanner name diagnostics carry.
pub(crate) const SCANNER: &str = "iac";

/// A Terraform file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TerraformError {
    #[error("{path}:{line}: HCL syntax error: {message}")]
    Syntax {
        path: String,
        line: u32,
        message: String,
    },
    #[error("{path}:{line}: not valid UTF-8")]
    NotUtf8 { path: String, line: u32 },
    #[error("{path}: {size} bytes is over the {limit}-byte limit for Terraform files")]
    TooLarge {
        path: String,
        size: usize,
        limit: usize,
    },
    #[error("{path}:{line}: not a Terraform plan: {message}")]
    Plan {
        path: String,
        line: u32,
        message: String,
    },
}

impl TerraformError {
    pub fn path(&self) -> &str {
        match self {
            TerraformError::Syntax { path, .. }
            | TerraformError::NotUtf8 { path, .. }
            | TerraformError::TooLarge { path, .. }
            | TerraformError::Plan { path, .. } => path,
        }
    }

    pub fn line(&self) -> Option<u32> {
        match self {
            TerraformError::Syntax { line, .. }
            | TerraformError::NotUtf8 { line, .. }
            | TerraformError::Plan { line, .. } => Some(*line),
            TerraformError::TooLarge { .. } => None,
        }
    }

    /// An error-level diagnostic naming the file and line.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let message = match self {
            TerraformError::Syntax { message, .. } => {
                format!("terraform: HCL syntax error: {message}")
            }
            TerraformError::NotUtf8 { .. } => "terraform: file is not valid UTF-8".to_string(),
            TerraformError::TooLarge { size, limit, .. } => {
                format!(
                    "terraform: file of {size} bytes is over the {limit}-byte limit; not scanned"
                )
            }
            TerraformError::Plan { message, .. } => format!("terraform plan: {message}"),
        };
        Diagnostic::error(SCANNER, Some(self.path()), self.line(), message)
    }
}

/// Why the loader could not give a file or directory.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{0} is outside the scanned directory")]
    OutsideRoot(String),
    #[error("{0} not found")]
    NotFound(String),
    #[error("{path} is larger than {limit} bytes")]
    TooLarge { path: String, limit: usize },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

/// Reads module directories and files for the evaluator. Paths are relative to the scan root,
/// `/`-separated and already normalised (no `..`); an implementation must still refuse anything
/// that resolves outside the root (symlinks).
pub trait Loader: Sync {
    /// The Terraform files (`*.tf`) of a directory as (relative path, bytes).
    fn module_files(&self, dir: &str) -> Result<Vec<(String, Vec<u8>)>, LoadError>;
    /// One file, at most `max_bytes` long.
    fn read_file(&self, path: &str, max_bytes: usize) -> Result<Vec<u8>, LoadError>;
}

/// A loader that has nothing: modules not given to [`evaluate_tree`] are reported unreadable
/// and `file()` is unknown.
pub struct NoLoader;

impl Loader for NoLoader {
    fn module_files(&self, dir: &str) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
        Err(LoadError::NotFound(dir.to_string()))
    }
    fn read_file(&self, path: &str, _max_bytes: usize) -> Result<Vec<u8>, LoadError> {
        Err(LoadError::NotFound(path.to_string()))
    }
}

/// Reads from the file system below a root directory, refusing paths whose real location
/// (after symlinks) is outside it.
pub struct FsLoader {
    root: PathBuf,
}

impl FsLoader {
    pub fn new(root: &Path) -> std::io::Result<FsLoader> {
        Ok(FsLoader {
            root: root.canonicalize()?,
        })
    }

    fn resolve(&self, rel: &str) -> Result<PathBuf, LoadError> {
        if rel.split('/').any(|p| p == "..") || rel.starts_with('/') {
            return Err(LoadError::OutsideRoot(rel.to_string()));
        }
        let joined = if rel.is_empty() {
            self.root.clone()
        } else {
            self.root.join(rel)
        };
        let real = joined.canonicalize().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(rel.to_string()),
            _ => LoadError::Io {
                path: rel.to_string(),
                message: e.to_string(),
            },
        })?;
        if !real.starts_with(&self.root) {
            return Err(LoadError::OutsideRoot(rel.to_string()));
        }
        Ok(real)
    }
}

impl Loader for FsLoader {
    fn module_files(&self, dir: &str) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
        let real = self.resolve(dir)?;
        let io = |e: std::io::Error| LoadError::Io {
            path: dir.to_string(),
            message: e.to_string(),
        };
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&real).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if FileKind::of(&name) != Some(FileKind::Config) {
                continue;
            }
            let rel = if dir.is_empty() {
                name
            } else {
                format!("{dir}/{name}")
            };
            match self.read_file(&rel, MAX_FILE_BYTES) {
                Ok(bytes) => out.push((rel, bytes)),
                // A too-large file is handed over truncated so parse_file reports it.
                Err(LoadError::TooLarge { .. }) => out.push((rel, vec![0; MAX_FILE_BYTES + 1])),
                Err(_) => {}
            }
        }
        Ok(out)
    }

    fn read_file(&self, path: &str, max_bytes: usize) -> Result<Vec<u8>, LoadError> {
        use std::io::Read;
        let real = self.resolve(path)?;
        let io = |e: std::io::Error| LoadError::Io {
            path: path.to_string(),
            message: e.to_string(),
        };
        let file = std::fs::File::open(&real).map_err(io)?;
        if !file.metadata().map_err(io)?.is_file() {
            return Err(LoadError::NotFound(path.to_string()));
        }
        let mut buf = Vec::new();
        file.take(max_bytes as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
        if buf.len() > max_bytes {
            return Err(LoadError::TooLarge {
                path: path.to_string(),
                limit: max_bytes,
            });
        }
        Ok(buf)
    }
}

/// Bounds on the work one root module's evaluation may do.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Nested local module calls followed.
    pub max_module_depth: usize,
    /// Instances one `count`/`for_each`/`dynamic` expands into.
    pub max_instances: usize,
    /// Resources in one root module's document.
    pub max_resources: usize,
    /// Longest string an expression may produce.
    pub max_string_bytes: usize,
    /// Largest file `file()`/`templatefile()` reads.
    pub max_file_bytes: usize,
    /// Work units for the whole evaluation (one per expression, plus the size of values
    /// copied); when it runs out the rest is left unknown and a warning says so.
    pub fuel: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_module_depth: 16,
            max_instances: 1_000,
            max_resources: 50_000,
            max_string_bytes: 1 << 20,
            max_file_bytes: 1 << 20,
            // The largest real module evaluated (terraform-aws-eks tests) uses 270k.
            fuel: 4_000_000,
        }
    }
}

/// What the caller adds to an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--var-file`s, parsed with [`parse_file`], applied to every root module after its
    /// own tfvars files, in order.
    pub var_files: Vec<ParsedFile>,
    pub limits: Limits,
}

/// Evaluates one directory as a root module: its `.tf` files and its tfvars files (the
/// `files` may contain other files of the directory; only the auto-loaded tfvars names are
/// used). Local modules are read through `loader`.
pub fn evaluate_module(
    dir: &str,
    files: &[ParsedFile],
    loader: &dyn Loader,
    options: &Options,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let preparsed = BTreeMap::new();
    let (doc, diags) = evaluate_root(dir, files, loader, &preparsed, options);
    (vec![doc], diags)
}

/// Evaluates every root module of a tree (see the module docs): `files` are all parsed
/// Terraform files of the scan.
pub fn evaluate_tree(
    files: Vec<ParsedFile>,
    loader: &dyn Loader,
    options: &Options,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut by_dir: BTreeMap<String, Vec<ParsedFile>> = BTreeMap::new();
    for f in files {
        by_dir.entry(f.dir().to_string()).or_default().push(f);
    }
    for files in by_dir.values_mut() {
        files.sort_by(|a, b| a.path.cmp(&b.path));
    }
    let mut called: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (dir, files) in &by_dir {
        for target in local_module_targets(dir, files) {
            if target != *dir {
                called.entry(target).or_default().insert(dir.clone());
            }
        }
    }
    // Roots: directories with configuration that no other directory calls. A directory
    // only called from within a cycle of calls would never be reached, so it is a root too.
    let has_config = |files: &[ParsedFile]| files.iter().any(|f| f.kind == FileKind::Config);
    // Modules `terraform init` installed are evaluated through their callers only.
    let installed =
        |d: &str| d == ".terraform" || d.starts_with(".terraform/") || d.contains("/.terraform/");
    let mut roots: Vec<String> = by_dir
        .iter()
        .filter(|(d, f)| has_config(f) && !called.contains_key(*d) && !installed(d))
        .map(|(d, _)| d.clone())
        .collect();
    let mut reached: BTreeSet<String> = BTreeSet::new();
    let mut queue = roots.clone();
    while let Some(d) = queue.pop() {
        if !reached.insert(d.clone()) {
            continue;
        }
        if let Some(files) = by_dir.get(&d) {
            queue.extend(local_module_targets(&d, files));
        }
    }
    for (d, f) in &by_dir {
        if has_config(f) && !reached.contains(d) && !installed(d) {
            roots.push(d.clone());
            reached.insert(d.clone());
        }
    }
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for root in roots {
        let files = &by_dir[&root];
        let (doc, d) = evaluate_root(&root, files, loader, &by_dir, options);
        docs.push(doc);
        diags.extend(d);
    }
    (docs, diags)
}

/// Directories a module directory calls through literal local `source`s.
fn local_module_targets(dir: &str, files: &[ParsedFile]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.kind == FileKind::Config) {
        for block in f.body.blocks() {
            if block.ident.as_str() != "module" {
                continue;
            }
            if let Some(Expression::String(s)) =
                block.body.get_attribute("source").map(|a| &a.value)
            {
                let s = s.value();
                if (s.starts_with("./") || s.starts_with("../") || s == "." || s == "..")
                    && let Some(t) = join_relative(dir, s)
                {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn evaluate_root(
    dir: &str,
    files: &[ParsedFile],
    loader: &dyn Loader,
    preparsed: &BTreeMap<String, Vec<ParsedFile>>,
    options: &Options,
) -> (Document, Vec<Diagnostic>) {
    let doc_path = if dir.is_empty() {
        ".".to_string()
    } else {
        dir.to_string()
    };
    let mut sink = Sink::new(options.limits.clone(), loader, preparsed, dir);
    let mut config: Vec<ParsedFile> = files
        .iter()
        .filter(|f| f.kind == FileKind::Config)
        .cloned()
        .collect();
    config.sort_by(|a, b| a.path.cmp(&b.path));
    let mut tfvars: Vec<&ParsedFile> = files.iter().filter(|f| auto_loaded_tfvars(f)).collect();
    tfvars.sort_by_key(|f| tfvars_order(f));
    {
        let mut root = ModuleEval::new(
            &mut sink,
            dir,
            String::new(),
            &config,
            vec![dir.to_string()],
        );
        for f in tfvars.into_iter().chain(options.var_files.iter()) {
            let values = root.tfvars_values(f);
            root.set_vars(values);
        }
        root.run();
    }
    sink.finish(&doc_path);
    let Sink {
        mut resources,
        raw_refs,
        diagnostics,
        ..
    } = sink;
    resolve_references(&mut resources, raw_refs);
    let doc = Document {
        kind: DocumentKind::Terraform,
        path: doc_path,
        resources,
    };
    (doc, diagnostics)
}

fn auto_loaded_tfvars(f: &ParsedFile) -> bool {
    let name = f.path.rsplit('/').next().unwrap_or(&f.path);
    matches!(f.kind, FileKind::Vars | FileKind::VarsJson)
        && (name == "terraform.tfvars"
            || name == "terraform.tfvars.json"
            || name.ends_with(".auto.tfvars")
            || name.ends_with(".auto.tfvars.json"))
}

/// Terraform's precedence: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json)
/// in lexical order.
fn tfvars_order(f: &ParsedFile) -> (u8, String) {
    let name = f.path.rsplit('/').next().unwrap_or(&f.path).to_string();
    let rank = match name.as_str() {
        "terraform.tfvars" => 0,
        "terraform.tfvars.json" => 1,
        _ => 2,
    };
    (rank, name)
}

/// Turns the addresses expressions named into addresses of resources that exist: an
/// un-indexed reference to an expanded resource means every instance of it.
fn resolve_references(resources: &mut [crate::document::Resource], raw_refs: Vec<Vec<String>>) {
    let addresses: BTreeSet<String> = resources.iter().map(|r| r.address.clone()).collect();
    for (resource, raw) in resources.iter_mut().zip(raw_refs) {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for r in raw {
            let matches: Vec<&String> = if addresses.contains(&r) {
                vec![addresses.get(&r).expect("present")]
            } else {
                let prefix = format!("{r}[");
                addresses
                    .range(prefix.clone()..)
                    .take_while(|a| a.starts_with(&prefix))
                    .collect()
            };
            for m in matches {
                if *m != resource.address && seen.insert(m.clone()) {
                    out.push(m.clone());
                }
            }
        }
        resource.references = out;
    }
}
