//! Table tests of every version scheme. Each row is `a < b` (or `a == b`) as the ecosystem's own
//! tool orders them; every ascending chain is also checked pairwise both ways.

use std::cmp::Ordering;

use rampart_sca::Ecosystem;
use rampart_sca::version::{Scheme, compare};

/// Every pair of an ascending chain compares as its positions do.
fn assert_chain(scheme: Scheme, chain: &[&str]) {
    for (i, a) in chain.iter().enumerate() {
        for (j, b) in chain.iter().enumerate() {
            let got = scheme
                .compare(a, b)
                .unwrap_or_else(|e| panic!("{scheme:?}: {e}"));
            assert_eq!(got, i.cmp(&j), "{scheme:?}: {a} vs {b}");
        }
    }
}

fn assert_equal(scheme: Scheme, pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        assert_eq!(
            scheme.compare(a, b).unwrap(),
            Ordering::Equal,
            "{scheme:?}: {a} == {b}"
        );
        assert_eq!(
            scheme.compare(b, a).unwrap(),
            Ordering::Equal,
            "{scheme:?}: {b} == {a}"
        );
    }
}

fn assert_invalid(scheme: Scheme, bad: &[&str]) {
    for v in bad {
        assert!(
            scheme.parse(v).is_err(),
            "{scheme:?}: `{v}` should be rejected"
        );
    }
}

#[test]
fn semver_precedence_follows_the_spec_example() {
    // semver.org item 11 example chain.
    assert_chain(
        Scheme::SemVer,
        &[
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.1.0",
            "2.0.0",
            "10.0.0",
            "18446744073709551616.0.0",
        ],
    );
    assert_chain(Scheme::SemVer, &["0.0.0-0", "0.0.0", "0.0.1-0", "0.0.1"]);
}

#[test]
fn semver_ignores_build_metadata_and_accepts_prefixes() {
    assert_equal(
        Scheme::SemVer,
        &[
            ("1.0.0+build.1", "1.0.0+other"),
            ("v1.2.3", "1.2.3"),
            ("=1.2.3", "1.2.3"),
            ("1.0.0-rc.1+x", "1.0.0-rc.1"),
        ],
    );
    assert_invalid(
        Scheme::SemVer,
        &[
            "",
            "a.b.c",
            "1.2.3.4",
            "1.0.0-",
            "1.0.0+",
            "1.0.0-a..b",
            "1.0.0-é",
            "latest",
        ],
    );
}

#[test]
fn go_pseudo_versions_and_incompatible() {
    assert_chain(
        Scheme::Go,
        &[
            "v0.0.0-20190101000000-aaaaaaaaaaaa",
            "v0.0.0-20210101000000-abcdef123456",
            "v0.0.0-20210101000001-000000000000",
            "v0.1.0",
            "v1.2.3",
            // A pseudo-version based on v1.2.3 sits between v1.2.3 and v1.2.4.
            "v1.2.4-0.20220101000000-abcdef123456",
            "v1.2.4",
            "v2.0.0+incompatible",
            "v2.1.0",
        ],
    );
    // OSV writes Go versions without `v`; `+incompatible` is build metadata.
    assert_equal(
        Scheme::Go,
        &[
            ("1.2.3", "v1.2.3"),
            ("v2.0.0+incompatible", "2.0.0"),
            ("v1.2", "v1.2.0"),
        ],
    );
    assert_eq!(
        compare(&Ecosystem::Go, "1.20.5", "v1.21.0").unwrap(),
        Ordering::Less
    );
}

#[test]
fn pep440_ordering_from_the_specification() {
    // The ordering example of PEP 440 "Summary of permitted suffixes and relative ordering".
    assert_chain(
        Scheme::Pep440,
        &[
            "1.dev0",
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0rc1.dev456",
            "1.0rc1",
            "1.0",
            "1.0+abc.5",
            "1.0+abc.7",
            "1.0+5",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.0.15",
            "1.1.dev1",
            "1!0.1",
        ],
    );
}

#[test]
fn pep440_normalisation_and_invalid_versions() {
    assert_equal(
        Scheme::Pep440,
        &[
            ("1.0", "1.0.0"),
            ("1.0RC1", "1.0rc1"),
            ("1.0c1", "1.0rc1"),
            ("1.0-alpha-1", "1.0a1"),
            ("1.0.post", "1.0.post0"),
            ("1.0-1", "1.0.post1"),
            ("v1.0", "1.0"),
            ("0!1.0", "1.0"),
            ("1.0.DEV", "1.0.dev0"),
        ],
    );
    assert_eq!(
        rampart_sca::version::pep440::normalize("1.0-Preview.2").unwrap(),
        "1.0rc2"
    );
    // Versions that appear in PyPI advisories but are not PEP 440.
    assert_invalid(
        Scheme::Pep440,
        &[
            "0.1.0-beta.1.testing",
            "1.0.0-SNAPSHOT",
            "2004d",
            "latest",
            "",
            "1.0+",
            "1..0",
        ],
    );
}

#[test]
fn maven_comparable_version_rules() {
    // Chains from Maven's ComparableVersionTest.
    assert_chain(
        Scheme::Maven,
        &[
            "1-alpha2snapshot",
            "1-alpha2",
            "1-alpha-123",
            "1-beta-2",
            "1-beta123",
            "1-m2",
            "1-m11",
            "1-rc",
            "1-cr2",
            "1-rc123",
            "1-SNAPSHOT",
            "1",
            "1-sp",
            "1-sp2",
            "1-sp123",
            "1-abc",
            "1-def",
            "1-pom-1",
            "1-1-snapshot",
            "1-1",
            "1-2",
            "1-123",
        ],
    );
    assert_chain(
        Scheme::Maven,
        &[
            "2.0.0-M1",
            "2.0.0-RC1",
            "2.0.0",
            "2.0.0.1",
            "2.0.1",
            "2.10.0",
            "10.0",
        ],
    );
    assert_equal(
        Scheme::Maven,
        &[
            ("1", "1.0"),
            ("1", "1.0.0"),
            ("1.0", "1-0"),
            ("1", "1-ga"),
            ("1", "1.final"),
            ("1-a1", "1-alpha-1"),
            ("1-b2", "1-beta-2"),
            ("1-cr1", "1-rc1"),
            ("1.0.RELEASE", "1.0"),
            ("1X", "1x"),
        ],
    );
}

#[test]
fn rubygems_version_rules() {
    assert_chain(
        Scheme::RubyGems,
        &[
            "0.9", "1.0.a", "1.0.a.2", "1.0.b1", "1.0.rc1", "1.0", "1.0.1", "1.1", "1.10",
            "2.0-pre1", "2.0",
        ],
    );
    assert_equal(
        Scheme::RubyGems,
        &[
            ("1.0", "1"),
            ("1.0.0", "1"),
            ("1.0.a", "1.0.0.a"),
            ("1.0-1", "1.0.pre.1"),
        ],
    );
    assert_invalid(Scheme::RubyGems, &["junk", "1..0", "1.0\n2", "-1"]);
}

#[test]
fn nuget_four_part_versions() {
    assert_chain(
        Scheme::NuGet,
        &[
            "1.0.0-alpha",
            "1.0.0-Alpha.2",
            "1.0.0-beta",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.0.1",
            "1.0.1",
            "1.1",
            "10.0.0.0",
        ],
    );
    assert_equal(
        Scheme::NuGet,
        &[
            ("1.0", "1.0.0.0"),
            ("1.0.0-BETA", "1.0.0-beta"),
            ("1.0.0+meta", "1.0.0"),
        ],
    );
    assert_invalid(Scheme::NuGet, &["1.0.0.0.0", "a.b", "1.0-"]);
}

#[test]
fn packagist_composer_ordering() {
    assert_chain(
        Scheme::Packagist,
        &[
            "1.0.0-dev",
            "1.0.0-alpha1",
            "1.0.0-beta2",
            "1.0.0-RC1",
            "1.0.0",
            "1.0.0-p1",
            "1.0.1",
            "1.1",
            "v2.0.0",
        ],
    );
    assert_equal(
        Scheme::Packagist,
        &[
            ("1.0", "1.0.0.0"),
            ("v1.2.3", "1.2.3"),
            ("1.0.0-b2", "1.0.0-beta2"),
            ("1.0.0-stable", "1.0.0"),
        ],
    );
    assert_invalid(Scheme::Packagist, &["dev-master", ""]);
}

#[test]
fn debian_dpkg_rules() {
    assert_chain(
        Scheme::Debian,
        &[
            "1.0~~",
            "1.0~~a",
            "1.0~",
            "1.0~a",
            "1.0~beta1",
            "1.0",
            "1.0-1",
            "1.0-1+deb12u1",
            "1.0-2",
            "1.0a",
            "1.0+dfsg",
            "1.0.1",
            "1.10",
            "1:0.1",
            "2:0.0.1",
        ],
    );
    assert_equal(
        Scheme::Debian,
        &[
            ("0:1.0", "1.0"),
            ("1.00", "1.0"),
            ("1.0-0", "1.0"),
            ("1:1.0", "01:1.0"),
        ],
    );
    assert_invalid(Scheme::Debian, &["a1.0", "x:1.0", "1.0 beta", ""]);
}

#[test]
fn alpine_apk_rules() {
    assert_chain(
        Scheme::Alpine,
        &[
            "1.2_alpha",
            "1.2_alpha1",
            "1.2_beta1",
            "1.2_pre2",
            "1.2_rc1",
            "1.2_rc1-r1",
            "1.2",
            "1.2-r1",
            "1.2-r10",
            "1.2_p1",
            "1.2a",
            "1.2.0",
            "1.2.1",
            "1.10",
            "7.60.0-r0",
        ],
    );
    assert_equal(Scheme::Alpine, &[("1.2.3-r0", "1.2.3-r0")]);
    assert_invalid(Scheme::Alpine, &["abc", "1.2_foo", "1.2-x1", "1.2..3x-"]);
}

#[test]
fn rpm_rpmvercmp_rules() {
    // Rows from rpm's own tests/rpmvercmp.at.
    let less = [
        ("1.0", "1.0.1"),
        ("1.0", "2.0"),
        ("2.0.1", "2.0.1a"),
        ("5.5p1", "5.5p2"),
        ("5.5p1", "5.5p10"),
        ("xyz10", "xyz10.1"),
        ("xyz.4", "8"),
        ("xyz.4", "2"),
        ("5.5p2", "5.6p1"),
        ("5.6p1", "6.5p1"),
        ("6.0", "6.0.rc1"),
        ("10a1", "10b2"),
        ("1.0~rc1", "1.0"),
        ("1.0~rc1", "1.0~rc2"),
        ("1.0~rc1~git123", "1.0~rc1"),
        ("1.0", "1.0^"),
        ("1.0^", "1.0.1"),
        ("1.0~rc1^git1", "1.0~rc1^git2"),
        ("1.0^git1~pre", "1.0^git1"),
        ("1:1.0-1", "2:0.1-1"),
        ("1.0-1", "1.0-2"),
        // rpm 4.18's `rpm.vercmp` on full EVRs (rpm.tsv): no release sorts below a release.
        ("1.0", "1.0-5"),
    ];
    for (a, b) in less {
        assert_eq!(
            Scheme::Rpm.compare(a, b).unwrap(),
            Ordering::Less,
            "{a} < {b}"
        );
        assert_eq!(
            Scheme::Rpm.compare(b, a).unwrap(),
            Ordering::Greater,
            "{b} > {a}"
        );
    }
    assert_equal(
        Scheme::Rpm,
        &[
            ("1.0", "1.0"),
            ("1.0", "1_0"),
            ("2_0", "2.0"),
            ("a+", "a_"),
            ("0:1.0-1", "1.0-1"),
            ("1.0010", "1.10"),
        ],
    );
}

#[test]
fn ecosystems_pick_their_scheme() {
    assert_eq!(
        compare(&Ecosystem::PyPI, "1.0rc1", "1.0").unwrap(),
        Ordering::Less
    );
    assert_eq!(
        compare(&Ecosystem::CratesIo, "0.9.10", "0.9.9").unwrap(),
        Ordering::Greater
    );
    assert_eq!(
        compare(&Ecosystem::Npm, "4.17.11", "4.17.12").unwrap(),
        Ordering::Less
    );
    assert_eq!(
        compare(&Ecosystem::Debian, "1.0~rc1", "1.0").unwrap(),
        Ordering::Less
    );
    assert_eq!(
        compare(&Ecosystem::Alpine, "7.59.0-r0", "7.60.0-r0").unwrap(),
        Ordering::Less
    );
    assert!(compare(&Ecosystem::Conda, "1", "2").is_err());
}

#[test]
fn hostile_inputs_do_not_panic() {
    let long = "9".repeat(10_000);
    let weird = [
        "", "\0", "~", "^", "-", ".", "+", ":", "1:", "-r", "_", "1.2_", "0.0.0-", "é", &long,
    ];
    for scheme in [
        Scheme::SemVer,
        Scheme::Go,
        Scheme::Pep440,
        Scheme::Maven,
        Scheme::RubyGems,
        Scheme::NuGet,
        Scheme::Packagist,
        Scheme::Debian,
        Scheme::Alpine,
        Scheme::Rpm,
    ] {
        for a in weird {
            for b in weird {
                let _ = scheme.compare(a, b);
            }
        }
    }
}

/// Every pair of tests/fixtures/versions/<table> (made by make_version_tables.sh with the real
/// tool) ordered the same way by `scheme`.
fn agrees_with_real_tool(table: &str, scheme: rampart_sca::version::Scheme) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/versions")
        .join(table);
    let text = std::fs::read_to_string(path).unwrap();
    let mut wrong = Vec::new();
    let mut rows = 0;
    for line in text.lines().filter(|l| !l.is_empty()) {
        let mut f = line.split('\t');
        let (a, b, want) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let want = match want {
            "-1" => std::cmp::Ordering::Less,
            "0" => std::cmp::Ordering::Equal,
            _ => std::cmp::Ordering::Greater,
        };
        rows += 1;
        match scheme.compare(a, b) {
            Ok(got) if got == want => {}
            got => wrong.push(format!("{a} vs {b}: tool {want:?}, rampart {got:?}")),
        }
    }
    assert!(rows > 1000, "{table}: only {rows} rows");
    assert!(
        wrong.is_empty(),
        "{table}: {} of {rows} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn debian_order_matches_dpkg_compare_versions() {
    agrees_with_real_tool("dpkg.tsv", rampart_sca::version::Scheme::Debian);
}

#[test]
fn rpm_order_matches_rpm_vercmp() {
    agrees_with_real_tool("rpm.tsv", rampart_sca::version::Scheme::Rpm);
}
