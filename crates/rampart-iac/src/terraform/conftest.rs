//! The JSON conftest gives user policies for a `.tf` file, so existing conftest policies run
//! unchanged. Conftest converts HCL2 to JSON without evaluating anything:
//!
//! - a block becomes `type -> label -> label -> [body, ...]` (blocks with the same type and
//!   labels collect in the array), e.g. `{"resource": {"aws_s3_bucket": {"b": [{...}]}}}`;
//! - literals keep their JSON type; an empty tuple `[]` is `null` (a quirk of its converter);
//! - a template is its literal text with every interpolation as `${source}` (a conditional
//!   as `%{if cond}...%{else}...%{endif}`, a template `for` as `%{for v in coll}...%{endfor}`);
//! - `"${x}"` alone is x converted as an expression, so `"${4}"` is the number 4;
//! - an object key that is a bare name or traversal is its source text;
//! - any other expression is the string `${source}`.

use std::ops::Range;

use hcl_edit::Span;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Directive, Element, Template};
use serde_json::{Map, Value};

use super::TerraformError;
use super::eval::{Shape, push_literal};
use super::parse::{ParsedFile, parse_file};
use super::value::number_to_json;

/// The conftest view of one `.tf` (or `.tfvars`) file.
pub fn conftest_json(rel_path: &str, bytes: &[u8]) -> Result<Value, TerraformError> {
    let file = parse_file(rel_path, bytes)?;
    if let Some(json) = file.json {
        return Ok(json);
    }
    let c = Converter { file: &file };
    c.body(&file.body).map(Value::Object)
}

struct Converter<'a> {
    file: &'a ParsedFile,
}

impl Converter<'_> {
    fn src(&self, span: Option<Range<usize>>) -> String {
        self.file.text(span).trim().to_string()
    }

    fn wrap(&self, span: Option<Range<usize>>) -> Value {
        Value::String(format!("${{{}}}", self.src(span)))
    }

    fn error(&self, span: Option<Range<usize>>, message: String) -> TerraformError {
        TerraformError::Syntax {
            path: self.file.path.clone(),
            line: self.file.lines_of(span).0,
            message,
        }
    }

    fn body(&self, body: &Body) -> Result<Map<String, Value>, TerraformError> {
        let mut out = Map::new();
        for attr in body.attributes() {
            out.insert(attr.key.as_str().to_string(), self.expr(&attr.value));
        }
        for structure in body.iter() {
            let Structure::Block(block) = structure else {
                continue;
            };
            let value = Value::Object(self.body(&block.body)?);
            let mut key = block.ident.as_str().to_string();
            let mut target = &mut out;
            for label in &block.labels {
                let entry = target
                    .entry(key.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                target = match entry {
                    Value::Object(m) => m,
                    _ => {
                        return Err(self.error(
                            block.span(),
                            format!("unable to convert block {} to JSON", block.ident.as_str()),
                        ));
                    }
                };
                key = label.as_str().to_string();
            }
            match target.get_mut(&key) {
                Some(Value::Array(items)) => items.push(value),
                Some(current) => {
                    let first = current.take();
                    *current = Value::Array(vec![first, value]);
                }
                None => {
                    target.insert(key, Value::Array(vec![value]));
                }
            }
        }
        Ok(out)
    }

    fn expr(&self, expr: &Expression) -> Value {
        match expr {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => match n.value().as_i64() {
                Some(i) => Value::from(i),
                None => number_to_json(n.value().as_f64().unwrap_or(0.0)),
            },
            Expression::String(s) => Value::String(s.value().clone()),
            Expression::Array(items) if items.is_empty() => Value::Null,
            Expression::Array(items) => Value::Array(items.iter().map(|e| self.expr(e)).collect()),
            Expression::Object(obj) => {
                let mut m = Map::new();
                for (key, value) in obj.iter() {
                    let k = match key {
                        ObjectKey::Ident(id) => id.as_str().to_string(),
                        ObjectKey::Expression(
                            e @ (Expression::Traversal(_) | Expression::Variable(_)),
                        ) => self.src(e.span()),
                        ObjectKey::Expression(e) => self.string_part(e),
                    };
                    m.insert(k, self.expr(value.expr()));
                }
                Value::Object(m)
            }
            Expression::StringTemplate(t) => {
                let elements: Vec<&Element> = t.iter().collect();
                if let [Element::Interpolation(i)] = elements.as_slice() {
                    return self.expr(&i.expr);
                }
                Value::String(self.template(t))
            }
            Expression::HeredocTemplate(h) => Value::String(self.heredoc(h)),
            other => self.wrap(other.span()),
        }
    }

    /// An expression inside a template (or an object key) as text.
    fn string_part(&self, expr: &Expression) -> String {
        match expr {
            Expression::String(s) => s.value().clone(),
            Expression::Number(n) => n.value().to_string(),
            Expression::Bool(b) => b.value().to_string(),
            Expression::StringTemplate(t) => self.template(t),
            Expression::HeredocTemplate(h) => self.heredoc(h),
            Expression::Conditional(c) => {
                let mut s = format!("%{{if {}}}", self.src(c.cond_expr.span()));
                s.push_str(&self.string_part(&c.true_expr));
                let f = self.string_part(&c.false_expr);
                if !f.is_empty() {
                    s.push_str("%{else}");
                    s.push_str(&f);
                }
                s.push_str("%{endif}");
                s
            }
            other => format!("${{{}}}", self.src(other.span())),
        }
    }

    fn template(&self, t: &Template) -> String {
        self.shaped(
            t,
            Shape {
                trim_first: false,
                trim_last: false,
                indent: 0,
                heredoc_indent: 0,
            },
        )
    }

    fn heredoc(&self, h: &hcl_edit::template::HeredocTemplate) -> String {
        let indent = h.indent().unwrap_or(0);
        self.shaped(
            &h.template,
            Shape {
                trim_first: false,
                trim_last: false,
                indent: 0,
                heredoc_indent: indent,
            },
        )
    }

    fn shaped(&self, t: &Template, shape: Shape) -> String {
        let elements: Vec<&Element> = t.iter().collect();
        let mut out = String::new();
        for (i, element) in elements.iter().enumerate() {
            match element {
                Element::Literal(_) => push_literal(&mut out, &elements, i, shape),
                Element::Interpolation(interp) => out.push_str(&self.string_part(&interp.expr)),
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(dir) => {
                        out.push_str(&format!(
                            "%{{if {}}}",
                            self.src(dir.if_expr.cond_expr.span())
                        ));
                        let closing = match &dir.else_expr {
                            Some(e) => e.strip.strip_start(),
                            None => dir.endif_expr.strip.strip_start(),
                        };
                        out.push_str(&self.shaped(
                            &dir.if_expr.template,
                            shape.nested(dir.if_expr.strip.strip_end(), closing),
                        ));
                        if let Some(e) = &dir.else_expr {
                            let f = self.shaped(
                                &e.template,
                                shape.nested(
                                    e.strip.strip_end(),
                                    dir.endif_expr.strip.strip_start(),
                                ),
                            );
                            if !f.is_empty() {
                                out.push_str("%{else}");
                                out.push_str(&f);
                            }
                        }
                        out.push_str("%{endif}");
                    }
                    Directive::For(dir) => {
                        let f = &dir.for_expr;
                        out.push_str("%{for ");
                        if let Some(k) = &f.key_var {
                            out.push_str(k.as_str());
                            out.push_str(", ");
                        }
                        out.push_str(f.value_var.as_str());
                        out.push_str(" in ");
                        out.push_str(&self.src(f.collection_expr.span()));
                        out.push('}');
                        out.push_str(&self.shaped(
                            &f.template,
                            shape.nested(f.strip.strip_end(), dir.endfor_expr.strip.strip_start()),
                        ));
                        out.push_str("%{endfor}");
                    }
                },
            }
        }
        out
    }
}
