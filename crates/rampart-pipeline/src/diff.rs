//! What a change touched: per file of the new tree, its status and the lines it added or
//! replaced, parsed from `git diff --unified=0` output.

use std::collections::BTreeMap;

use serde::Serialize;

/// Sorted, merged 1-based inclusive line ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LineSet(Vec<(u32, u32)>);

impl LineSet {
    pub fn add(&mut self, start: u32, end: u32) {
        if end < start {
            return;
        }
        self.0.push((start, end));
        self.0.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(self.0.len());
        for &(s, e) in &self.0 {
            match merged.last_mut() {
                Some(last) if s <= last.1.saturating_add(1) => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        self.0 = merged;
    }

    /// True when any line of `start..=end` is in the set.
    pub fn intersects(&self, start: u32, end: u32) -> bool {
        let end = end.max(start);
        self.0.iter().any(|&(s, e)| s <= end && start <= e)
    }

    pub fn contains(&self, line: u32) -> bool {
        self.intersects(line, line)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.0
    }
}

/// How one file of the new tree differs from the base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FileChange {
    /// Not in the base at all: every line is new.
    Added,
    /// In the base under the same path; `lines` were added or replaced.
    Modified { lines: LineSet },
    /// In the base as `from`; `lines` were added or replaced after the rename.
    Renamed { from: String, lines: LineSet },
}

impl FileChange {
    /// The base path of this file, if it had one.
    pub fn base_path<'a>(&'a self, path: &'a str) -> Option<&'a str> {
        match self {
            FileChange::Added => None,
            FileChange::Modified { .. } => Some(path),
            FileChange::Renamed { from, .. } => Some(from),
        }
    }

    /// True when `start..=end` touches lines the change added or replaced.
    pub fn touches(&self, start: u32, end: u32) -> bool {
        match self {
            FileChange::Added => true,
            FileChange::Modified { lines } | FileChange::Renamed { lines, .. } => {
                lines.intersects(start, end)
            }
        }
    }
}

/// Every file a change touched, keyed by its path in the new tree, plus the deleted ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ChangeSet {
    pub files: BTreeMap<String, FileChange>,
    pub deleted: Vec<String>,
}

impl ChangeSet {
    pub fn get(&self, path: &str) -> Option<&FileChange> {
        self.files.get(path)
    }

    /// Marks `path` wholly new (untracked files are not in `git diff`).
    pub fn add_new_file(&mut self, path: String) {
        self.files.entry(path).or_insert(FileChange::Added);
    }

    /// Parses `git diff --unified=0 --no-color --no-ext-diff -M --src-prefix=a/
    /// --dst-prefix=b/` output. Binary files appear as changed without line information (every
    /// line counts as touched).
    pub fn parse_git_diff(text: &str) -> Result<ChangeSet, String> {
        let mut set = ChangeSet::default();
        let mut cur: Option<Pending> = None;
        for (n, line) in text.lines().enumerate() {
            if let Some(rest) = line.strip_prefix("diff --git ") {
                if let Some(p) = cur.take() {
                    p.finish(&mut set);
                }
                cur = Some(Pending::from_header(rest));
                continue;
            }
            let Some(p) = cur.as_mut() else { continue };
            if p.in_hunks {
                if let Some(h) = line.strip_prefix("@@ ") {
                    let (start, count) = parse_hunk_new(h)
                        .ok_or_else(|| format!("line {}: bad hunk header `{line}`", n + 1))?;
                    if count > 0 {
                        p.lines.add(start, start.saturating_add(count - 1));
                    }
                }
                continue;
            }
            if line.starts_with("new file mode") {
                p.added = true;
            } else if line.starts_with("deleted file mode") {
                p.deleted = true;
            } else if let Some(f) = line.strip_prefix("rename from ") {
                p.old = Some(unquote(f));
            } else if let Some(t) = line.strip_prefix("rename to ") {
                p.new = Some(unquote(t));
            } else if let Some(f) = line.strip_prefix("--- ") {
                if f != "/dev/null" {
                    p.old = Some(strip_side(&unquote(f), "a/"));
                }
            } else if let Some(t) = line.strip_prefix("+++ ") {
                if t != "/dev/null" {
                    p.new = Some(strip_side(&unquote(t), "b/"));
                }
                p.in_hunks = true;
            } else if line.starts_with("Binary files ") {
                p.binary = true;
            }
        }
        if let Some(p) = cur.take() {
            p.finish(&mut set);
        }
        Ok(set)
    }
}

struct Pending {
    old: Option<String>,
    new: Option<String>,
    added: bool,
    deleted: bool,
    binary: bool,
    in_hunks: bool,
    lines: LineSet,
}

impl Pending {
    fn from_header(rest: &str) -> Pending {
        // `a/x b/x`: ambiguous when names hold spaces, so only a fallback until the `---`,
        // `+++` or `rename` lines name the files exactly.
        let (old, new) = if rest.starts_with('"') {
            split_quoted_pair(rest)
        } else {
            match rest.find(" b/") {
                Some(i) => (
                    Some(strip_side(&rest[..i], "a/")),
                    Some(rest[i + 1..].trim_start_matches("b/").to_string()),
                ),
                None => (None, None),
            }
        };
        Pending {
            old,
            new,
            added: false,
            deleted: false,
            binary: false,
            in_hunks: false,
            lines: LineSet::default(),
        }
    }

    fn finish(self, set: &mut ChangeSet) {
        if self.deleted {
            if let Some(old) = self.old {
                set.deleted.push(old);
            }
            return;
        }
        let Some(new) = self.new else { return };
        let mut lines = self.lines;
        if self.binary {
            // No line information: the whole file counts as touched.
            lines.add(1, u32::MAX);
        }
        let change = if self.added {
            FileChange::Added
        } else {
            match self.old {
                Some(old) if old != new => FileChange::Renamed { from: old, lines },
                _ => FileChange::Modified { lines },
            }
        };
        set.files.insert(new, change);
    }
}

fn strip_side(s: &str, prefix: &str) -> String {
    s.strip_prefix(prefix).unwrap_or(s).to_string()
}

/// `-a,b +c,d @@ ...` → (c, d); `+c` alone means one line.
fn parse_hunk_new(h: &str) -> Option<(u32, u32)> {
    let plus = h.split(' ').find(|p| p.starts_with('+'))?;
    let plus = &plus[1..];
    let (start, count) = match plus.split_once(',') {
        Some((s, c)) => (s.parse().ok()?, c.parse().ok()?),
        None => (plus.parse().ok()?, 1),
    };
    Some((start, count))
}

fn split_quoted_pair(rest: &str) -> (Option<String>, Option<String>) {
    // `"a/x y" "b/x y"` or `"a/x" b/x`.
    let Some(end) = closing_quote(rest) else {
        return (None, None);
    };
    let old = unquote(&rest[..=end]);
    let new = unquote(rest[end + 1..].trim_start());
    (Some(strip_side(&old, "a/")), Some(strip_side(&new, "b/")))
}

fn closing_quote(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Undoes git's C-style quoting of unusual path names (`"tab\there"`, octal UTF-8 bytes).
pub fn unquote(s: &str) -> String {
    let s = s.trim_end_matches('\t');
    if !(s.len() >= 2 && s.starts_with('"') && s.ends_with('"')) {
        return s.to_string();
    }
    let inner = &s.as_bytes()[1..s.len() - 1];
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        if inner[i] != b'\\' || i + 1 >= inner.len() {
            out.push(inner[i]);
            i += 1;
            continue;
        }
        let c = inner[i + 1];
        i += 2;
        match c {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v: u32 = (c - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < inner.len() && (b'0'..=b'7').contains(&inner[i]) {
                    v = v * 8 + (inner[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push((v & 0xff) as u8);
            }
            other => out.push(other),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "diff --git a/app.py b/app.py
index 1111111..2222222 100644
--- a/app.py
+++ b/app.py
@@ -3,0 +4,2 @@ def f():
+    x = 1
+    y = 2
@@ -10 +12 @@ def g():
-    old
+    new
diff --git a/old name.py b/new name.py
similarity index 90%
rename from old name.py
rename to new name.py
index 3333333..4444444 100644
--- a/old name.py
+++ b/new name.py
@@ -1 +1 @@
-a
+b
diff --git a/gone.py b/gone.py
deleted file mode 100644
index 5555555..0000000
--- a/gone.py
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git a/fresh.py b/fresh.py
new file mode 100644
index 0000000..6666666
--- /dev/null
+++ b/fresh.py
@@ -0,0 +1,3 @@
+a
+b
+c
diff --git a/pure.py b/moved/pure.py
similarity index 100%
rename from pure.py
rename to moved/pure.py
diff --git \"a/t\\303\\251st.py\" \"b/t\\303\\251st.py\"
index 7777777..8888888 100644
--- \"a/t\\303\\251st.py\"
+++ \"b/t\\303\\251st.py\"
@@ -0,0 +1 @@
+z
diff --git a/logo.png b/logo.png
index 9999999..aaaaaaa 100644
Binary files a/logo.png and b/logo.png differ
";

    #[test]
    fn parses_statuses_and_lines() {
        let c = ChangeSet::parse_git_diff(DIFF).unwrap();
        let FileChange::Modified { lines } = c.get("app.py").unwrap() else {
            panic!("{c:?}")
        };
        assert_eq!(lines.ranges(), &[(4, 5), (12, 12)]);
        assert!(!lines.contains(6) && lines.contains(12));
        assert!(matches!(
            c.get("new name.py"),
            Some(FileChange::Renamed { from, lines }) if from == "old name.py" && lines.contains(1)
        ));
        assert!(matches!(
            c.get("moved/pure.py"),
            Some(FileChange::Renamed { from, lines }) if from == "pure.py" && lines.is_empty()
        ));
        assert_eq!(c.get("fresh.py"), Some(&FileChange::Added));
        assert_eq!(c.deleted, ["gone.py"]);
        assert!(c.get("tést.py").unwrap().touches(1, 1));
        assert!(c.get("logo.png").unwrap().touches(7, 7));
    }

    #[test]
    fn line_sets_merge() {
        let mut s = LineSet::default();
        s.add(5, 6);
        s.add(1, 2);
        s.add(3, 3);
        s.add(9, 8);
        assert_eq!(s.ranges(), &[(1, 3), (5, 6)]);
        assert!(!s.contains(4));
        s.add(4, 4);
        assert_eq!(s.ranges(), &[(1, 6)]);
        assert!(s.intersects(6, 10) && !s.intersects(7, 10));
    }
}
