//! Older and rarer shapes of the formats, written inline: pnpm lockfile v5 and v6, npm nested
//! installs resolving to different versions, yarn berry aliases, and parsers fed garbage.

use rampart_core::ScanContext;
use rampart_sca::inventory::{self, Format};
use rampart_sca::{Package, Scope};

fn parse(fmt: Format, file: &str, text: &str) -> Vec<Package> {
    let dir = tempfile::tempdir().unwrap();
    let abs = dir.path().join(file);
    std::fs::write(&abs, text).unwrap();
    inventory::parse(
        fmt,
        &ScanContext::new(dir.path()),
        file,
        &abs,
        text.as_bytes(),
    )
    .unwrap()
}

fn get<'a>(pkgs: &'a [Package], name: &str, version: &str) -> &'a Package {
    pkgs.iter()
        .find(|p| p.name == name && p.version == version)
        .unwrap_or_else(|| panic!("{name}@{version}"))
}

#[test]
fn pnpm_v5_keys_and_peer_suffixes() {
    let text = "lockfileVersion: 5.4\n\nspecifiers:\n  react-dom: ^18.0.0\n  jest: ^29.0.0\n\ndependencies:\n  react-dom: 18.2.0_react@18.2.0\n\ndevDependencies:\n  jest: 29.0.0\n\npackages:\n\n  /react-dom/18.2.0_react@18.2.0:\n    resolution: {integrity: sha512-x}\n    dependencies:\n      react: 18.2.0\n    dev: false\n\n  /react/18.2.0:\n    resolution: {integrity: sha512-y}\n    dev: false\n\n  /jest/29.0.0:\n    resolution: {integrity: sha512-z}\n    dev: true\n";
    let pkgs = parse(Format::PnpmLock, "pnpm-lock.yaml", text);
    assert_eq!(pkgs.len(), 3);
    let rd = get(&pkgs, "react-dom", "18.2.0");
    assert!(rd.direct);
    assert_eq!(rd.line, Some(15));
    let react = get(&pkgs, "react", "18.2.0");
    assert_eq!(
        react.paths[0],
        vec!["react-dom@18.2.0".to_string(), "react@18.2.0".into()]
    );
    assert_eq!(get(&pkgs, "jest", "29.0.0").scope, Scope::Dev);
}

#[test]
fn pnpm_v6_importers_and_scoped_keys() {
    let text = "lockfileVersion: '6.0'\n\nimporters:\n\n  .:\n    dependencies:\n      '@scope/a':\n        specifier: ^1.0.0\n        version: 1.0.0(b@2.0.0)\n\npackages:\n\n  /@scope/a@1.0.0(b@2.0.0):\n    resolution: {integrity: sha512-a}\n    dependencies:\n      b: 2.0.0\n    dev: false\n\n  /b@2.0.0:\n    resolution: {integrity: sha512-b}\n    dev: false\n";
    let pkgs = parse(Format::PnpmLock, "pnpm-lock.yaml", text);
    let a = get(&pkgs, "@scope/a", "1.0.0");
    assert!(a.direct);
    assert_eq!(a.purl, "pkg:npm/%40scope/a@1.0.0");
    assert_eq!(get(&pkgs, "b", "2.0.0").paths[0][0], "@scope/a@1.0.0");
}

#[test]
fn npm_nested_install_resolves_the_nearest_copy() {
    let text = r#"{
  "name": "x", "lockfileVersion": 3,
  "packages": {
    "": { "dependencies": { "a": "1", "c": "2" } },
    "node_modules/a": { "version": "1.0.0", "dependencies": { "c": "1" } },
    "node_modules/a/node_modules/c": { "version": "1.0.0" },
    "node_modules/c": { "version": "2.0.0" },
    "node_modules/linked": { "resolved": "packages/linked", "link": true },
    "packages/linked": { "name": "linked", "version": "0.0.1" }
  }
}"#;
    let pkgs = parse(Format::NpmLock, "package-lock.json", text);
    assert_eq!(pkgs.len(), 3);
    let c1 = get(&pkgs, "c", "1.0.0");
    assert!(!c1.direct);
    assert_eq!(
        c1.paths,
        vec![vec!["a@1.0.0".to_string(), "c@1.0.0".into()]]
    );
    assert_eq!(c1.line, Some(6));
    assert!(get(&pkgs, "c", "2.0.0").direct);
}

#[test]
fn yarn_berry_alias_and_workspace() {
    let text = "__metadata:\n  version: 8\n\n\"app@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"app@workspace:.\"\n  dependencies:\n    sw: \"npm:string-width@^4.2.0\"\n  languageName: unknown\n  linkType: soft\n\n\"sw@npm:string-width@^4.2.0\":\n  version: 4.2.3\n  resolution: \"string-width@npm:4.2.3\"\n  languageName: node\n  linkType: hard\n";
    let pkgs = parse(Format::YarnLock, "yarn.lock", text);
    assert_eq!(pkgs.len(), 1);
    assert_eq!(
        (
            pkgs[0].name.as_str(),
            pkgs[0].version.as_str(),
            pkgs[0].direct
        ),
        ("string-width", "4.2.3", true)
    );
    assert_eq!(pkgs[0].line, Some(12));
}

/// Truncations and byte flips of every fixture: parsers return packages or an error, never panic.
#[test]
fn mangled_fixtures_never_panic() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inventory");
    let files = [
        "cargo/Cargo.lock",
        "npm-v1/package-lock.json",
        "npm-v3/package-lock.json",
        "yarn-classic/yarn.lock",
        "yarn-berry/yarn.lock",
        "pnpm/pnpm-lock.yaml",
        "bun/bun.lock",
        "requirements/requirements.txt",
        "pipenv/Pipfile.lock",
        "poetry/poetry.lock",
        "uv/uv.lock",
        "pdm/pdm.lock",
        "gomod/go.mod",
        "gemfile/Gemfile.lock",
        "composer/composer.lock",
        "maven/app/pom.xml",
        "gradle/gradle.lockfile",
        "nuget/packages.lock.json",
        "conda/environment.yml",
        "pylock/pylock.toml",
    ];
    let ctx = ScanContext::new("/nonexistent-root");
    for f in files {
        let content = std::fs::read(base.join(f)).unwrap();
        let name = f.rsplit('/').next().unwrap();
        let fmt = inventory::detect(name).unwrap();
        let abs = std::path::Path::new("/nonexistent-root").join(name);
        let step = (content.len() / 20).max(1);
        for cut in (0..content.len()).step_by(step) {
            let _ = inventory::parse(fmt, &ctx, name, &abs, &content[..cut]);
            let mut flipped = content.clone();
            flipped[cut] ^= 0x5a;
            let _ = inventory::parse(fmt, &ctx, name, &abs, &flipped);
        }
    }
}

/// YAML alias bombs and JSON nesting bombs end in an error, not in exhaustion.
#[test]
fn expansion_and_nesting_bombs_are_refused() {
    let mut bomb = String::from("lockfileVersion: '9.0'\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    bomb.push_str("packages:\n  x@1.0.0: *l8\n");
    let dir = tempfile::tempdir().unwrap();
    let abs = dir.path().join("pnpm-lock.yaml");
    let ctx = ScanContext::new(dir.path());
    let r = inventory::parse(
        Format::PnpmLock,
        &ctx,
        "pnpm-lock.yaml",
        &abs,
        bomb.as_bytes(),
    );
    assert!(r.is_err(), "alias expansion must be limited");

    let deep = format!("{}{}", "{\"packages\":".repeat(10_000), "}".repeat(10_000));
    let r = inventory::parse(
        Format::NpmLock,
        &ctx,
        "package-lock.json",
        &abs,
        deep.as_bytes(),
    );
    assert!(r.is_err());
}
