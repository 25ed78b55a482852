use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use rampart_core::config::Config;

use crate::scanners;

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// `table` (one line per rule) or `json` (every field).
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    pub format: String,
    /// Only rules of these scanners (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub scanners: Option<Vec<String>>,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// Rule id, e.g. `secrets/github-pat-classic`.
    pub rule: String,
}

pub fn run_rules(args: RulesArgs) -> Result<ExitCode> {
    let scanners = scanners::build(&Config::default(), args.scanners.as_deref())?;
    let reg = scanners::registry(&scanners)?;
    if args.format == "json" {
        let rules: Vec<_> = reg.iter().collect();
        println!("{}", serde_json::to_string_pretty(&rules)?);
    } else {
        for r in reg.iter() {
            let cwe = r
                .cwe
                .iter()
                .map(|c| format!("CWE-{c}"))
                .collect::<Vec<_>>()
                .join(",");
            println!(
                "{:<48} {:<9} {:<8} {}  [{}]",
                r.id, r.severity, r.scanner, r.title, cwe
            );
        }
        eprintln!("{} rules", reg.len());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_explain(args: ExplainArgs) -> Result<ExitCode> {
    let scanners = scanners::build(&Config::default(), None)?;
    let reg = scanners::registry(&scanners)?;
    match reg.get(&args.rule) {
        Some(rule) => {
            print!("{}", rule.explain());
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let close: Vec<&str> = reg
                .iter()
                .map(|r| r.id.as_str())
                .filter(|id| {
                    id.contains(args.rule.as_str())
                        || args.rule.contains(id.rsplit('/').next().unwrap_or(id))
                })
                .take(5)
                .collect();
            if close.is_empty() {
                bail!("no rule `{}` (see `rampart rules`)", args.rule)
            }
            bail!(
                "no rule `{}`; did you mean: {}",
                args.rule,
                close.join(", ")
            )
        }
    }
}
