//! LLM probes against `apps/llmapp.py`: every weakness of the weak variant is found, and the
//! guarded variant (queried with its token) yields nothing.

mod support;

use rampart_dast::{CustomLlm, DastConfig, run};
use support::{App, rule_ids, summary};

fn config(app: &App) -> DastConfig {
    let mut cfg = DastConfig::new(app.url("/"));
    cfg.active = false;
    cfg.llm_endpoints.push(CustomLlm {
        url: app.url("/api/ask"),
        body_template: r#"{"question": "{prompt}"}"#.into(),
        reply_path: "answer".into(),
    });
    cfg
}

#[test]
fn weak_llm_app_is_caught_on_every_probe_family() {
    let app = App::start("llmapp.py", "weak");
    let report = run(config(&app), None, None).expect("scan runs");
    let ids = rule_ids(&report.findings);
    let text = summary(&report.findings);
    for rule in [
        "dast/llm-prompt-injection",
        "dast/llm-indirect-prompt-injection",
        "dast/llm-system-prompt-leak",
        "dast/llm-sensitive-disclosure",
        "dast/llm-output-html",
        "dast/llm-markdown-exfiltration",
        "dast/llm-excessive-agency",
        "dast/llm-no-output-cap",
        "dast/llm-no-rate-limit",
        "dast/model-server-unauthenticated",
    ] {
        assert!(ids.iter().any(|i| i == rule), "missing {rule}\n{text}");
    }
    // Every probe family of direct injection worked on the weak model.
    let pi = report
        .findings
        .iter()
        .find(|f| {
            f.rule_id == "dast/llm-prompt-injection"
                && f.locations[0].display().contains("/v1/chat/completions")
        })
        .expect("chat endpoint injected");
    for family in [
        "ignore-previous",
        "role-play",
        "delimiter",
        "base64",
        "rot13",
        "leetspeak",
        "french",
        "spanish",
        "german",
    ] {
        assert!(
            pi.message.contains(family),
            "{family} not confirmed: {}",
            pi.message
        );
    }
    // The system prompt leaks from the custom API too (no system message can be planted there).
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule_id == "dast/llm-system-prompt-leak"
                && f.locations[0].display().contains("/api/ask")),
        "{text}"
    );
    // Each mock management API is reported once.
    let servers: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule_id == "dast/model-server-unauthenticated")
        .map(|f| f.message.as_str())
        .collect();
    for product in [
        "TorchServe",
        "Triton",
        "MLflow",
        "Ray",
        "Jupyter",
        "Gradio",
        "OpenAI-compatible",
    ] {
        assert!(
            servers.iter().any(|m| m.contains(product)),
            "{product} not reported: {servers:?}"
        );
    }
    // The disclosed key is redacted in the evidence.
    let leak = report
        .findings
        .iter()
        .find(|f| f.rule_id == "dast/llm-sensitive-disclosure")
        .unwrap();
    let shown = leak.evidence.as_ref().unwrap().render(false);
    assert!(
        !shown.contains("Q7vX2mN9pL4kR8sT1wY6zB3cD5fG0hJ2"),
        "{shown}"
    );
}

#[test]
fn guarded_llm_app_has_no_findings() {
    let app = App::start("llmapp.py", "guarded");
    let mut cfg = config(&app);
    cfg.headers
        .push(("Authorization".into(), "Bearer test-token-guarded".into()));
    let report = run(cfg, None, None).expect("scan runs");
    let llm: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule_id.contains("llm") || f.rule_id.contains("model-server"))
        .cloned()
        .collect();
    assert!(llm.is_empty(), "false positives:\n{}", summary(&llm));
    assert!(
        report.stats.llm_endpoints >= 3,
        "endpoints were probed: {:?}",
        report.stats
    );
}
