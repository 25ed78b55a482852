//! `rampart sbom [PATH]`: the dependency inventory of a directory (or one lockfile) as a
//! CycloneDX 1.6 or SPDX 2.3 JSON document.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use rampart_core::scanner::{ScanContext, ScanOptions};
use rampart_core::walk;
use rampart_sca::inventory;
use rampart_sca::sbom::{SbomMeta, cyclonedx, spdx};

#[derive(Args, Debug)]
pub struct SbomArgs {
    /// Directory (or lockfile) to inventory.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// SBOM format.
    #[arg(long, short = 'f', default_value = "cyclonedx", value_parser = ["cyclonedx", "spdx"])]
    pub format: String,
    /// Write the SBOM to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Configuration file (for `exclude` and `max_file_size`) [default: rampart.toml in PATH].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Worker threads for the file walk (0 = one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Inventory a container image instead of PATH (registry reference, docker save or OCI
    /// archive, OCI layout): the packages of its final file view.
    #[arg(long, value_name = "REF")]
    pub image: Option<String>,
    #[command(flatten)]
    pub image_source: super::image::ImageSourceArgs,
}

pub fn run(args: SbomArgs) -> Result<ExitCode> {
    if let Some(reference) = &args.image {
        let outcome = super::image::scan_image_ref(
            reference,
            &args.image_source,
            &[],
            Vec::new(),
            args.threads,
        )?;
        let meta = SbomMeta::new(outcome.image.name.clone());
        let doc = match args.format.as_str() {
            "spdx" => spdx::write(&outcome.packages, &meta),
            _ => cyclonedx::write(&outcome.packages, &meta, &[]),
        };
        write_doc(&doc, args.output.as_deref())?;
        eprintln!(
            "{} packages from image {} ({})",
            outcome.packages.len(),
            outcome.image.name,
            outcome.image.digest
        );
        return Ok(ExitCode::SUCCESS);
    }
    if !args.path.exists() {
        bail!("{}: no such file or directory", args.path.display());
    }
    let config = super::common::load_config(args.config.as_deref(), &args.path)?;
    let ctx = ScanContext {
        root: args.path.clone(),
        options: ScanOptions {
            max_file_size: config
                .max_file_size
                .unwrap_or(ScanOptions::default().max_file_size),
            threads: args.threads,
            ..ScanOptions::default()
        },
    };
    let excludes = walk::build_excludes(&config.exclude)?;
    let inv = inventory::inventory_tree(&ctx, &excludes)?;
    for e in &inv.errors {
        eprintln!("warning: {e}");
    }
    let name = args
        .path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "project".to_string());
    let meta = SbomMeta::new(name);
    let doc = match args.format.as_str() {
        "spdx" => spdx::write(&inv.packages, &meta),
        _ => cyclonedx::write(&inv.packages, &meta, &[]),
    };
    write_doc(&doc, args.output.as_deref())?;
    eprintln!(
        "{} packages from {} file(s); {} entries without an exact version left out; {} file(s) could not be read",
        inv.packages.len(),
        inv.files,
        inv.skipped,
        inv.errors.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn write_doc(doc: &serde_json::Value, output: Option<&std::path::Path>) -> Result<()> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    match output {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}
