//! The static scanners in this build. Adding a scanner: implement `rampart_core::Scanner` in its
//! own crate and add one entry here (see CONTRIBUTING.md).

use anyhow::{Result, bail};
use rampart_core::config::Config;
use rampart_core::{RuleRegistry, Scanner};

pub struct ScannerEntry {
    pub name: &'static str,
    pub build: fn(&Config) -> Result<Box<dyn Scanner>>,
}

/// Every static scanner `rampart scan` can run, in the order they run.
pub const SCANNERS: &[ScannerEntry] = &[
    ScannerEntry {
        name: "image",
        // The image rules run from `rampart image`; here they only join `rules`/`explain`.
        build: |_| Ok(Box::new(rampart_image::checks::ImageRules)),
    },
    ScannerEntry {
        name: "iac",
        build: |config| {
            let cfg: rampart_iac::IacConfig = config.scanner_config("iac")?;
            Ok(Box::new(rampart_iac::IacScanner::new(cfg)?))
        },
    },
    ScannerEntry {
        name: "models",
        build: build_models,
    },
    ScannerEntry {
        name: "sast",
        build: build_sast,
    },
    ScannerEntry {
        name: "sca",
        build: build_sca,
    },
    ScannerEntry {
        name: "secrets",
        build: build_secrets,
    },
];

fn build_secrets(config: &Config) -> Result<Box<dyn Scanner>> {
    let cfg: rampart_secrets::SecretsConfig = config.scanner_config("secrets")?;
    Ok(Box::new(rampart_secrets::SecretsScanner::new(cfg)?))
}

fn build_sca(config: &Config) -> Result<Box<dyn Scanner>> {
    let cfg: rampart_sca::ScaConfig = config.scanner_config("sca")?;
    Ok(Box::new(rampart_sca::ScaScanner::new(cfg)?))
}

fn build_sast(config: &Config) -> Result<Box<dyn Scanner>> {
    let cfg: rampart_sast::SastConfig = config.scanner_config("sast")?;
    Ok(Box::new(rampart_sast::SastScanner::new(&cfg)?))
}

fn build_models(config: &Config) -> Result<Box<dyn Scanner>> {
    let cfg: rampart_models::ModelsConfig = config.scanner_config("models")?;
    Ok(Box::new(rampart_models::ModelsScanner::new(cfg)?))
}

/// Builds the scanners named in `only` (or in the config, or all), with their config sections.
pub fn build(config: &Config, only: Option<&[String]>) -> Result<Vec<Box<dyn Scanner>>> {
    let wanted: Option<Vec<String>> = only.map(|s| s.to_vec()).or_else(|| config.scanners.clone());
    let known: Vec<&str> = SCANNERS.iter().map(|s| s.name).collect();
    for name in config.scanner.keys() {
        if !known.contains(&name.as_str()) {
            bail!(
                "rampart.toml: unknown scanner section [scanner.{name}] (known: {})",
                known.join(", ")
            );
        }
    }
    let mut out = Vec::new();
    match wanted {
        Some(names) => {
            for name in &names {
                let Some(entry) = SCANNERS.iter().find(|s| s.name == name) else {
                    bail!("unknown scanner `{name}` (known: {})", known.join(", "));
                };
                out.push((entry.build)(config)?);
            }
        }
        None => {
            for entry in SCANNERS {
                out.push((entry.build)(config)?);
            }
        }
    }
    Ok(out)
}

/// Every rule of every scanner, for `rampart rules`, `explain` and the reports.
pub fn registry(scanners: &[Box<dyn Scanner>]) -> Result<RuleRegistry> {
    let mut reg = RuleRegistry::new();
    for s in scanners {
        for rule in s.rules() {
            reg.insert(rule)?;
        }
    }
    Ok(reg)
}
