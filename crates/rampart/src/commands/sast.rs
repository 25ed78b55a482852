//! `rampart sast [PATH]`: the SAST scanner on its own, plus `--test DIR` for Semgrep-style rule
//! tests.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{ArgMatches, Args};
use rampart_core::Scanner;

use super::common::{CommonArgs, finish};
use super::scan::scan_path;
use crate::scanners;

#[derive(Args, Debug)]
pub struct SastArgs {
    /// Directory or source file to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Directory (or YAML file) of Semgrep-format rules to run as well; repeatable. Adds to
    /// `[scanner.sast] rule_dirs`. Their ids become `user/<dir>.<sub dirs>.<id>`; a rule that
    /// cannot be loaded is skipped with a warning naming its file and the unsupported feature.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Do not run the built-in rule pack (only --rules / rule_dirs).
    #[arg(long)]
    pub no_builtin: bool,
    /// Analyse each file on its own: do not follow taint into the modules it imports
    /// (`[scanner.sast] cross_file = false`).
    #[arg(long)]
    pub no_cross_file: bool,
    /// Run the rule tests under DIR (each rule YAML against its sibling annotated source file,
    /// `# ruleid:` / `# ok:`) and exit: 0 when all pass, 1 otherwise.
    #[arg(long, value_name = "DIR")]
    pub test: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(args: SastArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    if let Some(dir) = &args.test {
        let report = rampart_sast::run_rule_tests(dir)?;
        print!("{}", report.render());
        return Ok(if report.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(crate::EXIT_FINDINGS)
        });
    }
    let config = args.common.load_config(&args.path)?;
    let mut cfg: rampart_sast::SastConfig = config.scanner_config("sast")?;
    cfg.rule_dirs.extend(args.rules.iter().cloned());
    if args.no_builtin {
        cfg.builtin = false;
    }
    if args.no_cross_file {
        cfg.cross_file = false;
    }
    let scanner: Box<dyn Scanner> = Box::new(rampart_sast::SastScanner::new(&cfg)?);
    let scanners = vec![scanner];
    let rules = scanners::registry(&scanners)?;
    let result = scan_path(&args.path, &scanners, &config, &args.common)?;
    finish(result, &rules, &config, &args.common, matches)
}
