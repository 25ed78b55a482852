//! The git questions a pipeline stage asks, answered by the `git` program of the checkout being
//! scanned (its configuration, shallow state and worktrees are the user's own). Paths in and out
//! are relative to the scan root, which may be a subdirectory of the repository.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diff::ChangeSet;

/// Blobs larger than this are not copied out of git for a base or staged scan (the walk would
/// not read them whole either).
pub const MAX_BLOB: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0} (rampart needs the `git` program for this stage)")]
    Spawn(std::io::Error),
    #[error("{0} is not inside a git repository")]
    NotARepo(String),
    #[error("`git {cmd}` failed: {stderr}")]
    Failed { cmd: String, stderr: String },
    #[error(
        "the diff base `{base}` is not in this shallow clone (it holds {depth} commit(s) of history). \
         Fetch with depth 0, i.e. the full history: `git fetch --unshallow origin` \
         (actions/checkout: `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`), or at least \
         `git fetch origin {base_branch}` plus the commits back to the merge base"
    )]
    ShallowMissingBase {
        base: String,
        base_branch: String,
        depth: u64,
    },
    #[error(
        "this shallow clone ({depth} commit(s) of history) does not reach the merge base of `{base}` \
         and HEAD. Fetch with depth 0, i.e. the full history: `git fetch --unshallow origin` \
         (actions/checkout: `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`); a fixed depth works only \
         if it is larger than the number of commits since this branch left `{base}`"
    )]
    ShallowNoMergeBase { base: String, depth: u64 },
    #[error(
        "unknown diff base `{0}`: no such branch, tag or commit (fetch it first, e.g. `git fetch origin {0}`)"
    )]
    UnknownRef(String),
    #[error("`{0}` and HEAD have no common history, so there is no merge base to compare with")]
    NoMergeBase(String),
    #[error("git gave a path outside the scan root: {0}")]
    BadPath(String),
    #[error("cannot write a file for the base scan: {0}")]
    Io(#[from] std::io::Error),
}

/// A git checkout and the scan root inside it.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The scan root (where git commands run).
    pub dir: PathBuf,
    /// The scan root relative to the top of the repository, `""` or `sub/dir/`.
    pub prefix: String,
}

impl Repo {
    /// The repository containing `dir`.
    pub fn discover(dir: &Path) -> Result<Repo, GitError> {
        let dir = if dir.is_file() {
            dir.parent().unwrap_or(Path::new(".")).to_path_buf()
        } else {
            dir.to_path_buf()
        };
        let probe = Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(["rev-parse", "--show-prefix"])
            .stdin(Stdio::null())
            .output()
            .map_err(GitError::Spawn)?;
        if !probe.status.success() {
            return Err(GitError::NotARepo(dir.display().to_string()));
        }
        let prefix = String::from_utf8_lossy(&probe.stdout).trim().to_string();
        Ok(Repo { dir, prefix })
    }

    fn git(&self, args: &[&str]) -> Result<Vec<u8>, GitError> {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(["-c", "core.quotepath=false"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(GitError::Spawn)?;
        if !out.status.success() {
            return Err(GitError::Failed {
                cmd: args.join(" "),
                stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
            });
        }
        Ok(out.stdout)
    }

    fn git_text(&self, args: &[&str]) -> Result<String, GitError> {
        Ok(String::from_utf8_lossy(&self.git(args)?).trim().to_string())
    }

    /// The commit HEAD points at, or `None` in a repository without commits.
    pub fn head(&self) -> Option<String> {
        self.git_text(&["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
            .ok()
            .filter(|s| !s.is_empty())
    }

    pub fn is_shallow(&self) -> bool {
        self.git_text(&["rev-parse", "--is-shallow-repository"])
            .is_ok_and(|s| s == "true")
    }

    fn depth(&self) -> u64 {
        self.git_text(&["rev-list", "--count", "HEAD"])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    /// The merge base of `base` and HEAD: the commit a pull request is compared with. A
    /// shallow clone that lacks it gives an error saying how to fetch.
    pub fn merge_base(&self, base: &str) -> Result<String, GitError> {
        let spec = format!("{base}^{{commit}}");
        let resolved = self
            .git_text(&[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &spec,
            ])
            .ok()
            .filter(|s| !s.is_empty());
        let shallow = self.is_shallow();
        let Some(base_commit) = resolved else {
            if shallow {
                return Err(GitError::ShallowMissingBase {
                    base: base.to_string(),
                    base_branch: base.strip_prefix("origin/").unwrap_or(base).to_string(),
                    depth: self.depth(),
                });
            }
            return Err(GitError::UnknownRef(base.to_string()));
        };
        match self.git_text(&["merge-base", &base_commit, "HEAD"]) {
            Ok(mb) if !mb.is_empty() => Ok(mb),
            _ if shallow => Err(GitError::ShallowNoMergeBase {
                base: base.to_string(),
                depth: self.depth(),
            }),
            _ => Err(GitError::NoMergeBase(base.to_string())),
        }
    }

    /// What the working tree changes over `commit`: tracked files by `git diff` (renames
    /// detected), untracked files (not ignored) as wholly new. Paths relative to the scan root.
    pub fn changes_since(&self, commit: &str) -> Result<ChangeSet, GitError> {
        let text = self.git(&[
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "-M",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            commit,
            "--",
            ".",
        ])?;
        let full = ChangeSet::parse_git_diff(&String::from_utf8_lossy(&text)).map_err(|e| {
            GitError::Failed {
                cmd: "diff".into(),
                stderr: e,
            }
        })?;
        let mut set = ChangeSet::default();
        for (path, change) in full.files {
            if let Some(rel) = self.strip_prefix(&path) {
                let change = match change {
                    crate::diff::FileChange::Renamed { from, lines } => {
                        match self.strip_prefix(&from) {
                            Some(f) => crate::diff::FileChange::Renamed { from: f, lines },
                            // Renamed from outside the scan root: new as far as this root goes.
                            None => crate::diff::FileChange::Added,
                        }
                    }
                    other => other,
                };
                set.files.insert(rel, change);
            }
        }
        set.deleted = full
            .deleted
            .iter()
            .filter_map(|p| self.strip_prefix(p))
            .collect();
        for p in self.untracked()? {
            set.add_new_file(p);
        }
        Ok(set)
    }

    /// Untracked, not ignored files under the scan root.
    pub fn untracked(&self) -> Result<Vec<String>, GitError> {
        // ls-files prints paths relative to where it runs: the scan root already.
        let out = self.git(&[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--",
            ".",
        ])?;
        Ok(split_z(&out))
    }

    /// Files the index adds or modifies over HEAD (renamed and copied included), relative to
    /// the scan root.
    pub fn staged_paths(&self) -> Result<Vec<String>, GitError> {
        let out = self.git(&[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=AM",
            "--",
            ".",
        ])?;
        Ok(split_z(&out)
            .into_iter()
            .filter_map(|p| self.strip_prefix(&p))
            .collect())
    }

    /// Files of directory `dir` (relative to the scan root, `""` for the root itself) at `rev`,
    /// not recursing, relative to the scan root.
    pub fn ls_tree(&self, rev: &str, dir: &str) -> Result<Vec<String>, GitError> {
        // Path arguments of ls-tree are relative to where it runs (the scan root); the
        // trailing slash lists the directory's entries rather than the directory itself.
        let spec = if dir.is_empty() {
            if self.prefix.is_empty() {
                String::new()
            } else {
                "./".to_string()
            }
        } else {
            format!("{dir}/")
        };
        let mut args = vec!["ls-tree", "--full-name", "--name-only", "-z", rev, "--"];
        if !spec.is_empty() {
            args.push(&spec);
        }
        let out = self.git(&args)?;
        Ok(split_z(&out)
            .into_iter()
            .filter_map(|p| self.strip_prefix(&p))
            .collect())
    }

    /// Repository paths are relative to the top; findings are relative to the scan root.
    fn strip_prefix(&self, path: &str) -> Option<String> {
        path.strip_prefix(self.prefix.as_str()).map(str::to_string)
    }

    /// Copies files out of git into `dest`: each `(rev, path, dest_rel)` writes the blob
    /// `rev:path` (rev `""` is the index) to `dest/dest_rel`. Paths are relative to the scan
    /// root. Missing blobs and blobs over [`MAX_BLOB`] are skipped; returns how many were
    /// written. Nothing is checked out and no filter or hook runs.
    pub fn materialize(
        &self,
        files: &[(String, String, String)],
        dest: &Path,
    ) -> Result<usize, GitError> {
        for (_, _, rel) in files {
            safe_rel(rel)?;
        }
        let mut child = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(GitError::Spawn)?;
        let mut stdin = child.stdin.take().ok_or_else(|| GitError::Failed {
            cmd: "cat-file --batch".into(),
            stderr: "no stdin".into(),
        })?;
        let specs: Vec<String> = files
            .iter()
            .map(|(rev, path, _)| format!("{rev}:{}{path}\n", self.prefix))
            .collect();
        // Written from another thread so a large answer cannot block the questions.
        let writer = std::thread::spawn(move || {
            for s in specs {
                if stdin.write_all(s.as_bytes()).is_err() {
                    break;
                }
            }
        });
        let stdout = child.stdout.take().ok_or_else(|| GitError::Failed {
            cmd: "cat-file --batch".into(),
            stderr: "no stdout".into(),
        })?;
        let mut r = BufReader::new(stdout);
        let mut written = 0;
        for (_, _, rel) in files {
            let mut header = String::new();
            if r.read_line(&mut header)? == 0 {
                break;
            }
            let parts: Vec<&str> = header.trim_end().split(' ').collect();
            if parts.len() != 3 {
                // `<spec> missing` (or ambiguous): nothing follows.
                continue;
            }
            let size: u64 = parts[2].parse().map_err(|_| GitError::Failed {
                cmd: "cat-file --batch".into(),
                stderr: format!("unexpected header `{}`", header.trim_end()),
            })?;
            let keep = parts[1] == "blob" && size <= MAX_BLOB;
            let mut content = Vec::new();
            if keep {
                content.reserve(size as usize);
            }
            let mut take = (&mut r).take(size);
            if keep {
                take.read_to_end(&mut content)?;
            } else {
                std::io::copy(&mut take, &mut std::io::sink())?;
            }
            let mut nl = [0u8; 1];
            r.read_exact(&mut nl)?;
            if keep {
                let path = dest.join(rel);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&path, &content)?;
                written += 1;
            }
        }
        drop(r);
        let _ = writer.join();
        let _ = child.wait();
        Ok(written)
    }
}

fn split_z(out: &[u8]) -> Vec<String> {
    out.split(|b| *b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect()
}

/// A path git gave us must stay inside the directory it is written to.
fn safe_rel(rel: &str) -> Result<(), GitError> {
    let p = Path::new(rel);
    if rel.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(GitError::BadPath(rel.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_escape_are_refused() {
        assert!(safe_rel("a/b.py").is_ok());
        assert!(safe_rel("../x").is_err());
        assert!(safe_rel("/etc/passwd").is_err());
        assert!(safe_rel("a/./b").is_ok());
        assert!(safe_rel("").is_err());
    }
}
