//! Every inventory parser on arbitrary bytes: the first byte picks the format. The scan root
//! does not exist, so followed references (`-r`, parent POMs, sibling manifests) resolve to
//! nothing; what is exercised is the parsing of untrusted content.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rampart_core::ScanContext;
use rampart_sca::inventory::{self, Format};

const FORMATS: [(Format, &str); 20] = [
    (Format::CargoLock, "Cargo.lock"),
    (Format::NpmLock, "package-lock.json"),
    (Format::YarnLock, "yarn.lock"),
    (Format::PnpmLock, "pnpm-lock.yaml"),
    (Format::BunLock, "bun.lock"),
    (Format::Requirements, "requirements.txt"),
    (Format::PipfileLock, "Pipfile.lock"),
    (Format::PoetryLock, "poetry.lock"),
    (Format::UvLock, "uv.lock"),
    (Format::PdmLock, "pdm.lock"),
    (Format::PyLock, "pylock.toml"),
    (Format::GoMod, "go.mod"),
    (Format::GemfileLock, "Gemfile.lock"),
    (Format::ComposerLock, "composer.lock"),
    (Format::PomXml, "pom.xml"),
    (Format::GradleLockfile, "gradle.lockfile"),
    (Format::NugetLock, "packages.lock.json"),
    (Format::CondaEnv, "environment.yml"),
    (Format::PythonMetadata, "x.dist-info/METADATA"),
    (Format::NodeModulesPackage, "node_modules/x/package.json"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, content)) = data.split_first() else {
        return;
    };
    let (fmt, name) = FORMATS[usize::from(sel) % FORMATS.len()];
    let ctx = ScanContext::new("/nonexistent-fuzz-root");
    let abs = Path::new("/nonexistent-fuzz-root").join(name);
    if let Ok(pkgs) = inventory::parse(fmt, &ctx, name, &abs, content) {
        for p in &pkgs {
            // Every purl rampart writes must parse back.
            assert!(inventory::purl::parse(&p.purl).is_ok(), "{}", p.purl);
        }
    }
});
