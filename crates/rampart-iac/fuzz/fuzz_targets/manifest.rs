//! The YAML loader and every YAML-born kind: Kubernetes manifests, Compose, GitHub Actions,
//! GitLab CI, and the conftest view of a YAML file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rampart_iac::DocumentKind;
use rampart_iac::parse::parse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(docs) = rampart_iac::yaml::load_all(&text) {
        for d in &docs {
            let mut lines = std::collections::BTreeMap::new();
            d.collect_lines("", &mut lines);
        }
    }
    for (kind, path) in [
        (DocumentKind::Kubernetes, "k8s.yaml"),
        (DocumentKind::Compose, "docker-compose.yml"),
        (DocumentKind::GithubActions, ".github/workflows/ci.yml"),
        (DocumentKind::GitlabCi, ".gitlab-ci.yml"),
    ] {
        let _ = parse(kind, path, &text);
    }
    let _ = rampart_iac::user::yaml_input(&text);
});
