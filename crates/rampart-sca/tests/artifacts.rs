//! Installed artifacts through the `sca` scanner: a real Go binary's build information (made by
//! tests/fixtures/artifacts/make_go_fixture.sh with Go 1.19.8) matched against the shared Go
//! advisories, and Dockerfiles' base images and pinned installs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rampart_core::pipeline::ScanResult;
use rampart_core::{Location, ScanContext, Scanner};
use rampart_sca::artifacts::gobinary;
use rampart_sca::db::{Database, import};
use rampart_sca::{ScaConfig, ScaScanner};

fn shared(eco: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv"))
        .join(eco)
        .join("all.zip")
}

fn scan_dir(root: &Path, ecos: &[&str]) -> ScanResult {
    let dbdir = tempfile::tempdir().unwrap();
    for e in ecos {
        import::import(&shared(e), dbdir.path()).unwrap();
    }
    let db = Arc::new(Database::open(dbdir.path()).unwrap());
    let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(
        ScaScanner::with_database(ScaConfig::default(), db).unwrap(),
    )];
    let ctx = ScanContext::new(root);
    let excludes = rampart_core::walk::build_excludes(&[]).unwrap();
    rampart_core::walk::scan_tree(&ctx, &scanners, &excludes, &|_| {}).unwrap()
}

#[test]
fn real_go_build_info_is_read_and_stdlib_matched() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/artifacts");
    let bytes = std::fs::read(fixture.join("go-hello.buildinfo")).unwrap();
    let info = gobinary::find(&bytes).unwrap().unwrap();
    // What `go version -m` printed for the same binary.
    let printed = std::fs::read_to_string(fixture.join("go-hello.version-m.txt")).unwrap();
    assert!(
        printed.starts_with(&format!("hello: go{}", info.go_version)),
        "{printed}"
    );
    assert_eq!(info.go_version, "1.19.8");
    assert_eq!(
        info.main,
        Some(("example.com/hello".to_string(), "(devel)".to_string()))
    );
    assert!(info.deps.is_empty());

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("usr/local/bin")).unwrap();
    std::fs::write(dir.path().join("usr/local/bin/hello"), &bytes).unwrap();
    let r = scan_dir(dir.path(), &["Go"]);
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    let stdlib: Vec<_> = r
        .findings
        .iter()
        .filter(|f| matches!(&f.locations[0], Location::Package { name, version, .. } if name == "stdlib" && version == "1.19.8"))
        .collect();
    assert_eq!(stdlib.len(), r.findings.len());
    let ids: Vec<&str> = stdlib
        .iter()
        .map(|f| f.properties["vulnerability_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 80, "{ids:?}");
    let f = stdlib
        .iter()
        .find(|f| f.properties["vulnerability_id"] == "GO-2023-1751")
        .unwrap();
    // html/template: fixed in 1.19.9 on the 1.19 line.
    assert_eq!(f.properties["fixed_version"], "1.19.9");
}

#[test]
fn dockerfile_bases_and_pinned_installs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM python:3.8-slim-bookworm\n\
         RUN pip install --no-cache-dir \\\n    requests==2.19.0 flask\n\
         FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n",
    )
    .unwrap();
    let r = scan_dir(dir.path(), &["PyPI"]);
    let mut got: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            let line = match &f.locations[0] {
                Location::File { region, .. } => region.as_ref().map(|r| r.start_line),
                Location::Package { line, .. } => *line,
                _ => None,
            };
            (f.rule_id.clone(), line)
        })
        .collect();
    got.sort();
    got.dedup();
    assert_eq!(
        got,
        vec![
            ("sca/base-image-end-of-life".to_string(), Some(1)),
            ("sca/base-image-not-pinned".to_string(), Some(1)),
            ("sca/vulnerable-dependency".to_string(), Some(3)),
        ],
        "{:#?}",
        r.findings
    );
    let eol = r
        .findings
        .iter()
        .find(|f| f.rule_id == "sca/base-image-end-of-life")
        .unwrap();
    assert_eq!(eol.properties["product"], "python");
    assert_eq!(eol.properties["end_of_life"], "2024-10-07");
}
