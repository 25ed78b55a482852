//! What the active checks attack: a method, a URL and its parameters, wherever they came from
//! (spider, forms, OpenAPI, HAR).

use url::Url;

use crate::http::Request;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ParamIn {
    Query,
    Form,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub value: String,
    pub location: ParamIn,
    /// The HTML input type (`text`, `hidden`, `password`, `file`, ...) or `json`/`query`.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub method: String,
    /// Without the query when the query is in `params`.
    pub url: Url,
    pub params: Vec<Param>,
    /// `multipart/form-data` forms (file uploads).
    pub multipart: bool,
    /// The operation takes an XML body (from OpenAPI): probed for XXE.
    pub xml: bool,
    /// The page a form was found on, for stored-XSS and CSRF reports.
    pub page: Option<Url>,
    /// Where it was found: `spider`, `form`, `openapi`, `har`, `sitemap`, `robots`, `script`.
    pub source: &'static str,
}

impl Endpoint {
    /// A GET endpoint from a URL, its query split into parameters.
    pub fn from_url(url: &Url, source: &'static str) -> Self {
        let params = url
            .query_pairs()
            .map(|(k, v)| Param {
                name: k.into_owned(),
                value: v.into_owned(),
                location: ParamIn::Query,
                kind: "query".into(),
            })
            .collect();
        let mut base = url.clone();
        base.set_query(None);
        base.set_fragment(None);
        Endpoint {
            method: "GET".into(),
            url: base,
            params,
            multipart: false,
            xml: false,
            page: None,
            source,
        }
    }

    /// Identity for de-duplication: method, path and the parameter names (not values), so a
    /// calendar with a million dates is one endpoint.
    pub fn key(&self) -> String {
        let mut names: Vec<&str> = self.params.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        format!(
            "{} {}{} {}",
            self.method,
            self.url.origin().ascii_serialization(),
            self.url.path(),
            names.join("&")
        )
    }

    /// The request with the original values, `value` replacing parameter `index`.
    pub fn request_with(&self, index: Option<usize>, value: &str) -> Request {
        let mut query: Vec<(String, String)> = Vec::new();
        let mut form: Vec<(String, String)> = Vec::new();
        let mut json = serde_json::Map::new();
        for (i, p) in self.params.iter().enumerate() {
            let v = if Some(i) == index {
                value.to_string()
            } else {
                p.value.clone()
            };
            match p.location {
                ParamIn::Query => query.push((p.name.clone(), v)),
                ParamIn::Form => form.push((p.name.clone(), v)),
                ParamIn::Json => {
                    let jv = if Some(i) != index && p.kind == "json-number" {
                        // Integers stay integers: `2`, not `2.0`, which strict APIs reject.
                        v.parse::<i64>()
                            .ok()
                            .map(serde_json::Number::from)
                            .or_else(|| {
                                v.parse::<f64>().ok().and_then(serde_json::Number::from_f64)
                            })
                            .map(serde_json::Value::Number)
                            .unwrap_or(serde_json::Value::String(v))
                    } else if Some(i) != index && p.kind == "json-bool" {
                        serde_json::Value::Bool(v == "true")
                    } else {
                        serde_json::Value::String(v)
                    };
                    json.insert(p.name.clone(), jv);
                }
            }
        }
        let mut url = self.url.clone();
        if !query.is_empty() {
            url.query_pairs_mut().clear().extend_pairs(&query);
        }
        let req = Request::new(&self.method, url);
        if !json.is_empty() {
            let body = serde_json::to_vec(&serde_json::Value::Object(json)).unwrap_or_default();
            req.body("application/json", body)
        } else if self.multipart {
            let (ct, body) = multipart(&form, &[]);
            req.body(&ct, body)
        } else if !form.is_empty() || self.method == "POST" {
            req.form(&form)
        } else {
            req
        }
    }

    /// The original request.
    pub fn request(&self) -> Request {
        self.request_with(None, "")
    }

    /// Indexes of the parameters worth injecting into (not submit buttons or file inputs).
    pub fn injectable(&self) -> impl Iterator<Item = usize> + '_ {
        self.params.iter().enumerate().filter_map(|(i, p)| {
            (!matches!(
                p.kind.as_str(),
                "submit" | "file" | "button" | "image" | "reset"
            ))
            .then_some(i)
        })
    }
}

/// A multipart/form-data body: the fields, then files as (field, file name, content type, bytes).
pub fn multipart(
    fields: &[(String, String)],
    files: &[(&str, &str, &str, &[u8])],
) -> (String, Vec<u8>) {
    let boundary = "rampartboundary7d1f0c2a";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{v}\r\n",
                k.replace('"', "")
            )
            .as_bytes(),
        );
    }
    for (field, name, ct, data) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {ct}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
