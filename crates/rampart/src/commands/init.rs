use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Directory to write into.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}

const FILES: &[(&str, &str)] = &[
    ("rampart.toml", include_str!("../templates/rampart.toml")),
    (
        ".github/workflows/rampart.yml",
        include_str!("../templates/github-workflow.yml"),
    ),
    (
        "rampart.gitlab-ci.yml",
        include_str!("../templates/gitlab-ci.yml"),
    ),
];

pub fn run(args: InitArgs) -> Result<ExitCode> {
    for (rel, text) in FILES {
        let path = args.dir.join(rel);
        if path.exists() && !args.force {
            eprintln!("kept     {} (exists; --force overwrites)", path.display());
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote    {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
