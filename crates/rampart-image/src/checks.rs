//! The image's own checks: its config (user, environment, ports, history) and development
//! content in the final file view. Also the config text handed to the secrets scanner.

use std::collections::BTreeSet;

use rampart_core::{
    Evidence, FileTarget, Finding, Fingerprint, Location, Rule, ScanContext, ScanOutput, Scanner,
};

use crate::oci::ImageConfig;
use crate::rules::{self, rule};
use crate::scan::LayerSummary;
use crate::source::Image;
use crate::tar::EntryKind;
use crate::view::View;

/// Names that say a variable holds a credential.
const SENSITIVE_NAMES: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "ACCESS_KEY",
    "PRIVATE_KEY",
    "CREDENTIAL",
    "AUTH",
];

/// Names that contain a sensitive word but are well-known non-secrets.
const NOT_SECRET: &[&str] = &["PATH", "FILE", "DIR", "URL", "HOST", "PORT", "USER", "TYPE"];

fn sensitive_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    SENSITIVE_NAMES.iter().any(|w| upper.contains(w))
        && !NOT_SECRET.iter().any(|w| upper.ends_with(&format!("_{w}")))
}

/// The config text the secrets scanner should read, as (pseudo path, text): one line per
/// environment variable, label and history entry, so a finding's line names the entry.
pub fn config_texts(config: &ImageConfig) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(env) = &config.config.env {
        out.push(("config/Env".to_string(), env.join("\n")));
    }
    if let Some(labels) = &config.config.labels {
        let text: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push(("config/Labels".to_string(), text.join("\n")));
    }
    if !config.history.is_empty() {
        let text: Vec<String> = config
            .history
            .iter()
            .map(|h| h.created_by.clone().unwrap_or_default().replace('\n', " "))
            .collect();
        out.push(("config/history".to_string(), text.join("\n")));
    }
    out
}

fn config_location(image: &Image, path: &str, line: Option<u32>) -> Location {
    Location::Image {
        image: image.name.clone(),
        layer: None,
        path: path.to_string(),
        line,
    }
}

fn image_finding(image: &Image, r: &Rule, loc: Location, message: String, key: &str) -> Finding {
    Finding::new(r, loc, message)
        .with_fingerprint(Fingerprint::from_parts([r.id.as_bytes(), key.as_bytes()]))
        .with_property("image", image.name.clone())
        .with_property("image_digest", image.digest.clone())
}

/// Checks of the image config.
pub fn config_findings(image: &Image) -> Vec<Finding> {
    let cfg = &image.config;
    let mut out = Vec::new();
    let user = cfg.config.user.as_deref().unwrap_or("").trim();
    let user_name = user.split(':').next().unwrap_or("");
    if user_name.is_empty() || user_name == "root" || user_name == "0" {
        let r = rule(rules::RUNS_AS_ROOT);
        let msg = if user.is_empty() {
            "the image sets no USER: its process runs as root".to_string()
        } else {
            format!("the image sets USER {user}: its process runs as root")
        };
        out.push(image_finding(
            image,
            &r,
            config_location(image, "config/User", None),
            msg,
            "user",
        ));
    }
    if let Some(env) = &cfg.config.env {
        for (i, kv) in env.iter().enumerate() {
            let Some((k, v)) = kv.split_once('=') else {
                continue;
            };
            if v.trim().is_empty() || !sensitive_name(k) {
                continue;
            }
            let r = rule(rules::SENSITIVE_ENV);
            let start = k.len() + 1;
            let f = image_finding(
                image,
                &r,
                config_location(image, "config/Env", Some(i as u32 + 1)),
                format!("environment variable {k} holds a value baked into the image config"),
                &format!(
                    "env:{k}:{}",
                    Fingerprint::from_parts([v.as_bytes()]).as_str()
                ),
            )
            .with_evidence(Evidence::with_sensitive(
                kv.clone(),
                std::iter::once(start..kv.len()).collect(),
            ));
            out.push(f);
        }
    }
    if let Some(ports) = &cfg.config.exposed_ports
        && ports.keys().any(|p| p == "22/tcp" || p == "22")
    {
        let r = rule(rules::SSH_PORT);
        out.push(image_finding(
            image,
            &r,
            config_location(image, "config/ExposedPorts", None),
            "the image exposes port 22/tcp (SSH)".into(),
            "port22",
        ));
    }
    for (i, h) in cfg.history.iter().enumerate() {
        let Some(cmd) = h.created_by.as_deref() else {
            continue;
        };
        let line = Some(i as u32 + 1);
        let clean = crate::oci::clean_instruction(cmd);
        if let Some(rest) = clean.strip_prefix("ADD ") {
            let url = rest
                .split_whitespace()
                .find(|w| w.starts_with("http://") || w.starts_with("https://"));
            if let Some(url) = url
                && !rest.contains("--checksum")
            {
                let r = rule(rules::ADD_REMOTE_URL);
                out.push(
                    image_finding(
                        image,
                        &r,
                        config_location(image, "config/history", line),
                        format!("layer made by ADD {url} without a checksum"),
                        &format!("add:{url}"),
                    )
                    .with_evidence(Evidence::plain(clean.clone())),
                );
            }
        }
        for (k, v, range) in build_args(cmd) {
            if v.is_empty() || !sensitive_name(k) {
                continue;
            }
            let r = rule(rules::BUILD_ARG_SECRET);
            out.push(
                image_finding(
                    image,
                    &r,
                    config_location(image, "config/history", line),
                    format!("build argument {k} is recorded with its value in the history"),
                    &format!(
                        "arg:{k}:{}",
                        Fingerprint::from_parts([v.as_bytes()]).as_str()
                    ),
                )
                .with_evidence(Evidence::with_sensitive(
                    cmd.to_string(),
                    std::iter::once(range).collect(),
                )),
            );
        }
    }
    out
}

/// `|2 A=1 B=2 /bin/sh -c …` (how docker records the ARGs a RUN used): (name, value, value's
/// byte range in `cmd`).
fn build_args(cmd: &str) -> Vec<(&str, &str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let Some(rest) = cmd.strip_prefix('|') else {
        return out;
    };
    let mut words = rest.split(' ');
    let Some(count) = words.next().and_then(|n| n.parse::<usize>().ok()) else {
        return out;
    };
    let mut pos = 1 + rest.find(' ').unwrap_or(rest.len()) + 1;
    for w in words.take(count.min(256)) {
        if let Some((k, v)) = w.split_once('=') {
            let start = pos + k.len() + 1;
            out.push((k, v, start..start + v.len()));
        }
        pos += w.len() + 1;
    }
    out
}

struct Toolchain {
    name: &'static str,
    rule: &'static str,
    /// A file whose presence shows the toolchain is there.
    marker: fn(&str) -> bool,
    /// Files that belong to it, for the byte count.
    member: fn(&str) -> bool,
}

fn file_name(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

fn under_cuda(p: &str) -> bool {
    p.starts_with("usr/local/cuda")
}

const TOOLCHAINS: &[Toolchain] = &[
    Toolchain {
        name: "gcc",
        rule: rules::COMPILER,
        marker: |p| {
            p.starts_with("usr/lib/gcc/") && (p.ends_with("/cc1") || p.ends_with("/cc1plus"))
        },
        member: |p| {
            p.starts_with("usr/lib/gcc/")
                || p.starts_with("usr/libexec/gcc/")
                || (p.starts_with("usr/bin/")
                    && ["gcc", "g++", "cpp", "c++"]
                        .iter()
                        .any(|t| file_name(p).contains(t)))
        },
    },
    Toolchain {
        name: "clang/LLVM",
        rule: rules::COMPILER,
        marker: |p| {
            (p.starts_with("usr/lib/llvm-") || p.starts_with("usr/bin/"))
                && file_name(p).starts_with("clang")
                && !file_name(p).contains("format")
        },
        member: |p| p.starts_with("usr/lib/llvm-") || file_name(p).starts_with("clang"),
    },
    Toolchain {
        name: "Go toolchain",
        rule: rules::COMPILER,
        marker: |p| {
            p == "usr/local/go/bin/go" || (p.starts_with("usr/lib/go") && p.ends_with("/bin/go"))
        },
        member: |p| p.starts_with("usr/local/go/") || p.starts_with("usr/lib/go"),
    },
    Toolchain {
        name: "Rust toolchain",
        rule: rules::COMPILER,
        marker: |p| file_name(p) == "rustc" && p.contains("bin/"),
        member: |p| {
            p.starts_with("usr/local/rustup/")
                || p.starts_with("usr/local/cargo/")
                || p.contains("/rustlib/")
        },
    },
    Toolchain {
        name: "nvcc",
        rule: rules::CUDA_DEVEL,
        marker: |p| under_cuda(p) && p.ends_with("/bin/nvcc"),
        member: |p| {
            under_cuda(p)
                && (p.contains("/nvvm/")
                    || file_name(p).starts_with("nvcc")
                    || p.ends_with("/bin/ptxas")
                    || p.ends_with("/bin/cicc"))
        },
    },
    Toolchain {
        name: "CUDA headers",
        rule: rules::CUDA_DEVEL,
        marker: |p| under_cuda(p) && p.contains("/include/") && p.ends_with(".h"),
        member: |p| under_cuda(p) && p.contains("/include/"),
    },
    Toolchain {
        name: "CUDA static libraries",
        rule: rules::CUDA_DEVEL,
        marker: |p| under_cuda(p) && file_name(p).ends_with("_static.a"),
        member: |p| under_cuda(p) && file_name(p).ends_with(".a"),
    },
    Toolchain {
        name: "pip",
        rule: rules::PACKAGE_MANAGER,
        marker: |p| {
            (p.contains("-packages/pip/")
                && p.ends_with("/__init__.py")
                && p.matches('/').count() >= 4)
                && p.ends_with("pip/__init__.py")
        },
        member: |p| p.contains("-packages/pip/") || p.contains("-packages/pip-"),
    },
    Toolchain {
        name: "npm",
        rule: rules::PACKAGE_MANAGER,
        marker: |p| {
            p.ends_with("node_modules/npm/package.json")
                && !p.contains("node_modules/npm/node_modules")
        },
        member: |p| p.contains("node_modules/npm/"),
    },
    Toolchain {
        name: "apt/dpkg",
        rule: rules::PACKAGE_MANAGER,
        marker: |p| p == "usr/bin/dpkg" || p == "usr/bin/apt-get",
        member: |p| {
            [
                "usr/bin/dpkg",
                "usr/bin/apt",
                "usr/lib/apt/",
                "usr/lib/x86_64-linux-gnu/libapt",
            ]
            .iter()
            .any(|x| p.starts_with(x))
        },
    },
    Toolchain {
        name: "apk",
        rule: rules::PACKAGE_MANAGER,
        marker: |p| p == "sbin/apk",
        member: |p| p == "sbin/apk" || p.starts_with("lib/libapk"),
    },
    Toolchain {
        name: "dnf/yum",
        rule: rules::PACKAGE_MANAGER,
        marker: |p| {
            [
                "usr/bin/dnf",
                "usr/bin/yum",
                "usr/bin/microdnf",
                "usr/bin/dnf-3",
            ]
            .contains(&p)
        },
        member: |p| {
            p.starts_with("usr/bin/dnf")
                || p.starts_with("usr/bin/yum")
                || p.contains("site-packages/dnf/")
                || p == "usr/bin/microdnf"
        },
    },
];

/// Development toolchains and package managers in the final view, with the bytes they add.
pub fn toolchain_findings(image: &Image, view: &View, layers: &[LayerSummary]) -> Vec<Finding> {
    let mut out = Vec::new();
    for tc in TOOLCHAINS {
        let Some((marker, node)) = view
            .files
            .iter()
            .find(|(p, n)| n.kind != EntryKind::Dir && (tc.marker)(p))
        else {
            continue;
        };
        let mut bytes = 0u64;
        let mut files = 0u64;
        let mut in_layers = BTreeSet::new();
        for (p, n) in &view.files {
            if n.kind == EntryKind::File && (tc.member)(p) {
                bytes += n.size;
                files += 1;
                in_layers.insert(n.layer);
            }
        }
        let r = rule(tc.rule);
        let layer = &layers[node.layer];
        let mut f = Finding::new(
            &r,
            Location::Image {
                image: image.name.clone(),
                layer: Some(layer.digest.clone()),
                path: marker.clone(),
                line: None,
            },
            format!(
                "{} in the final image: {} in {files} files ({marker})",
                tc.name,
                human_bytes(bytes)
            ),
        )
        .with_fingerprint(Fingerprint::from_parts([
            r.id.as_bytes(),
            tc.name.as_bytes(),
        ]))
        .with_property("toolchain", tc.name)
        .with_property("bytes", bytes)
        .with_property("files", files)
        .with_property(
            "layers",
            in_layers
                .iter()
                .map(|&l| layers[l].digest.clone())
                .collect::<Vec<_>>(),
        )
        .with_property("image", image.name.clone())
        .with_property("image_digest", image.digest.clone())
        .with_property("layer_digest", layer.digest.clone())
        .with_property("layer_index", node.layer as u64);
        if let Some(instr) = &layer.instruction {
            f = f.with_property("layer_instruction", instr.clone());
        }
        out.push(f);
    }
    out
}

/// `1.5 MiB`.
pub fn human_bytes(b: u64) -> String {
    const UNITS: &[&str] = &["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = b as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{b} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// Carries the `image/...` rules into `rampart rules` and `rampart explain`; image checks run
/// from `rampart image`, not from a directory walk, so it wants no file.
pub struct ImageRules;

impl Scanner for ImageRules {
    fn name(&self) -> &'static str {
        "image"
    }

    fn rules(&self) -> Vec<Rule> {
        rules::rules()
    }

    fn wants(&self, _file: &rampart_core::scanner::FileInfo<'_>, _ctx: &ScanContext) -> bool {
        false
    }

    fn scan_file(&self, _ctx: &ScanContext, _file: &FileTarget<'_>, _out: &mut ScanOutput) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_args_are_located() {
        let cmd = "|2 NPM_TOKEN=abc123 MODE=prod /bin/sh -c npm ci";
        let args = build_args(cmd);
        assert_eq!(args.len(), 2);
        assert_eq!(args[0].0, "NPM_TOKEN");
        assert_eq!(&cmd[args[0].2.clone()], "abc123");
        assert_eq!(&cmd[args[1].2.clone()], "prod");
        assert!(build_args("/bin/sh -c true").is_empty());
        assert!(build_args("|x").is_empty());
    }

    #[test]
    fn sensitive_names() {
        assert!(sensitive_name("DB_PASSWORD"));
        assert!(sensitive_name("hf_token"));
        assert!(!sensitive_name("PASSWORD_FILE"));
        assert!(!sensitive_name("PATH"));
    }
}
