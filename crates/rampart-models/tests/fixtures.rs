//! Runs the scanner over the committed fixtures (made by `tests/fixtures/make_fixtures.py`).

use std::path::{Path, PathBuf};

use rampart_core::{FileTarget, ScanContext, ScanOutput, Scanner, Severity};
use rampart_models::{ModelsConfig, ModelsScanner, Report};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn files(sub: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir().join(sub)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(dir())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// Scans through the Scanner trait, in memory (as the walk does for small files).
fn scan(p: &Path) -> ScanOutput {
    let s = ModelsScanner::default();
    let data = std::fs::read(p).unwrap();
    let r = rel(p);
    let head = &data[..data.len().min(8192)];
    let info = rampart_core::scanner::FileInfo {
        path: p,
        rel_path: &r,
        size: data.len() as u64,
        head,
        is_binary: head.contains(&0),
    };
    let ctx = ScanContext::new(dir());
    let mut out = ScanOutput::default();
    s.scan_file(
        &ctx,
        &FileTarget {
            info,
            content: Some(&data),
        },
        &mut out,
    );
    out
}

fn report(name: &str) -> Report {
    let p = dir().join(name);
    ModelsScanner::default().analyze_path(&p, name).unwrap()
}

fn has(r: &Report, rule: &str, needle: &str) -> bool {
    r.issues.iter().any(|i| {
        i.rule == rule
            && (i.message.contains(needle)
                || i.resolved_call
                    .as_deref()
                    .is_some_and(|c| c.contains(needle)))
    })
}

fn show(r: &Report) -> String {
    r.issues
        .iter()
        .map(|i| format!("{} [{}] {}", i.rule, i.member, i.message))
        .collect::<Vec<_>>()
        .join("\n")
        + "\nnotes: "
        + &r.notes.join("; ")
}

#[test]
fn benign_files_have_no_malicious_verdict() {
    let s = ModelsScanner::default();
    let ctx = ScanContext::new(dir());
    let mut scanned = 0;
    for p in files("benign") {
        let r = rel(&p);
        let data = std::fs::read(&p).unwrap();
        let head = &data[..data.len().min(8192)];
        let info = rampart_core::scanner::FileInfo {
            path: &p,
            rel_path: &r,
            size: data.len() as u64,
            head,
            is_binary: head.contains(&0),
        };
        if !s.wants(&info, &ctx) {
            continue;
        }
        scanned += 1;
        let out = scan(&p);
        for f in &out.findings {
            assert!(
                f.severity < Severity::High,
                "{r}: {} {}",
                f.rule_id,
                f.message
            );
        }
        assert!(out.diagnostics.is_empty(), "{r}: {:?}", out.diagnostics);
    }
    assert!(scanned >= 24, "only {scanned} benign files were wanted");
}

#[test]
fn benign_formats_are_recognised() {
    for (name, format) in [
        ("benign/state_dict.pt", "pickle"),
        ("benign/legacy_state_dict.pt", "pytorch-legacy"),
        ("benign/scripted.pt", "torchscript"),
        ("benign/logreg.joblib", "joblib"),
        ("benign/logreg.zlib.joblib", "zlib"),
        ("benign/logreg.gzip.joblib", "gzip"),
        ("benign/logreg.bz2.joblib", "bzip2"),
        ("benign/logreg.lzma.joblib", "lzma"),
        ("benign/logreg.xz.joblib", "xz"),
        ("benign/arrays.npz", "npy"),
        ("benign/model.safetensors", "safetensors"),
        ("benign/add.onnx", "onnx"),
        ("benign/external.onnx", "onnx"),
        ("benign/tiny.gguf", "gguf"),
        ("benign/legacy_dense.h5", "keras-h5"),
        ("benign/vlen_dense.h5", "keras-h5"),
        ("benign/dense.keras", "keras"),
        ("benign/dense_keras3.h5", "keras-h5"),
        ("benign/bundle.7z", "safetensors"),
        ("benign/bundle.tar.gz", "tar"),
    ] {
        let r = report(name);
        assert!(
            r.formats.iter().any(|f| f == format),
            "{name}: {:?}\n{}",
            r.formats,
            show(&r)
        );
        assert!(
            r.issues.iter().all(|i| i.rule != "models/pickle-malformed"),
            "{name}: {}",
            show(&r)
        );
    }
}

#[test]
fn allowlisted_pickles_are_silent() {
    for name in [
        "benign/ndarray_p2.pkl",
        "benign/plain_p0.pkl",
        "benign/state_dict.pt",
        "benign/legacy_state_dict.pt",
        "benign/weights.npy",
        "benign/arrays.npz",
        "benign/model.safetensors",
        "benign/tiny.gguf",
        "benign/add.onnx",
        "benign/dense.keras",
        "benign/legacy_dense.h5",
    ] {
        let r = report(name);
        assert!(r.issues.is_empty(), "{name}: {}", show(&r));
    }
}

#[test]
fn sklearn_estimators_are_allowlisted_by_exact_name() {
    for name in [
        "benign/logreg.joblib",
        "benign/tree.joblib",
        "benign/logreg_p5.pkl",
    ] {
        let r = report(name);
        assert!(r.issues.is_empty(), "{name}: {}", show(&r));
    }
    // A name in sklearn's namespace that is not on the generated list is still deny-by-default:
    // called while loading, it is high.
    let data = b"\x80\x02csklearn.utils._testing\nassert_run_python_script\n(X\x01\x00\x00\x00xtR.";
    let r = ModelsScanner::default().analyze_bytes("x.pkl", data);
    assert!(
        has(
            &r,
            "models/pickle-unreviewed-call",
            "sklearn.utils._testing"
        ),
        "{}",
        show(&r)
    );
    let cfg = ModelsConfig {
        allow_globals: vec!["sklearn.*".into()],
        ..Default::default()
    };
    let s = ModelsScanner::new(cfg).unwrap();
    assert!(s.analyze_bytes("x.pkl", data).issues.is_empty());
}

#[test]
fn pickle_techniques() {
    let cases = [
        (
            "malicious/global_reduce_p0.pkl",
            "models/pickle-code-execution",
            "posix.system(\"echo rampart-test\")",
        ),
        (
            "malicious/stack_global_memo.pkl",
            "models/pickle-code-execution",
            "os.system(\"echo rampart-test\")",
        ),
        (
            "malicious/inst.pkl",
            "models/pickle-code-execution",
            "os.system(\"echo rampart-test\")",
        ),
        (
            "malicious/obj.pkl",
            "models/pickle-code-execution",
            "subprocess.Popen([\"echo\", \"rampart-test\"])",
        ),
        (
            "malicious/newobj_ex.pkl",
            "models/pickle-code-execution",
            "subprocess.Popen(\"echo\", **{\"shell\": True})",
        ),
        (
            "malicious/ext_code.pkl",
            "models/pickle-unknown-extension",
            "code 66",
        ),
        (
            "malicious/nested_loads.pkl",
            "models/pickle-code-execution",
            "inside a payload passed to pickle.loads",
        ),
        (
            "malicious/broken_tail.pkl",
            "models/pickle-code-execution",
            "posix.system(\"echo rampart-test\")",
        ),
        (
            "malicious/broken_tail.pkl",
            "models/pickle-malformed",
            "invalid opcode",
        ),
        (
            "malicious/concatenated.pkl",
            "models/pickle-code-execution",
            "posix.system(\"echo rampart-test\")",
        ),
        (
            "malicious/attrgetter_chain.pkl",
            "models/pickle-dangerous-import",
            "operator.attrgetter(\"system\")",
        ),
        (
            "malicious/attrgetter_chain.pkl",
            "models/pickle-code-execution",
            "importlib.import_module(\"os\")",
        ),
        (
            "malicious/partial.pkl",
            "models/pickle-code-execution",
            "functools.partial(posix.system, \"echo rampart-test\")",
        ),
        (
            "malicious/partial.pkl",
            "models/pickle-unreviewed-call",
            "functools.partial",
        ),
    ];
    for (name, rule, needle) in cases {
        let r = report(name);
        assert!(
            has(&r, rule, needle),
            "{name}: expected {rule} with `{needle}`\n{}",
            show(&r)
        );
    }
}

#[test]
fn every_dangerous_family_is_critical() {
    for p in files("malicious/families") {
        let out = scan(&p);
        assert!(
            out.findings
                .iter()
                .any(|f| f.severity == Severity::Critical
                    && f.properties.contains_key("resolved_call")),
            "{}: {:?}",
            rel(&p),
            out.findings
                .iter()
                .map(|f| (&f.rule_id, &f.message))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn containers() {
    let cases = [
        (
            "malicious/torch_payload_member.pt",
            "models/pickle-code-execution",
            "archive/data/99",
        ),
        (
            "malicious/torch_data_pkl.pt",
            "models/pickle-code-execution",
            "archive/data.pkl",
        ),
        (
            "malicious/legacy_torch.pt",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/payload.joblib",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/payload.zlib.joblib",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/payload.gzip.joblib",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/payload.bz2.joblib",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/payload.lzma.joblib",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/payload.xz.joblib",
            "models/pickle-code-execution",
            "",
        ),
        ("malicious/object.npy", "models/pickle-code-execution", ""),
        ("malicious/object.npy", "models/npy-object-array", ""),
        (
            "malicious/object.npz",
            "models/pickle-code-execution",
            "x.npy",
        ),
        (
            "malicious/lambda.keras",
            "models/keras-lambda-layer",
            "config.json",
        ),
        (
            "malicious/lambda.keras",
            "models/keras-unsafe-module",
            "config.json",
        ),
        ("malicious/lambda.h5", "models/keras-lambda-layer", ""),
        (
            "malicious/keras_made_lambda.keras",
            "models/keras-lambda-layer",
            "config.json",
        ),
        (
            "malicious/keras_made_lambda.h5",
            "models/keras-lambda-layer",
            "",
        ),
        (
            "malicious/savedmodel/saved_model.pb",
            "models/tf-file-op",
            "",
        ),
        (
            "malicious/savedmodel/saved_model.pb",
            "models/tf-pyfunc-op",
            "",
        ),
        (
            "malicious/escape.onnx",
            "models/onnx-external-data-escape",
            "",
        ),
        ("malicious/escape.onnx", "models/onnx-custom-domain", ""),
        (
            "malicious/bad_offsets.safetensors",
            "models/safetensors-invalid-header",
            "",
        ),
        (
            "malicious/disguised.safetensors",
            "models/disguised-format",
            "",
        ),
        (
            "malicious/disguised.safetensors",
            "models/pickle-code-execution",
            "",
        ),
        (
            "malicious/template.gguf",
            "models/gguf-chat-template-injection",
            "",
        ),
        (
            "malicious/nested.tar",
            "models/pickle-code-execution",
            "release/model.pt!/archive/data.pkl",
        ),
        (
            "malicious/payload.7z",
            "models/pickle-code-execution",
            "weights/model.bin",
        ),
    ];
    for (name, rule, member) in cases {
        let r = report(name);
        assert!(
            r.issues
                .iter()
                .any(|i| i.rule == rule && i.member.contains(member)),
            "{name}: expected {rule} in `{member}`\n{}",
            show(&r)
        );
    }
}

#[test]
fn findings_carry_metadata_member_and_call() {
    let out = scan(&dir().join("malicious/torch_payload_member.pt"));
    let f = out
        .findings
        .iter()
        .find(|f| f.rule_id == "models/pickle-code-execution")
        .unwrap();
    assert_eq!(f.properties["member"], "archive/data/99");
    assert_eq!(
        f.properties["resolved_call"],
        "posix.system(\"echo rampart-test\")"
    );
    assert!(f.cwe.contains(&502));
    assert_eq!(f.owasp, vec!["A08:2021"]);
    assert!(f.owasp_llm.contains(&"LLM03:2025".to_string()));
    assert_eq!(f.ssdf, vec!["PW.4.1"]);
    // Same finding, same fingerprint, whether read in memory or from disk.
    let s = ModelsScanner::default();
    let r = s
        .analyze_path(
            &dir().join("malicious/torch_payload_member.pt"),
            "malicious/torch_payload_member.pt",
        )
        .unwrap();
    let mut out2 = ScanOutput::default();
    s.emit("malicious/torch_payload_member.pt", r, &mut out2);
    let g = out2
        .findings
        .iter()
        .find(|f| f.rule_id == "models/pickle-code-execution")
        .unwrap();
    assert_eq!(f.fingerprint, g.fingerprint);
}
