//! Severity: CVSS base scores computed from vectors (values from the FIRST calculators and
//! specification examples), the database's own rating, and the fallbacks.

use rampart_core::Severity;
use rampart_sca::Ecosystem;
use rampart_sca::advisory::Advisory;
use rampart_sca::advisory::osv::parse_record;
use rampart_sca::advisory::severity::{score_vector, severity_of};

#[test]
fn cvss_scores_from_vectors() {
    let cases = [
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),
        ("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3),
        ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 9.1),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H", 5.5),
        (
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            9.3,
        ),
        (
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
            0.0,
        ),
    ];
    for (v, want) in cases {
        assert_eq!(score_vector(v), Some(want), "{v}");
    }
    for bad in ["", "CVSS:3.1/AV:X", "CVSS:9.9/AV:N", "not a vector"] {
        assert_eq!(score_vector(bad), None, "{bad}");
    }
}

fn adv(json: &str) -> Advisory {
    Advisory::from_osv(&parse_record(json.as_bytes()).unwrap(), &Ecosystem::PyPI).unwrap()
}

#[test]
fn severity_sources_in_order() {
    let base = |extra: &str, id: &str| {
        format!(
            r#"{{"id":"{id}",{extra}"affected":[{{"package":{{"ecosystem":"PyPI","name":"x"}},"versions":["1"]}}]}}"#
        )
    };
    // CVSS wins over the database rating; the newest CVSS version is used.
    let a = adv(&base(
        r#""severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                       {"type":"CVSS_V4","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N"}],
           "database_specific":{"severity":"LOW"},"#,
        "GHSA-aaaa-bbbb-cccc",
    ));
    assert_eq!(a.cvss.len(), 2);
    let v4 =
        score_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N").unwrap();
    assert_eq!(severity_of(&a), Severity::from_cvss_score(v4));
    // GHSA's MODERATE.
    assert_eq!(
        severity_of(&adv(&base(
            r#""database_specific":{"severity":"MODERATE"},"#,
            "GHSA-x"
        ))),
        Severity::Medium
    );
    assert_eq!(
        severity_of(&adv(&base(
            r#""database_specific":{"severity":"CRITICAL"},"#,
            "GHSA-y"
        ))),
        Severity::Critical
    );
    // Nothing: medium. Ubuntu-type severities are not CVSS.
    assert_eq!(
        severity_of(&adv(&base(
            r#""severity":[{"type":"Ubuntu","score":"high"}],"#,
            "PYSEC-1"
        ))),
        Severity::Medium
    );
    // Malicious packages are critical whatever else the record says.
    assert_eq!(
        severity_of(&adv(&base(
            r#""database_specific":{"severity":"LOW"},"#,
            "MAL-2024-1"
        ))),
        Severity::Critical
    );
}
