//! Evaluating one module instance: variables, locals, resources, nested module calls.

use std::collections::{BTreeMap, BTreeSet};

use hcl_edit::Span;
use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::{Block, Body, Structure};
use rampart_core::scanner::{Diagnostic, DiagnosticLevel};

use super::eval::{EvalError, EvalResult, Scope, instance_suffix, invalid, iterate};
use super::parse::{FileKind, ParsedFile, parse_file};
use super::value::Val;
use super::{Limits, Loader, SCANNER};
use crate::document::Resource;

/// Meta-arguments of a resource block; `terraform show -json` leaves them out of `values`.
const RESOURCE_META: &[&str] = &["count", "for_each", "provider", "depends_on"];
const RESOURCE_META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];
/// Arguments of a module block that are not inputs of the child module.
const MODULE_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

/// State shared by every module instance of one root evaluation.
pub(crate) struct Sink<'l> {
    pub resources: Vec<Resource>,
    /// Per resource, the addresses its expressions referred to (resolved at the end).
    pub raw_refs: Vec<Vec<String>>,
    pub diagnostics: Vec<Diagnostic>,
    pub limits: Limits,
    pub loader: &'l dyn Loader,
    pub preparsed: &'l BTreeMap<String, Vec<ParsedFile>>,
    /// Directory of the root module, relative to the scan root.
    pub root_dir: String,
    fuel: u64,
    budget_reported: bool,
    resources_reported: bool,
    /// `.terraform/modules/modules.json` of the root module: module key → directory that
    /// `terraform init` installed it in (read once, when a remote source is met).
    installed: Option<BTreeMap<String, String>>,
}

impl<'l> Sink<'l> {
    pub fn new(
        limits: Limits,
        loader: &'l dyn Loader,
        preparsed: &'l BTreeMap<String, Vec<ParsedFile>>,
        root_dir: &str,
    ) -> Sink<'l> {
        Sink {
            resources: Vec::new(),
            raw_refs: Vec::new(),
            diagnostics: Vec::new(),
            fuel: limits.fuel,
            limits,
            loader,
            preparsed,
            root_dir: root_dir.to_string(),
            budget_reported: false,
            resources_reported: false,
            installed: None,
        }
    }

    pub fn note(&mut self, level: DiagnosticLevel, path: &str, line: Option<u32>, message: String) {
        self.diagnostics.push(Diagnostic {
            level,
            scanner: SCANNER.to_string(),
            path: Some(path.to_string()),
            line,
            message,
        });
    }

    /// Where `terraform init` installed the module with this key, if it did.
    fn installed_dir(&mut self, key: &str) -> Option<String> {
        if self.installed.is_none() {
            let mut map = BTreeMap::new();
            let manifest = join_relative(&self.root_dir, ".terraform/modules/modules.json");
            if let Some(path) = manifest
                && let Ok(bytes) = self.loader.read_file(&path, 4 << 20)
                && let Ok(json) = serde_json::from_slice::<serde_json::Value>(&bytes)
            {
                for m in json["Modules"].as_array().into_iter().flatten() {
                    if let (Some(k), Some(dir)) = (m["Key"].as_str(), m["Dir"].as_str())
                        && let Some(d) = join_relative(&self.root_dir, dir)
                    {
                        map.insert(k.to_string(), d);
                    }
                }
            }
            self.installed = Some(map);
        }
        self.installed.as_ref().and_then(|m| m.get(key).cloned())
    }

    /// Reports once that the work budget ran out.
    pub fn finish(&mut self, root_path: &str) {
        if self.fuel == 0 && !self.budget_reported {
            self.budget_reported = true;
            self.note(
                DiagnosticLevel::Warning,
                root_path,
                None,
                "terraform: the evaluation work limit was reached; the remaining expressions are left unevaluated".into(),
            );
        }
    }
}

/// One instance of a block: its key (`None` without count/for_each, or when they are not
/// static) and the names it binds (`count`, `each`).
type Instance = (Option<Val>, Vec<(&'static str, Val)>);

enum Slot {
    InProgress,
    Done(Val),
}

/// One module instance being evaluated.
pub(crate) struct ModuleEval<'s, 'l, 'f> {
    pub(crate) sink: &'s mut Sink<'l>,
    dir: String,
    /// `""` for the root module, `module.a.` / `module.a["k"].module.b.` below it.
    prefix: String,
    /// The module's key in `.terraform/modules/modules.json` (`a.b`; `""` for the root).
    module_key: String,
    files: &'f [ParsedFile],
    /// Module directories from the root down to this one (cycle detection).
    stack: Vec<String>,
    vars: BTreeMap<String, Val>,
    locals: BTreeMap<String, (usize, &'f Expression)>,
    local_values: BTreeMap<String, Slot>,
    module_calls: BTreeMap<String, (usize, &'f Block)>,
    module_values: BTreeMap<String, Slot>,
    resource_names: BTreeSet<String>,
    /// `type.name` / `data.type.name` → its block, for references to expanded resources.
    resource_blocks: BTreeMap<String, (usize, &'f Block)>,
    /// Instance keys of resources referred to, evaluated once (`None` while in progress).
    instance_keys: BTreeMap<String, Option<Vec<Option<Val>>>>,
    /// Declared `type` of each variable, applied to every value it gets.
    var_types: BTreeMap<String, (usize, &'f Expression)>,
    /// Variables declared `nullable = false`: a null value leaves them at their default.
    non_nullable: BTreeSet<String>,
    template_depth: usize,
}

impl<'s, 'l, 'f> ModuleEval<'s, 'l, 'f> {
    pub fn new(
        sink: &'s mut Sink<'l>,
        dir: &str,
        prefix: String,
        files: &'f [ParsedFile],
        stack: Vec<String>,
    ) -> Self {
        let mut m = ModuleEval {
            sink,
            dir: dir.to_string(),
            prefix,
            module_key: String::new(),
            files,
            stack,
            vars: BTreeMap::new(),
            locals: BTreeMap::new(),
            local_values: BTreeMap::new(),
            module_calls: BTreeMap::new(),
            module_values: BTreeMap::new(),
            resource_names: BTreeSet::new(),
            resource_blocks: BTreeMap::new(),
            instance_keys: BTreeMap::new(),
            var_types: BTreeMap::new(),
            non_nullable: BTreeSet::new(),
            template_depth: 0,
        };
        m.index_declarations();
        m
    }

    fn index_declarations(&mut self) {
        let files = self.files;
        let mut var_defaults = Vec::new();
        for (idx, file) in files.iter().enumerate() {
            if file.kind != FileKind::Config {
                continue;
            }
            for block in file.body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.as_str(), labels.as_slice()) {
                    ("variable", [name]) => {
                        if let Some(Expression::Bool(b)) =
                            block.body.get_attribute("nullable").map(|a| &a.value)
                            && !*b.value()
                        {
                            self.non_nullable.insert(name.to_string());
                        }
                        if let Some(ty) = block.body.get_attribute("type") {
                            self.var_types.insert(name.to_string(), (idx, &ty.value));
                        }
                        var_defaults.push((
                            idx,
                            name.to_string(),
                            block.body.get_attribute("default"),
                        ));
                    }
                    ("locals", []) => {
                        for attr in block.body.attributes() {
                            self.locals
                                .insert(attr.key.as_str().to_string(), (idx, &attr.value));
                        }
                    }
                    ("module", [name]) => {
                        self.module_calls.insert(name.to_string(), (idx, block));
                    }
                    ("resource", [ty, name]) => {
                        self.resource_names.insert(format!("{ty}.{name}"));
                        self.resource_blocks
                            .insert(format!("{ty}.{name}"), (idx, block));
                    }
                    ("data", [ty, name]) => {
                        self.resource_blocks
                            .insert(format!("data.{ty}.{name}"), (idx, block));
                    }
                    _ => {}
                }
            }
        }
        let root = Scope::root();
        for (idx, name, default) in var_defaults {
            let value = match default {
                Some(attr) => self.eval_lenient(&files[idx], &attr.value, &root),
                None => Val::unknown(),
            };
            let value = self.typed(&name, value);
            self.vars.insert(name, value);
        }
    }

    /// Sets variable values (tfvars, module inputs), later calls overriding earlier ones.
    pub fn set_vars(&mut self, values: BTreeMap<String, Val>) {
        for (name, value) in values {
            if matches!(value, Val::Null) && self.non_nullable.contains(&name) {
                continue;
            }
            let value = self.typed(&name, value);
            self.vars.insert(name, value);
        }
    }

    /// A variable's value converted to its declared type.
    fn typed(&mut self, name: &str, value: Val) -> Val {
        match self.var_types.get(name) {
            Some(&(idx, ty)) => {
                let files = self.files;
                self.convert(&files[idx], ty, value, 0)
            }
            None => value,
        }
    }

    /// Terraform's conversion of a value to a type constraint, as far as it changes what a
    /// policy reads: object attributes the type declares `optional` are filled in (with
    /// their default, or null), attributes it does not declare are dropped, and numeric and
    /// boolean strings convert (`"5"` to a number; numbers stay numbers under `string`, as
    /// the provider schema would type them in a plan). A value that does not fit is left as it is.
    fn convert(&mut self, file: &ParsedFile, ty: &Expression, value: Val, depth: usize) -> Val {
        if depth > 16 || value.is_unknown() || matches!(value, Val::Null) {
            return value;
        }
        match ty {
            Expression::Variable(v) => match (v.as_str(), &value) {
                ("number", Val::String(_)) => value.as_number().map(Val::Number).unwrap_or(value),
                ("bool", Val::String(_)) => value.as_bool().map(Val::Bool).unwrap_or(value),
                _ => value,
            },
            Expression::FuncCall(call) => {
                let args: Vec<&Expression> = call.args.iter().collect();
                match (call.name.name.as_str(), args.as_slice(), value) {
                    ("list" | "set", [elem], Val::List(items)) => Val::List(
                        items
                            .into_iter()
                            .map(|i| self.convert(file, elem, i, depth + 1))
                            .collect(),
                    ),
                    ("map", [elem], Val::Map(m)) => Val::Map(
                        m.into_iter()
                            .map(|(k, v)| (k, self.convert(file, elem, v, depth + 1)))
                            .collect(),
                    ),
                    ("tuple", [Expression::Array(types)], Val::List(items)) => Val::List(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, v)| match types.get(i) {
                                Some(t) => self.convert(file, t, v, depth + 1),
                                None => v,
                            })
                            .collect(),
                    ),
                    ("object", [Expression::Object(attrs)], Val::Map(mut m)) => {
                        let mut out = BTreeMap::new();
                        for (key, attr_ty) in attrs.iter() {
                            let k = match key {
                                hcl_edit::expr::ObjectKey::Ident(id) => id.as_str().to_string(),
                                hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                                    s.value().clone()
                                }
                                _ => continue,
                            };
                            let attr_ty = attr_ty.expr();
                            let (inner_ty, default) = match attr_ty {
                                Expression::FuncCall(opt)
                                    if opt.name.name.as_str() == "optional" =>
                                {
                                    let mut a = opt.args.iter();
                                    (a.next(), a.next())
                                }
                                other => (Some(other), None),
                            };
                            let present = m.remove(&k).filter(|v| !matches!(v, Val::Null));
                            let v = match (present, default) {
                                (Some(v), _) => v,
                                (None, Some(d)) => self.eval_lenient(file, d, &Scope::root()),
                                (None, None) => Val::Null,
                            };
                            let v = match inner_ty {
                                Some(t) => self.convert(file, t, v, depth + 1),
                                None => v,
                            };
                            out.insert(k, v);
                        }
                        Val::Map(out)
                    }
                    (_, _, v) => v,
                }
            }
            _ => value,
        }
    }

    /// Values of a `.tfvars` / `.tfvars.json` file.
    pub fn tfvars_values(&mut self, file: &ParsedFile) -> BTreeMap<String, Val> {
        let mut out = BTreeMap::new();
        match file.kind {
            FileKind::VarsJson => {
                if let Some(serde_json::Value::Object(o)) = &file.json {
                    for (k, v) in o {
                        out.insert(k.clone(), Val::from_json(v));
                    }
                } else {
                    self.sink.note(
                        DiagnosticLevel::Warning,
                        &file.path,
                        Some(1),
                        "terraform: a .tfvars.json file must hold a JSON object".into(),
                    );
                }
            }
            _ => {
                let root = Scope::root();
                for attr in file.body.attributes() {
                    let v = self.eval_lenient(file, &attr.value, &root);
                    out.insert(attr.key.as_str().to_string(), v);
                }
            }
        }
        out
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.sink.limits
    }

    pub(crate) fn charge(&mut self, units: u64) -> Result<(), EvalError> {
        if self.sink.fuel <= units {
            self.sink.fuel = 0;
            return Err(EvalError::Budget);
        }
        self.sink.fuel -= units;
        Ok(())
    }

    /// `path.module`, `path.root`, `path.cwd`: relative to the root module, where
    /// Terraform runs.
    pub(crate) fn path_object(&self) -> Val {
        let module = relative_path(&self.sink.root_dir, &self.dir);
        Val::Map(BTreeMap::from([
            ("module".to_string(), Val::String(module)),
            ("root".to_string(), Val::String(".".into())),
            ("cwd".to_string(), Val::String(".".into())),
        ]))
    }

    /// Evaluates every resource, data source and module call of the module.
    pub fn run(&mut self) {
        let files = self.files;
        for (idx, file) in files.iter().enumerate() {
            if file.kind != FileKind::Config {
                continue;
            }
            for block in file.body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.as_str(), labels.as_slice()) {
                    ("resource", [ty, name]) => self.emit_resource(idx, block, ty, name, false),
                    ("data", [ty, name]) => self.emit_resource(idx, block, ty, name, true),
                    ("module", [name]) if !self.module_values.contains_key(*name) => {
                        self.run_module_call(name);
                    }
                    _ => {}
                }
            }
        }
    }

    /// The module's outputs, for the module that called it.
    pub fn outputs(&mut self) -> Val {
        let files = self.files;
        let root = Scope::root();
        let mut out = BTreeMap::new();
        for file in files.iter().filter(|f| f.kind == FileKind::Config) {
            for block in file.body.blocks() {
                if block.ident.as_str() != "output" || block.labels.len() != 1 {
                    continue;
                }
                if let Some(attr) = block.body.get_attribute("value") {
                    let v = self.eval_lenient(file, &attr.value, &root);
                    out.insert(block.labels[0].as_str().to_string(), v);
                }
            }
        }
        Val::Map(out)
    }

    fn local_value(&mut self, name: &str) -> EvalResult {
        match self.local_values.get(name) {
            Some(Slot::Done(v)) => {
                self.charge(v.weight())?;
                if let Some(Slot::Done(v)) = self.local_values.get(name) {
                    return Ok(v.clone());
                }
                return Ok(Val::unknown());
            }
            // A cycle between locals: Terraform rejects it; we leave it unknown.
            Some(Slot::InProgress) => return Ok(Val::unknown()),
            None => {}
        }
        let Some(&(idx, expr)) = self.locals.get(name) else {
            return invalid(format!("no local {name:?}"));
        };
        self.local_values.insert(name.to_string(), Slot::InProgress);
        let files = self.files;
        let v = self.eval_lenient(&files[idx], expr, &Scope::root());
        self.local_values
            .insert(name.to_string(), Slot::Done(v.clone()));
        Ok(v)
    }

    fn module_value(&mut self, name: &str) -> EvalResult {
        match self.module_values.get(name) {
            Some(Slot::Done(v)) => {
                self.charge(v.weight())?;
                if let Some(Slot::Done(v)) = self.module_values.get(name) {
                    return Ok(v.clone());
                }
                return Ok(Val::unknown());
            }
            Some(Slot::InProgress) => return Ok(Val::unknown()),
            None => {}
        }
        if !self.module_calls.contains_key(name) {
            return invalid(format!("no module {name:?}"));
        }
        self.run_module_call(name);
        match self.module_values.get(name) {
            Some(Slot::Done(v)) => Ok(v.clone()),
            _ => Ok(Val::unknown()),
        }
    }

    /// Resolves the first name of a traversal (`var.x`, `local.y`, `aws_s3_bucket.b`,
    /// `module.m`, `data.t.n`); returns the value and how many operators it consumed.
    pub(crate) fn resolve_root(
        &mut self,
        file: &ParsedFile,
        root: &str,
        ops: &[&TraversalOperator],
        scope: &Scope,
    ) -> Result<(Val, usize), EvalError> {
        let attr = |i: usize| match ops.get(i) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str()),
            _ => None,
        };
        match root {
            "var" => match attr(0) {
                Some(name) => {
                    // Charged before the copy, so a huge value is refused before it is made.
                    self.charge(self.vars.get(name).map_or(1, Val::weight))?;
                    let v = self.vars.get(name).cloned().unwrap_or_else(Val::unknown);
                    Ok((v, 1))
                }
                None => Ok((Val::unknown(), ops.len())),
            },
            "local" => match attr(0) {
                Some(name) => Ok((self.local_value(name)?, 1)),
                None => Ok((Val::unknown(), ops.len())),
            },
            "module" => match attr(0) {
                Some(name) => Ok((self.module_value(name)?, 1)),
                None => Ok((Val::unknown(), ops.len())),
            },
            "path" => Ok((self.path_object(), 0)),
            "terraform" => Ok((
                Val::Map(BTreeMap::from([(
                    "workspace".to_string(),
                    Val::String("default".into()),
                )])),
                0,
            )),
            "data" => match (attr(0), attr(1)) {
                (Some(ty), Some(name)) => {
                    self.resource_reference(file, &format!("data.{ty}.{name}"), ops, 2, scope)
                }
                _ => Ok((Val::unknown(), ops.len())),
            },
            ty => match attr(0) {
                Some(name) if self.resource_names.contains(&format!("{ty}.{name}")) => {
                    self.resource_reference(file, &format!("{ty}.{name}"), ops, 1, scope)
                }
                _ => Ok((Val::unknown(), ops.len())),
            },
        }
    }

    /// A reference to a resource or data source. An expanded one is a list (count) or map
    /// (for_each) of unknown instances, each carrying its own address, so `length(x)`,
    /// `x[*].id` and `for_each = x` work; otherwise one unknown value naming it.
    fn resource_reference(
        &mut self,
        file: &ParsedFile,
        local: &str,
        ops: &[&TraversalOperator],
        consumed: usize,
        scope: &Scope,
    ) -> Result<(Val, usize), EvalError> {
        let base = format!("{}{local}", self.prefix);
        let expanded = self.resource_blocks.get(local).map(|(_, b)| {
            (
                b.body.get_attribute("count").is_some(),
                b.body.get_attribute("for_each").is_some(),
            )
        });
        if let Some((has_count, has_for_each)) = expanded
            && (has_count || has_for_each)
            && let Some(keys) = self.keys_of(local)
            && keys.iter().all(Option::is_some)
        {
            let instance = |k: &Val| {
                let suffix = instance_suffix(k).unwrap_or_default();
                Val::Unknown(super::value::Unknown {
                    text: Some(format!("${{{local}{suffix}}}")),
                    refs: vec![format!("{base}{suffix}")],
                })
            };
            let collection = if has_count {
                Val::List(keys.iter().flatten().map(instance).collect())
            } else {
                Val::Map(
                    keys.iter()
                        .flatten()
                        .filter_map(|k| k.as_string().map(|s| (s, instance(k))))
                        .collect(),
                )
            };
            self.charge(collection.weight())?;
            return Ok((collection, consumed));
        }
        let address = self.indexed_address(file, base, ops.get(consumed), scope)?;
        Ok((Val::unknown_with_refs(vec![address]), ops.len()))
    }

    /// The instance keys of a resource block of this module, evaluated once.
    fn keys_of(&mut self, local: &str) -> Option<Vec<Option<Val>>> {
        match self.instance_keys.get(local) {
            Some(Some(keys)) => return Some(keys.clone()),
            Some(None) => return None,
            None => {}
        }
        let &(idx, block) = self.resource_blocks.get(local)?;
        self.instance_keys.insert(local.to_string(), None);
        let files = self.files;
        let keys: Vec<Option<Val>> = self
            .instances(&files[idx], &block.body, local, true)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        self.instance_keys
            .insert(local.to_string(), Some(keys.clone()));
        Some(keys)
    }

    fn indexed_address(
        &mut self,
        file: &ParsedFile,
        base: String,
        op: Option<&&TraversalOperator>,
        scope: &Scope,
    ) -> Result<String, EvalError> {
        let key = match op {
            Some(TraversalOperator::Index(e)) => self.eval(file, e, scope)?,
            Some(TraversalOperator::LegacyIndex(n)) => Val::Number(*n.value() as f64),
            _ => return Ok(base),
        };
        Ok(match instance_suffix(&key) {
            Some(suffix) => base + &suffix,
            None => base,
        })
    }

    /// The address a traversal refers to, found without evaluating anything.
    pub(crate) fn static_ref(&self, root: &str, ops: &[&TraversalOperator]) -> Option<String> {
        let attr = |i: usize| match ops.get(i) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str()),
            _ => None,
        };
        let literal_index = |i: usize| match ops.get(i) {
            Some(TraversalOperator::Index(Expression::Number(n))) => n
                .value()
                .as_f64()
                .map(Val::Number)
                .as_ref()
                .and_then(instance_suffix),
            Some(TraversalOperator::Index(Expression::String(s))) => {
                instance_suffix(&Val::String(s.value().clone()))
            }
            Some(TraversalOperator::LegacyIndex(n)) => {
                instance_suffix(&Val::Number(*n.value() as f64))
            }
            _ => None,
        };
        match root {
            "data" => {
                let (ty, name) = (attr(0)?, attr(1)?);
                Some(format!(
                    "{}data.{ty}.{name}{}",
                    self.prefix,
                    literal_index(2).unwrap_or_default()
                ))
            }
            "var" | "local" | "module" | "path" | "terraform" | "self" | "count" | "each" => None,
            ty => {
                let name = attr(0)?;
                self.resource_names
                    .contains(&format!("{ty}.{name}"))
                    .then(|| {
                        format!(
                            "{}{ty}.{name}{}",
                            self.prefix,
                            literal_index(1).unwrap_or_default()
                        )
                    })
            }
        }
    }

    /// Instances of a block with `count` or `for_each`: (address key, scope bindings).
    /// `None` for the key when the block has neither.
    fn instances(
        &mut self,
        file: &ParsedFile,
        body: &Body,
        what: &str,
        quiet: bool,
    ) -> Vec<Instance> {
        let root = Scope::root();
        let max = self.sink.limits.max_instances;
        if let Some(count) = body.get_attribute("count") {
            let v = self.eval_lenient(file, &count.value, &root);
            let n = match &v {
                Val::Unknown(u) => {
                    let index = Val::Map(BTreeMap::from([(
                        "index".to_string(),
                        Val::unknown_with_refs(u.refs.clone()),
                    )]));
                    return vec![(None, vec![("count", index)])];
                }
                other => other.as_number().unwrap_or(0.0),
            };
            let n = if n.is_finite() && n > 0.0 {
                n as usize
            } else {
                0
            };
            if n > max && !quiet {
                self.limit_note(file, &count.value, what, n);
            }
            return (0..n.min(max))
                .map(|i| {
                    let index = Val::Map(BTreeMap::from([(
                        "index".to_string(),
                        Val::Number(i as f64),
                    )]));
                    (Some(Val::Number(i as f64)), vec![("count", index)])
                })
                .collect();
        }
        if let Some(for_each) = body.get_attribute("for_each") {
            let v = self.eval_lenient(file, &for_each.value, &root);
            let pairs: Vec<(String, Val)> = match v {
                Val::Map(m) => m.into_iter().collect(),
                // A set of strings: each.key and each.value are the element.
                Val::List(items) if items.iter().all(|i| i.as_string().is_some()) => {
                    let set: BTreeSet<String> = items.iter().filter_map(Val::as_string).collect();
                    set.into_iter()
                        .map(|s| (s.clone(), Val::String(s)))
                        .collect()
                }
                other => {
                    let mut refs = Vec::new();
                    other.collect_refs(&mut refs);
                    let each = Val::Map(BTreeMap::from([
                        ("key".to_string(), Val::unknown_with_refs(refs.clone())),
                        ("value".to_string(), Val::unknown_with_refs(refs)),
                    ]));
                    return vec![(None, vec![("each", each)])];
                }
            };
            if pairs.len() > max && !quiet {
                self.limit_note(file, &for_each.value, what, pairs.len());
            }
            return pairs
                .into_iter()
                .take(max)
                .map(|(k, v)| {
                    let each = Val::Map(BTreeMap::from([
                        ("key".to_string(), Val::String(k.clone())),
                        ("value".to_string(), v),
                    ]));
                    (Some(Val::String(k)), vec![("each", each)])
                })
                .collect();
        }
        vec![(None, Vec::new())]
    }

    fn limit_note(&mut self, file: &ParsedFile, expr: &Expression, what: &str, n: usize) {
        let line = file.lines_of(expr.span()).0;
        let max = self.sink.limits.max_instances;
        self.sink.note(
            DiagnosticLevel::Warning,
            &file.path,
            Some(line),
            format!("terraform: {what} expands to {n} instances; only the first {max} are scanned"),
        );
    }

    fn emit_resource(&mut self, idx: usize, block: &Block, ty: &str, name: &str, data: bool) {
        let files = self.files;
        let file = &files[idx];
        let base = format!(
            "{}{}{ty}.{name}",
            self.prefix,
            if data { "data." } else { "" }
        );
        let (line, end_line) = file.lines_of(block.span());
        for (key, bindings) in self.instances(file, &block.body, &base, false) {
            if self.sink.resources.len() >= self.sink.limits.max_resources {
                if !self.sink.resources_reported {
                    self.sink.resources_reported = true;
                    let max = self.sink.limits.max_resources;
                    self.sink.note(
                        DiagnosticLevel::Warning,
                        &file.path,
                        Some(line),
                        format!("terraform: more than {max} resources in one root module; the rest are not scanned"),
                    );
                }
                return;
            }
            let mut scope = Scope::root();
            for (n, v) in bindings {
                scope.bind(n, v);
            }
            let mut lines = BTreeMap::new();
            let mut refs = Vec::new();
            let values = self.eval_body(file, &block.body, &scope, "", &mut lines, &mut refs, true);
            let address = match key.as_ref().and_then(instance_suffix) {
                Some(suffix) => format!("{base}{suffix}"),
                None => base.clone(),
            };
            let mut extra = BTreeMap::new();
            extra.insert(
                "mode".to_string(),
                serde_json::Value::String(if data { "data" } else { "managed" }.into()),
            );
            if let Some(k) = &key {
                extra.insert("index".to_string(), k.to_json());
            }
            if !self.prefix.is_empty() {
                extra.insert(
                    "module_address".to_string(),
                    serde_json::Value::String(self.prefix.trim_end_matches('.').to_string()),
                );
            }
            self.sink.resources.push(Resource {
                address,
                resource_type: ty.to_string(),
                name: name.to_string(),
                file: file.path.clone(),
                line,
                end_line,
                values: serde_json::Value::Object(values),
                references: Vec::new(),
                lines,
                extra,
            });
            self.sink.raw_refs.push(refs);
        }
    }

    /// A block body as JSON: attributes evaluated, nested blocks as arrays of objects,
    /// `dynamic` blocks expanded.
    #[allow(clippy::too_many_arguments)]
    fn eval_body(
        &mut self,
        file: &ParsedFile,
        body: &Body,
        scope: &Scope,
        path: &str,
        lines: &mut BTreeMap<String, u32>,
        refs: &mut Vec<String>,
        top: bool,
    ) -> serde_json::Map<String, serde_json::Value> {
        let mut out = serde_json::Map::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let key = attr.key.as_str();
                    if top && RESOURCE_META.contains(&key) {
                        continue;
                    }
                    let v = self.eval_lenient(file, &attr.value, scope);
                    v.collect_refs(refs);
                    let attr_path = format!("{path}{key}");
                    lines.insert(attr_path.clone(), file.lines_of(attr.span()).0);
                    record_object_lines(file, &attr.value, &attr_path, lines, 0);
                    out.insert(key.to_string(), v.to_json());
                }
                Structure::Block(block) => {
                    let ident = block.ident.as_str();
                    if top && RESOURCE_META_BLOCKS.contains(&ident) {
                        continue;
                    }
                    if ident == "dynamic" && block.labels.len() == 1 {
                        self.expand_dynamic(file, block, scope, path, lines, refs, &mut out);
                        continue;
                    }
                    let entry = out
                        .entry(ident.to_string())
                        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
                    let index = entry.as_array().map(Vec::len).unwrap_or(0);
                    let block_path = format!("{path}{ident}.{index}");
                    lines.insert(block_path.clone(), file.lines_of(block.span()).0);
                    let inner = self.eval_body(
                        file,
                        &block.body,
                        scope,
                        &format!("{block_path}."),
                        lines,
                        refs,
                        false,
                    );
                    if let Some(serde_json::Value::Array(items)) = out.get_mut(ident) {
                        items.push(serde_json::Value::Object(inner));
                    }
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn expand_dynamic(
        &mut self,
        file: &ParsedFile,
        block: &Block,
        scope: &Scope,
        path: &str,
        lines: &mut BTreeMap<String, u32>,
        refs: &mut Vec<String>,
        out: &mut serde_json::Map<String, serde_json::Value>,
    ) {
        let label = block.labels[0].as_str().to_string();
        let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
            Some(Expression::Variable(v)) => v.as_str().to_string(),
            _ => label.clone(),
        };
        let Some(content) = block.body.get_blocks("content").next() else {
            return;
        };
        let items: Vec<(Val, Val)> = match block.body.get_attribute("for_each") {
            Some(fe) => {
                let v = self.eval_lenient(file, &fe.value, scope);
                match iterate(&v) {
                    Some(items) => items,
                    // Unknown collection: one block stands for all of them, so a policy
                    // still sees that the block is configured.
                    None => {
                        let mut r = Vec::new();
                        v.collect_refs(&mut r);
                        vec![(Val::unknown_with_refs(r.clone()), Val::unknown_with_refs(r))]
                    }
                }
            }
            None => return,
        };
        let max = self.sink.limits.max_instances;
        for (k, v) in items.into_iter().take(max) {
            let mut inner_scope = scope.child();
            inner_scope.bind(
                &iterator,
                Val::Map(BTreeMap::from([
                    ("key".to_string(), k),
                    ("value".to_string(), v),
                ])),
            );
            let entry = out
                .entry(label.clone())
                .or_insert_with(|| serde_json::Value::Array(Vec::new()));
            let index = entry.as_array().map(Vec::len).unwrap_or(0);
            let block_path = format!("{path}{label}.{index}");
            lines.insert(block_path.clone(), file.lines_of(content.span()).0);
            let body = self.eval_body(
                file,
                &content.body,
                &inner_scope,
                &format!("{block_path}."),
                lines,
                refs,
                false,
            );
            if let Some(serde_json::Value::Array(arr)) = out.get_mut(&label) {
                arr.push(serde_json::Value::Object(body));
            }
        }
    }

    fn run_module_call(&mut self, name: &str) {
        self.module_values
            .insert(name.to_string(), Slot::InProgress);
        let value = self.call_module(name);
        self.module_values
            .insert(name.to_string(), Slot::Done(value));
    }

    fn call_module(&mut self, name: &str) -> Val {
        let Some(&(idx, block)) = self.module_calls.get(name) else {
            return Val::unknown();
        };
        let files = self.files;
        let file = &files[idx];
        let line = file.lines_of(block.span()).0;
        let source = match block.body.get_attribute("source").map(|a| &a.value) {
            Some(Expression::String(s)) => s.value().clone(),
            _ => {
                self.sink.note(
                    DiagnosticLevel::Warning,
                    &file.path,
                    Some(line),
                    format!("terraform: module {name:?} has no literal source; it is not scanned"),
                );
                return Val::unknown();
            }
        };
        let module_key = if self.module_key.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.module_key)
        };
        let local = source.starts_with("./")
            || source.starts_with("../")
            || source == "."
            || source == "..";
        let resolved = if local {
            join_relative(&self.dir, &source)
        } else {
            match self.sink.installed_dir(&module_key) {
                Some(dir) => {
                    self.sink.note(
                        DiagnosticLevel::Note,
                        &file.path,
                        Some(line),
                        format!("terraform: module {name:?} ({source:?}) is read from {dir:?}, where `terraform init` installed it"),
                    );
                    Some(dir)
                }
                None => {
                    self.sink.note(
                        DiagnosticLevel::Note,
                        &file.path,
                        Some(line),
                        format!("terraform: module {name:?} comes from {source:?}, which is not fetched; its resources are not scanned"),
                    );
                    return Val::unknown();
                }
            }
        };
        let Some(child_dir) = resolved else {
            self.sink.note(
                DiagnosticLevel::Warning,
                &file.path,
                Some(line),
                format!("terraform: module {name:?} source {source:?} points outside the scanned directory; it is not scanned"),
            );
            return Val::unknown();
        };
        if self.stack.contains(&child_dir) {
            self.sink.note(
                DiagnosticLevel::Warning,
                &file.path,
                Some(line),
                format!("terraform: module {name:?} calls {child_dir:?}, which is already being evaluated (a cycle); not followed"),
            );
            return Val::unknown();
        }
        if self.stack.len() > self.sink.limits.max_module_depth {
            self.sink.note(
                DiagnosticLevel::Warning,
                &file.path,
                Some(line),
                format!(
                    "terraform: module {name:?} is nested deeper than {} modules; not followed",
                    self.sink.limits.max_module_depth
                ),
            );
            return Val::unknown();
        }
        let preparsed = self.sink.preparsed;
        let owned;
        let child_files: &[ParsedFile] = match preparsed.get(&child_dir) {
            Some(f) => f,
            None => {
                owned = self.load_module_files(&child_dir, file, line, name);
                &owned
            }
        };
        let instances = self.instances(file, &block.body, &format!("module.{name}"), false);
        let keyed = block.body.get_attribute("count").is_some();
        let mut list = Vec::new();
        let mut map = BTreeMap::new();
        let mut single = None;
        for (key, bindings) in instances {
            let mut scope = Scope::root();
            for (n, v) in bindings {
                scope.bind(n, v);
            }
            let mut inputs = BTreeMap::new();
            for attr in block.body.attributes() {
                let k = attr.key.as_str();
                if MODULE_META.contains(&k) {
                    continue;
                }
                let v = self.eval_lenient(file, &attr.value, &scope);
                inputs.insert(k.to_string(), v);
            }
            let suffix = key.as_ref().and_then(instance_suffix).unwrap_or_default();
            let prefix = format!("{}module.{name}{suffix}.", self.prefix);
            let mut stack = self.stack.clone();
            stack.push(child_dir.clone());
            let mut child = ModuleEval::new(self.sink, &child_dir, prefix, child_files, stack);
            child.module_key = module_key.clone();
            child.set_vars(inputs);
            child.run();
            let outputs = child.outputs();
            match key {
                Some(Val::String(k)) => {
                    map.insert(k, outputs);
                }
                Some(_) => list.push(outputs),
                None if keyed => list.push(outputs),
                None => single = Some(outputs),
            }
        }
        if let Some(v) = single {
            v
        } else if block.body.get_attribute("for_each").is_some() {
            Val::Map(map)
        } else {
            Val::List(list)
        }
    }

    fn load_module_files(
        &mut self,
        dir: &str,
        caller: &ParsedFile,
        line: u32,
        name: &str,
    ) -> Vec<ParsedFile> {
        let loader = self.sink.loader;
        match loader.module_files(dir) {
            Ok(entries) => {
                let mut files = Vec::new();
                for (path, bytes) in entries {
                    match parse_file(&path, &bytes) {
                        Ok(f) if f.kind == FileKind::Config => files.push(f),
                        Ok(_) => {}
                        Err(e) => self.sink.diagnostics.push(e.to_diagnostic()),
                    }
                }
                files.sort_by(|a, b| a.path.cmp(&b.path));
                if files.is_empty() {
                    self.sink.note(
                        DiagnosticLevel::Warning,
                        &caller.path,
                        Some(line),
                        format!("terraform: module {name:?} directory {dir:?} has no .tf files"),
                    );
                }
                files
            }
            Err(e) => {
                self.sink.note(
                    DiagnosticLevel::Warning,
                    &caller.path,
                    Some(line),
                    format!("terraform: module {name:?} directory {dir:?} could not be read: {e}"),
                );
                Vec::new()
            }
        }
    }

    /// `file`, `fileexists`, `filebase64`, `templatefile`: read through the loader, inside
    /// the scan root only, bounded in size.
    pub(crate) fn file_function(&mut self, name: &str, args: Vec<Val>) -> EvalResult {
        if let Some(Val::Unknown(u)) = args.iter().find(|a| a.is_unknown()) {
            return Ok(Val::unknown_with_refs(u.refs.clone()));
        }
        let Some(path) = args.first().and_then(Val::as_string) else {
            return invalid(format!("{name}() needs a path"));
        };
        if path.starts_with('/')
            || path.starts_with('~')
            || path.contains(':')
            || path.contains('\\')
        {
            return invalid("absolute paths are not read");
        }
        let Some(resolved) = join_relative(&self.sink.root_dir, &path) else {
            return invalid("path outside the scanned directory");
        };
        let max = self.sink.limits.max_file_bytes;
        let read = self.sink.loader.read_file(&resolved, max);
        match name {
            "fileexists" => Ok(Val::Bool(read.is_ok())),
            "filebase64" => match read {
                Ok(bytes) => self.string(base64_encode(&bytes)),
                Err(_) => invalid("file not readable"),
            },
            "file" => match read {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(s) => self.string(s),
                    Err(_) => invalid("file is not UTF-8"),
                },
                Err(_) => invalid("file not readable"),
            },
            "templatefile" => {
                let Ok(bytes) = read else {
                    return invalid("file not readable");
                };
                let Ok(text) = String::from_utf8(bytes) else {
                    return invalid("file is not UTF-8");
                };
                if self.template_depth >= 2 {
                    return invalid("templatefile nested too deep");
                }
                let vars = match args.get(1) {
                    Some(Val::Map(m)) => m.clone(),
                    Some(Val::Null) | None => BTreeMap::new(),
                    _ => return invalid("templatefile vars must be an object"),
                };
                let Ok(template) = hcl_edit::parser::parse_template(&text) else {
                    return invalid("template does not parse");
                };
                let pseudo = ParsedFile::from_template_source(&resolved, text);
                let mut scope = Scope::root();
                for (k, v) in vars {
                    scope.bind(&k, v);
                }
                self.template_depth += 1;
                let expr = Expression::HeredocTemplate(Box::new(
                    hcl_edit::template::HeredocTemplate::new(hcl_edit::Ident::new("EOT"), template),
                ));
                let result = self.eval(&pseudo, &expr, &scope);
                self.template_depth -= 1;
                match result {
                    // Text of an unknown from another file would point into it; name the
                    // call instead.
                    Ok(Val::Unknown(u)) => Ok(Val::unknown_with_refs(u.refs)),
                    other => other,
                }
            }
            _ => invalid("unknown file function"),
        }
    }
}

/// Line numbers of the keys of an object literal (`tags.Name`), a few levels deep.
fn record_object_lines(
    file: &ParsedFile,
    expr: &Expression,
    path: &str,
    lines: &mut BTreeMap<String, u32>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match expr {
        Expression::Object(obj) => {
            for (key, value) in obj.iter() {
                let k = match key {
                    hcl_edit::expr::ObjectKey::Ident(id) => id.as_str().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().clone()
                    }
                    _ => continue,
                };
                let p = format!("{path}.{k}");
                lines.insert(p.clone(), file.lines_of(key_span(key)).0);
                record_object_lines(file, value.expr(), &p, lines, depth + 1);
            }
        }
        Expression::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}.{i}");
                lines.insert(p.clone(), file.lines_of(item.span()).0);
                record_object_lines(file, item, &p, lines, depth + 1);
            }
        }
        _ => {}
    }
}

fn key_span(key: &hcl_edit::expr::ObjectKey) -> Option<std::ops::Range<usize>> {
    match key {
        hcl_edit::expr::ObjectKey::Ident(id) => id.span(),
        hcl_edit::expr::ObjectKey::Expression(e) => e.span(),
    }
}

/// `dir` joined with a relative `path`, normalised; `None` when it climbs above the root.
pub(crate) fn join_relative(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The path from directory `from` to directory `to`, both relative to the same root.
pub(crate) fn relative_path(from: &str, to: &str) -> String {
    let a: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let b: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = std::iter::repeat_n("..", a.len() - common).collect();
    parts.extend(&b[common..]);
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

pub(crate) fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
