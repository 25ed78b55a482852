//! Issue 14: passwords and secrets in the contexts generic rules missed (JSON fields, TS/Java
//! properties, notebooks, CSV, logs, .pypirc, database URIs), Vault tokens, and documentation
//! examples that must stay quiet. Values are made up for the test.

use rampart_core::scanner::FileInfo;
use rampart_core::{FileTarget, ScanContext, ScanOutput, Scanner};
use rampart_secrets::{SecretsConfig, SecretsScanner};

static SCANNER: std::sync::OnceLock<SecretsScanner> = std::sync::OnceLock::new();

fn scan(rel: &str, data: &str) -> ScanOutput {
    let s = SCANNER.get_or_init(|| SecretsScanner::new(SecretsConfig::default()).expect("scanner"));
    let data = data.as_bytes();
    let ctx = ScanContext::new("/nonexistent");
    let head = &data[..data.len().min(8192)];
    let info = FileInfo {
        path: std::path::Path::new("/nonexistent/x"),
        rel_path: rel,
        size: data.len() as u64,
        head,
        is_binary: false,
    };
    let mut out = ScanOutput::default();
    if s.wants(&info, &ctx) {
        s.scan_file(
            &ctx,
            &FileTarget {
                info,
                content: Some(data),
            },
            &mut out,
        );
    }
    out
}

fn lines(out: &ScanOutput) -> Vec<(String, u32)> {
    out.findings
        .iter()
        .map(|f| {
            let line = match f.locations.first() {
                Some(rampart_core::Location::File { region, .. }) => {
                    region.as_ref().map_or(0, |r| r.start_line)
                }
                _ => 0,
            };
            (f.rule_id.clone(), line)
        })
        .collect()
}

const PW: &str = "Qm7#vR2kLp9!xTa4";

#[test]
fn passwords_in_context_are_found() {
    let cases: Vec<(&str, String, u32)> = vec![
        (
            "config/app.json",
            format!(
                "{{\n  \"database\": {{\n    \"user\": \"app\",\n    \"password\": \"{PW}\"\n  }}\n}}\n"
            ),
            4,
        ),
        (
            "src/db.ts",
            format!("export const db = {{\n  host: 'db',\n  password: \"{PW}\",\n}};\n"),
            3,
        ),
        (
            "src/Db.java",
            format!("class Db {{\n    private String password = \"{PW}\";\n}}\n"),
            2,
        ),
        (
            "src/main/resources/application.properties",
            format!("spring.datasource.username=app\nspring.datasource.password={PW}\n"),
            2,
        ),
        (
            "analysis.ipynb",
            format!(
                "{{\"cells\": [{{\"cell_type\": \"code\", \"source\": [\"import db\\n\", \"password = \\\"{PW}\\\"\\n\"]}}]}}\n"
            ),
            1,
        ),
        (
            "exports/users.csv",
            format!("username,password,email\nalice,{PW},alice@corp.example.org\n"),
            2,
        ),
        (
            "logs/auth.log",
            format!("2024-05-01 12:00:01 INFO login user=bob password={PW} status=ok\n"),
            1,
        ),
        (
            ".pypirc",
            format!(
                "[internal]\nrepository = https://pypi.corp.local\nusername = deploy\npassword = {PW}\n"
            ),
            4,
        ),
        (
            ".env",
            format!("DATABASE_URL=postgres://app:{PW}@db.internal:5432/app\n"),
            1,
        ),
        (
            "config.yaml",
            format!("url: jdbc:mysql://db:3306/app?user=app&password={PW}&useSSL=true\n"),
            1,
        ),
    ];
    let mut missed = Vec::new();
    for (rel, text, line) in &cases {
        let out = scan(rel, text);
        if !lines(&out).iter().any(|(_, l)| l == line) {
            missed.push(format!("{rel}: {:?}", lines(&out)));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn documentation_examples_stay_quiet() {
    let values = [
        "your-password",
        "<password>",
        "changeme",
        "xxxxxxxx",
        "${DB_PASSWORD}",
        "%(db_password)s",
        "{{ db_password }}",
        "12345678",
        "password123",
        "P@ssw0rd",
        "example-password",
        "s3cr3t",
        "qwerty123",
        "admin123",
        "letmein!",
    ];
    let mut flagged = Vec::new();
    for v in values {
        for (rel, text) in [
            ("README.md", format!("```python\npassword = \"{v}\"\n```\n")),
            (
                "docs/setup.md",
                format!("```json\n{{\"password\": \"{v}\"}}\n```\n"),
            ),
            (
                "docs/db.rst",
                format!("Connect with postgres://user:{v}@localhost:5432/db\n"),
            ),
            (
                "README.md",
                format!("```\nspring.datasource.password={v}\n```\n"),
            ),
        ] {
            let out = scan(rel, &text);
            if !out.findings.is_empty() {
                flagged.push(format!("{rel}: {text:?} -> {:?}", lines(&out)));
            }
        }
    }
    assert!(flagged.is_empty(), "flagged:\n{}", flagged.join("\n"));
}

#[test]
fn vault_tokens() {
    let root = "hvs.6j4cuewowBGit65rheNoceI7";
    for (rel, text) in [
        ("notes.txt", format!("Root Token: {root}\n")),
        ("run.sh", "curl -H \"X-Vault-Token: s.Hpk4JBNqOsrQR6ZCMTEF2T84\" https://vault:8200/v1/x\n".to_string()),
        ("run.sh", "vault login s.Hpk4JBNqOsrQR6ZCMTEF2T84.uu8Kf\n".to_string()),
        (".env", "VAULT_TOKEN=b.AAAAAQJgxDgqsGNorpoOR7hPZ5SU-ynBvCl764jyRP_fnX7WvkdkDzGjbLNGdPdtlY33Als2P36yDZueqzfdGw9RsaTeaYXSH7E4RYSWuRoQ9YRKIw8o7mDDY2ZcT3KOB7RwtW1w1FN2eDqcy_sbCjXPaM1iBVH\n".to_string()),
        ("run.sh", "vault token lookup r.Z8aB3xQ9mN2pL5kR7tV1wY4c\n".to_string()),
    ] {
        let out = scan(rel, &text);
        assert!(
            out.findings.iter().any(|f| f.rule_id.starts_with("secrets/vault-")),
            "{rel}: {text} -> {:?}",
            lines(&out)
        );
    }
    // Legacy prefixes outside a Vault context are ordinary strings.
    for text in [
        "session = \"s.Hpk4JBNqOsrQR6ZCMTEF2T84\"\n",
        "vault login -method=userpass username=s.admin\n",
        "VAULT_TOKEN=s.short\n",
    ] {
        let out = scan("x.py", text);
        assert!(
            !out.findings
                .iter()
                .any(|f| f.rule_id.starts_with("secrets/vault-")),
            "{text}: {:?}",
            lines(&out)
        );
    }
}
