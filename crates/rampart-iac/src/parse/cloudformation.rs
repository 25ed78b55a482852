//! CloudFormation (and SAM) templates, YAML with short-form tags or JSON. Intrinsic functions
//! are evaluated where the template alone decides them: `Ref` of a parameter with a default,
//! `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`, `Fn::If` on a static
//! condition, `Fn::Base64`. Anything else stays as CloudFormation's JSON object form.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value as J, json};

use super::{ParseError, resource_from_node};
use crate::document::Resource;
use crate::yaml;

/// Deepest intrinsic nesting evaluated; templates nest a handful of levels.
const MAX_EVAL_DEPTH: usize = 64;

/// The JSON form of a short-form tag: `!Ref X` → `{"Ref": "X"}`, `!GetAtt A.B` →
/// `{"Fn::GetAtt": ["A", "B"]}`, `!Condition C` → `{"Condition": "C"}`, `!X v` → `{"Fn::X": v}`.
pub fn expand_tag(tag: &str, v: J) -> Option<J> {
    let name = tag.strip_prefix('!')?;
    if name.starts_with('!') || name.is_empty() {
        return None;
    }
    Some(match name {
        "Ref" => json!({ "Ref": v }),
        "Condition" => json!({ "Condition": v }),
        "GetAtt" => {
            let v = match v {
                J::String(s) => match s.split_once('.') {
                    Some((a, b)) => json!([a, b]),
                    None => json!([s]),
                },
                other => other,
            };
            json!({ "Fn::GetAtt": v })
        }
        other => {
            let mut m = Map::new();
            m.insert(format!("Fn::{other}"), v);
            J::Object(m)
        }
    })
}

struct Ctx<'a> {
    params: BTreeMap<String, J>,
    conditions: &'a Map<String, J>,
    mappings: &'a Map<String, J>,
    resources: BTreeSet<String>,
}

impl Ctx<'_> {
    /// Evaluates intrinsics of `v`; collects referenced logical ids into `refs`.
    fn eval(&self, v: &J, refs: &mut BTreeSet<String>, depth: usize) -> J {
        if depth > MAX_EVAL_DEPTH {
            return v.clone();
        }
        match v {
            J::Array(items) => J::Array(
                items
                    .iter()
                    .map(|i| self.eval(i, refs, depth + 1))
                    .collect(),
            ),
            J::Object(m) if m.len() == 1 => {
                let (k, arg) = m.iter().next().expect("one entry");
                self.intrinsic(k, arg, refs, depth).unwrap_or_else(|| {
                    let mut out = Map::new();
                    out.insert(k.clone(), self.eval(arg, refs, depth + 1));
                    J::Object(out)
                })
            }
            J::Object(m) => J::Object(
                m.iter()
                    .map(|(k, x)| (k.clone(), self.eval(x, refs, depth + 1)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn intrinsic(&self, k: &str, arg: &J, refs: &mut BTreeSet<String>, depth: usize) -> Option<J> {
        let d = depth + 1;
        match k {
            "Ref" => {
                let name = arg.as_str()?;
                if self.resources.contains(name) {
                    refs.insert(name.to_string());
                }
                Some(
                    self.params
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| json!({ "Ref": name })),
                )
            }
            "Fn::GetAtt" => {
                let target = match arg {
                    J::Array(a) => a.first().and_then(J::as_str),
                    J::String(s) => s.split('.').next(),
                    _ => None,
                };
                if let Some(t) = target
                    && self.resources.contains(t)
                {
                    refs.insert(t.to_string());
                }
                Some(json!({ "Fn::GetAtt": arg }))
            }
            "Fn::Sub" => {
                let (template, vars) = match arg {
                    J::String(s) => (s.clone(), Map::new()),
                    J::Array(a) => (
                        a.first()?.as_str()?.to_string(),
                        a.get(1)
                            .and_then(J::as_object)
                            .map(|m| {
                                m.iter()
                                    .map(|(k, v)| (k.clone(), self.eval(v, refs, d)))
                                    .collect()
                            })
                            .unwrap_or_default(),
                    ),
                    _ => return None,
                };
                Some(
                    self.sub(&template, &vars, refs)
                        .unwrap_or_else(|| json!({ "Fn::Sub": arg })),
                )
            }
            "Fn::Join" => {
                let a = arg.as_array()?;
                let delim = a.first()?.as_str()?;
                let list = self.eval(a.get(1)?, refs, d);
                let parts: Option<Vec<String>> = list
                    .as_array()
                    .map(|items| items.iter().map(scalar_string).collect::<Option<Vec<_>>>())?;
                Some(match parts {
                    Some(p) => J::String(p.join(delim)),
                    None => json!({ "Fn::Join": [delim, list] }),
                })
            }
            "Fn::Select" => {
                let a = arg.as_array()?;
                let idx = self.eval(a.first()?, refs, d);
                let list = self.eval(a.get(1)?, refs, d);
                let i = idx
                    .as_u64()
                    .or_else(|| idx.as_str().and_then(|s| s.parse().ok()))?;
                Some(
                    list.as_array()
                        .and_then(|l| l.get(i as usize).cloned())
                        .unwrap_or_else(|| json!({ "Fn::Select": [idx, list] })),
                )
            }
            "Fn::Split" => {
                let a = arg.as_array()?;
                let delim = a.first()?.as_str()?;
                let s = self.eval(a.get(1)?, refs, d);
                Some(match s.as_str() {
                    Some(s) if !delim.is_empty() => {
                        J::Array(s.split(delim).map(|p| J::String(p.into())).collect())
                    }
                    _ => json!({ "Fn::Split": [delim, s] }),
                })
            }
            "Fn::FindInMap" => {
                let a: Vec<J> = arg
                    .as_array()?
                    .iter()
                    .map(|x| self.eval(x, refs, d))
                    .collect();
                let found = (|| {
                    let m = self.mappings.get(a.first()?.as_str()?)?;
                    let m = m.get(a.get(1)?.as_str()?)?;
                    m.get(a.get(2)?.as_str()?).cloned()
                })();
                Some(found.unwrap_or_else(|| json!({ "Fn::FindInMap": a })))
            }
            "Fn::If" => {
                let a = arg.as_array()?;
                let cond = a.first()?.as_str()?;
                match self.condition(cond, 0) {
                    Some(true) => Some(self.eval(a.get(1)?, refs, d)),
                    Some(false) => Some(self.eval(a.get(2)?, refs, d)),
                    None => Some(json!({ "Fn::If": [
                        cond,
                        self.eval(a.get(1)?, refs, d),
                        self.eval(a.get(2)?, refs, d),
                    ]})),
                }
            }
            "Fn::Base64" => Some(self.eval(arg, refs, d)),
            _ => None,
        }
    }

    fn sub(&self, template: &str, vars: &Map<String, J>, refs: &mut BTreeSet<String>) -> Option<J> {
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            // `${!Literal}` is an escaped `${Literal}`.
            if let Some(lit) = after.strip_prefix('!') {
                out.push_str("${");
                rest = lit;
                continue;
            }
            let end = after.find('}')?;
            let name = &after[..end];
            let base = name.split('.').next().unwrap_or(name);
            if self.resources.contains(base) {
                refs.insert(base.to_string());
            }
            let value = vars
                .get(name)
                .cloned()
                .or_else(|| self.params.get(name).cloned())?;
            out.push_str(&scalar_string(&value)?);
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Some(J::String(out))
    }

    fn condition(&self, name: &str, depth: usize) -> Option<bool> {
        let c = self.conditions.get(name)?;
        self.cond_value(c, depth + 1)
    }

    fn cond_value(&self, c: &J, depth: usize) -> Option<bool> {
        if depth > MAX_EVAL_DEPTH {
            return None;
        }
        let m = c.as_object()?;
        let (k, arg) = m.iter().next()?;
        let mut scratch = BTreeSet::new();
        match k.as_str() {
            "Fn::Equals" => {
                let a = arg.as_array()?;
                let x = self.eval(a.first()?, &mut scratch, depth);
                let y = self.eval(a.get(1)?, &mut scratch, depth);
                let (x, y) = (scalar_string(&x)?, scalar_string(&y)?);
                Some(x == y)
            }
            "Fn::Not" => Some(!self.cond_value(arg.as_array()?.first()?, depth + 1)?),
            "Fn::And" => {
                let mut all = true;
                for x in arg.as_array()? {
                    all &= self.cond_value(x, depth + 1)?;
                }
                Some(all)
            }
            "Fn::Or" => {
                let mut any = false;
                for x in arg.as_array()? {
                    any |= self.cond_value(x, depth + 1)?;
                }
                Some(any)
            }
            "Condition" => self.condition(arg.as_str()?, depth + 1),
            _ => None,
        }
    }
}

fn scalar_string(v: &J) -> Option<String> {
    match v {
        J::String(s) => Some(s.clone()),
        J::Number(n) => Some(n.to_string()),
        J::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn parse(path: &str, text: &str) -> Result<Vec<Resource>, ParseError> {
    let docs = match yaml::load_all(text) {
        Ok(d) => d,
        Err(e) if path.to_ascii_lowercase().ends_with(".json") => {
            // JSON that YAML rejects (rare: tabs in odd places) still loads, without lines.
            match serde_json::from_str::<J>(text) {
                Ok(_) => {
                    return Err(ParseError::new(
                        Some(e.line),
                        format!("invalid template: {}", e.message),
                    ));
                }
                Err(je) => {
                    return Err(ParseError::new(
                        Some(je.line() as u32),
                        format!("invalid JSON: {je}"),
                    ));
                }
            }
        }
        Err(e) => return Err(e.into()),
    };
    let Some(root) = docs.first() else {
        return Ok(Vec::new());
    };
    let tagged = |t: &str, v: J| expand_tag(t, v);
    let template = root.to_json_with(&tagged);
    let empty = Map::new();
    let section = |name: &str| template.get(name).and_then(J::as_object).unwrap_or(&empty);
    let mut params = BTreeMap::new();
    for (name, p) in section("Parameters") {
        if let Some(d) = p.get("Default") {
            params.insert(name.clone(), d.clone());
        }
    }
    let resources_json = section("Resources");
    let ctx = Ctx {
        params,
        conditions: section("Conditions"),
        mappings: section("Mappings"),
        resources: resources_json.keys().cloned().collect(),
    };
    let globals = template
        .get("Globals")
        .and_then(J::as_object)
        .cloned()
        .unwrap_or_default();
    let Some(resources_node) = root.get("Resources") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let crate::yaml::Value::Map(entries) = &resources_node.value else {
        return Err(ParseError::new(
            Some(resources_node.line),
            "`Resources` is not a mapping",
        ));
    };
    for (logical_id, key_line, node) in entries {
        let Some(res) = resources_json.get(logical_id) else {
            continue;
        };
        let rtype = res
            .get("Type")
            .and_then(J::as_str)
            .unwrap_or("")
            .to_string();
        let mut refs = BTreeSet::new();
        let mut props = res
            .get("Properties")
            .map(|p| ctx.eval(p, &mut refs, 0))
            .unwrap_or_else(|| J::Object(Map::new()));
        // SAM: `Globals.Function` (Api, HttpApi, SimpleTable...) applies to every resource of
        // that type that does not set the property itself.
        if let Some(kind) = rtype.strip_prefix("AWS::Serverless::")
            && let Some(J::Object(g)) = globals.get(kind)
            && let J::Object(p) = &mut props
        {
            for (k, v) in g {
                p.entry(k.clone())
                    .or_insert_with(|| ctx.eval(v, &mut refs, 0));
            }
        }
        let props_node = node.get("Properties");
        let mut r = resource_from_node(path, logical_id.clone(), &rtype, logical_id, node, props);
        r.line = *key_line;
        r.lines.clear();
        if let Some(pn) = props_node {
            pn.collect_lines("", &mut r.lines);
        }
        if let Some(c) = res.get("Condition") {
            r.extra.insert("condition".into(), c.clone());
        }
        if let Some(d) = res.get("DependsOn") {
            let deps: Vec<J> = match d {
                J::Array(a) => a.clone(),
                other => vec![other.clone()],
            };
            for dep in &deps {
                if let Some(s) = dep.as_str() {
                    refs.insert(s.to_string());
                }
            }
            r.extra.insert("depends_on".into(), J::Array(deps));
        }
        refs.remove(logical_id);
        r.references = refs.into_iter().collect();
        out.push(r);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tags_parameters_and_conditions() {
        let t = "\
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: {Type: String, Default: prod}
  Acl: {Type: String, Default: PublicRead}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Globals:
  Function:
    Timeout: 30
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Data:
    Type: AWS::S3::Bucket
    DependsOn: Logs
    Properties:
      AccessControl: !Ref Acl
      BucketName: !Sub '${Env}-data'
      Tier: !If [IsProd, gold, silver]
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
      Arn: !GetAtt Logs.Arn
      Joined: !Join ['-', [a, !Ref Env]]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
";
        let rs = parse("t.yaml", t).unwrap();
        assert_eq!(rs.len(), 3);
        let d = &rs[1];
        assert_eq!(d.address, "Data");
        assert_eq!(d.line, 14);
        assert_eq!(d.values["AccessControl"], "PublicRead");
        assert_eq!(d.values["BucketName"], "prod-data");
        assert_eq!(d.values["Tier"], "gold");
        assert_eq!(
            d.values["LoggingConfiguration"]["DestinationBucketName"],
            json!({"Ref": "Logs"})
        );
        assert_eq!(d.values["Arn"], json!({"Fn::GetAtt": ["Logs", "Arn"]}));
        assert_eq!(d.values["Joined"], "a-prod");
        assert_eq!(d.references, vec!["Logs".to_string()]);
        assert_eq!(d.line_of("AccessControl"), 18);
        assert_eq!(rs[2].values["Timeout"], 30);
    }

    #[test]
    fn json_template_keeps_lines() {
        let t = "{\n \"Resources\": {\n  \"B\": {\n   \"Type\": \"AWS::S3::Bucket\",\n   \"Properties\": {\"AccessControl\": \"PublicRead\"}\n  }\n }\n}\n";
        let rs = parse("t.json", t).unwrap();
        assert_eq!(rs[0].line, 3);
        assert_eq!(rs[0].line_of("AccessControl"), 5);
    }
}
