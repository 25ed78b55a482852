//! Every inventory format parsed from its committed fixture (tool-made where the tool could be
//! installed; see tests/fixtures/make_inventory_fixtures.sh), and malformed variants.

use std::path::{Path, PathBuf};

use rampart_core::ScanContext;
use rampart_sca::inventory::{self, Format, Inventory, InventoryError};
use rampart_sca::{Ecosystem, Package, Scope};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inventory")
}

/// Parses `dir/file` with the fixture folder `dir` as scan root.
fn load(dir: &str, file: &str) -> Inventory {
    let root = fixtures().join(dir);
    let abs = root.join(file);
    let content = std::fs::read(&abs).expect("fixture");
    let fmt = inventory::detect(file).expect("detected");
    inventory::parse_detailed(fmt, &ScanContext::new(&root), file, &abs, &content).expect("parses")
}

fn find<'a>(inv: &'a Inventory, name: &str) -> &'a Package {
    inv.packages
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                inv.packages.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
}

fn path(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|s| s.to_string()).collect()
}

fn malformed(fmt: Format, file: &str, content: &str) -> InventoryError {
    let dir = tempfile::tempdir().expect("tempdir");
    let abs = dir.path().join(file);
    std::fs::write(&abs, content).expect("write");
    inventory::parse(
        fmt,
        &ScanContext::new(dir.path()),
        file,
        &abs,
        content.as_bytes(),
    )
    .expect_err("must fail")
}

#[test]
fn cargo_lock() {
    let inv = load("cargo", "Cargo.lock");
    let sv = find(&inv, "smallvec");
    assert_eq!(
        (sv.version.as_str(), sv.purl.as_str()),
        ("1.6.0", "pkg:cargo/smallvec@1.6.0")
    );
    assert!(sv.direct && sv.scope == Scope::Runtime);
    assert_eq!(sv.source_file, "Cargo.lock");
    assert_eq!(sv.line, Some(26));
    let libc = find(&inv, "libc");
    assert!(!libc.direct);
    assert_eq!(libc.paths[0], path(&["time@0.1.43", "libc@0.2.191"]));
    // A dev-dependency in the sibling Cargo.toml.
    assert_eq!(find(&inv, "itoa").scope, Scope::Dev);
    // The workspace member itself is not a dependency.
    assert!(inv.packages.iter().all(|p| p.name != "fixture-app"));
}

/// npm v1/v2/v3, yarn classic/berry, pnpm and bun locked the same package.json.
#[test]
fn javascript_lockfiles_agree() {
    for (dir, file, lodash_line) in [
        ("npm-v1", "package-lock.json", 83),
        ("npm-v2", "package-lock.json", 118),
        ("npm-v3", "package-lock.json", 0),
        ("yarn-classic", "yarn.lock", 75),
        ("yarn-berry", "yarn.lock", 114),
        ("pnpm", "pnpm-lock.yaml", 68),
        ("bun", "bun.lock", 42),
    ] {
        let inv = load(dir, file);
        assert_eq!(inv.packages.len(), 15, "{dir}");
        let lodash = find(&inv, "lodash");
        assert_eq!(lodash.version, "4.17.20", "{dir}");
        assert!(lodash.direct, "{dir}");
        if lodash_line > 0 {
            assert_eq!(lodash.line, Some(lodash_line), "{dir}");
        } else {
            assert!(lodash.line.is_some());
        }
        let cf = find(&inv, "@babel/code-frame");
        assert_eq!(cf.purl, "pkg:npm/%40babel/code-frame@7.12.13", "{dir}");
        assert_eq!(find(&inv, "minimist").scope, Scope::Dev, "{dir}");
        assert_eq!(find(&inv, "is-number").scope, Scope::Optional, "{dir}");
        let chalk = find(&inv, "chalk");
        assert!(!chalk.direct, "{dir}");
        assert_eq!(
            chalk.paths[0],
            path(&[
                "@babel/code-frame@7.12.13",
                "@babel/highlight@7.25.9",
                "chalk@2.4.2"
            ]),
            "{dir}"
        );
        assert!(inv.packages.iter().all(|p| p.ecosystem == Ecosystem::Npm));
    }
}

#[test]
fn node_modules_manifest() {
    let inv = load(".", "node_modules/@babel/code-frame/package.json");
    assert_eq!(inv.packages.len(), 1);
    assert_eq!(inv.packages[0].name, "@babel/code-frame");
    assert_eq!(inv.packages[0].version, "7.12.13");
}

#[test]
fn python_locks() {
    for (dir, file) in [
        ("uv", "uv.lock"),
        ("poetry", "poetry.lock"),
        ("pdm", "pdm.lock"),
    ] {
        let inv = load(dir, file);
        let j = find(&inv, "jinja2");
        assert_eq!(
            (j.version.as_str(), j.purl.as_str()),
            ("2.10", "pkg:pypi/jinja2@2.10"),
            "{dir}"
        );
        assert!(j.direct, "{dir}");
        assert_eq!(find(&inv, "pyyaml").version, "5.3", "{dir}");
        let m = find(&inv, "markupsafe");
        assert!(!m.direct, "{dir}");
        assert_eq!(m.paths[0][0], "jinja2@2.10", "{dir}");
        let six = find(&inv, "six");
        assert_eq!(six.scope, Scope::Dev, "{dir}");
        assert!(six.direct, "{dir}");
    }
    let uv = load("uv", "uv.lock");
    assert!(
        uv.packages.iter().all(|p| p.name != "fixture-ml"),
        "the project is not a dependency"
    );
    assert_eq!(
        find(&uv, "urllib3").paths[0],
        path(&["requests@2.25.0", "urllib3@1.26.20"])
    );
    assert_eq!(find(&uv, "jinja2").line, Some(56));
}

#[test]
fn pipfile_lock() {
    let inv = load("pipenv", "Pipfile.lock");
    let j = find(&inv, "jinja2");
    assert!(j.direct);
    assert_eq!(j.line, Some(17));
    assert_eq!(find(&inv, "six").scope, Scope::Dev);
    assert!(!find(&inv, "markupsafe").direct);
}

#[test]
fn pylock_toml() {
    let inv = load("pylock", "pylock.toml");
    assert_eq!(inv.packages.len(), 9);
    assert_eq!(find(&inv, "jinja2").line, Some(27));
    assert_eq!(find(&inv, "certifi").version, "2026.10.19.post1");
}

#[test]
fn requirements_with_includes_constraints_and_via() {
    let inv = load("requirements", "requirements.txt");
    let j = find(&inv, "jinja2");
    assert_eq!(
        (j.version.as_str(), j.line, j.source_file.as_str()),
        ("2.10", Some(5), "requirements.txt")
    );
    assert_eq!(find(&inv, "pyyaml").line, Some(6));
    // Unpinned in the file, pinned by the `--constraint` file.
    assert_eq!(find(&inv, "urllib3").version, "1.24.1");
    // From `-r requirements-base.txt`, reported against that file; the include cycle ends.
    let six = find(&inv, "six");
    assert_eq!(
        (six.source_file.as_str(), six.line),
        ("requirements-base.txt", Some(1))
    );
    assert_eq!(
        inv.packages.iter().filter(|p| p.name == "jinja2").count(),
        1
    );
    // `requests>=2.0` and `numpy==1.*` have no exact version.
    assert_eq!(inv.skipped, 2);

    let lock = load("requirements", "requirements-lock.txt");
    let idna = find(&lock, "idna");
    assert!(!idna.direct);
    assert_eq!(idna.paths, vec![path(&["requests@2.25.0", "idna@2.10"])]);
    // `# via fixture-ml` names the project, not a package: direct.
    assert!(find(&lock, "jinja2").direct);
}

#[test]
fn requirements_includes_never_leave_the_root() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret-reqs.txt"), "leaked==1.0\n").unwrap();
    let root = outer.path().join("proj");
    std::fs::create_dir(&root).unwrap();
    let text = "-r ../secret-reqs.txt\n-r /etc/hostname\nok==2.0\n";
    let abs = root.join("requirements.txt");
    std::fs::write(&abs, text).unwrap();
    let pkgs = inventory::parse(
        Format::Requirements,
        &ScanContext::new(&root),
        "requirements.txt",
        &abs,
        text.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        pkgs.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        vec!["ok"]
    );
}

#[test]
fn go_mod() {
    let inv = load("gomod", "go.mod");
    let t = find(&inv, "golang.org/x/text");
    assert_eq!(
        (t.version.as_str(), t.purl.as_str(), t.line),
        ("v0.3.0", "pkg:golang/golang.org/x/text@v0.3.0", Some(7))
    );
    assert!(t.direct);
    // Replaced by another module; `// indirect` is transitive.
    let n = find(&inv, "github.com/new/lib");
    assert!(!n.direct && n.version == "v1.2.0");
    assert!(!find(&inv, "golang.org/x/net").direct);
    // Replaced by a local directory: nothing to match.
    assert!(
        inv.packages
            .iter()
            .all(|p| p.name != "github.com/local/fork")
    );
    assert_eq!(inv.skipped, 1);
}

#[test]
fn gemfile_lock() {
    let inv = load("gemfile", "Gemfile.lock");
    let rack = find(&inv, "rack");
    assert_eq!(
        (rack.version.as_str(), rack.line, rack.purl.as_str()),
        ("2.2.3", Some(16), "pkg:gem/rack@2.2.3")
    );
    assert!(!rack.direct);
    assert_eq!(rack.paths[0], path(&["actionpack@6.0.0", "rack@2.2.3"]));
    assert_eq!(rack.paths.len(), 2);
    assert_eq!(find(&inv, "nokogiri").version, "1.13.0");
    assert!(find(&inv, "actionpack").direct);
    assert!(inv.packages.iter().all(|p| p.name != "private_gem"));
}

#[test]
fn composer_lock() {
    let inv = load("composer", "composer.lock");
    let psr7 = find(&inv, "guzzlehttp/psr7");
    assert_eq!(
        (psr7.version.as_str(), psr7.purl.as_str()),
        ("2.1.0", "pkg:composer/guzzlehttp/psr7@2.1.0")
    );
    assert_eq!(
        psr7.paths[0],
        path(&["guzzlehttp/guzzle@7.4.0", "guzzlehttp/psr7@2.1.0"])
    );
    let unit = find(&inv, "phpunit/phpunit");
    assert!(unit.direct && unit.scope == Scope::Dev);
    assert_eq!(unit.line, Some(27));
}

#[test]
fn pom_with_local_parent() {
    let inv = load("maven", "app/pom.xml");
    let j = find(&inv, "com.fasterxml.jackson.core:jackson-databind");
    assert_eq!(j.version, "2.9.8", "property from the parent POM");
    assert_eq!(
        j.purl,
        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.8"
    );
    assert_eq!(j.line, Some(14));
    assert_eq!(
        find(&inv, "org.apache.logging.log4j:log4j-core").version,
        "2.14.1",
        "dependencyManagement"
    );
    assert_eq!(
        find(&inv, "com.example:fixture-lib").version,
        "2.0.0",
        "project.version from parent"
    );
    assert_eq!(find(&inv, "junit:junit").scope, Scope::Dev);
    assert_eq!(inv.skipped, 1, "unresolvable property");
}

#[test]
fn gradle_nuget_conda() {
    let g = load("gradle", "gradle.lockfile");
    assert_eq!(find(&g, "com.google.guava:guava").version, "29.0-jre");
    assert_eq!(find(&g, "junit:junit").scope, Scope::Dev);
    assert_eq!(find(&g, "junit:junit").line, Some(6));

    let n = load("nuget", "packages.lock.json");
    let nj = find(&n, "newtonsoft.json");
    assert_eq!(
        (nj.purl.as_str(), nj.line),
        ("pkg:nuget/newtonsoft.json@12.0.1", Some(5))
    );
    let abs = find(&n, "microsoft.extensions.dependencyinjection.abstractions");
    assert!(!abs.direct);
    assert_eq!(abs.paths[0][0], "microsoft.extensions.logging@6.0.0");
    assert_eq!(n.packages.len(), 3, "project references are not packages");

    let c = load("conda", "environment.yml");
    let np = find(&c, "numpy");
    assert_eq!(
        (np.ecosystem.clone(), np.version.as_str(), np.line),
        (Ecosystem::Conda, "1.21.0", Some(7))
    );
    assert_eq!(
        find(&c, "pytorch").purl,
        "pkg:conda/pytorch@1.13.1?channel=conda-forge"
    );
    let j = find(&c, "jinja2");
    assert_eq!((j.ecosystem.clone(), j.line), (Ecosystem::PyPI, Some(12)));
    assert_eq!(c.skipped, 3);
}

#[test]
fn installed_python_metadata() {
    let inv = load("site-packages", "Jinja2-2.10.dist-info/METADATA");
    assert_eq!(
        (
            inv.packages[0].name.as_str(),
            inv.packages[0].version.as_str()
        ),
        ("jinja2", "2.10")
    );
    let legacy = load("site-packages", "legacy_pkg.egg-info/PKG-INFO");
    assert_eq!(legacy.packages[0].name, "legacy-pkg");
}

#[test]
fn malformed_files_name_file_and_line() {
    let cases: &[(Format, &str, &str, Option<u32>)] = &[
        (
            Format::CargoLock,
            "Cargo.lock",
            "version = 3\n\n[[package]]\nname = \"a\"\nversion = \n",
            Some(5),
        ),
        (
            Format::NpmLock,
            "package-lock.json",
            "{\n  \"packages\": {\n    \"\": {,\n  }\n}\n",
            Some(3),
        ),
        (
            Format::BunLock,
            "bun.lock",
            "{\n  \"packages\": {\n    \"a\": [\"a@1\" \"x\"],\n  },\n}\n",
            Some(3),
        ),
        (
            Format::PnpmLock,
            "pnpm-lock.yaml",
            "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {x: 1\n  b: [\n",
            None,
        ),
        (
            Format::YarnLock,
            "yarn.lock",
            "# yarn lockfile v1\n\nlodash@^4:\n  version \"4.17.20\"\nnot a key\n",
            Some(5),
        ),
        (
            Format::Requirements,
            "requirements.txt",
            "ok==1\n\n!!! not a requirement\n",
            Some(3),
        ),
        (
            Format::PoetryLock,
            "poetry.lock",
            "[[package]]\nname = \"a\"\nversion = \"1\"\n[[package]\n",
            Some(4),
        ),
        (
            Format::GoMod,
            "go.mod",
            "module x\n\nrequire (\n\tgithub.com/a/b\n)\n",
            Some(4),
        ),
        (
            Format::GemfileLock,
            "Gemfile.lock",
            "GEM\n  specs:\n    rack 2.2.3\n",
            Some(3),
        ),
        (
            Format::ComposerLock,
            "composer.lock",
            "{\n  \"packages\": [\n    {\"name\": \"a/b\"}\n  ]\n}\n",
            Some(3),
        ),
        (
            Format::PomXml,
            "pom.xml",
            "<project>\n  <dependencies>\n    <dependency></oops>\n</project>\n",
            Some(3),
        ),
        (
            Format::GradleLockfile,
            "gradle.lockfile",
            "# x\na:b=compileClasspath\n",
            Some(2),
        ),
        (
            Format::NugetLock,
            "packages.lock.json",
            "{\n  \"version\": 1,\n  \"dependencies\": [\n}\n",
            Some(4),
        ),
        (
            Format::CondaEnv,
            "environment.yml",
            "name: x\ndependencies:\n  - numpy=1\n  bad: [\n",
            None,
        ),
        (
            Format::PipfileLock,
            "Pipfile.lock",
            "{\n  \"default\": {\n    \"a\": \n  }\n}\n",
            Some(4),
        ),
        (
            Format::PythonMetadata,
            "METADATA",
            "Metadata-Version: 2.1\nSummary: nothing\n",
            None,
        ),
    ];
    for (fmt, file, content, line) in cases {
        let err = malformed(*fmt, file, content);
        assert_eq!(err.file, *file, "{fmt:?}");
        if line.is_some() {
            assert_eq!(err.line, *line, "{fmt:?}: {err}");
        } else {
            assert!(err.to_string().starts_with(file), "{fmt:?}: {err}");
        }
    }
    let err = malformed(
        Format::CargoLock,
        "Cargo.lock",
        "[[package]]\nname = \"a\"\nversion = \n",
    );
    assert!(err.to_string().starts_with("Cargo.lock:3: "), "{err}");
}

#[test]
fn invalid_utf8_is_an_error_with_line() {
    let dir = tempfile::tempdir().unwrap();
    let abs = dir.path().join("requirements.txt");
    let content = b"a==1\nb==2\nc==\xff\n";
    let err = inventory::parse(
        Format::Requirements,
        &ScanContext::new(dir.path()),
        "requirements.txt",
        &abs,
        content,
    )
    .unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("requirements.txt", Some(3)));
}
