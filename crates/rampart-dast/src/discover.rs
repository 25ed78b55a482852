//! Parsers of what discovery reads: HTML pages (links, forms, URLs in scripts), robots.txt,
//! sitemaps, OpenAPI 3 / Swagger 2 documents and HAR files. All take untrusted bytes, never
//! panic, and bound what they return; each has a fuzz target.

use std::sync::OnceLock;

use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;
use url::Url;

use crate::endpoint::{Endpoint, Param, ParamIn};

/// Bounds on what one document may contribute, so a hostile page cannot exhaust memory.
const MAX_LINKS: usize = 2_000;
const MAX_FORMS: usize = 200;
const MAX_FIELDS: usize = 200;
const MAX_OPERATIONS: usize = 5_000;
const MAX_SCHEMA_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub name: String,
    pub value: String,
    /// Input type (`text`, `hidden`, `password`, `file`, `submit`, ...), `textarea` or `select`.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub action: Url,
    pub method: String,
    pub multipart: bool,
    pub fields: Vec<FormField>,
}

impl Form {
    pub fn has_password(&self) -> bool {
        self.fields.iter().any(|f| f.kind == "password")
    }

    pub fn has_file(&self) -> bool {
        self.fields.iter().any(|f| f.kind == "file")
    }

    pub fn endpoint(&self, page: &Url, source: &'static str) -> Endpoint {
        let location = if self.method == "GET" {
            ParamIn::Query
        } else {
            ParamIn::Form
        };
        let mut url = self.action.clone();
        if self.method == "GET" {
            url.set_query(None);
        }
        url.set_fragment(None);
        Endpoint {
            method: self.method.clone(),
            url,
            params: self
                .fields
                .iter()
                .filter(|f| f.kind != "file")
                .map(|f| Param {
                    name: f.name.clone(),
                    value: f.value.clone(),
                    location,
                    kind: f.kind.clone(),
                })
                .collect(),
            multipart: self.multipart,
            xml: false,
            page: Some(page.clone()),
            source,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct PageInfo {
    pub links: Vec<Url>,
    pub forms: Vec<Form>,
    /// URLs referenced from scripts (script src and string literals in inline scripts).
    pub script_urls: Vec<Url>,
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn script_url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"["'`]((?:https?://[^"'`\s<>]{1,300})|(?:/[A-Za-z0-9_\-./]{1,200}(?:\?[A-Za-z0-9_\-.=&%+]{0,200})?))["'`]"#)
            .expect("static regex")
    })
}

fn resolve(base: &Url, s: &str) -> Option<Url> {
    let s = s.trim();
    if s.is_empty() || s.starts_with('#') {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if ["javascript:", "mailto:", "tel:", "data:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    let mut u = base.join(s).ok()?;
    u.set_fragment(None);
    matches!(u.scheme(), "http" | "https").then_some(u)
}

/// Links, forms and script URLs of an HTML page at `page`.
pub fn extract_page(page: &Url, html: &str) -> PageInfo {
    let doc = Html::parse_document(html);
    let mut out = PageInfo::default();
    let base = sel("base[href]")
        .and_then(|s| {
            doc.select(&s)
                .next()
                .and_then(|e| e.value().attr("href").map(str::to_string))
        })
        .and_then(|h| page.join(&h).ok())
        .unwrap_or_else(|| page.clone());
    for (selector, attr) in [
        ("a[href]", "href"),
        ("area[href]", "href"),
        ("iframe[src]", "src"),
        ("frame[src]", "src"),
        ("script[src]", "src"),
    ] {
        let Some(s) = sel(selector) else { continue };
        for el in doc.select(&s) {
            if out.links.len() >= MAX_LINKS {
                break;
            }
            if let Some(u) = el.value().attr(attr).and_then(|h| resolve(&base, h)) {
                out.links.push(u);
            }
        }
    }
    if let Some(s) = sel("script:not([src])") {
        for el in doc.select(&s) {
            let code: String = el.text().collect();
            for cap in script_url_re().captures_iter(&code) {
                if out.script_urls.len() >= MAX_LINKS {
                    break;
                }
                if let Some(u) = resolve(&base, &cap[1]) {
                    out.script_urls.push(u);
                }
            }
        }
    }
    let (Some(form_sel), Some(field_sel), Some(option_sel)) = (
        sel("form"),
        sel("input[name], textarea[name], select[name], button[name]"),
        sel("option"),
    ) else {
        return out;
    };
    for form in doc.select(&form_sel).take(MAX_FORMS) {
        let f = form.value();
        let action = f
            .attr("action")
            .filter(|a| !a.trim().is_empty())
            .and_then(|a| resolve(&base, a))
            .unwrap_or_else(|| page.clone());
        let method = f
            .attr("method")
            .map(|m| m.trim().to_ascii_uppercase())
            .filter(|m| m == "POST")
            .unwrap_or_else(|| "GET".into());
        let multipart = f
            .attr("enctype")
            .is_some_and(|e| e.to_ascii_lowercase().contains("multipart"));
        let mut fields: Vec<FormField> = Vec::new();
        for el in form.select(&field_sel).take(MAX_FIELDS) {
            let v = el.value();
            let Some(name) = v.attr("name").filter(|n| !n.is_empty()) else {
                continue;
            };
            let tag = v.name();
            let (kind, value) = match tag {
                "textarea" => ("textarea".to_string(), el.text().collect::<String>()),
                "select" => {
                    let mut first = None;
                    let mut selected = None;
                    for o in el.select(&option_sel) {
                        let val = o
                            .value()
                            .attr("value")
                            .map(str::to_string)
                            .unwrap_or_else(|| o.text().collect::<String>().trim().to_string());
                        if first.is_none() {
                            first = Some(val.clone());
                        }
                        if o.value().attr("selected").is_some() {
                            selected = Some(val);
                        }
                    }
                    ("select".to_string(), selected.or(first).unwrap_or_default())
                }
                "button" => (
                    "submit".to_string(),
                    v.attr("value").unwrap_or("").to_string(),
                ),
                _ => {
                    let kind = v.attr("type").unwrap_or("text").to_ascii_lowercase();
                    if matches!(kind.as_str(), "checkbox" | "radio")
                        && (v.attr("checked").is_none() && fields.iter().any(|f| f.name == name))
                    {
                        continue;
                    }
                    let value = v
                        .attr("value")
                        .map(str::to_string)
                        .unwrap_or_else(|| default_value(&kind, name));
                    (kind, value)
                }
            };
            if kind == "submit" && fields.iter().any(|f| f.kind == "submit") {
                continue;
            }
            if let Some(existing) = fields.iter_mut().find(|f| f.name == name) {
                if v.attr("checked").is_some() {
                    existing.value = value;
                }
                continue;
            }
            fields.push(FormField {
                name: name.to_string(),
                value,
                kind,
            });
        }
        out.forms.push(Form {
            action,
            method,
            multipart,
            fields,
        });
    }
    out
}

/// A plausible value for an empty field, so forms pass simple validation.
fn default_value(kind: &str, name: &str) -> String {
    let n = name.to_ascii_lowercase();
    match kind {
        "email" => "rampart@example.com".into(),
        "number" | "range" => "1".into(),
        "url" => "https://example.com/".into(),
        "tel" => "5551234".into(),
        "date" => "2024-01-01".into(),
        "password" => "Rampart-Test-1".into(),
        "checkbox" | "radio" => "on".into(),
        _ if n.contains("mail") => "rampart@example.com".into(),
        _ if n.contains("url") || n.contains("link") => "https://example.com/".into(),
        _ if n == "id" || n.ends_with("_id") || n.contains("num") || n.contains("age") => {
            "1".into()
        }
        _ => "rampart".into(),
    }
}

/// Paths named by robots.txt (`Allow`/`Disallow`, wildcards cut off) and its `Sitemap` URLs.
pub fn parse_robots(base: &Url, text: &str) -> (Vec<Url>, Vec<Url>) {
    let mut paths = Vec::new();
    let mut sitemaps = Vec::new();
    for line in text.lines().take(10_000) {
        let line = line.split('#').next().unwrap_or_default().trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "allow" | "disallow" => {
                let v = value.split(['*', '$']).next().unwrap_or_default();
                if v.starts_with('/')
                    && v.len() > 1
                    && let Ok(u) = base.join(v)
                {
                    paths.push(u);
                }
            }
            "sitemap" => {
                // `Sitemap: https://…` — the split at the first ':' cut the scheme off.
                let full = line.split_once(':').map(|x| x.1.trim()).unwrap_or_default();
                if let Ok(u) = base.join(full) {
                    sitemaps.push(u);
                }
            }
            _ => {}
        }
    }
    paths.truncate(MAX_LINKS);
    sitemaps.truncate(50);
    (paths, sitemaps)
}

/// `<loc>` URLs of a sitemap or sitemap index.
pub fn parse_sitemap(base: &Url, text: &str) -> Vec<Url> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"<loc>\s*([^<\s]{1,2000})\s*</loc>").expect("static regex"));
    re.captures_iter(text)
        .filter_map(|c| base.join(&c[1].replace("&amp;", "&")).ok())
        .take(MAX_LINKS)
        .collect()
}

/// Parses JSON or YAML.
fn parse_doc(text: &str) -> Result<Value, String> {
    let t = text.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        serde_json::from_str(t).map_err(|e| format!("invalid JSON: {e}"))
    } else {
        serde_yaml::from_str(t).map_err(|e| format!("invalid YAML: {e}"))
    }
}

/// Endpoints of an OpenAPI 3.x or Swagger 2.0 document, with example values generated from the
/// schemas (example, default, enum, format, type). `base` is where the document came from;
/// relative server URLs resolve against it.
pub fn load_openapi(text: &str, base: &Url) -> Result<Vec<Endpoint>, String> {
    let doc = parse_doc(text)?;
    let swagger2 = doc.get("swagger").is_some();
    if !swagger2 && doc.get("openapi").is_none() {
        return Err("neither an `openapi` nor a `swagger` key: not an OpenAPI document".into());
    }
    let server = if swagger2 {
        let scheme = doc
            .pointer("/schemes/0")
            .and_then(Value::as_str)
            .unwrap_or(base.scheme());
        let host = doc.get("host").and_then(Value::as_str);
        let base_path = doc.get("basePath").and_then(Value::as_str).unwrap_or("");
        match host {
            Some(h) => Url::parse(&format!("{scheme}://{h}{base_path}")).ok(),
            None => base.join(base_path).ok(),
        }
    } else {
        doc.pointer("/servers/0/url")
            .and_then(Value::as_str)
            .and_then(|s| base.join(s).ok())
    }
    .unwrap_or_else(|| {
        let mut u = base.clone();
        u.set_path("/");
        u
    });
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return Err("no `paths` object".into());
    };
    let mut out = Vec::new();
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        let shared: Vec<Value> = item
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for method in ["get", "post", "put", "patch", "delete"] {
            if out.len() >= MAX_OPERATIONS {
                break;
            }
            let Some(op) = item.get(method) else { continue };
            let mut params: Vec<Param> = Vec::new();
            let mut resolved_path = path.clone();
            let op_params = op.get("parameters").and_then(Value::as_array);
            for p in shared.iter().chain(op_params.into_iter().flatten()) {
                let p = deref(&doc, p, 0);
                let Some(name) = p.get("name").and_then(Value::as_str) else {
                    continue;
                };
                let schema = p.get("schema").map(|s| deref(&doc, s, 0)).unwrap_or(p);
                let value = p
                    .get("example")
                    .map(scalar_string)
                    .unwrap_or_else(|| example_value(&doc, schema, name, 0).to_string_lossy());
                match p.get("in").and_then(Value::as_str) {
                    Some("path") => {
                        resolved_path = resolved_path.replace(&format!("{{{name}}}"), &value);
                    }
                    Some("query") => params.push(Param {
                        name: name.into(),
                        value,
                        location: ParamIn::Query,
                        kind: "query".into(),
                    }),
                    Some("formData") => params.push(Param {
                        name: name.into(),
                        value,
                        location: ParamIn::Form,
                        kind: "text".into(),
                    }),
                    Some("body") => push_json_fields(&doc, schema, &mut params),
                    _ => {}
                }
            }
            let mut xml = false;
            if let Some(content) = op
                .pointer("/requestBody/content")
                .and_then(Value::as_object)
            {
                xml = content.keys().any(|k| k.contains("xml"));
                if let Some(media) = content.get("application/json") {
                    if let Some(schema) = media.get("schema") {
                        push_json_fields(&doc, schema, &mut params);
                    }
                } else if let Some(media) = content.get("application/x-www-form-urlencoded")
                    && let Some(props) = media
                        .get("schema")
                        .map(|s| deref(&doc, s, 0))
                        .and_then(|s| s.get("properties"))
                        .and_then(Value::as_object)
                {
                    for (name, s) in props {
                        params.push(Param {
                            name: name.clone(),
                            value: example_value(&doc, s, name, 1).to_string_lossy(),
                            location: ParamIn::Form,
                            kind: "text".into(),
                        });
                    }
                }
            }
            let joined = format!(
                "{}{}",
                server.as_str().trim_end_matches('/'),
                if resolved_path.starts_with('/') {
                    resolved_path.clone()
                } else {
                    format!("/{resolved_path}")
                }
            );
            let Ok(url) = Url::parse(&joined) else {
                continue;
            };
            out.push(Endpoint {
                method: method.to_ascii_uppercase(),
                url,
                params,
                multipart: false,
                xml,
                page: None,
                source: "openapi",
            });
        }
    }
    Ok(out)
}

fn push_json_fields(doc: &Value, schema: &Value, params: &mut Vec<Param>) {
    let example = example_value(doc, schema, "", 0);
    if let Value::Object(map) = example {
        for (k, v) in map {
            let kind = match v {
                Value::Number(_) => "json-number",
                Value::Bool(_) => "json-bool",
                _ => "json",
            };
            params.push(Param {
                name: k,
                value: v.to_string_lossy(),
                location: ParamIn::Json,
                kind: kind.into(),
            });
        }
    }
}

trait Lossy {
    fn to_string_lossy(&self) -> String;
}

impl Lossy for Value {
    fn to_string_lossy(&self) -> String {
        scalar_string(self)
    }
}

fn scalar_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Follows a local `$ref` (`#/components/schemas/X`, `#/definitions/X`), boundedly.
fn deref<'a>(doc: &'a Value, v: &'a Value, depth: usize) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) if depth < MAX_SCHEMA_DEPTH => match r.strip_prefix('#') {
            Some(ptr) => doc
                .pointer(ptr)
                .map(|t| deref(doc, t, depth + 1))
                .unwrap_or(v),
            None => v,
        },
        _ => v,
    }
}

/// A value valid for `schema`: its example, default or first enum value, else one built from
/// its type and format.
pub fn example_value(doc: &Value, schema: &Value, name: &str, depth: usize) -> Value {
    let schema = deref(doc, schema, 0);
    if depth > MAX_SCHEMA_DEPTH {
        return Value::Null;
    }
    for key in ["example", "default"] {
        if let Some(v) = schema.get(key) {
            return v.clone();
        }
    }
    if let Some(v) = schema.pointer("/examples/0") {
        return v.clone();
    }
    if let Some(v) = schema.pointer("/enum/0") {
        return v.clone();
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = serde_json::Map::new();
        for s in all.iter().take(20) {
            if let Value::Object(m) = example_value(doc, s, name, depth + 1) {
                merged.extend(m);
            }
        }
        return Value::Object(merged);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema.get(key).and_then(|v| v.get(0)) {
            return example_value(doc, first, name, depth + 1);
        }
    }
    let ty = match schema.get("type") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("string"),
        _ if schema.get("properties").is_some() => "object",
        _ => "string",
    };
    match ty {
        "integer" => Value::from(schema.get("minimum").and_then(Value::as_i64).unwrap_or(1)),
        "number" => Value::from(schema.get("minimum").and_then(Value::as_f64).unwrap_or(1.5)),
        "boolean" => Value::Bool(true),
        "array" => {
            let item = schema
                .get("items")
                .map(|i| example_value(doc, i, name, depth + 1))
                .unwrap_or(Value::Null);
            Value::Array(vec![item])
        }
        "object" => {
            let mut m = serde_json::Map::new();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                for (k, s) in props.iter().take(MAX_FIELDS) {
                    m.insert(k.clone(), example_value(doc, s, k, depth + 1));
                }
            }
            Value::Object(m)
        }
        _ => Value::String(
            match schema.get("format").and_then(Value::as_str) {
                Some("email") => "rampart@example.com",
                Some("uuid") => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                Some("date") => "2024-01-01",
                Some("date-time") => "2024-01-01T00:00:00Z",
                Some("uri" | "url") => "https://example.com/",
                Some("ipv4") => "192.0.2.1",
                _ => {
                    let n = name.to_ascii_lowercase();
                    if n.contains("mail") {
                        "rampart@example.com"
                    } else if n.contains("url") {
                        "https://example.com/"
                    } else {
                        "rampart"
                    }
                }
            }
            .to_string(),
        ),
    }
}

/// Requests recorded in a HAR 1.2 file (a browser session), as endpoints.
pub fn load_har(text: &str) -> Result<Vec<Endpoint>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("invalid HAR JSON: {e}"))?;
    let entries = doc
        .pointer("/log/entries")
        .and_then(Value::as_array)
        .ok_or("no log.entries array: not a HAR file")?;
    let mut out = Vec::new();
    for e in entries.iter().take(MAX_OPERATIONS) {
        let Some(req) = e.get("request") else {
            continue;
        };
        let Some(url) = req
            .get("url")
            .and_then(Value::as_str)
            .and_then(|u| Url::parse(u).ok())
        else {
            continue;
        };
        let method = req
            .get("method")
            .and_then(Value::as_str)
            .unwrap_or("GET")
            .to_ascii_uppercase();
        let mut ep = Endpoint::from_url(&url, "har");
        ep.method = method;
        if let Some(post) = req.get("postData") {
            let mime = post.get("mimeType").and_then(Value::as_str).unwrap_or("");
            let text = post.get("text").and_then(Value::as_str).unwrap_or("");
            if mime.contains("json") {
                if let Ok(Value::Object(m)) = serde_json::from_str::<Value>(text) {
                    for (k, v) in m {
                        let kind = match v {
                            Value::Number(_) => "json-number",
                            Value::Bool(_) => "json-bool",
                            _ => "json",
                        };
                        ep.params.push(Param {
                            name: k,
                            value: scalar_string(&v),
                            location: ParamIn::Json,
                            kind: kind.into(),
                        });
                    }
                }
            } else if let Some(ps) = post.get("params").and_then(Value::as_array) {
                for p in ps.iter().take(MAX_FIELDS) {
                    if let Some(name) = p.get("name").and_then(Value::as_str) {
                        ep.params.push(Param {
                            name: name.into(),
                            value: p.get("value").map(scalar_string).unwrap_or_default(),
                            location: ParamIn::Form,
                            kind: "text".into(),
                        });
                    }
                }
            } else if mime.contains("x-www-form-urlencoded") {
                for (k, v) in url::form_urlencoded::parse(text.as_bytes()).take(MAX_FIELDS) {
                    ep.params.push(Param {
                        name: k.into_owned(),
                        value: v.into_owned(),
                        location: ParamIn::Form,
                        kind: "text".into(),
                    });
                }
            }
        }
        out.push(ep);
    }
    Ok(out)
}

/// The GraphQL introspection query rampart sends (only the parts it needs).
pub const GRAPHQL_INTROSPECTION: &str = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { name kind fields { name } } } }";

/// Number of types in an introspection answer, when it is one.
pub fn graphql_schema_types(body: &[u8]) -> Option<usize> {
    let v: Value = serde_json::from_slice(body).ok()?;
    v.pointer("/data/__schema/types")
        .and_then(Value::as_array)
        .map(Vec::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("http://127.0.0.1:8000/dir/page").unwrap()
    }

    #[test]
    fn forms_links_and_script_urls() {
        let html = r#"<html><body>
            <a href="/a?x=1">a</a><a href="b">b</a><a href="javascript:void(0)">j</a>
            <form action="/post" method="post"><input name="csrf" type="hidden" value="t0k">
              <input name="q"><input type="password" name="pw"><textarea name="t">hi</textarea>
              <select name="s"><option value="1">one</option><option value="2" selected>two</option></select>
              <input type="radio" name="r" value="a"><input type="radio" name="r" value="b" checked>
              <input type="submit" name="go" value="Go"></form>
            <script>fetch('/api/items?id=3'); var u = "http://127.0.0.1:9/x";</script>
            </body></html>"#;
        let p = extract_page(&base(), html);
        let links: Vec<String> = p.links.iter().map(|u| u.to_string()).collect();
        assert_eq!(
            links,
            ["http://127.0.0.1:8000/a?x=1", "http://127.0.0.1:8000/dir/b"]
        );
        assert_eq!(p.forms.len(), 1);
        let f = &p.forms[0];
        assert_eq!(f.method, "POST");
        assert!(f.has_password());
        let v: Vec<(&str, &str)> = f
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            v,
            [
                ("csrf", "t0k"),
                ("q", "rampart"),
                ("pw", "Rampart-Test-1"),
                ("t", "hi"),
                ("s", "2"),
                ("r", "b"),
                ("go", "Go")
            ]
        );
        let s: Vec<String> = p.script_urls.iter().map(|u| u.to_string()).collect();
        assert_eq!(
            s,
            [
                "http://127.0.0.1:8000/api/items?id=3",
                "http://127.0.0.1:9/x"
            ]
        );
    }

    #[test]
    fn robots_and_sitemaps() {
        let (paths, maps) = parse_robots(
            &base(),
            "User-agent: *\nDisallow: /admin/ # x\nAllow: /pub*\nDisallow: /\nSitemap: http://127.0.0.1:8000/s.xml\n",
        );
        assert_eq!(paths.len(), 2);
        assert_eq!(maps[0].as_str(), "http://127.0.0.1:8000/s.xml");
        let urls = parse_sitemap(
            &base(),
            "<urlset><url><loc> /x?a=1&amp;b=2 </loc></url></urlset>",
        );
        assert_eq!(urls[0].as_str(), "http://127.0.0.1:8000/x?a=1&b=2");
    }

    #[test]
    fn openapi3_examples_from_schemas() {
        let spec = r##"{"openapi":"3.0.0","servers":[{"url":"/api"}],
          "components":{"schemas":{"Item":{"type":"object","properties":{"name":{"type":"string"},"qty":{"type":"integer","minimum":2},"mail":{"type":"string","format":"email"}}}}},
          "paths":{"/items/{id}":{"get":{"parameters":[{"name":"id","in":"path","schema":{"type":"integer"}},{"name":"sort","in":"query","schema":{"enum":["asc","desc"]}}]},
                                 "post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}}"##;
        let eps = load_openapi(spec, &base()).unwrap();
        assert_eq!(eps.len(), 2);
        assert_eq!(eps[0].url.as_str(), "http://127.0.0.1:8000/api/items/1");
        assert_eq!(eps[0].params[0].value, "asc");
        let body = eps[1].request().body.unwrap();
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"name":"rampart","qty":2,"mail":"rampart@example.com"})
        );
    }

    #[test]
    fn swagger2_and_har() {
        let spec = "swagger: '2.0'\nbasePath: /v2\npaths:\n  /pets:\n    get:\n      parameters:\n        - {name: tag, in: query, type: string, default: dog}\n";
        let eps = load_openapi(spec, &base()).unwrap();
        assert_eq!(eps[0].url.as_str(), "http://127.0.0.1:8000/v2/pets");
        assert_eq!(eps[0].params[0].value, "dog");
        let har = r#"{"log":{"entries":[{"request":{"method":"POST","url":"http://127.0.0.1:8000/s?a=1","postData":{"mimeType":"application/json","text":"{\"q\":\"x\",\"n\":2}"}}}]}}"#;
        let eps = load_har(har).unwrap();
        assert_eq!(eps[0].params.len(), 3);
        assert!(load_har("{}").is_err());
        assert!(load_openapi("just text", &base()).is_err());
    }
}
