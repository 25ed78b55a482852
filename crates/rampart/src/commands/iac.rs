//! `rampart iac [PATH]`: the infrastructure-as-code scanner on its own (Terraform,
//! CloudFormation, Kubernetes/Helm/Kustomize, Dockerfiles, Compose, GitHub Actions, GitLab CI).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{ArgMatches, Args};
use rampart_core::Scanner;

use super::common::{CommonArgs, finish};
use super::scan::scan_path;
use crate::scanners;

#[derive(Args, Debug)]
pub struct IacArgs {
    /// Directory or file to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Directory (or .rego file) of conftest-style Rego policies to run as well; repeatable.
    /// Adds to `[scanner.iac] policy_dirs`.
    #[arg(long = "policy", short = 'p', value_name = "DIR")]
    pub policies: Vec<PathBuf>,
    /// Package of the user policies to evaluate (default `main`; `*` for every package);
    /// repeatable. Adds to `[scanner.iac] namespaces`.
    #[arg(long = "namespace", value_name = "PACKAGE")]
    pub namespaces: Vec<String>,
    /// Terraform variable file applied to every root module; repeatable. Adds to
    /// `[scanner.iac] var_files`.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// Do not render Helm charts or Kustomize overlays even when helm/kustomize are on PATH.
    #[arg(long)]
    pub no_render: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: IacArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    let config = args.common.load_config(&args.path)?;
    let mut cfg: rampart_iac::IacConfig = config.scanner_config("iac")?;
    cfg.policy_dirs.extend(args.policies.iter().cloned());
    cfg.namespaces.extend(args.namespaces.iter().cloned());
    cfg.var_files.extend(args.var_files.iter().cloned());
    if args.no_render {
        cfg.render = Some(false);
    }
    let scanner: Box<dyn Scanner> = Box::new(rampart_iac::IacScanner::new(cfg)?);
    let scanners = vec![scanner];
    let rules = scanners::registry(&scanners)?;
    let result = scan_path(&args.path, &scanners, &config, &args.common)?;
    finish(result, &rules, &config, &args.common, matches)
}
