//! Static evaluation of HCL expressions in the context of one module instance.

use std::collections::BTreeMap;

use hcl_edit::Span;
use hcl_edit::expr::{BinaryOperator, Expression, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};

use super::functions;
use super::module::ModuleEval;
use super::parse::ParsedFile;
use super::value::{Unknown, Val, format_number};

/// Why an expression has no static value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum EvalError {
    /// Terraform itself would reject it (wrong type, missing key, bad argument).
    Invalid(String),
    /// The work budget of the evaluation ran out.
    Budget,
}

pub(crate) type EvalResult = Result<Val, EvalError>;

pub(crate) fn invalid<T>(msg: impl Into<String>) -> Result<T, EvalError> {
    Err(EvalError::Invalid(msg.into()))
}

/// Names bound by `for` expressions, `count`, `for_each`, `dynamic` iterators.
pub(crate) struct Scope<'p> {
    bindings: Vec<(String, Val)>,
    parent: Option<&'p Scope<'p>>,
}

impl<'p> Scope<'p> {
    pub fn root() -> Scope<'static> {
        Scope {
            bindings: Vec::new(),
            parent: None,
        }
    }

    pub fn child(&'p self) -> Scope<'p> {
        Scope {
            bindings: Vec::new(),
            parent: Some(self),
        }
    }

    pub fn bind(&mut self, name: &str, value: Val) {
        self.bindings.push((name.to_string(), value));
    }

    fn get(&self, name: &str) -> Option<&Val> {
        self.bindings
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .or_else(|| self.parent.and_then(|p| p.get(name)))
    }
}

impl ModuleEval<'_, '_, '_> {
    /// Evaluates `expr`; an unknown result is named after the expression's source text.
    pub(crate) fn eval(
        &mut self,
        file: &ParsedFile,
        expr: &Expression,
        scope: &Scope,
    ) -> EvalResult {
        self.charge(1)?;
        let mut v = self.eval_inner(file, expr, scope)?;
        if let Val::Unknown(u) = &mut v
            && u.text.is_none()
        {
            u.text = Some(format!("${{{}}}", file.text(expr.span()).trim()));
        }
        Ok(v)
    }

    /// Evaluates an attribute value the way the document shows it: errors become unknowns
    /// named after the expression.
    pub(crate) fn eval_lenient(
        &mut self,
        file: &ParsedFile,
        expr: &Expression,
        scope: &Scope,
    ) -> Val {
        match self.eval(file, expr, scope) {
            Ok(v) => v,
            Err(_) => Val::Unknown(Unknown {
                text: Some(format!("${{{}}}", file.text(expr.span()).trim())),
                refs: self.refs_in(file, expr, scope),
            }),
        }
    }

    fn eval_inner(&mut self, file: &ParsedFile, expr: &Expression, scope: &Scope) -> EvalResult {
        match expr {
            Expression::Null(_) => Ok(Val::Null),
            Expression::Bool(b) => Ok(Val::Bool(*b.value())),
            Expression::Number(n) => Ok(Val::Number(n.value().as_f64().unwrap_or(0.0))),
            Expression::String(s) => self.string(s.value().clone()),
            Expression::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    out.push(self.eval(file, item, scope)?);
                }
                Ok(Val::List(out))
            }
            Expression::Object(obj) => {
                let mut out = BTreeMap::new();
                for (key, value) in obj.iter() {
                    let k = match key {
                        hcl_edit::expr::ObjectKey::Ident(id) => id.as_str().to_string(),
                        hcl_edit::expr::ObjectKey::Expression(e) => {
                            // A parenthesised or bare-identifier key names itself in HCL
                            // unless it is an expression that evaluates.
                            match self.eval(file, e, scope)? {
                                Val::Unknown(u) => {
                                    return Ok(Val::unknown_with_refs(u.refs));
                                }
                                other => match other.as_string() {
                                    Some(s) => s,
                                    None => return invalid("object key is not a string"),
                                },
                            }
                        }
                    };
                    let v = self.eval(file, value.expr(), scope)?;
                    out.insert(k, v);
                }
                Ok(Val::Map(out))
            }
            Expression::StringTemplate(t) => self.template(file, t, scope, true, None),
            Expression::HeredocTemplate(h) => {
                self.template(file, &h.template, scope, false, h.indent())
            }
            Expression::Parenthesis(p) => self.eval(file, p.inner(), scope),
            Expression::Variable(name) => self.variable(name.as_str(), scope),
            Expression::Conditional(c) => {
                let cond = self.eval(file, &c.cond_expr, scope)?;
                match cond {
                    Val::Unknown(u) => {
                        let mut refs = u.refs;
                        for e in [&c.true_expr, &c.false_expr] {
                            refs.extend(self.refs_in(file, e, scope));
                        }
                        Ok(Val::unknown_with_refs(refs))
                    }
                    other => match other.as_bool() {
                        Some(true) => self.eval(file, &c.true_expr, scope),
                        Some(false) => self.eval(file, &c.false_expr, scope),
                        None => invalid("condition is not a bool"),
                    },
                }
            }
            Expression::FuncCall(call) => self.func_call(file, call, scope),
            Expression::Traversal(t) => self.traversal(file, t, scope),
            Expression::UnaryOp(op) => {
                let v = self.eval(file, &op.expr, scope)?;
                if let Val::Unknown(u) = v {
                    return Ok(Val::unknown_with_refs(u.refs));
                }
                match op.operator.value() {
                    UnaryOperator::Neg => match v.as_number() {
                        Some(n) => Ok(Val::Number(-n)),
                        None => invalid("'-' needs a number"),
                    },
                    UnaryOperator::Not => match v.as_bool() {
                        Some(b) => Ok(Val::Bool(!b)),
                        None => invalid("'!' needs a bool"),
                    },
                }
            }
            Expression::BinaryOp(op) => {
                let lhs = self.eval(file, &op.lhs_expr, scope)?;
                // `false && x` and `true || x` are decided by the left side alone, which
                // keeps feature flags like `var.enabled && local.x` static when x is not.
                match (op.operator.value(), lhs.as_bool()) {
                    (BinaryOperator::And, Some(false)) => return Ok(Val::Bool(false)),
                    (BinaryOperator::Or, Some(true)) => return Ok(Val::Bool(true)),
                    _ => {}
                }
                let rhs = self.eval(file, &op.rhs_expr, scope)?;
                binary(*op.operator.value(), lhs, rhs)
            }
            Expression::ForExpr(f) => self.for_expr(file, f, scope),
        }
    }

    /// Checks a new string against the size limit.
    pub(crate) fn string(&mut self, s: String) -> EvalResult {
        if s.len() > self.limits().max_string_bytes {
            return invalid("string exceeds the size limit");
        }
        self.charge(1 + s.len() as u64 / 16)?;
        Ok(Val::String(s))
    }

    fn variable(&mut self, name: &str, scope: &Scope) -> EvalResult {
        if let Some(v) = scope.get(name) {
            self.charge(v.weight())?;
            return Ok(v.clone());
        }
        // A bare root name is only meaningful with an attribute after it (`var.x`);
        // standing alone it is a whole namespace.
        match name {
            "path" => Ok(self.path_object()),
            "terraform" => Ok(Val::Map(BTreeMap::from([(
                "workspace".to_string(),
                Val::String("default".into()),
            )]))),
            _ => Ok(Val::unknown()),
        }
    }

    fn template(
        &mut self,
        file: &ParsedFile,
        t: &Template,
        scope: &Scope,
        quoted: bool,
        heredoc_indent: Option<usize>,
    ) -> EvalResult {
        let elements: Vec<&Element> = t.iter().collect();
        // "${x}" alone is x itself, whatever its type.
        if quoted
            && elements.len() == 1
            && let Element::Interpolation(i) = elements[0]
        {
            return self.eval(file, &i.expr, scope);
        }
        let mut out = String::new();
        let mut unknown: Option<Vec<String>> = None;
        let shape = Shape {
            trim_first: false,
            trim_last: false,
            indent: 0,
            heredoc_indent: heredoc_indent.unwrap_or(0),
        };
        self.render_template(file, t, scope, &mut out, &mut unknown, shape)?;
        if out.len() > self.limits().max_string_bytes {
            return invalid("string exceeds the size limit");
        }
        match unknown {
            None => self.string(out),
            Some(refs) => Ok(Val::Unknown(Unknown {
                text: Some(out),
                refs,
            })),
        }
    }

    /// Renders a template; unknown interpolations are written as `${source}` and make the
    /// result unknown (still shown partly rendered).
    fn render_template(
        &mut self,
        file: &ParsedFile,
        t: &Template,
        scope: &Scope,
        out: &mut String,
        unknown: &mut Option<Vec<String>>,
        shape: Shape,
    ) -> Result<(), EvalError> {
        let elements: Vec<&Element> = t.iter().collect();
        for (i, element) in elements.iter().enumerate() {
            if out.len() > self.limits().max_string_bytes {
                return invalid("string exceeds the size limit");
            }
            match element {
                Element::Literal(_) => push_literal(out, &elements, i, shape),
                Element::Interpolation(interp) => {
                    let v = self.eval(file, &interp.expr, scope)?;
                    match v {
                        Val::Unknown(u) => {
                            out.push_str(u.text.as_deref().unwrap_or("${?}"));
                            unknown.get_or_insert_with(Vec::new).extend(u.refs);
                        }
                        Val::Null => return invalid("null in a template"),
                        other => match other.as_string() {
                            Some(s) => out.push_str(&s),
                            None => return invalid("a collection in a template"),
                        },
                    }
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(dir) => {
                        let cond = self.eval(file, &dir.if_expr.cond_expr, scope)?;
                        match cond {
                            Val::Unknown(u) => {
                                out.push_str(&format!(
                                    "%{{if {}}}",
                                    file.text(dir.if_expr.cond_expr.span()).trim()
                                ));
                                unknown.get_or_insert_with(Vec::new).extend(u.refs);
                            }
                            other => match other.as_bool() {
                                Some(true) => {
                                    let closing = match &dir.else_expr {
                                        Some(e) => e.strip.strip_start(),
                                        None => dir.endif_expr.strip.strip_start(),
                                    };
                                    let inner =
                                        shape.nested(dir.if_expr.strip.strip_end(), closing);
                                    self.render_template(
                                        file,
                                        &dir.if_expr.template,
                                        scope,
                                        out,
                                        unknown,
                                        inner,
                                    )?
                                }
                                Some(false) => {
                                    if let Some(e) = &dir.else_expr {
                                        let inner = shape.nested(
                                            e.strip.strip_end(),
                                            dir.endif_expr.strip.strip_start(),
                                        );
                                        self.render_template(
                                            file,
                                            &e.template,
                                            scope,
                                            out,
                                            unknown,
                                            inner,
                                        )?;
                                    }
                                }
                                None => return invalid("template condition is not a bool"),
                            },
                        }
                    }
                    Directive::For(dir) => {
                        let f = &dir.for_expr;
                        let coll = self.eval(file, &f.collection_expr, scope)?;
                        let items = match iterate(&coll) {
                            Some(items) => items,
                            None => {
                                if let Val::Unknown(u) = coll {
                                    out.push_str(&format!(
                                        "%{{for {} in {}}}",
                                        f.value_var.as_str(),
                                        file.text(f.collection_expr.span()).trim()
                                    ));
                                    unknown.get_or_insert_with(Vec::new).extend(u.refs);
                                    continue;
                                }
                                return invalid("template for over a non-collection");
                            }
                        };
                        let inner_shape =
                            shape.nested(f.strip.strip_end(), dir.endfor_expr.strip.strip_start());
                        for (k, v) in items {
                            let mut inner = scope.child();
                            if let Some(kv) = &f.key_var {
                                inner.bind(kv.as_str(), k);
                            }
                            inner.bind(f.value_var.as_str(), v);
                            self.render_template(
                                file,
                                &f.template,
                                &inner,
                                out,
                                unknown,
                                inner_shape,
                            )?;
                            if out.len() > self.limits().max_string_bytes {
                                return invalid("string exceeds the size limit");
                            }
                        }
                    }
                },
            }
        }
        Ok(())
    }

    fn for_expr(
        &mut self,
        file: &ParsedFile,
        f: &hcl_edit::expr::ForExpr,
        scope: &Scope,
    ) -> EvalResult {
        let coll = self.eval(file, &f.intro.collection_expr, scope)?;
        let items = match iterate(&coll) {
            Some(items) => items,
            None => match coll {
                Val::Unknown(u) => return Ok(Val::unknown_with_refs(u.refs)),
                Val::Null => return invalid("for over null"),
                _ => return invalid("for over a non-collection"),
            },
        };
        let mut list = Vec::new();
        let mut map: BTreeMap<String, Val> = BTreeMap::new();
        let mut groups: BTreeMap<String, Vec<Val>> = BTreeMap::new();
        for (k, v) in items {
            let mut inner = scope.child();
            if let Some(kv) = &f.intro.key_var {
                inner.bind(kv.as_str(), k);
            }
            inner.bind(f.intro.value_var.as_str(), v);
            if let Some(cond) = &f.cond {
                match self.eval(file, &cond.expr, &inner)? {
                    Val::Unknown(u) => return Ok(Val::unknown_with_refs(u.refs)),
                    c => match c.as_bool() {
                        Some(true) => {}
                        Some(false) => continue,
                        None => return invalid("for condition is not a bool"),
                    },
                }
            }
            match &f.key_expr {
                None => list.push(self.eval(file, &f.value_expr, &inner)?),
                Some(key_expr) => {
                    let key = match self.eval(file, key_expr, &inner)? {
                        Val::Unknown(u) => return Ok(Val::unknown_with_refs(u.refs)),
                        k => match k.as_string() {
                            Some(s) => s,
                            None => return invalid("for key is not a string"),
                        },
                    };
                    let value = self.eval(file, &f.value_expr, &inner)?;
                    if f.grouping {
                        groups.entry(key).or_default().push(value);
                    } else if map.insert(key, value).is_some() {
                        return invalid("duplicate key in a for expression");
                    }
                }
            }
        }
        Ok(match &f.key_expr {
            None => Val::List(list),
            Some(_) if f.grouping => {
                Val::Map(groups.into_iter().map(|(k, v)| (k, Val::List(v))).collect())
            }
            Some(_) => Val::Map(map),
        })
    }

    fn func_call(
        &mut self,
        file: &ParsedFile,
        call: &hcl_edit::expr::FuncCall,
        scope: &Scope,
    ) -> EvalResult {
        if call.name.is_namespaced() {
            let mut refs = Vec::new();
            for a in call.args.iter() {
                refs.extend(self.refs_in(file, a, scope));
            }
            return Ok(Val::unknown_with_refs(refs));
        }
        let name = call.name.name.as_str();
        match name {
            // Lazy: an argument that fails moves on to the next.
            "try" => {
                let mut last_refs = Vec::new();
                for a in call.args.iter() {
                    match self.eval(file, a, scope) {
                        Ok(Val::Unknown(u)) => return Ok(Val::unknown_with_refs(u.refs)),
                        Ok(v) => return Ok(v),
                        Err(EvalError::Budget) => return Err(EvalError::Budget),
                        Err(EvalError::Invalid(_)) => {
                            last_refs.extend(self.refs_in(file, a, scope));
                        }
                    }
                }
                invalid("no argument of try() could be evaluated")
            }
            "can" => match call.args.iter().next() {
                Some(a) => match self.eval(file, a, scope) {
                    Ok(Val::Unknown(u)) => Ok(Val::unknown_with_refs(u.refs)),
                    Ok(_) => Ok(Val::Bool(true)),
                    Err(EvalError::Budget) => Err(EvalError::Budget),
                    Err(EvalError::Invalid(_)) => Ok(Val::Bool(false)),
                },
                None => invalid("can() needs an argument"),
            },
            _ => {
                let mut args = Vec::with_capacity(call.args.len());
                for a in call.args.iter() {
                    args.push(self.eval(file, a, scope)?);
                }
                if call.args.expand_final() {
                    match args.pop() {
                        Some(Val::List(items)) => args.extend(items),
                        Some(Val::Unknown(u)) => return Ok(Val::unknown_with_refs(u.refs)),
                        _ => return invalid("expanded argument is not a list"),
                    }
                }
                match name {
                    "file" | "fileexists" | "templatefile" | "filebase64" => {
                        self.file_function(name, args)
                    }
                    _ => {
                        let limit = self.limits().max_string_bytes;
                        let result = functions::call(name, args, limit)?;
                        self.charge(result.weight())?;
                        Ok(result)
                    }
                }
            }
        }
    }

    fn traversal(
        &mut self,
        file: &ParsedFile,
        t: &hcl_edit::expr::Traversal,
        scope: &Scope,
    ) -> EvalResult {
        let ops: Vec<&TraversalOperator> = t.operators.iter().map(|o| o.value()).collect();
        let (mut value, consumed) = match &t.expr {
            Expression::Variable(root) if scope.get(root.as_str()).is_none() => {
                self.resolve_root(file, root.as_str(), &ops, scope)?
            }
            other => (self.eval(file, other, scope)?, 0),
        };
        let mut i = consumed;
        while i < ops.len() {
            if let Val::Unknown(u) = value {
                return Ok(Val::unknown_with_refs(u.refs));
            }
            match ops[i] {
                TraversalOperator::GetAttr(name) => {
                    value = get_attr(value, name.as_str())?;
                    i += 1;
                }
                TraversalOperator::Index(e) => {
                    let key = self.eval(file, e, scope)?;
                    value = index(value, key)?;
                    i += 1;
                }
                TraversalOperator::LegacyIndex(n) => {
                    value = index(value, Val::Number(*n.value() as f64))?;
                    i += 1;
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let full = matches!(ops[i], TraversalOperator::FullSplat(_));
                    let items = match value {
                        Val::List(items) => items,
                        Val::Null => Vec::new(),
                        other => vec![other],
                    };
                    // An attribute splat applies only the attribute accesses after it.
                    let mut end = i + 1;
                    while end < ops.len()
                        && (full || matches!(ops[end], TraversalOperator::GetAttr(_)))
                        && !matches!(
                            ops[end],
                            TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_)
                        )
                    {
                        end += 1;
                    }
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        let mut v = item;
                        for op in &ops[i + 1..end] {
                            v = match op {
                                TraversalOperator::GetAttr(name) => get_attr(v, name.as_str())?,
                                TraversalOperator::Index(e) => {
                                    let key = self.eval(file, e, scope)?;
                                    index(v, key)?
                                }
                                TraversalOperator::LegacyIndex(n) => {
                                    index(v, Val::Number(*n.value() as f64))?
                                }
                                _ => v,
                            };
                        }
                        out.push(v);
                    }
                    value = Val::List(out);
                    i = end;
                }
            }
        }
        Ok(value)
    }

    /// The resource addresses an expression mentions, found without evaluating it (for
    /// unknown conditions and failed evaluations).
    pub(crate) fn refs_in(
        &mut self,
        file: &ParsedFile,
        expr: &Expression,
        scope: &Scope,
    ) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_refs(file, expr, scope, &mut out, 0);
        out
    }

    fn collect_refs(
        &mut self,
        file: &ParsedFile,
        expr: &Expression,
        scope: &Scope,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > 64 {
            return;
        }
        let d = depth + 1;
        match expr {
            Expression::Traversal(t) => {
                if let Expression::Variable(root) = &t.expr {
                    let ops: Vec<&TraversalOperator> =
                        t.operators.iter().map(|o| o.value()).collect();
                    if let Some(r) = self.static_ref(root.as_str(), &ops) {
                        out.push(r);
                    }
                } else {
                    self.collect_refs(file, &t.expr, scope, out, d);
                }
                for op in &t.operators {
                    if let TraversalOperator::Index(e) = op.value() {
                        self.collect_refs(file, e, scope, out, d);
                    }
                }
            }
            Expression::Array(a) => a
                .iter()
                .for_each(|e| self.collect_refs(file, e, scope, out, d)),
            Expression::Object(o) => {
                for (_, v) in o.iter() {
                    self.collect_refs(file, v.expr(), scope, out, d);
                }
            }
            Expression::StringTemplate(t) => self.collect_template_refs(file, t, scope, out, d),
            Expression::HeredocTemplate(h) => {
                self.collect_template_refs(file, &h.template, scope, out, d)
            }
            Expression::Parenthesis(p) => self.collect_refs(file, p.inner(), scope, out, d),
            Expression::Conditional(c) => {
                for e in [&c.cond_expr, &c.true_expr, &c.false_expr] {
                    self.collect_refs(file, e, scope, out, d);
                }
            }
            Expression::FuncCall(f) => {
                for a in f.args.iter() {
                    self.collect_refs(file, a, scope, out, d);
                }
            }
            Expression::UnaryOp(u) => self.collect_refs(file, &u.expr, scope, out, d),
            Expression::BinaryOp(b) => {
                self.collect_refs(file, &b.lhs_expr, scope, out, d);
                self.collect_refs(file, &b.rhs_expr, scope, out, d);
            }
            Expression::ForExpr(f) => {
                self.collect_refs(file, &f.intro.collection_expr, scope, out, d);
                self.collect_refs(file, &f.value_expr, scope, out, d);
            }
            _ => {}
        }
    }

    fn collect_template_refs(
        &mut self,
        file: &ParsedFile,
        t: &Template,
        scope: &Scope,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        for element in t.iter() {
            match element {
                Element::Interpolation(i) => self.collect_refs(file, &i.expr, scope, out, depth),
                Element::Directive(dir) => match dir.as_ref() {
                    Directive::If(d) => {
                        self.collect_refs(file, &d.if_expr.cond_expr, scope, out, depth);
                        self.collect_template_refs(file, &d.if_expr.template, scope, out, depth);
                        if let Some(e) = &d.else_expr {
                            self.collect_template_refs(file, &e.template, scope, out, depth);
                        }
                    }
                    Directive::For(d) => {
                        self.collect_refs(file, &d.for_expr.collection_expr, scope, out, depth);
                        self.collect_template_refs(file, &d.for_expr.template, scope, out, depth);
                    }
                },
                Element::Literal(_) => {}
            }
        }
    }
}

/// How a template's literals are written: whitespace stripped next to `~` markers of the
/// directive around it, and the indentation of a `<<-` heredoc removed from nested
/// templates (the parser dedents only the top level).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    pub trim_first: bool,
    pub trim_last: bool,
    pub indent: usize,
    pub heredoc_indent: usize,
}

impl Shape {
    pub(crate) fn nested(self, trim_first: bool, trim_last: bool) -> Shape {
        Shape {
            trim_first,
            trim_last,
            indent: self.heredoc_indent,
            heredoc_indent: self.heredoc_indent,
        }
    }
}

/// Appends literal `i` of a template with its strip markers and indentation applied.
pub(crate) fn push_literal(out: &mut String, elements: &[&Element], i: usize, shape: Shape) {
    let Element::Literal(s) = elements[i] else {
        return;
    };
    let mut text: &str = s.value();
    if (i == 0 && shape.trim_first) || (i > 0 && strips_after(elements[i - 1])) {
        text = text.trim_start();
    }
    if (i + 1 == elements.len() && shape.trim_last)
        || (i + 1 < elements.len() && strips_before(elements[i + 1]))
    {
        text = text.trim_end();
    }
    if shape.indent == 0 {
        out.push_str(text);
        return;
    }
    let mut at_line_start = out.is_empty() || out.ends_with('\n');
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            at_line_start = true;
        }
        let line = if at_line_start {
            let strip = line
                .char_indices()
                .take_while(|(j, c)| *j < shape.indent && (*c == ' ' || *c == '\t'))
                .count();
            &line[strip..]
        } else {
            line
        };
        out.push_str(line);
        at_line_start = false;
    }
}

pub(crate) fn strips_after(e: &Element) -> bool {
    match e {
        Element::Interpolation(i) => i.strip.strip_end(),
        Element::Directive(d) => match d.as_ref() {
            Directive::If(dir) => dir.endif_expr.strip.strip_end(),
            Directive::For(dir) => dir.endfor_expr.strip.strip_end(),
        },
        Element::Literal(_) => false,
    }
}

pub(crate) fn strips_before(e: &Element) -> bool {
    match e {
        Element::Interpolation(i) => i.strip.strip_start(),
        Element::Directive(d) => match d.as_ref() {
            Directive::If(dir) => dir.if_expr.strip.strip_start(),
            Directive::For(dir) => dir.for_expr.strip.strip_start(),
        },
        Element::Literal(_) => false,
    }
}

/// (key, value) pairs of a collection: index → element for lists, key → value for maps.
pub(crate) fn iterate(v: &Val) -> Option<Vec<(Val, Val)>> {
    match v {
        Val::List(items) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| (Val::Number(i as f64), v.clone()))
                .collect(),
        ),
        Val::Map(m) => Some(
            m.iter()
                .map(|(k, v)| (Val::String(k.clone()), v.clone()))
                .collect(),
        ),
        _ => None,
    }
}

/// An unknown reached through an attribute or index of a named unknown keeps naming where it
/// came from (`${aws_subnet.a[0]}` → `${aws_subnet.a[0].id}`), so values inside lists built
/// from expanded resources still read as expressions.
fn unknown_step(u: Unknown, step: &str) -> Val {
    let text = u
        .text
        .filter(|t| t.starts_with("${") && t.ends_with('}') && !t[2..].contains("${"))
        .map(|t| format!("{}{step}}}", &t[..t.len() - 1]));
    Val::Unknown(Unknown { text, refs: u.refs })
}

pub(crate) fn get_attr(v: Val, name: &str) -> EvalResult {
    match v {
        Val::Map(mut m) => match m.remove(name) {
            Some(v) => Ok(v),
            None => invalid(format!("no attribute {name:?}")),
        },
        Val::Unknown(u) => Ok(unknown_step(u, &format!(".{name}"))),
        Val::Null => invalid("attribute of null"),
        _ => invalid(format!("attribute {name:?} of a non-object")),
    }
}

pub(crate) fn index(v: Val, key: Val) -> EvalResult {
    match (v, key) {
        (Val::Unknown(u), Val::Unknown(k)) => {
            let mut refs = u.refs;
            refs.extend(k.refs);
            Ok(Val::unknown_with_refs(refs))
        }
        (Val::Unknown(u), k) => match instance_suffix(&k) {
            Some(step) => Ok(unknown_step(u, &step)),
            None => Ok(Val::unknown_with_refs(u.refs)),
        },
        (v, Val::Unknown(k)) => {
            let mut refs = k.refs;
            v.collect_refs(&mut refs);
            Ok(Val::unknown_with_refs(refs))
        }
        (Val::List(mut items), k) => match k.as_number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && (n as usize) < items.len() => {
                Ok(items.swap_remove(n as usize))
            }
            _ => invalid("index out of range"),
        },
        (Val::Map(mut m), k) => match k.as_string() {
            Some(s) => match m.remove(&s) {
                Some(v) => Ok(v),
                None => invalid(format!("no key {s:?}")),
            },
            None => invalid("map key is not a string"),
        },
        _ => invalid("index into a non-collection"),
    }
}

fn binary(op: BinaryOperator, lhs: Val, rhs: Val) -> EvalResult {
    if lhs.is_unknown() || rhs.is_unknown() {
        let mut refs = Vec::new();
        lhs.collect_refs(&mut refs);
        rhs.collect_refs(&mut refs);
        return Ok(Val::unknown_with_refs(refs));
    }
    let num = |v: &Val| {
        v.as_number()
            .ok_or_else(|| EvalError::Invalid("not a number".into()))
    };
    let boolean = |v: &Val| {
        v.as_bool()
            .ok_or_else(|| EvalError::Invalid("not a bool".into()))
    };
    Ok(match op {
        BinaryOperator::Eq => Val::Bool(lhs == rhs),
        BinaryOperator::NotEq => Val::Bool(lhs != rhs),
        BinaryOperator::Less => Val::Bool(num(&lhs)? < num(&rhs)?),
        BinaryOperator::LessEq => Val::Bool(num(&lhs)? <= num(&rhs)?),
        BinaryOperator::Greater => Val::Bool(num(&lhs)? > num(&rhs)?),
        BinaryOperator::GreaterEq => Val::Bool(num(&lhs)? >= num(&rhs)?),
        BinaryOperator::Plus => Val::Number(num(&lhs)? + num(&rhs)?),
        BinaryOperator::Minus => Val::Number(num(&lhs)? - num(&rhs)?),
        BinaryOperator::Mul => Val::Number(num(&lhs)? * num(&rhs)?),
        BinaryOperator::Div => {
            let d = num(&rhs)?;
            if d == 0.0 {
                return invalid("division by zero");
            }
            Val::Number(num(&lhs)? / d)
        }
        BinaryOperator::Mod => {
            let d = num(&rhs)?;
            if d == 0.0 {
                return invalid("modulo by zero");
            }
            Val::Number(num(&lhs)? % d)
        }
        BinaryOperator::And => Val::Bool(boolean(&lhs)? && boolean(&rhs)?),
        BinaryOperator::Or => Val::Bool(boolean(&lhs)? || boolean(&rhs)?),
    })
}

/// The key of a resource or module instance as Terraform writes it in an address.
pub(crate) fn instance_suffix(key: &Val) -> Option<String> {
    match key {
        Val::Number(n) => Some(format!("[{}]", format_number(*n))),
        Val::String(s) => Some(format!("[{}]", serde_json::Value::String(s.clone()))),
        _ => None,
    }
}
