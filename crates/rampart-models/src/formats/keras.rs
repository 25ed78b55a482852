//! Keras model configurations (`config.json` of `.keras`, `model_config` of `.h5`).

use serde_json::Value;

use crate::classify::{Class, classify};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KerasHazard {
    /// A Lambda layer; `detail` says how its function is stored.
    Lambda { layer: String, detail: String },
    /// A module on the dangerous list.
    UnsafeModule {
        module: String,
        name: String,
        reason: String,
    },
    /// A module or registered name outside Keras.
    CustomObject { module: String, name: String },
}

const KERAS_MODULES: &[&str] = &[
    "keras",
    "tf_keras",
    "keras_hub",
    "keras_nlp",
    "keras_cv",
    "tensorflow",
    "numpy",
    "builtins",
];

fn keras_module(m: &str) -> bool {
    KERAS_MODULES
        .iter()
        .any(|k| m == *k || m.strip_prefix(k).is_some_and(|r| r.starts_with('.')))
}

pub fn analyze(config: &Value) -> Vec<KerasHazard> {
    let mut out = Vec::new();
    let mut budget = 200_000usize;
    walk(config, &mut out, 0, &mut budget);
    out.dedup();
    out
}

fn walk(v: &Value, out: &mut Vec<KerasHazard>, depth: usize, budget: &mut usize) {
    if depth > 100 || *budget == 0 || out.len() > 200 {
        return;
    }
    *budget -= 1;
    match v {
        Value::Object(o) => {
            let class = o.get("class_name").and_then(Value::as_str).unwrap_or("");
            if class == "Lambda" {
                let cfg = o.get("config");
                let layer = cfg
                    .and_then(|c| c.get("name"))
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_string();
                let f = cfg.and_then(|c| c.get("function"));
                let detail = match f {
                    Some(Value::Object(fo))
                        if fo.get("class_name").and_then(Value::as_str) == Some("__lambda__")
                            || fo
                                .get("config")
                                .and_then(|c| c.get("class_name"))
                                .and_then(Value::as_str)
                                == Some("__lambda__") =>
                    {
                        "marshalled Python bytecode (Keras 3 `__lambda__`)".to_string()
                    }
                    Some(Value::Array(_)) | Some(Value::String(_)) => {
                        let ft = cfg
                            .and_then(|c| c.get("function_type"))
                            .and_then(Value::as_str)
                            .unwrap_or("?");
                        format!("function_type `{ft}` (marshalled bytecode in legacy Keras)")
                    }
                    Some(Value::Object(fo)) => format!(
                        "function `{}`",
                        fo.get("config")
                            .and_then(Value::as_str)
                            .or_else(|| fo.get("class_name").and_then(Value::as_str))
                            .unwrap_or("?")
                    ),
                    _ => "function".to_string(),
                };
                out.push(KerasHazard::Lambda { layer, detail });
            }
            let module = o.get("module").and_then(Value::as_str);
            let reg = o.get("registered_name").and_then(Value::as_str);
            if let Some(m) = module {
                match classify(m, if class.is_empty() { "?" } else { class }, &[]) {
                    Class::Dangerous(_, why) => out.push(KerasHazard::UnsafeModule {
                        module: m.to_string(),
                        name: class.to_string(),
                        reason: why.to_string(),
                    }),
                    _ if !keras_module(m) && !m.is_empty() => out.push(KerasHazard::CustomObject {
                        module: m.to_string(),
                        name: if class.is_empty() {
                            "(function)".to_string()
                        } else {
                            class.to_string()
                        },
                    }),
                    _ => {}
                }
            } else if let Some(r) = reg
                && let Some((pkg, name)) = r.split_once('>')
                && !keras_module(pkg)
            {
                out.push(KerasHazard::CustomObject {
                    module: pkg.to_string(),
                    name: name.to_string(),
                });
            }
            for (_, x) in o {
                walk(x, out, depth + 1, budget);
            }
        }
        Value::Array(a) => {
            for x in a {
                walk(x, out, depth + 1, budget);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambda_and_modules() {
        let cfg: Value = serde_json::from_str(
            r#"{"class_name":"Sequential","module":"keras","config":{"layers":[
            {"class_name":"Lambda","module":"keras.layers","config":{"name":"l","function":{"class_name":"__lambda__","config":{"code":"4wEA"}}}},
            {"class_name":"system","module":"os","config":{}},
            {"class_name":"MyLayer","module":"mypkg.layers","registered_name":"mypkg>MyLayer","config":{}},
            {"class_name":"Dense","module":"keras.layers","config":{"name":"d"}}]}}"#,
        )
        .unwrap();
        let h = analyze(&cfg);
        assert!(
            matches!(&h[0], KerasHazard::Lambda { layer, .. } if layer == "l"),
            "{h:?}"
        );
        assert!(
            h.iter()
                .any(|x| matches!(x, KerasHazard::UnsafeModule { module, .. } if module == "os"))
        );
        assert!(h.iter().any(
            |x| matches!(x, KerasHazard::CustomObject { module, .. } if module == "mypkg.layers")
        ));
        assert_eq!(h.len(), 3, "{h:?}");
    }
}
