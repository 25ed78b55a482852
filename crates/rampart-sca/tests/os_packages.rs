//! OS packages of root filesystems (fixtures made by debootstrap, rpm/rpmbuild and db5.3_load,
//! see tests/fixtures/os/README.md) through the real walk and the `sca` scanner, matched
//! against the Debian, Ubuntu and Alpine advisories of the shared OSV data.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rampart_core::pipeline::ScanResult;
use rampart_core::{Location, ScanContext, Scanner};
use rampart_sca::db::{Database, import};
use rampart_sca::os::{OsCollector, rpm};
use rampart_sca::{ScaConfig, ScaScanner};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/os")).join(name)
}

fn db() -> Arc<Database> {
    static DB: OnceLock<(tempfile::TempDir, Arc<Database>)> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv"));
        for eco in ["Debian", "Ubuntu", "Alpine"] {
            import::import(&shared.join(eco).join("all.zip"), dir.path()).unwrap();
        }
        let db = Arc::new(Database::open(dir.path()).unwrap());
        (dir, db)
    })
    .1
    .clone()
}

fn scan(root: &str, ignore_unfixed: bool) -> ScanResult {
    let cfg = ScaConfig {
        ignore_unfixed,
        ..Default::default()
    };
    let scanners: Vec<Box<dyn Scanner>> =
        vec![Box::new(ScaScanner::with_database(cfg, db()).unwrap())];
    let ctx = ScanContext::new(fixture(root));
    let excludes = rampart_core::walk::build_excludes(&[]).unwrap();
    rampart_core::walk::scan_tree(&ctx, &scanners, &excludes, &|_| {}).unwrap()
}

/// (package, version, vulnerability id, fixed version) of each finding, sorted.
fn summary(r: &ScanResult) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| {
            let Location::Package { name, version, .. } = &f.locations[0] else {
                panic!("not a package location: {f:?}");
            };
            (
                name.clone(),
                version.clone(),
                f.properties["vulnerability_id"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                f.properties["fixed_version"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn finding<'a>(r: &'a ScanResult, id: &str) -> &'a rampart_core::Finding {
    r.findings
        .iter()
        .find(|f| f.properties["vulnerability_id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {:#?}", summary(r)))
}

fn row(name: &str, version: &str, id: &str, fixed: &str) -> (String, String, String, String) {
    (name.into(), version.into(), id.into(), fixed.into())
}

#[test]
fn debootstrap_bookworm_root_is_matched_by_source_package() {
    let r = scan("debian-bookworm", false);
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    let s = summary(&r);
    // debootstrap installs bookworm's point-release versions; the shared Debian:12 records
    // were made from the bookworm-security/updates changelogs, so these are real, fixed there.
    assert_eq!(s.len(), 19, "{s:#?}");
    for want in [
        row(
            "zlib",
            "1:1.2.13.dfsg-1",
            "DEBIAN-CVE-2026-27171",
            "1:1.2.13.dfsg-1+deb12u1",
        ),
        row(
            "pam",
            "1.5.2-6+deb12u2",
            "DEBIAN-CVE-2024-22365",
            "1.5.2-6+deb12u3",
        ),
        row("apt", "2.6.1", "DEBIAN-CVE-2026-109518", "2.6.2"),
        row(
            "libzstd",
            "1.5.4+dfsg2-5",
            "DEBIAN-CVE-2026-124851",
            "1.5.4+dfsg2-5+deb12u1",
        ),
    ] {
        assert!(s.contains(&want), "{want:?} missing from {s:#?}");
    }
    assert_eq!(s.iter().filter(|r| r.0 == "perl").count(), 13);
    let f = finding(&r, "DEBIAN-CVE-2026-27171");
    let Location::Package {
        manifest,
        line,
        ecosystem,
        ..
    } = &f.locations[0]
    else {
        unreachable!()
    };
    assert_eq!(manifest, "var/lib/dpkg/status");
    assert_eq!(ecosystem, "Debian:12");
    // The binary package zlib1g is where the source zlib came from.
    let status = std::fs::read_to_string(fixture("debian-bookworm/var/lib/dpkg/status")).unwrap();
    let zlib1g_line = status.lines().position(|l| l == "Package: zlib1g").unwrap() as u32 + 1;
    assert_eq!(*line, Some(zlib1g_line));
    assert_eq!(
        f.properties["dependency_paths"],
        serde_json::json!(["zlib1g@1:1.2.13.dfsg-1"])
    );
    assert!(
        f.message.contains("(via zlib1g@1:1.2.13.dfsg-1)"),
        "{}",
        f.message
    );
}

#[test]
fn distroless_status_d_is_read_and_md5sums_are_not() {
    let r = scan("distroless-debian", false);
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    assert_eq!(
        summary(&r),
        vec![
            row(
                "zlib",
                "1:1.2.13.dfsg-1",
                "DEBIAN-CVE-2026-27171",
                "1:1.2.13.dfsg-1+deb12u1"
            ),
            row(
                "zlib",
                "1:1.2.13.dfsg-1",
                "DEBIAN-CVE-2026-85091",
                "1:1.2.13.dfsg-1+deb12u1"
            ),
        ]
    );
}

#[test]
fn ubuntu_lts_fixed_and_unfixed() {
    let r = scan("ubuntu-jammy", false);
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    assert_eq!(
        summary(&r),
        vec![
            row(
                "curl",
                "7.81.0-1ubuntu1.21",
                "UBUNTU-CVE-2025-0167",
                "7.81.0-1ubuntu1.23"
            ),
            row(
                "curl",
                "7.81.0-1ubuntu1.21",
                "USN-8062-1",
                "7.81.0-1ubuntu1.22"
            ),
            row(
                "glibc",
                "2.35-0ubuntu3.12",
                "UBUNTU-CVE-2026-0861",
                "not fixed"
            ),
            row(
                "libxml2",
                "2.9.13+dfsg-1ubuntu0.11",
                "UBUNTU-CVE-2026-0989",
                "not fixed"
            ),
        ]
    );
    // USN-8084-1 names UBUNTU-CVE-2025-0167 upstream: one vulnerability, one finding.
    let curl = finding(&r, "UBUNTU-CVE-2025-0167");
    assert!(
        curl.properties["aliases"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("USN-8084-1"))
    );
    assert!(
        finding(&r, "UBUNTU-CVE-2026-0861")
            .message
            .contains("no fixed version is published")
    );
    // The removed libsoup2.4-1 (config-files only) is not reported, and `--ignore-unfixed`
    // leaves only what an upgrade can fix.
    let fixed_only = scan("ubuntu-jammy", true);
    assert_eq!(
        summary(&fixed_only),
        vec![
            row(
                "curl",
                "7.81.0-1ubuntu1.21",
                "UBUNTU-CVE-2025-0167",
                "7.81.0-1ubuntu1.23"
            ),
            row(
                "curl",
                "7.81.0-1ubuntu1.21",
                "USN-8062-1",
                "7.81.0-1ubuntu1.22"
            ),
        ]
    );
}

#[test]
fn alpine_origin_packages() {
    let r = scan("alpine-3.11", false);
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    assert_eq!(
        summary(&r),
        vec![row(
            "openssl",
            "1.1.1d-r2",
            "ALPINE-CVE-2019-1551",
            "1.1.1d-r3"
        )]
    );
    let f = finding(&r, "ALPINE-CVE-2019-1551");
    let paths = f.properties["dependency_paths"].as_array().unwrap();
    assert_eq!(paths.len(), 2, "libcrypto1.1 and libssl1.1: {paths:?}");
}

/// What `rpm -qa --qf '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE}'` printed for both fixtures
/// (tests/fixtures/os/make_rpm_fixtures.sh).
const RPM_QA: [(&str, &str, &str); 3] = [
    ("openssl", "1:3.0.7-24.el9", "openssl"),
    ("openssl-libs", "1:3.0.7-24.el9", "openssl"),
    ("zlib", "1.2.11-40.el9", "zlib"),
];

fn rpm_names(pkgs: Vec<rampart_sca::os::OsPackage>) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = pkgs
        .into_iter()
        .map(|p| (p.name, p.version, p.source_name))
        .collect();
    v.sort();
    v
}

fn rpm_qa() -> Vec<(String, String, String)> {
    RPM_QA
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn rpm_sqlite_and_berkeley_db_read_like_rpm_does() {
    let sqlite = std::fs::read(fixture("rpm-sqlite/var/lib/rpm/rpmdb.sqlite")).unwrap();
    assert_eq!(rpm_names(rpm::read_sqlite(&sqlite).unwrap()), rpm_qa());
    let bdb = std::fs::read(fixture("rpm-bdb/var/lib/rpm/Packages")).unwrap();
    assert_eq!(rpm_names(rpm::read_bdb(&bdb).unwrap()), rpm_qa());
    // Truncations are errors, never panics.
    for cut in [0, 100, 4096, sqlite.len() / 2] {
        let _ = rpm::read_sqlite(&sqlite[..cut]);
    }
    for cut in [0, 512, 4096, bdb.len() / 2] {
        let _ = rpm::read_bdb(&bdb[..cut]);
    }
}

#[test]
fn rpm_roots_resolve_to_their_distribution() {
    let mut c = OsCollector::new();
    for (rel, file) in [
        ("a/etc/os-release", "rpm-sqlite/etc/os-release"),
        (
            "a/var/lib/rpm/rpmdb.sqlite",
            "rpm-sqlite/var/lib/rpm/rpmdb.sqlite",
        ),
        ("b/etc/os-release", "rpm-bdb/etc/os-release"),
        ("b/var/lib/rpm/Packages", "rpm-bdb/var/lib/rpm/Packages"),
    ] {
        c.add(rel, &std::fs::read(fixture(file)).unwrap()).unwrap();
    }
    let (pkgs, problems) = c.resolve();
    assert!(problems.is_empty(), "{problems:?}");
    let mut got: Vec<_> = pkgs
        .iter()
        .map(|p| (p.osv_ecosystem(), p.name.clone(), p.version.clone()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            (
                "Red Hat:7".into(),
                "openssl".into(),
                "1:3.0.7-24.el9".into()
            ),
            (
                "Red Hat:7".into(),
                "openssl-libs".into(),
                "1:3.0.7-24.el9".into()
            ),
            ("Red Hat:7".into(), "zlib".into(), "1.2.11-40.el9".into()),
            (
                "Rocky Linux:9".into(),
                "openssl".into(),
                "1:3.0.7-24.el9".into()
            ),
            (
                "Rocky Linux:9".into(),
                "openssl-libs".into(),
                "1:3.0.7-24.el9".into()
            ),
            (
                "Rocky Linux:9".into(),
                "zlib".into(),
                "1.2.11-40.el9".into()
            ),
        ]
    );
    let libs = pkgs.iter().find(|p| p.name == "openssl-libs").unwrap();
    assert!(libs.purl.starts_with("pkg:rpm/"), "{}", libs.purl);
}

#[test]
fn a_database_without_os_release_is_reported_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("img/lib/apk/db");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(
        fixture("alpine-3.11/lib/apk/db/installed"),
        root.join("installed"),
    )
    .unwrap();
    std::fs::write(dir.path().join("img/lib/apk/db/broken"), "x").unwrap();
    let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(
        ScaScanner::with_database(ScaConfig::default(), db()).unwrap(),
    )];
    let ctx = ScanContext::new(dir.path());
    let excludes = rampart_core::walk::build_excludes(&[]).unwrap();
    let r = rampart_core::walk::scan_tree(&ctx, &scanners, &excludes, &|_| {}).unwrap();
    assert!(r.findings.is_empty());
    assert_eq!(r.diagnostics.len(), 1, "{:#?}", r.diagnostics);
    assert_eq!(
        r.diagnostics[0].path.as_deref(),
        Some("img/lib/apk/db/installed")
    );
    assert!(r.diagnostics[0].message.contains("no img/etc/os-release"));
}
