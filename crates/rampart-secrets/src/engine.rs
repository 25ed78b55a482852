//! The matching engine: one Aho-Corasick automaton over every rule's keywords decides which rules
//! run and where; each selected rule's regex then runs on byte windows around its keyword hits.
//! Candidates go through the rule's allowlist, the shared placeholder and context filters, the
//! entropy floor and the rule's validator.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rampart_core::Confidence;

use crate::filter;
use crate::rules::CompiledRule;

/// Bytes before a keyword hit that a match may start at (then stretched to the line start).
const WINDOW_BACK: usize = 256;
/// Bytes after a keyword hit that a single-line match may end at (then stretched to the line end).
const WINDOW_FWD: usize = 512;
/// Bytes after a keyword hit for rules whose matches span lines (PEM/PGP key blocks are long).
const WINDOW_FWD_MULTILINE: usize = 16 * 1024;
/// How far a window is stretched back to reach a line start.
const SNAP: usize = 1024;
/// How far a window is stretched forward to reach a line end (long tokens such as JWTs must not be
/// cut by a window edge, where `$` and `\b` would match).
const SNAP_FWD: usize = 8192;

/// A candidate secret that passed every filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMatch {
    /// Index into [`Engine::rules`].
    pub rule: usize,
    /// The secret's bytes in the scanned buffer.
    pub secret: Range<usize>,
    /// The whole regex match.
    pub whole: Range<usize>,
}

/// What the engine knows about the buffer being scanned.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanHints<'a> {
    pub path: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("cannot build keyword automaton: {0}")]
    Automaton(String),
}

pub struct Engine {
    rules: Vec<CompiledRule>,
    automaton: AhoCorasick,
    /// Keyword pattern id → rules that list it.
    keyword_rules: Vec<Vec<usize>>,
    /// Per rule: whether its matches may span lines (and so need a wide window).
    multiline: Vec<bool>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("rules", &self.rules.len())
            .finish()
    }
}

impl Engine {
    pub fn new(rules: Vec<CompiledRule>) -> Result<Self, EngineError> {
        let mut keywords: Vec<Vec<u8>> = Vec::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for k in &r.spec.keywords {
                let k = k.to_ascii_lowercase().into_bytes();
                match keywords.iter().position(|x| *x == k) {
                    Some(p) => {
                        if !keyword_rules[p].contains(&i) {
                            keyword_rules[p].push(i);
                        }
                    }
                    None => {
                        keywords.push(k);
                        keyword_rules.push(vec![i]);
                    }
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keywords)
            .map_err(|e| EngineError::Automaton(e.to_string()))?;
        let multiline = rules.iter().map(spans_lines).collect();
        Ok(Engine {
            rules,
            automaton,
            keyword_rules,
            multiline,
        })
    }

    pub fn rules(&self) -> &[CompiledRule] {
        &self.rules
    }

    /// Whether any keyword occurs in `data` (cheap; decides whether a decoded blob is worth a scan).
    pub fn any_keyword(&self, data: &[u8]) -> bool {
        self.automaton.is_match(data)
    }

    /// Number of keyword occurrences in `data` (benchmarks: the cost of the prefilter alone).
    pub fn keyword_hits(&self, data: &[u8]) -> usize {
        self.automaton.find_overlapping_iter(data).count()
    }

    /// Every secret in `data`.
    pub fn scan(&self, data: &[u8], hints: ScanHints<'_>) -> Vec<RawMatch> {
        let windows = self.windows(data);
        let mut out = Vec::new();
        for (rule_idx, wins) in windows.into_iter().enumerate() {
            if wins.is_empty() {
                continue;
            }
            let Some(rule) = self.rules.get(rule_idx) else {
                continue;
            };
            let Some((regex, group)) = rule.regex() else {
                continue;
            };
            for w in wins {
                let hay = &data[w.clone()];
                for caps in regex.captures_iter(hay) {
                    let Some(whole) = caps.get(0) else { continue };
                    let secret = caps.get(group).unwrap_or(whole);
                    let secret = (w.start + secret.start())..(w.start + secret.end());
                    let whole = (w.start + whole.start())..(w.start + whole.end());
                    if self.accept(rule, data, &secret, hints) {
                        out.push(RawMatch {
                            rule: rule_idx,
                            secret,
                            whole,
                        });
                    }
                }
            }
        }
        out.sort_by(|a, b| {
            a.secret
                .start
                .cmp(&b.secret.start)
                .then(a.rule.cmp(&b.rule))
        });
        out.dedup();
        self.drop_generic_overlaps(&mut out);
        out
    }

    /// A secret that a provider rule recognised is not reported again by a `generic` rule (a
    /// `COHERE_API_KEY = "…"` line is a Cohere key, not also "a secret assignment"): one secret,
    /// one finding, with the most specific rule and its provider-specific remediation.
    fn drop_generic_overlaps(&self, matches: &mut Vec<RawMatch>) {
        let is_generic = |m: &RawMatch| {
            self.rules
                .get(m.rule)
                .is_some_and(|r| r.rule.tags.iter().any(|t| t == "generic"))
        };
        let specific: Vec<Range<usize>> = matches
            .iter()
            .filter(|m| !is_generic(m))
            .map(|m| m.secret.clone())
            .collect();
        if specific.is_empty() {
            return;
        }
        matches.retain(|m| {
            !is_generic(m)
                || !specific
                    .iter()
                    .any(|s| s.start < m.secret.end && m.secret.start < s.end)
        });
    }

    /// Per rule, the merged byte windows around its keyword hits.
    ///
    /// A rule whose matches stay on one line only needs the line of each hit: in dense code the
    /// common keywords (`token`, `secret`) hit every few lines, and wide windows would make the
    /// generic rules' regexes run over nearly every byte. Rules whose matches span lines (key
    /// blocks) get a wide window instead.
    fn windows(&self, data: &[u8]) -> Vec<Vec<Range<usize>>> {
        let mut per_rule: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.rules.len()];
        for m in self.automaton.find_overlapping_iter(data) {
            let Some(rules) = self.keyword_rules.get(m.pattern().as_usize()) else {
                continue;
            };
            // The hit's line, found lazily: most hits only feed single-line rules.
            let mut line: Option<Range<usize>> = None;
            for &r in rules {
                let multiline = self.multiline.get(r).copied().unwrap_or(true);
                let w = if multiline {
                    let lo = m.start().saturating_sub(WINDOW_BACK);
                    let hi = m.end().saturating_add(WINDOW_FWD_MULTILINE).min(data.len());
                    snap_to_lines(data, lo..hi)
                } else {
                    line.get_or_insert_with(|| hit_line(data, m.start()..m.end()))
                        .clone()
                };
                let wins = &mut per_rule[r];
                // Touching windows (consecutive lines) are joined: one regex call instead of two.
                match wins.last_mut() {
                    Some(last) if w.start <= last.end + 1 && w.end + 1 >= last.start => {
                        last.start = last.start.min(w.start);
                        last.end = last.end.max(w.end);
                    }
                    _ => wins.push(w),
                }
            }
        }
        for wins in &mut per_rule {
            // Overlapping keyword hits arrive ordered by end, not start; merge once more after a
            // sort so no byte is scanned, and no match reported, twice.
            if wins.windows(2).any(|p| p[1].start < p[0].end) {
                wins.sort_by_key(|w| w.start);
                let mut merged: Vec<Range<usize>> = Vec::with_capacity(wins.len());
                for w in wins.drain(..) {
                    match merged.last_mut() {
                        Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                        _ => merged.push(w),
                    }
                }
                *wins = merged;
            }
        }
        per_rule
    }

    fn accept(
        &self,
        rule: &CompiledRule,
        data: &[u8],
        secret: &Range<usize>,
        hints: ScanHints<'_>,
    ) -> bool {
        let s = &data[secret.clone()];
        if s.is_empty() {
            return false;
        }
        let lower = s.to_ascii_lowercase();
        if rule
            .allow
            .iter()
            .any(|a| !a.is_empty() && memchr::memmem::find(&lower, a).is_some())
        {
            return false;
        }
        if filter::is_placeholder(s) || templated(data, secret) {
            return false;
        }
        if let Some(min) = rule.spec.min_entropy
            && filter::shannon_entropy(s) < min
        {
            return false;
        }
        if let Some(v) = rule.validator
            && !v.check(s)
        {
            return false;
        }
        let line = line_of(data, secret.clone());
        let before = &data[line.start..secret.start];
        if filter::is_uuid(s) && !filter::has_secret_context(&data[line.clone()]) {
            return false;
        }
        if rule.rule.confidence != Confidence::High {
            if filter::in_hash_context(before, s) {
                return false;
            }
            if filter::is_lockfile(hints.path) {
                return false;
            }
            // Only context-named rules see `password = self.pw`; provider formats such as
            // Vault's `s.<24>` are dotted by design.
            if rule.rule.id.starts_with("secrets/generic-") && filter::is_code_reference(s) {
                return false;
            }
            // In documentation a context-only match needs a value that looks generated: typed
            // examples (`P@ssw0rd`, `mypassword1`) are what docs are full of.
            if filter::is_docs_path(hints.path) && !filter::looks_generated(s) {
                return false;
            }
        }
        let from = secret.start.saturating_sub(WINDOW_FWD_MULTILINE);
        if filter::in_public_key(&data[from..secret.start], &data[line]) {
            return false;
        }
        true
    }
}

/// Whether a rule's matches can span lines: its examples do, or its pattern names newlines.
fn spans_lines(r: &CompiledRule) -> bool {
    r.spec.positive.iter().any(|p| p.contains('\n'))
        || r.spec.regex.contains("\\n")
        || r.spec.regex.contains("(?s")
        || r.spec.regex.contains("[\\s\\S]")
}

/// `${VAR}`, `{{ VAR }}`, `<VAR>`, `%(VAR)s`: the captured value is a template variable name.
fn templated(data: &[u8], secret: &Range<usize>) -> bool {
    let before = &data[secret.start.saturating_sub(3)..secret.start];
    let after = &data[secret.end..(secret.end + 3).min(data.len())];
    let trimmed_before: Vec<u8> = before.iter().copied().filter(|b| *b != b' ').collect();
    let opens = trimmed_before.ends_with(b"${")
        || trimmed_before.ends_with(b"{{")
        || trimmed_before.ends_with(b"%(")
        || trimmed_before.ends_with(b"$(")
        || trimmed_before.ends_with(b"<");
    let closes = after
        .iter()
        .find(|b| **b != b' ')
        .is_some_and(|b| matches!(b, b'}' | b')' | b'>'));
    opens && closes
}

/// The line holding `range.start` (bounded to 4 KiB either side).
pub fn line_of(data: &[u8], range: Range<usize>) -> Range<usize> {
    let lo = range.start.saturating_sub(4096);
    let start = memchr::memrchr(b'\n', &data[lo..range.start]).map_or(lo, |p| lo + p + 1);
    let hi = (range.end + 4096).min(data.len());
    let end = memchr::memchr(b'\n', &data[range.end.min(hi)..hi]).map_or(hi, |p| range.end + p);
    start..end
}

/// The line (or lines) holding a keyword hit, bounded like [`snap_to_lines`] so one huge minified
/// line does not become one huge window per hit.
///
/// The line after it is included: formatters wrap long assignments (`const apiKey =` then the
/// quoted value on the next line), and the rules' `\s` between name and value spans that break.
fn hit_line(data: &[u8], hit: Range<usize>) -> Range<usize> {
    let lo = hit.start.saturating_sub(WINDOW_BACK + SNAP);
    let start = memchr::memrchr(b'\n', &data[lo..hit.start]).map_or(lo, |p| lo + p + 1);
    let hi = (hit.end + WINDOW_FWD + SNAP_FWD).min(data.len());
    let end = match memchr::memchr(b'\n', &data[hit.end..hi]) {
        Some(p) => {
            let next = hit.end + p + 1;
            memchr::memchr(b'\n', &data[next.min(hi)..hi]).map_or(hi, |q| next + q)
        }
        None => hi,
    };
    start..end
}

fn snap_to_lines(data: &[u8], w: Range<usize>) -> Range<usize> {
    let lo = w.start.saturating_sub(SNAP);
    let start = if w.start == 0 {
        0
    } else {
        memchr::memrchr(b'\n', &data[lo..w.start]).map_or(lo, |p| lo + p + 1)
    };
    let hi = (w.end + SNAP_FWD).min(data.len());
    let end = memchr::memchr(b'\n', &data[w.end..hi]).map_or(hi, |p| w.end + p);
    start..end
}
