//! `rampart init`: a starter `rampart.toml` and CI files that install rampart from its own
//! releases (the GitHub Action of this repository, the release binaries with their checksums),
//! never from a package registry name that is not rampart's.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Directory to write into.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
    /// The GitHub repository rampart's action and releases come from (OWNER/NAME) [default:
    /// the `repository` this build was made from, when it is on GitHub].
    #[arg(long, value_name = "OWNER/NAME", env = "RAMPART_REPO")]
    pub repo: Option<String>,
    /// The release tag the CI files install [default: this build's version, v0.1.0 style].
    #[arg(long, value_name = "TAG")]
    pub release: Option<String>,
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
    (
        ".pre-commit-config.yaml",
        include_str!("../templates/pre-commit-config.yaml"),
    ),
];

/// `OWNER/NAME` of a `https://github.com/OWNER/NAME` repository URL.
pub fn github_repo(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://github.com/")?
        .trim_end_matches('/')
        .trim_end_matches(".git");
    let (owner, name) = rest.split_once('/')?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    (ok(owner) && ok(name) && !name.contains('/')).then(|| format!("{owner}/{name}"))
}

fn valid_repo(s: &str) -> bool {
    github_repo(&format!("https://github.com/{s}")).is_some_and(|r| r == s)
}

pub fn run(args: InitArgs) -> Result<ExitCode> {
    let repo = match &args.repo {
        Some(r) if valid_repo(r) => r.clone(),
        Some(r) => bail!("--repo `{r}`: expected OWNER/NAME of a GitHub repository"),
        None => match github_repo(env!("CARGO_PKG_REPOSITORY")) {
            Some(r) => r,
            None => bail!(
                "rampart init writes CI files that install rampart from its GitHub releases, and this \
                 build does not say where those are (its Cargo.toml repository is `{}`): pass \
                 --repo OWNER/NAME, the GitHub repository you got rampart from",
                env!("CARGO_PKG_REPOSITORY")
            ),
        },
    };
    let version = args
        .release
        .clone()
        .unwrap_or_else(|| format!("v{}", env!("CARGO_PKG_VERSION")));
    if !version
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
    {
        bail!("--release `{version}`: expected a release tag such as v0.1.0");
    }
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
        let text = text
            .replace("{{REPO}}", &repo)
            .replace("{{VERSION}}", &version);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote    {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_urls_give_owner_and_name() {
        assert_eq!(
            github_repo("https://github.com/acme/rampart.git"),
            Some("acme/rampart".into())
        );
        assert_eq!(github_repo("https://example.invalid/rampart"), None);
        assert_eq!(github_repo("https://github.com/acme"), None);
        assert!(valid_repo("acme/rampart"));
        assert!(!valid_repo("acme/rampart/x"));
        assert!(!valid_repo("acme/${{ evil }}"));
    }
}
