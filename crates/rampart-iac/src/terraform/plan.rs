//! Terraform plan JSON (`terraform show -json plan.out`) into the same document shape as
//! HCL: values from `planned_values` (nested blocks are already arrays of objects there),
//! references from `configuration` (each expression's `references`), the line of the
//! resource's first `"address"` entry in the file as its line.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::TerraformError;
use super::parse::{line_at, line_starts};
use crate::document::{Document, DocumentKind, Resource};

/// Largest plan parsed.
pub const MAX_PLAN_BYTES: usize = 256 * 1024 * 1024;
/// Resources read from one plan.
const MAX_PLAN_RESOURCES: usize = 200_000;

/// True when the first bytes of a JSON file look like a plan: both `"format_version"` and
/// `"planned_values"` appear.
pub fn is_plan_json(head: &[u8]) -> bool {
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    has(b"\"format_version\"") && has(b"\"planned_values\"")
}

/// Parses a plan into one document (kind `terraform`, path the plan file).
pub fn parse_plan(rel_path: &str, bytes: &[u8]) -> Result<Document, TerraformError> {
    let err = |line: usize, message: String| TerraformError::Plan {
        path: rel_path.to_string(),
        line: u32::try_from(line).unwrap_or(u32::MAX).max(1),
        message,
    };
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(err(1, format!("larger than {MAX_PLAN_BYTES} bytes")));
    }
    let plan: Value = serde_json::from_slice(bytes).map_err(|e| err(e.line(), e.to_string()))?;
    let Some(root) = plan.pointer("/planned_values/root_module") else {
        return Err(err(1, "no planned_values.root_module".into()));
    };
    let lines = address_lines(bytes);
    let mut config_refs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    if let Some(config_root) = plan.pointer("/configuration/root_module") {
        collect_config_refs(config_root, "", &mut config_refs, 0);
    }
    let mut resources = Vec::new();
    collect_resources(rel_path, root, &lines, &config_refs, &mut resources, 0);
    let addresses: BTreeSet<String> = resources.iter().map(|r| r.address.clone()).collect();
    for r in &mut resources {
        let mut out = Vec::new();
        for raw in std::mem::take(&mut r.references) {
            if addresses.contains(&raw) {
                out.push(raw);
            } else {
                let prefix = format!("{raw}[");
                out.extend(
                    addresses
                        .range(prefix.clone()..)
                        .take_while(|a| a.starts_with(&prefix))
                        .cloned(),
                );
            }
        }
        let mut seen = BTreeSet::new();
        out.retain(|a| *a != r.address && seen.insert(a.clone()));
        r.references = out;
    }
    Ok(Document {
        kind: DocumentKind::Terraform,
        path: rel_path.to_string(),
        resources,
    })
}

fn collect_resources(
    rel_path: &str,
    module: &Value,
    lines: &BTreeMap<String, u32>,
    config_refs: &BTreeMap<String, Vec<String>>,
    out: &mut Vec<Resource>,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    let module_address = module.get("address").and_then(Value::as_str).unwrap_or("");
    for r in module
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if out.len() >= MAX_PLAN_RESOURCES {
            return;
        }
        let Some(address) = r.get("address").and_then(Value::as_str) else {
            continue;
        };
        let text = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let mode = r.get("mode").and_then(Value::as_str).unwrap_or("managed");
        let mut extra = BTreeMap::new();
        extra.insert("mode".to_string(), Value::String(mode.to_string()));
        if let Some(index) = r.get("index") {
            extra.insert("index".to_string(), index.clone());
        }
        if !module_address.is_empty() {
            extra.insert(
                "module_address".to_string(),
                Value::String(module_address.to_string()),
            );
        }
        // References in the configuration are relative to the module; make them absolute
        // with this instance's module address.
        let config_key = strip_keys(address);
        let prefix = if module_address.is_empty() {
            String::new()
        } else {
            format!("{module_address}.")
        };
        let references = config_refs
            .get(&config_key)
            .map(|refs| refs.iter().map(|r| format!("{prefix}{r}")).collect())
            .unwrap_or_default();
        let line = lines.get(address).copied().unwrap_or(1);
        out.push(Resource {
            address: address.to_string(),
            resource_type: text("type"),
            name: text("name"),
            file: rel_path.to_string(),
            line,
            end_line: line,
            values: r
                .get("values")
                .cloned()
                .unwrap_or(Value::Object(Default::default())),
            references,
            lines: BTreeMap::new(),
            extra,
        });
    }
    for child in module
        .get("child_modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        collect_resources(rel_path, child, lines, config_refs, out, depth + 1);
    }
}

/// Config address (module path without instance keys + resource address) → the resource
/// addresses its expressions refer to, relative to its module.
fn collect_config_refs(
    module: &Value,
    prefix: &str,
    out: &mut BTreeMap<String, Vec<String>>,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    for r in module
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(address) = r.get("address").and_then(Value::as_str) else {
            continue;
        };
        let mut refs = Vec::new();
        if let Some(e) = r.get("expressions") {
            collect_expression_refs(e, &mut refs, 0);
        }
        for key in ["count_expression", "for_each_expression"] {
            if let Some(e) = r.get(key) {
                collect_expression_refs(e, &mut refs, 0);
            }
        }
        out.insert(format!("{prefix}{address}"), refs);
    }
    if let Some(calls) = module.get("module_calls").and_then(Value::as_object) {
        for (name, call) in calls {
            if let Some(child) = call.get("module") {
                collect_config_refs(child, &format!("{prefix}module.{name}."), out, depth + 1);
            }
        }
    }
}

fn collect_expression_refs(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 64 {
        return;
    }
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(refs)) = m.get("references") {
                for r in refs.iter().filter_map(Value::as_str) {
                    if let Some(a) = resource_of_reference(r)
                        && !out.contains(&a)
                    {
                        out.push(a);
                    }
                }
            }
            for (k, child) in m {
                if k != "references" {
                    collect_expression_refs(child, out, depth + 1);
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_expression_refs(i, out, depth + 1)),
        _ => {}
    }
}

/// `aws_s3_bucket.b[0].id` → `aws_s3_bucket.b[0]`, `data.x.y.json` → `data.x.y`;
/// `var.`, `local.`, `module.` and the like name no resource.
fn resource_of_reference(r: &str) -> Option<String> {
    let (head, take) = if let Some(rest) = r.strip_prefix("data.") {
        (Some("data."), rest)
    } else {
        (None, r)
    };
    let first = take.split(['.', '[']).next()?;
    if head.is_none()
        && matches!(
            first,
            "var" | "local" | "module" | "each" | "count" | "path" | "self" | "terraform"
        )
    {
        return None;
    }
    let (ty, rest) = take.split_once('.')?;
    let name_end = rest.find(['.', '[']).unwrap_or(rest.len());
    let name = &rest[..name_end];
    let mut address = format!("{}{ty}.{name}", head.unwrap_or(""));
    if rest[name_end..].starts_with('[')
        && let Some(close) = rest[name_end..].find(']')
    {
        address.push_str(&rest[name_end..name_end + close + 1]);
    }
    Some(address)
}

/// `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`.
fn strip_keys(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in address.chars() {
        if depth > 0 {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
            } else if c == '"' {
                in_string = true;
            } else if c == ']' {
                depth -= 1;
            }
            continue;
        }
        if c == '[' {
            depth += 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// The line of the first `"address": "..."` of every address in the file.
fn address_lines(bytes: &[u8]) -> BTreeMap<String, u32> {
    let text = String::from_utf8_lossy(bytes);
    let starts = line_starts(&text);
    let mut out = BTreeMap::new();
    let needle = "\"address\"";
    let mut from = 0;
    while let Some(pos) = text[from..].find(needle) {
        let at = from + pos;
        from = at + needle.len();
        let rest = text[from..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let mut de = serde_json::Deserializer::from_str(rest).into_iter::<String>();
        if let Some(Ok(address)) = de.next() {
            out.entry(address).or_insert_with(|| line_at(&starts, at));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_strings_name_their_resource() {
        assert_eq!(
            resource_of_reference("aws_s3_bucket.b.id").as_deref(),
            Some("aws_s3_bucket.b")
        );
        assert_eq!(
            resource_of_reference("aws_s3_bucket.b[0].id").as_deref(),
            Some("aws_s3_bucket.b[0]")
        );
        assert_eq!(
            resource_of_reference("data.aws_iam_policy_document.p.json").as_deref(),
            Some("data.aws_iam_policy_document.p")
        );
        assert_eq!(resource_of_reference("var.name"), None);
        assert_eq!(resource_of_reference("module.m.out"), None);
        assert_eq!(
            strip_keys("module.a[\"x]\"].aws_s3_bucket.b[0]"),
            "module.a.aws_s3_bucket.b"
        );
    }
}
