//! Form login with the login form's CSRF token, and logging in again when the session ends
//! (the test app ends a session after four requests).

mod support;

use rampart_dast::{DastConfig, LoginSettings, run};
use support::App;

#[test]
fn logs_in_with_the_csrf_token_and_again_when_the_session_drops() {
    let app = App::start("vulnapp.py", "fixed");
    let mut cfg = DastConfig::new(app.url("/members/"));
    cfg.scope = vec![app.url("/members/")];
    cfg.active = false;
    cfg.llm = false;
    cfg.login = Some(LoginSettings {
        url: app.url("/members/login"),
        fields: vec![
            ("user".into(), "member".into()),
            ("pass".into(), "member-pass-42".into()),
        ],
        logged_in_regex: Some("Signed in as member".into()),
    });
    let report = run(cfg, None, None).expect("scan runs");
    for n in 1..=6 {
        let page = app.url(&format!("/members/{n}"));
        assert!(
            report.pages.contains(&page),
            "{page} not reached: {:?}",
            report.pages
        );
    }
    assert!(report.stats.relogins >= 1, "{:?}", report.stats);
}

#[test]
fn a_wrong_password_is_an_error_not_an_anonymous_scan() {
    let app = App::start("vulnapp.py", "fixed");
    let mut cfg = DastConfig::new(app.url("/members/"));
    cfg.active = false;
    cfg.llm = false;
    cfg.login = Some(LoginSettings {
        url: app.url("/members/login"),
        fields: vec![
            ("user".into(), "member".into()),
            ("pass".into(), "wrong".into()),
        ],
        logged_in_regex: Some("Signed in as member".into()),
    });
    let err = run(cfg, None, None).expect_err("login must fail");
    assert!(err.to_string().contains("login failed"), "{err}");
}
