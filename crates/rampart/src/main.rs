//! The rampart command line: parses arguments and wires the engine crates together. Everything
//! that scans, suppresses or renders lives in library crates.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod commands;
mod output;
mod scanners;

#[derive(Parser)]
#[command(
    name = "rampart",
    version,
    about = "One binary for every DevSecOps practice: secrets, SAST, dependencies, ML models, IaC, containers, DAST.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan a directory with every static scanner (or those named with --scanners).
    Scan(commands::scan::ScanArgs),
    /// List every rule with its metadata.
    Rules(commands::rules::RulesArgs),
    /// Print a rule's documentation.
    Explain(commands::rules::ExplainArgs),
    /// Scan ML model files (pickle, PyTorch, joblib, NumPy, Keras, SavedModel, ONNX, safetensors, GGUF).
    Models(commands::models::ModelsArgs),
    /// Find leaked credentials in files, archives, full git history (--git) or staged changes (--staged).
    Secrets(commands::secrets::SecretsArgs),
    /// Static analysis of source code with Semgrep-format rules (built-in Python pack + --rules).
    Sast(commands::sast::SastArgs),
    /// Write the dependency inventory as a CycloneDX 1.6 or SPDX 2.3 JSON SBOM.
    Sbom(commands::sbom::SbomArgs),
    /// Scan dependencies (lockfiles, manifests, installed environments or an SBOM) for known vulnerabilities.
    Deps(commands::deps::DepsArgs),
    /// Scan a container image (registry, docker save / OCI archive, OCI layout, or --rootfs) layer by layer.
    Image(commands::image::ImageArgs),
    /// Check infrastructure as code (Terraform, CloudFormation, Kubernetes/Helm/Kustomize, Dockerfiles, Compose, CI workflows) with Rego policies.
    Iac(commands::iac::IacArgs),
    /// Manage the local OSV advisory database: update, import, status.
    Db(commands::db::DbArgs),
    /// Crawl and attack a running web app, its APIs and LLM endpoints (DAST), strictly within scope.
    Dast(Box<commands::dast::DastArgs>),
    /// Write a starter rampart.toml, a GitHub Actions workflow and a GitLab CI job.
    Init(commands::init::InitArgs),
    /// Run one pipeline stage (pre-commit, pr, build, deploy, staging) with its profile from rampart.toml.
    Ci(Box<commands::ci::CiArgs>),
    /// List the NIST SSDF (SP 800-218) tasks the configured stages cover, with evidence from stage reports.
    Ssdf(commands::ssdf::SsdfArgs),
}

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let sub = matches.subcommand().map(|(_, m)| m);
    let result = match cli.command {
        Command::Scan(args) => commands::scan::run(args, sub),
        Command::Rules(args) => commands::rules::run_rules(args),
        Command::Explain(args) => commands::rules::run_explain(args),
        Command::Models(args) => commands::models::run(args, sub),
        Command::Secrets(args) => commands::secrets::run(args, sub),
        Command::Sast(args) => commands::sast::run(args, sub),
        Command::Sbom(args) => commands::sbom::run(args),
        Command::Deps(args) => commands::deps::run(args, sub),
        Command::Image(args) => commands::image::run(args, sub),
        Command::Iac(args) => commands::iac::run(args, sub),
        Command::Db(args) => commands::db::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Dast(args) => commands::dast::run(*args, sub),
        Command::Ci(args) => commands::ci::run(*args, sub),
        Command::Ssdf(args) => commands::ssdf::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
