//! The local advisory database: one index file per ecosystem plus `meta.json` (what was
//! imported from where, validators for conditional downloads, counts and times).
//!
//! Writes are atomic: every ecosystem is parsed and verified completely, written to a temporary
//! file in the database folder and renamed over the old one only then, so an interrupted,
//! truncated or corrupt download never replaces a good index. Reads are lazy: a scan opens
//! `meta.json` and then only the ecosystems its packages belong to.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::advisory::{Advisory, osv};
use crate::package::Ecosystem;

pub mod import;
pub mod store;
pub mod update;

pub use store::EcosystemIndex;

const META: &str = "meta.json";
const FORMAT: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(
        "no advisory database in {0} (run `rampart db update`, or `rampart db import PATH` offline)"
    )]
    Missing(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("corrupt advisory database: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Archive(String),
    #[error("download of {url} failed: {message}")]
    Download { url: String, message: String },
    #[error("nothing to import from {0}: no OSV records found")]
    Empty(PathBuf),
    #[error("no cache directory is known on this system; pass --db DIR")]
    NoCacheDir,
}

impl DbError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        DbError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// `<user cache dir>/rampart/osv` (`~/.cache/rampart/osv` on Linux).
pub fn default_dir() -> Result<PathBuf, DbError> {
    dirs::cache_dir()
        .map(|d| d.join("rampart").join("osv"))
        .ok_or(DbError::NoCacheDir)
}

/// What `meta.json` records about one ecosystem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EcosystemMeta {
    /// The index file, relative to the database folder.
    pub file: String,
    /// OSV records naming this ecosystem that were read (withdrawn ones included).
    pub records: usize,
    pub withdrawn: usize,
    /// Advisories stored (records minus withdrawn).
    pub advisories: usize,
    /// Distinct package names with at least one advisory.
    pub packages: usize,
    /// Members that were not valid OSV JSON and were skipped.
    #[serde(default)]
    pub invalid: usize,
    /// Where it came from: a URL or a local path.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// RFC 3339 UTC time of the import or download.
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Meta {
    pub format: u32,
    pub ecosystems: BTreeMap<String, EcosystemMeta>,
}

impl Meta {
    pub fn read(dir: &Path) -> Result<Option<Meta>, DbError> {
        let path = dir.join(META);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| DbError::Corrupt(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(DbError::io(&path, e)),
        }
    }

    fn write(&self, dir: &Path) -> Result<(), DbError> {
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| DbError::Corrupt(e.to_string()))?;
        write_atomic(dir, META, &bytes)
    }
}

/// Writes `name` in `dir` through a temporary file and a rename.
pub(crate) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), DbError> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|e| DbError::io(dir, e))?;
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, dir.join(name))
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(DbError::io(&dir.join(name), e));
    }
    Ok(())
}

fn file_name_for(ecosystem: &str) -> String {
    let safe: String = ecosystem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{safe}.idx")
}

/// Gives the source (URL or path), ETag and Last-Modified recorded for an ecosystem.
pub type SourceOf<'a> = dyn Fn(&str) -> (String, Option<String>, Option<String>) + 'a;

/// Collects OSV records, grouped by the ecosystems their `affected` entries name, into the
/// advisories of each ecosystem index.
#[derive(Debug, Default)]
pub struct Builder {
    ecosystems: BTreeMap<String, EcoBuild>,
    /// Members that were not valid OSV JSON: (where, why).
    pub invalid: Vec<(String, String)>,
}

#[derive(Debug, Default)]
struct EcoBuild {
    eco: Option<Ecosystem>,
    advisories: Vec<Advisory>,
    ids: HashSet<String>,
    records: usize,
    withdrawn: usize,
    invalid: usize,
}

/// Counts of one ecosystem after a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildStats {
    pub records: usize,
    pub withdrawn: usize,
    pub advisories: usize,
}

impl Builder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one JSON record; `origin` names it in error reports.
    pub fn add_json(&mut self, origin: &str, bytes: &[u8]) {
        match osv::parse_record(bytes) {
            Ok(rec) if !rec.id.trim().is_empty() => self.add_record(&rec),
            Ok(_) => self
                .invalid
                .push((origin.to_string(), "record has no id".into())),
            Err(e) => self.invalid.push((origin.to_string(), e.to_string())),
        }
    }

    /// Marks a member of an ecosystem's archive as unreadable (counted in that ecosystem).
    pub fn note_invalid_in(&mut self, ecosystem: &str) {
        self.ecosystems
            .entry(ecosystem.to_string())
            .or_default()
            .invalid += 1;
    }

    pub fn add_record(&mut self, rec: &osv::OsvRecord) {
        let mut seen: Vec<Ecosystem> = Vec::new();
        for a in &rec.affected {
            let Some(pkg) = &a.package else { continue };
            let Some((eco, _)) = crate::advisory::parse_ecosystem(&pkg.ecosystem) else {
                continue;
            };
            if !seen.contains(&eco) {
                seen.push(eco);
            }
        }
        for eco in seen {
            let b = self
                .ecosystems
                .entry(eco.osv_name().to_string())
                .or_default();
            b.eco = Some(eco.clone());
            if !b.ids.insert(rec.id.clone()) {
                continue;
            }
            b.records += 1;
            // Withdrawn records are counted but never stored, so they can never match.
            if rec
                .withdrawn
                .as_deref()
                .is_some_and(|w| !w.trim().is_empty())
            {
                b.withdrawn += 1;
                continue;
            }
            if let Some(adv) = Advisory::from_osv(rec, &eco) {
                b.advisories.push(adv);
            }
        }
    }

    /// Keeps only `ecosystem` (a downloaded archive replaces its own ecosystem and nothing else,
    /// even when some of its records also name other ecosystems).
    pub fn retain(&mut self, ecosystem: &str) {
        self.ecosystems.retain(|k, _| k == ecosystem);
    }

    pub fn ecosystems(&self) -> impl Iterator<Item = &str> {
        self.ecosystems.keys().map(String::as_str)
    }

    pub fn stats(&self, ecosystem: &str) -> Option<BuildStats> {
        self.ecosystems.get(ecosystem).map(|b| BuildStats {
            records: b.records,
            withdrawn: b.withdrawn,
            advisories: b.advisories.len(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.ecosystems.values().all(|b| b.records == 0)
    }

    /// Encodes every ecosystem, then swaps each into `dir` and records it in `meta.json`.
    /// `source_of` gives the source string and HTTP validators of an ecosystem.
    pub fn commit(
        mut self,
        dir: &Path,
        source_of: &SourceOf<'_>,
    ) -> Result<Vec<(String, BuildStats)>, DbError> {
        let now = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        // Encode (and re-read, to verify) everything before touching the folder.
        let mut encoded = Vec::new();
        for (name, b) in &mut self.ecosystems {
            if b.records == 0 {
                continue;
            }
            b.advisories.sort_by(|x, y| x.id.cmp(&y.id));
            let bytes = store::encode(name, &b.advisories)?;
            let check = EcosystemIndex::decode(bytes.clone())?;
            if check.advisory_count() != b.advisories.len() {
                return Err(DbError::Corrupt(format!(
                    "{name}: index does not read back"
                )));
            }
            encoded.push((name.clone(), bytes, check.package_count()));
        }
        let mut meta = Meta::read(dir)?.unwrap_or_default();
        meta.format = FORMAT;
        let mut out = Vec::new();
        for (name, bytes, packages) in encoded {
            let file = file_name_for(&name);
            write_atomic(dir, &file, &bytes)?;
            let b = self.ecosystems.get(&name);
            let stats = BuildStats {
                records: b.map_or(0, |b| b.records),
                withdrawn: b.map_or(0, |b| b.withdrawn),
                advisories: b.map_or(0, |b| b.advisories.len()),
            };
            let (source, etag, last_modified) = source_of(&name);
            meta.ecosystems.insert(
                name.clone(),
                EcosystemMeta {
                    file,
                    records: stats.records,
                    withdrawn: stats.withdrawn,
                    advisories: stats.advisories,
                    packages,
                    invalid: b.map_or(0, |b| b.invalid),
                    source,
                    etag,
                    last_modified,
                    updated_at: now.clone(),
                },
            );
            out.push((name, stats));
        }
        meta.write(dir)?;
        Ok(out)
    }
}

/// An opened database. Ecosystem indexes load on first use and stay loaded.
#[derive(Debug)]
pub struct Database {
    dir: PathBuf,
    meta: Meta,
    loaded: Mutex<HashMap<String, Option<Arc<EcosystemIndex>>>>,
}

impl Database {
    /// Opens the database in `dir`; [`DbError::Missing`] when there is none.
    pub fn open(dir: &Path) -> Result<Database, DbError> {
        let meta = Meta::read(dir)?.ok_or_else(|| DbError::Missing(dir.to_path_buf()))?;
        if meta.ecosystems.is_empty() {
            return Err(DbError::Missing(dir.to_path_buf()));
        }
        Ok(Database {
            dir: dir.to_path_buf(),
            meta,
            loaded: Mutex::new(HashMap::new()),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The index of `ecosystem` (OSV name), `None` when the database has none for it.
    pub fn index(&self, ecosystem: &str) -> Result<Option<Arc<EcosystemIndex>>, DbError> {
        let mut loaded = self
            .loaded
            .lock()
            .map_err(|_| DbError::Corrupt("lock poisoned".into()))?;
        if let Some(ix) = loaded.get(ecosystem) {
            return Ok(ix.clone());
        }
        let ix = match self.meta.ecosystems.get(ecosystem) {
            Some(m) => Some(Arc::new(EcosystemIndex::read(&self.dir.join(&m.file))?)),
            None => None,
        };
        loaded.insert(ecosystem.to_string(), ix.clone());
        Ok(ix)
    }

    /// Every advisory of `eco` naming the normalised package `name`.
    pub fn advisories_for(&self, eco: &Ecosystem, name: &str) -> Result<Vec<Advisory>, DbError> {
        match self.index(eco.osv_name())? {
            Some(ix) => ix.advisories_for(name),
            None => Ok(Vec::new()),
        }
    }

    /// What `rampart db status` prints.
    pub fn status(&self) -> Status {
        status_of(&self.dir, &self.meta)
    }
}

/// The state of a database folder.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub dir: PathBuf,
    pub ecosystems: Vec<EcosystemStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EcosystemStatus {
    pub ecosystem: String,
    pub advisories: usize,
    pub records: usize,
    pub withdrawn: usize,
    pub packages: usize,
    pub source: String,
    pub updated_at: String,
    /// Seconds since `updated_at`.
    pub age_seconds: Option<i64>,
}

fn status_of(dir: &Path, meta: &Meta) -> Status {
    let now = jiff::Timestamp::now();
    Status {
        dir: dir.to_path_buf(),
        ecosystems: meta
            .ecosystems
            .iter()
            .map(|(name, m)| EcosystemStatus {
                ecosystem: name.clone(),
                advisories: m.advisories,
                records: m.records,
                withdrawn: m.withdrawn,
                packages: m.packages,
                source: m.source.clone(),
                updated_at: m.updated_at.clone(),
                age_seconds: m
                    .updated_at
                    .parse::<jiff::Timestamp>()
                    .ok()
                    .map(|t| now.duration_since(t).as_secs()),
            })
            .collect(),
    }
}

impl Status {
    /// The status of `dir`, empty when it holds no database.
    pub fn of(dir: &Path) -> Result<Status, DbError> {
        Ok(status_of(dir, &Meta::read(dir)?.unwrap_or_default()))
    }

    /// A human table.
    pub fn render(&self) -> String {
        let mut s = format!("advisory database: {}\n", self.dir.display());
        if self.ecosystems.is_empty() {
            s.push_str("  (empty: run `rampart db update` or `rampart db import PATH`)\n");
            return s;
        }
        s.push_str(&format!(
            "  {:<12} {:>10} {:>9} {:>9}  {:<10} source\n",
            "ecosystem", "advisories", "withdrawn", "packages", "age"
        ));
        for e in &self.ecosystems {
            s.push_str(&format!(
                "  {:<12} {:>10} {:>9} {:>9}  {:<10} {}\n",
                e.ecosystem,
                e.advisories,
                e.withdrawn,
                e.packages,
                e.age_seconds.map(human_age).unwrap_or_else(|| "?".into()),
                e.source
            ));
        }
        s
    }
}

fn human_age(secs: i64) -> String {
    let secs = secs.max(0);
    if secs < 120 {
        format!("{secs}s")
    } else if secs < 7200 {
        format!("{}m", secs / 60)
    } else if secs < 172_800 {
        format!("{}h", secs / 3600)
    } else {
        format!("{}d", secs / 86_400)
    }
}
