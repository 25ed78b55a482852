//! `rampart deps [PATH]`: the dependency (SCA) scanner on its own, over a directory, a lockfile
//! or an existing CycloneDX / SPDX SBOM (`--sbom FILE`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{ArgMatches, Args};
use rampart_core::pipeline::ScanResult;
use rampart_core::{ScanOutput, Scanner};
use rampart_sca::ScaScanner;
use rampart_sca::db::Database;

use super::common::{CommonArgs, finish};
use super::scan::scan_path;
use crate::scanners;

#[derive(Args, Debug)]
pub struct DepsArgs {
    /// Directory or lockfile to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Advisory database folder [default: `[scanner.sca] db`, else <user cache>/rampart/osv].
    #[arg(long = "db", value_name = "DIR", env = "RAMPART_DB")]
    pub db: Option<PathBuf>,
    /// Leave out vulnerabilities that have no fixed version.
    #[arg(long)]
    pub ignore_unfixed: bool,
    /// Scan the packages of this CycloneDX or SPDX JSON SBOM instead of lockfiles.
    #[arg(long, value_name = "FILE")]
    pub sbom: Option<PathBuf>,
    /// Also write the packages and their vulnerabilities as a CycloneDX 1.6 VEX document.
    #[arg(long, value_name = "FILE")]
    pub vex: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Writes `packages` with the vulnerabilities `scanner` finds in them as CycloneDX VEX.
fn write_vex(
    scanner: &ScaScanner,
    packages: &[rampart_sca::Package],
    name: &str,
    path: &std::path::Path,
) -> Result<()> {
    let mut out = ScanOutput::default();
    let matches = scanner.matches(packages, &mut out);
    let vulns: Vec<_> = matches.iter().map(rampart_sca::matching::to_vex).collect();
    let doc = rampart_sca::sbom::cyclonedx::write(
        packages,
        &rampart_sca::sbom::SbomMeta::new(name),
        &vulns,
    );
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

pub fn run(args: DepsArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let root = match &args.sbom {
        Some(_) => std::env::current_dir()?,
        None => args.path.clone(),
    };
    let config = args.common.load_config(&root)?;
    let mut cfg: rampart_sca::ScaConfig = config.scanner_config("sca")?;
    if args.db.is_some() {
        cfg.db = args.db.clone();
    }
    cfg.ignore_unfixed |= args.ignore_unfixed;

    let Some(sbom) = &args.sbom else {
        if let Some(vex) = &args.vex {
            let ctx = rampart_core::ScanContext::new(&args.path);
            let excludes = rampart_core::walk::build_excludes(&config.exclude)?;
            let inv = rampart_sca::inventory::inventory_tree(&ctx, &excludes)?;
            let name = args
                .path
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
            write_vex(
                &ScaScanner::new(cfg.clone())?,
                &inv.packages,
                name.as_deref().unwrap_or("project"),
                vex,
            )?;
        }
        let scanner: Box<dyn Scanner> = Box::new(ScaScanner::new(cfg)?);
        let scanners = vec![scanner];
        let rules = scanners::registry(&scanners)?;
        let result = scan_path(&args.path, &scanners, &config, &args.common)?;
        return finish(result, &rules, &config, &args.common, matches);
    };

    let started = std::time::Instant::now();
    let content = std::fs::read(sbom).with_context(|| format!("cannot read {}", sbom.display()))?;
    let name = sbom.display().to_string();
    let packages = rampart_sca::sbom::read_file(&content, &name)
        .with_context(|| format!("{name}: not a readable SBOM"))?;
    let scanner = match &cfg.db {
        Some(dir) => match Database::open(dir) {
            Ok(db) => ScaScanner::with_database(cfg, Arc::new(db))?,
            Err(_) => ScaScanner::new(cfg)?,
        },
        None => ScaScanner::new(cfg)?,
    };
    if let Some(vex) = &args.vex {
        write_vex(&scanner, &packages, &name, vex)?;
    }
    let mut out = ScanOutput::default();
    scanner.scan_packages(&packages, &mut out);
    let scanners: Vec<Box<dyn Scanner>> = vec![Box::new(scanner)];
    let rules = scanners::registry(&scanners)?;
    let mut result = ScanResult {
        findings: out.findings,
        diagnostics: out.diagnostics,
        ..Default::default()
    };
    result.stats.files_scanned = 1;
    result.stats.bytes_scanned = content.len() as u64;
    result.stats.duration_ms = started.elapsed().as_millis() as u64;
    result.stats.scanners = vec!["sca".into()];
    finish(result, &rules, &config, &args.common, matches)
}
