use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use rampart_core::RuleRegistry;
use rampart_core::pipeline::ScanResult;
use rampart_report::{Format, RenderOptions};

use crate::commands::common::CommonArgs;

/// Renders one format to a file or standard output. Colour only on a terminal and never with
/// `NO_COLOR` set.
pub fn write(
    format: Format,
    result: &ScanResult,
    rules: &RuleRegistry,
    common: &CommonArgs,
    path: Option<&Path>,
    baseline: Option<&rampart_report::BaselineComparison>,
) -> Result<()> {
    let extras = rampart_report::Extras {
        baseline,
        ssdf: None,
    };
    write_with(format, result, rules, common, path, &extras)
}

/// [`write`] with everything a report can carry besides the result (baseline, SSDF evidence).
pub fn write_with(
    format: Format,
    result: &ScanResult,
    rules: &RuleRegistry,
    common: &CommonArgs,
    path: Option<&Path>,
    extras: &rampart_report::Extras<'_>,
) -> Result<()> {
    let color = path.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let opts = RenderOptions {
        color,
        show_secrets: common.show_secrets,
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        show_suppressed: false,
    };
    match path {
        Some(p) => {
            let file = std::fs::File::create(p)
                .with_context(|| format!("cannot write {}", p.display()))?;
            let mut w = std::io::BufWriter::new(file);
            rampart_report::render_with(format, result, rules, &opts, extras, &mut w)?;
            w.flush()?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            rampart_report::render_with(format, result, rules, &opts, extras, &mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}

/// Inside GitHub Actions (`GITHUB_ACTIONS=true`), prints a workflow command per finding
/// (`::error file=…,line=…::…`) so findings show as annotations. Workflow commands are read
/// from both streams; stderr is used when standard output carries a machine-readable report.
pub fn github_annotations(
    findings: &[rampart_core::Finding],
    show_secrets: bool,
    targets: &[(Format, Option<std::path::PathBuf>)],
) {
    if !std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
        return;
    }
    let text =
        rampart_report::github_annotations(&rampart_report::prepared(findings, show_secrets));
    let stdout_is_report = targets
        .iter()
        .any(|(f, p)| p.is_none() && *f != Format::Table);
    if stdout_is_report {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
}
