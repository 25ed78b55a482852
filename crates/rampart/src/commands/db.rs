//! `rampart db update|import|status`: the local OSV advisory database the `sca` scanner reads.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use rampart_sca::db::update::{DEFAULT_BASE_URL, UpdateOptions, update};
use rampart_sca::db::{Status, default_dir, import};

#[derive(Args, Debug)]
pub struct DbArgs {
    #[command(subcommand)]
    pub action: DbAction,
}

#[derive(Subcommand, Debug)]
pub enum DbAction {
    /// Download each ecosystem's all.zip from the OSV bucket (or a mirror); unchanged archives
    /// are not downloaded again.
    Update {
        #[command(flatten)]
        db: DbDir,
        /// Base URL of the bucket or mirror (`<URL>/<ECOSYSTEM>/all.zip`).
        #[arg(long, value_name = "URL", default_value = DEFAULT_BASE_URL)]
        base_url: String,
        /// Only these ecosystems (comma-separated OSV names, e.g. `PyPI,npm,crates.io`)
        /// [default: the supported ones the mirror lists in ecosystems.txt].
        #[arg(long, value_delimiter = ',')]
        ecosystems: Option<Vec<String>>,
        /// Give up on a download after this many seconds.
        #[arg(long, default_value_t = 600)]
        timeout: u64,
    },
    /// Import OSV records for offline use: a folder of JSON, a zip, or a copy of the bucket.
    Import {
        /// A directory, `.zip` or `.json`.
        path: PathBuf,
        #[command(flatten)]
        db: DbDir,
    },
    /// Show the ecosystems in the database, their record counts and age.
    Status {
        #[command(flatten)]
        db: DbDir,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
pub struct DbDir {
    /// Advisory database folder [default: <user cache>/rampart/osv].
    #[arg(long = "db", value_name = "DIR", env = "RAMPART_DB")]
    pub dir: Option<PathBuf>,
}

impl DbDir {
    pub fn resolve(&self) -> Result<PathBuf> {
        match &self.dir {
            Some(d) => Ok(d.clone()),
            None => Ok(default_dir()?),
        }
    }
}

pub fn run(args: DbArgs) -> Result<ExitCode> {
    match args.action {
        DbAction::Update {
            db,
            base_url,
            ecosystems,
            timeout,
        } => {
            let dir = db.resolve()?;
            let opts = UpdateOptions {
                base_url,
                ecosystems,
                timeout: Duration::from_secs(timeout),
            };
            let report =
                update(&dir, &opts).with_context(|| format!("updating {}", dir.display()))?;
            print!("{}", report.render());
            if report.failures().is_empty() {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!(
                    "error: {} ecosystem(s) failed to update; their previous data was kept",
                    report.failures().len()
                );
                Ok(ExitCode::from(crate::EXIT_ERROR))
            }
        }
        DbAction::Import { path, db } => {
            let dir = db.resolve()?;
            let imported = import::import(&path, &dir)
                .with_context(|| format!("importing {} into {}", path.display(), dir.display()))?;
            for (eco, s) in imported {
                println!(
                    "{eco}: imported {} advisories ({} records, {} withdrawn)",
                    s.advisories, s.records, s.withdrawn
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        DbAction::Status { db, json } => {
            let dir = db.resolve()?;
            status(&dir, json)
        }
    }
}

fn status(dir: &Path, json: bool) -> Result<ExitCode> {
    let st = Status::of(dir)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&st)?);
    } else {
        print!("{}", st.render());
    }
    Ok(ExitCode::SUCCESS)
}
