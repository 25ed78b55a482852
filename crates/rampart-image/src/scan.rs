//! Scanning an image: layers streamed in parallel, each file offered to the scanners the way
//! the directory walk offers it (`rampart_core::walk::wanting` / `scan_with`), then every
//! finding attributed to the layer and instruction that added its file.
//!
//! Two kinds of scanners: those that look at **every layer** (secrets: a key deleted by a later
//! layer is still in the image) get each file as it streams by; those that look at the **final
//! view** (packages, models) must only see files a container would see, which is known once
//! every layer was read. Their files are kept in memory (within `Limits::pending_budget`) until
//! then; past the budget the few remaining ones are read again from their layer.
//!
//! Files over the in-memory limit are copied one at a time to a private temporary file
//! ([`crate::spill`]) and handed to the scanners by path, the way the directory walk hands over
//! large files: secrets stream them, the model scanner seeks a zip's central directory, SCA
//! reads ELF build info. Final-view scanners get theirs in the second pass over the layer.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rampart_core::scanner::{Diagnostic, DiagnosticLevel, FileInfo};
use rampart_core::walk::{HEAD_LEN, scan_with, wanting};
use rampart_core::{Finding, Location, ScanContext, ScanOutput, Scanner};

use crate::layer::{self, Compression, IndexEntry, Totals};
use crate::source::Image;
use crate::spill::{SpillDir, SpillError};
use crate::tar::Header;
use crate::view::{Removal, View};
use crate::{ImageError, Limits};

const SCANNER: &str = "image";

/// What to run over an image.
pub struct ScanPlan<'a> {
    /// Its root should be an empty directory: scanners resolve references between files against
    /// it, and image files are never on disk.
    pub ctx: &'a ScanContext,
    pub every_layer: &'a [Box<dyn Scanner>],
    pub final_view: &'a [Box<dyn Scanner>],
    pub limits: &'a Limits,
    /// Layers decompressed at once (0 = one per core).
    pub threads: usize,
}

/// Size and origin of one layer, for the report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LayerSummary {
    pub index: usize,
    pub digest: String,
    pub instruction: Option<String>,
    pub compression: String,
    pub compressed_bytes: u64,
    pub uncompressed_bytes: u64,
    pub files: u64,
}

/// The result of [`scan_image`].
#[derive(Debug, Default)]
pub struct ImageScan {
    /// Findings already attributed to layers, diagnostics of every layer.
    pub output: ScanOutput,
    pub layers: Vec<LayerSummary>,
    pub view: View,
    pub files_scanned: u64,
    pub bytes_scanned: u64,
    pub files_skipped: u64,
}

/// What one file produced before the final view was known.
struct Tagged {
    layer: usize,
    path: String,
    out: ScanOutput,
}

struct Pending {
    layer: usize,
    path: String,
    size: u64,
    content: Vec<u8>,
}

#[derive(Default)]
struct Shared {
    tagged: Vec<Tagged>,
    pending: Vec<Pending>,
    overflow: HashMap<usize, HashSet<String>>,
    diagnostics: Vec<Diagnostic>,
}

/// Reads every layer of `image` and runs `plan`'s scanners over its files.
pub fn scan_image(image: &Image, plan: &ScanPlan<'_>) -> Result<ImageScan, ImageError> {
    let n = image.layers.len();
    let instructions = image.config.layer_instructions(n);
    let threads = match plan.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        t => t,
    }
    .min(n.max(1));
    // Largest layers first, so a big layer does not start last and run alone.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(image.layers[i].size));
    let next = AtomicUsize::new(0);
    let totals = Totals::default();
    let pending_bytes = AtomicU64::new(0);
    let files_scanned = AtomicU64::new(0);
    let bytes_scanned = AtomicU64::new(0);
    let files_skipped = AtomicU64::new(0);
    let shared = Mutex::new(Shared::default());
    let indexes: Mutex<Vec<Option<layer::LayerIndex>>> = Mutex::new((0..n).map(|_| None).collect());
    let failure: Mutex<Option<ImageError>> = Mutex::new(None);
    let fake_root = plan.ctx.root.clone();
    let spill = SpillDir::default();

    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(k) else { break };
                    if failure.lock().map(|f| f.is_some()).unwrap_or(true) {
                        break;
                    }
                    let layer_ref = &image.layers[i];
                    let mut visit = |h: &Header, r: &mut dyn Read| -> std::io::Result<()> {
                        let mut head = vec![0u8; HEAD_LEN.min(h.size as usize)];
                        r.read_exact(&mut head)?;
                        let abs = fake_root.join(&h.path);
                        let info = FileInfo::from_head(&abs, &h.path, h.size, &head);
                        let every = wanting(plan.ctx, plan.every_layer, &info);
                        let fin = wanting(plan.ctx, plan.final_view, &info);
                        if every.is_empty() && fin.is_empty() {
                            files_skipped.fetch_add(1, Ordering::Relaxed);
                            return Ok(());
                        }
                        if h.size > plan.limits.max_in_memory {
                            // Final-view scanners get it in the second pass, once the view
                            // says a container still sees it.
                            if !fin.is_empty() {
                                lock(&shared)
                                    .overflow
                                    .entry(i)
                                    .or_default()
                                    .insert(h.path.clone());
                            }
                            if every.is_empty() {
                                return Ok(());
                            }
                            let (out, scanned) = scan_large(plan, &spill, &every, h, &head, r)?;
                            if scanned {
                                files_scanned.fetch_add(1, Ordering::Relaxed);
                                bytes_scanned.fetch_add(h.size, Ordering::Relaxed);
                            } else {
                                files_skipped.fetch_add(1, Ordering::Relaxed);
                            }
                            if !out.findings.is_empty() || !out.diagnostics.is_empty() {
                                lock(&shared).tagged.push(Tagged {
                                    layer: i,
                                    path: h.path.clone(),
                                    out,
                                });
                            }
                            return Ok(());
                        }
                        let mut content = head.clone();
                        content.reserve_exact((h.size as usize).saturating_sub(head.len()));
                        r.read_to_end(&mut content)?;
                        files_scanned.fetch_add(1, Ordering::Relaxed);
                        bytes_scanned.fetch_add(h.size, Ordering::Relaxed);
                        let info =
                            FileInfo::from_head(&abs, &h.path, h.size, &content[..head.len()]);
                        if !every.is_empty() {
                            let mut out = ScanOutput::default();
                            scan_with(plan.ctx, &every, info, Some(&content), &mut out);
                            if !out.findings.is_empty() || !out.diagnostics.is_empty() {
                                lock(&shared).tagged.push(Tagged {
                                    layer: i,
                                    path: h.path.clone(),
                                    out,
                                });
                            }
                        }
                        if !fin.is_empty() {
                            let used = pending_bytes.fetch_add(h.size, Ordering::Relaxed) + h.size;
                            let mut sh = lock(&shared);
                            if used <= plan.limits.pending_budget {
                                sh.pending.push(Pending {
                                    layer: i,
                                    path: h.path.clone(),
                                    size: h.size,
                                    content,
                                });
                            } else {
                                pending_bytes.fetch_sub(h.size, Ordering::Relaxed);
                                sh.overflow.entry(i).or_default().insert(h.path.clone());
                            }
                        }
                        Ok(())
                    };
                    let result = image.open_layer(layer_ref).and_then(|blob| {
                        layer::walk_layer(
                            blob,
                            layer_ref.verify.as_deref(),
                            plan.limits,
                            &totals,
                            &mut visit,
                        )
                        .map_err(|source| ImageError::Layer {
                            digest: layer_ref.digest.clone(),
                            source,
                        })
                    });
                    match result {
                        Ok(idx) => {
                            if let Ok(mut v) = indexes.lock() {
                                v[i] = Some(idx);
                            }
                        }
                        Err(e) => {
                            if let Ok(mut f) = failure.lock() {
                                f.get_or_insert(e);
                            }
                            break;
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    let indexes: Vec<layer::LayerIndex> = indexes
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let view = View::merge(indexes.iter().map(|l| l.entries.as_slice()));
    let layers: Vec<LayerSummary> = indexes
        .iter()
        .enumerate()
        .map(|(i, idx)| LayerSummary {
            index: i,
            digest: image.layers[i].digest.clone(),
            instruction: instructions[i].clone(),
            compression: idx
                .compression
                .unwrap_or(Compression::None)
                .name()
                .to_string(),
            compressed_bytes: idx.compressed_bytes,
            uncompressed_bytes: idx.uncompressed_bytes,
            files: idx
                .entries
                .iter()
                .filter(|e| matches!(e.change, layer::Change::Add { .. }))
                .count() as u64,
        })
        .collect();
    let mut shared = shared.into_inner().unwrap_or_else(|p| p.into_inner());
    let attr = Attribution {
        image,
        view: &view,
        layers: &layers,
    };
    let mut output = ScanOutput::default();
    output.diagnostics.append(&mut shared.diagnostics);
    for t in shared.tagged.drain(..) {
        attr.absorb(t.layer, &t.path, t.out, &mut output);
    }
    // Final-view scanners: files kept in memory, then the overflow read again.
    for p in shared.pending.drain(..) {
        if view.final_layer(&p.path) != Some(p.layer) {
            continue;
        }
        let out = scan_final(plan, &p.path, p.size, &p.content);
        attr.absorb(p.layer, &p.path, out, &mut output);
    }
    for (layer_index, paths) in &shared.overflow {
        let keep: HashSet<&String> = paths
            .iter()
            .filter(|p| view.final_layer(p) == Some(*layer_index))
            .collect();
        if keep.is_empty() {
            continue;
        }
        let layer_ref = &image.layers[*layer_index];
        let mut found: Vec<(String, ScanOutput)> = Vec::new();
        let mut second_scanned = (0u64, 0u64, 0u64);
        let mut visit = |h: &Header, r: &mut dyn Read| -> std::io::Result<()> {
            if !keep.contains(&h.path) {
                return Ok(());
            }
            if h.size <= plan.limits.max_in_memory {
                let content = layer::read_bounded(r, h.size, plan.limits.max_in_memory)?;
                found.push((h.path.clone(), scan_final(plan, &h.path, h.size, &content)));
                return Ok(());
            }
            let mut head = vec![0u8; HEAD_LEN.min(h.size as usize)];
            r.read_exact(&mut head)?;
            let abs = plan.ctx.root.join(&h.path);
            let info = FileInfo::from_head(&abs, &h.path, h.size, &head);
            let fin = wanting(plan.ctx, plan.final_view, &info);
            let (out, scanned) = scan_large(plan, &spill, &fin, h, &head, r)?;
            if scanned {
                second_scanned.0 += 1;
                second_scanned.1 += h.size;
            } else {
                second_scanned.2 += 1;
            }
            found.push((h.path.clone(), out));
            Ok(())
        };
        let totals = Totals::default();
        image.open_layer(layer_ref).and_then(|blob| {
            layer::walk_layer(
                blob,
                layer_ref.verify.as_deref(),
                plan.limits,
                &totals,
                &mut visit,
            )
            .map_err(|source| ImageError::Layer {
                digest: layer_ref.digest.clone(),
                source,
            })
        })?;
        files_scanned.fetch_add(second_scanned.0, Ordering::Relaxed);
        bytes_scanned.fetch_add(second_scanned.1, Ordering::Relaxed);
        files_skipped.fetch_add(second_scanned.2, Ordering::Relaxed);
        for (path, out) in found {
            attr.absorb(*layer_index, &path, out, &mut output);
        }
    }
    // Whole-tree work of every scanner; its findings name final-view paths.
    let mut finished = ScanOutput::default();
    for s in plan.final_view.iter().chain(plan.every_layer) {
        s.finish(plan.ctx, &mut finished);
    }
    for f in finished.findings {
        let path = f.primary_location().path().unwrap_or_default();
        let base = path.split('!').next().unwrap_or(path).to_string();
        match view.final_layer(&base) {
            Some(l) => {
                let mut o = ScanOutput::default();
                o.push(f);
                attr.absorb(l, &base, o, &mut output);
            }
            None => output.push(attr.image_wide(f)),
        }
    }
    output.diagnostics.extend(finished.diagnostics);
    Ok(ImageScan {
        output,
        layers,
        view,
        files_scanned: files_scanned.into_inner(),
        bytes_scanned: bytes_scanned.into_inner(),
        files_skipped: files_skipped.into_inner(),
    })
}

fn scan_final(plan: &ScanPlan<'_>, path: &str, size: u64, content: &[u8]) -> ScanOutput {
    let abs: PathBuf = plan.ctx.root.join(path);
    let head = &content[..content.len().min(HEAD_LEN)];
    let info = FileInfo::from_head(&abs, path, size, head);
    let fin = wanting(plan.ctx, plan.final_view, &info);
    let mut out = ScanOutput::default();
    scan_with(plan.ctx, &fin, info, Some(content), &mut out);
    out
}

/// A file over the in-memory limit, copied to a temporary file and handed to `wanting` by path
/// (`content: None`), as the directory walk hands over files too large to read: each scanner
/// then streams or seeks it in bounded memory. Otherwise a warning says why it was not
/// scanned. The flag says whether it was; `Err` only when the layer itself cannot be read.
fn scan_large(
    plan: &ScanPlan<'_>,
    spill: &SpillDir,
    wanting: &[&dyn Scanner],
    h: &Header,
    head: &[u8],
    r: &mut dyn Read,
) -> std::io::Result<(ScanOutput, bool)> {
    let mut out = ScanOutput::default();
    let not_scanned = |why: String| Diagnostic {
        level: DiagnosticLevel::Warning,
        scanner: SCANNER.into(),
        path: Some(h.path.clone()),
        line: None,
        message: format!("not scanned: {why}"),
    };
    if wanting.is_empty() {
        return Ok((out, false));
    }
    if h.size > plan.limits.max_spill {
        out.diagnostic(not_scanned(format!(
            "{} bytes is over the {}-byte limit for image files copied to a temporary file to be scanned",
            h.size, plan.limits.max_spill
        )));
        return Ok((out, false));
    }
    let copied = match spill.copy(head, r, h.size) {
        Ok(c) => c,
        Err(SpillError::Read(e)) => return Err(e),
        Err(SpillError::Write(e)) => {
            out.diagnostic(not_scanned(format!(
                "{} bytes is over the {}-byte in-memory limit and copying it to a temporary file failed: {e}",
                h.size, plan.limits.max_in_memory
            )));
            return Ok((out, false));
        }
    };
    let info = FileInfo::from_head(copied.path(), &h.path, h.size, head);
    scan_with(plan.ctx, wanting, info, None, &mut out);
    Ok((out, true))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Turns a scanner's file locations into image locations with the layer's facts.
pub struct Attribution<'a> {
    pub image: &'a Image,
    pub view: &'a View,
    pub layers: &'a [LayerSummary],
}

impl Attribution<'_> {
    fn absorb(&self, layer: usize, path: &str, out: ScanOutput, into: &mut ScanOutput) {
        let removal = if self.view.final_layer(path) == Some(layer) {
            None
        } else {
            self.view.removed.get(&(layer, path.to_string())).copied()
        };
        for f in out.findings {
            into.push(self.finding(f, layer, removal));
        }
        let digest = &self.layers[layer].digest;
        for mut d in out.diagnostics {
            d.message = format!("layer {layer} ({}): {}", short(digest), d.message);
            into.diagnostic(d);
        }
    }

    fn finding(&self, mut f: Finding, layer: usize, removal: Option<Removal>) -> Finding {
        let summary = &self.layers[layer];
        let mut extra = Vec::new();
        f.locations = std::mem::take(&mut f.locations)
            .into_iter()
            .map(|loc| {
                if let Location::Package { manifest, line, .. } = &loc {
                    extra.push(Location::Image {
                        image: self.image.name.clone(),
                        layer: Some(summary.digest.clone()),
                        path: manifest.clone(),
                        line: *line,
                    });
                }
                loc.in_image(&self.image.name, Some(&summary.digest))
            })
            .collect();
        for e in extra {
            if !f.locations.contains(&e) {
                f.locations.push(e);
            }
        }
        f = f
            .with_property("image", self.image.name.clone())
            .with_property("image_digest", self.image.digest.clone())
            .with_property("layer_digest", summary.digest.clone())
            .with_property("layer_index", layer as u64);
        if let Some(instr) = &summary.instruction {
            f = f.with_property("layer_instruction", instr.clone());
        }
        if let Some(r) = removal {
            let by = &self.layers[r.by_layer()];
            let (status, verb) = match r {
                Removal::Deleted { .. } => ("deleted", "deleted"),
                Removal::Replaced { .. } => ("replaced", "replaced"),
            };
            f.message = format!(
                "{} (still in the image in layer {layer} ({}) though {verb} in layer {} ({}))",
                f.message,
                short(&summary.digest),
                r.by_layer(),
                short(&by.digest)
            );
            f = f
                .with_property("image_file_status", status)
                .with_property("removed_in_layer", by.digest.clone());
        }
        f
    }

    /// A finding about the image as a whole (config, summary), not a layer's file.
    pub fn image_wide(&self, mut f: Finding) -> Finding {
        f.locations = std::mem::take(&mut f.locations)
            .into_iter()
            .map(|l| l.in_image(&self.image.name, None))
            .collect();
        f.with_property("image", self.image.name.clone())
            .with_property("image_digest", self.image.digest.clone())
    }
}

fn short(d: &str) -> &str {
    let d = d.strip_prefix("sha256:").unwrap_or(d);
    &d[..d.len().min(12)]
}

/// Index entries of a layer, for callers that only need paths (tests, fuzzing).
pub fn index_paths(entries: &[IndexEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.path.as_str()).collect()
}

/// An empty directory to serve as the scan root of an image (see [`ScanPlan::ctx`]), removed
/// when dropped.
#[derive(Debug)]
pub struct EmptyRoot(PathBuf);

impl EmptyRoot {
    pub fn new() -> std::io::Result<EmptyRoot> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("rampart-image-root-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&dir)?;
        Ok(EmptyRoot(dir))
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for EmptyRoot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.0);
    }
}
