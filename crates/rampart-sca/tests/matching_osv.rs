//! Matching against the shared OSV data (real PyPI, crates.io, Go, npm and Alpine records),
//! including the quirks its README lists.

use std::path::PathBuf;
use std::sync::OnceLock;

use rampart_core::Severity;
use rampart_sca::advisory::severity::score_vector;
use rampart_sca::db::{Database, import};
use rampart_sca::matching::{MatchOptions, VulnMatch, match_packages};
use rampart_sca::{Ecosystem, Package, Scope};

fn db() -> &'static Database {
    static DB: OnceLock<(tempfile::TempDir, Database)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv"));
        import::import(&shared, dir.path()).unwrap();
        let db = Database::open(dir.path()).unwrap();
        (dir, db)
    })
    .1
}

fn pkg(eco: Ecosystem, name: &str, version: &str) -> Package {
    Package {
        purl: format!("pkg:{}/{name}@{version}", eco.purl_type()),
        ecosystem: eco,
        name: name.into(),
        version: version.into(),
        direct: true,
        scope: Scope::Runtime,
        paths: vec![],
        source_file: "lockfile".into(),
        line: Some(1),
        distro: None,
    }
}

fn matches(p: Package) -> Vec<VulnMatch> {
    match_packages(db(), &[p], MatchOptions::default()).unwrap()
}

fn ids(p: Package) -> Vec<String> {
    matches(p).into_iter().map(|m| m.id).collect()
}

#[test]
fn npm_lodash_range_boundaries() {
    let m = matches(pkg(Ecosystem::Npm, "lodash", "4.17.11"));
    assert_eq!(m.len(), 1);
    let m = &m[0];
    assert_eq!(m.id, "GHSA-jf85-cpcp-j695");
    assert_eq!(m.aliases, vec!["CVE-2019-10744"]);
    assert_eq!(m.remediation.as_deref(), Some("4.17.12"));
    // CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H is 9.1 in the FIRST calculator.
    assert_eq!(m.cvss.as_ref().map(|c| c.score), Some(9.1));
    assert_eq!(m.severity, Severity::Critical);
    assert!(ids(pkg(Ecosystem::Npm, "lodash", "4.17.12")).is_empty());
    assert!(
        ids(pkg(Ecosystem::Npm, "lodash", "4.17.12-pre")).len() == 1,
        "a pre-release of the fix is still affected"
    );
    // Another affected entry of the same record, with its own fixed version.
    let es = matches(pkg(Ecosystem::Npm, "lodash-es", "4.17.13"));
    assert_eq!(es[0].remediation.as_deref(), Some("4.17.14"));
}

#[test]
fn withdrawn_records_never_match() {
    // PYSEC-2019-144 (arrayfire, fixed 3.6.0) is withdrawn.
    assert!(
        !ids(pkg(Ecosystem::PyPI, "arrayfire", "3.0.20150914"))
            .contains(&"PYSEC-2019-144".to_string())
    );
}

#[test]
fn pysec_git_ranges_beside_ecosystem_ranges_and_alias_merging() {
    // PYSEC-2021-104 and PYSEC-2021-88 (zope) each carry a GIT range and ECOSYSTEM ranges with two
    // branches, and share the alias GHSA-5pr9-v234-jw36: one vulnerability, one match.
    let all = matches(pkg(Ecosystem::PyPI, "zope", "5.1"));
    let found: Vec<&str> = all.iter().map(|m| m.id.as_str()).collect();
    assert!(
        !found.contains(&"PYSEC-2021-88"),
        "reported separately: {found:?}"
    );
    let m = all
        .iter()
        .find(|m| m.id == "PYSEC-2021-104")
        .expect("merged match");
    for id in [
        "PYSEC-2021-88",
        "GHSA-5pr9-v234-jw36",
        "CVE-2021-32674",
        "CVE-2021-32633",
    ] {
        assert!(
            m.aliases.iter().any(|a| a == id),
            "{id} missing from {:?}",
            m.aliases
        );
    }
    // 5.2 fixes PYSEC-2021-88 only; 5.2.1 fixes both.
    assert_eq!(m.remediation.as_deref(), Some("5.2.1"));
    // The GIT range's commit hash is not a version to upgrade to.
    assert!(
        m.fixed_versions.iter().all(|v| v.len() < 20),
        "{:?}",
        m.fixed_versions
    );
    // 4.6 is affected by PYSEC-2021-104 only (its 4.x branch is fixed in 4.6.1).
    let m = matches(pkg(Ecosystem::PyPI, "zope", "4.6"));
    let m = m
        .iter()
        .find(|m| m.id == "PYSEC-2021-104")
        .expect("4.x branch");
    assert!(
        !m.aliases.contains(&"PYSEC-2021-88".to_string()),
        "PYSEC-2021-88 does not affect 4.6"
    );
    assert_eq!(m.remediation.as_deref(), Some("4.6.1"));
    // Outside every range.
    let later = ids(pkg(Ecosystem::PyPI, "zope", "5.2.1"));
    assert!(
        !later
            .iter()
            .any(|i| i == "PYSEC-2021-104" || i == "PYSEC-2021-88"),
        "{later:?}"
    );
    assert!(
        ids(pkg(Ecosystem::PyPI, "zope", "3.0"))
            .iter()
            .all(|i| i != "PYSEC-2021-104")
    );
}

#[test]
fn pep440_normalisation_applies_to_names_and_versions() {
    // The GHSA record for transformers: fixed in 4.38.0, rated LOW by GitHub, CWE-502.
    let m = matches(pkg(Ecosystem::PyPI, "transformers", "4.37.2"));
    let g = m
        .iter()
        .find(|m| m.id == "GHSA-37q5-v5qm-c9v8")
        .expect("GHSA match");
    assert_eq!(g.severity, Severity::Low);
    assert_eq!(g.cwe_ids, vec![502]);
    assert_eq!(g.remediation.as_deref(), Some("4.38.0"));
    assert!(
        ids(pkg(Ecosystem::PyPI, "transformers", "4.38.0rc1"))
            .contains(&"GHSA-37q5-v5qm-c9v8".into())
    );
    assert!(
        !ids(pkg(Ecosystem::PyPI, "transformers", "4.38.0.post1"))
            .contains(&"GHSA-37q5-v5qm-c9v8".into())
    );
}

#[test]
fn last_affected_is_inclusive() {
    // PYSEC-2022-42969 (py): introduced 0, last_affected 1.11.0.
    assert!(ids(pkg(Ecosystem::PyPI, "py", "1.11.0")).contains(&"PYSEC-2022-42969".into()));
    assert!(!ids(pkg(Ecosystem::PyPI, "py", "1.11.1")).contains(&"PYSEC-2022-42969".into()));
    let m = matches(pkg(Ecosystem::PyPI, "py", "1.11.0"));
    let m = m.iter().find(|m| m.id == "PYSEC-2022-42969").unwrap();
    assert_eq!(m.remediation, None);
    // --ignore-unfixed leaves it out.
    let only_fixed = match_packages(
        db(),
        &[pkg(Ecosystem::PyPI, "py", "1.11.0")],
        MatchOptions {
            ignore_unfixed: true,
        },
    )
    .unwrap();
    assert!(only_fixed.iter().all(|m| m.id != "PYSEC-2022-42969"));
}

#[test]
fn invalid_pep440_versions_match_by_string() {
    // PYSEC-2008-8 lists paramiko versions such as `0.1-bulbasaur`, which are not PEP 440.
    assert!(
        ids(pkg(Ecosystem::PyPI, "paramiko", "0.1-bulbasaur")).contains(&"PYSEC-2008-8".into())
    );
    assert!(!ids(pkg(Ecosystem::PyPI, "paramiko", "0.1-pikachu")).contains(&"PYSEC-2008-8".into()));
}

#[test]
fn rustsec_cvss_v4_and_placeholder_id() {
    // RUSTSEC-2024-0445 has only a CVSS v4 vector; the score is computed from it.
    let m = matches(pkg(Ecosystem::CratesIo, "cap-primitives", "3.4.0"));
    let m = m.iter().find(|m| m.id == "RUSTSEC-2024-0445").unwrap();
    let c = m.cvss.as_ref().unwrap();
    assert_eq!(c.version, 4);
    assert_eq!(
        Some(c.score),
        score_vector("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N")
    );
    assert_eq!(m.severity, Severity::from_cvss_score(c.score));
    assert!(ids(pkg(Ecosystem::CratesIo, "cap-primitives", "3.4.1")).is_empty());

    // RUSTSEC-2025-0000 looks like a placeholder but is a real record with aliases.
    let m = matches(pkg(Ecosystem::CratesIo, "matrix-sdk-base", "0.14.0"));
    let m = m.iter().find(|m| m.id == "RUSTSEC-2025-0000").unwrap();
    assert!(m.aliases.contains(&"CVE-2025-59047".to_string()));
    assert_eq!(m.remediation.as_deref(), Some("0.14.1"));
    assert_eq!(
        m.severity,
        Severity::Medium,
        "no CVSS and no database rating"
    );
    // introduced 0.0.0-0 covers pre-releases of 0.0.0 too.
    assert!(
        ids(pkg(Ecosystem::CratesIo, "matrix-sdk-base", "0.0.0-alpha"))
            .contains(&"RUSTSEC-2025-0000".into())
    );
}

#[test]
fn rustsec_records_sharing_aliases_merge() {
    // RUSTSEC-2019-0036 and RUSTSEC-2020-0036 (failure) share CVE and GHSA ids.
    let m = matches(pkg(Ecosystem::CratesIo, "failure", "0.1.8"));
    let ids: Vec<&str> = m.iter().map(|m| m.id.as_str()).collect();
    assert!(ids.contains(&"RUSTSEC-2019-0036"), "{ids:?}");
    assert!(
        !ids.contains(&"RUSTSEC-2020-0036"),
        "merged into one: {ids:?}"
    );
    let merged = m.iter().find(|m| m.id == "RUSTSEC-2019-0036").unwrap();
    assert!(merged.aliases.contains(&"RUSTSEC-2020-0036".to_string()));
    assert_eq!(merged.advisories.len(), 2);
}

#[test]
fn go_pseudo_versions_and_v_prefix() {
    // GO-2020-0004: introduced and fixed are pseudo-versions.
    let id = "GO-2020-0004".to_string();
    let name = "github.com/nanobox-io/golang-nanoauth";
    assert!(
        ids(pkg(
            Ecosystem::Go,
            name,
            "v0.0.0-20180101000000-aaaaaaaaaaaa"
        ))
        .contains(&id)
    );
    assert!(
        !ids(pkg(
            Ecosystem::Go,
            name,
            "v0.0.0-20160101000000-aaaaaaaaaaaa"
        ))
        .contains(&id)
    );
    assert!(
        !ids(pkg(
            Ecosystem::Go,
            name,
            "v0.0.0-20200131131040-063a3fb69896"
        ))
        .contains(&id)
    );
    let m = matches(pkg(
        Ecosystem::Go,
        name,
        "v0.0.0-20180101000000-aaaaaaaaaaaa",
    ));
    let text = rampart_sca::matching::remediation_text(m.iter().find(|m| m.id == id).unwrap());
    assert!(
        text.contains("≥ v0.0.0-20200131131040-063a3fb69896"),
        "{text}"
    );
    // GO-2020-0005: fixed in a pseudo-version based on a pre-release.
    let etcd = ids(pkg(Ecosystem::Go, "go.etcd.io/etcd", "v0.5.0-alpha.5"));
    assert!(etcd.contains(&"GO-2020-0005".to_string()), "{etcd:?}");
    assert!(
        !ids(pkg(
            Ecosystem::Go,
            "go.etcd.io/etcd",
            "v0.5.0-alpha.5.0.20200423152442-f4b650b51dc4"
        ))
        .contains(&"GO-2020-0005".to_string())
    );
}

#[test]
fn alpine_matches_by_release() {
    let mut p = pkg(Ecosystem::Alpine, "curl", "7.59.0-r0");
    p.distro = Some("v3.10".into());
    assert!(ids(p.clone()).contains(&"ALPINE-CVE-2018-1000301".into()));
    p.distro = Some("3.10.4".into());
    assert!(ids(p.clone()).contains(&"ALPINE-CVE-2018-1000301".into()));
    p.version = "7.60.0-r0".into();
    assert!(!ids(p.clone()).contains(&"ALPINE-CVE-2018-1000301".into()));
    // A release the record does not list.
    p.version = "7.59.0-r0".into();
    p.distro = Some("v3.2".into());
    assert!(!ids(p).contains(&"ALPINE-CVE-2018-1000301".into()));
}

#[test]
fn unknown_packages_and_ecosystems_do_not_match() {
    assert!(ids(pkg(Ecosystem::PyPI, "no-such-package-xyz", "1.0")).is_empty());
    assert!(ids(pkg(Ecosystem::Maven, "org.example:none", "1.0")).is_empty());
    assert!(ids(pkg(Ecosystem::Conda, "numpy", "1.0")).is_empty());
    // A version no scheme reads matches nothing (and does not panic).
    assert!(ids(pkg(Ecosystem::Npm, "lodash", "not a version")).is_empty());
}

#[test]
fn every_stored_advisory_reads_back_and_evaluates_without_panicking() {
    let d = db();
    let mut n = 0;
    for eco in ["PyPI", "crates.io", "Go", "Alpine", "npm"] {
        let ix = d.index(eco).unwrap().unwrap();
        for adv in ix.all() {
            let adv = adv.unwrap();
            assert!(!adv.id.is_empty());
            n += 1;
        }
    }
    assert_eq!(n, 2652 + 1193 + 4274 + 2437 + 1);
}

#[test]
fn every_listed_version_matches_its_own_record() {
    // Each affected entry's `versions` list names versions the record affects: each of them,
    // valid for its scheme or not (the ~113 non-PEP 440 PyPI versions), must match.
    let mut checked = 0usize;
    let mut invalid_pep440 = Vec::new();
    for (name, eco) in [
        ("PyPI", Ecosystem::PyPI),
        ("crates.io", Ecosystem::CratesIo),
        ("Go", Ecosystem::Go),
    ] {
        let ix = db().index(name).unwrap().unwrap();
        for adv in ix.all() {
            let adv = adv.unwrap();
            for a in &adv.affected {
                // Every non-PEP 440 one, and a sample of the others (a full check is quadratic).
                let step = (a.versions.len() / 8).max(1);
                for (k, v) in a.versions.iter().enumerate() {
                    let v = &v.to_string();
                    let invalid =
                        eco == Ecosystem::PyPI && rampart_sca::version::pep440::parse(v).is_err();
                    if invalid {
                        invalid_pep440.push(v.clone());
                    } else if k % step != 0 {
                        continue;
                    }
                    let installed = rampart_sca::advisory::Installed::new(&eco, v).unwrap();
                    assert!(a.affects(&installed), "{} {} {v}", adv.id, a.name);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 5_000, "{checked}");
    // The data's README counts about 113 such entries (withdrawn records included; they are
    // not stored).
    assert!(
        (90..=130).contains(&invalid_pep440.len()),
        "{} invalid: {invalid_pep440:?}",
        invalid_pep440.len()
    );
}
