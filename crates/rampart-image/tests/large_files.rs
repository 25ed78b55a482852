//! Files over the in-memory limit inside layers: copied to a private temporary file and handed
//! to the scanners by path (`content: None`), every-layer scanners for every layer's copy,
//! final-view scanners only for files a container still sees; files over the copy limit are
//! reported as not scanned with the reason; no temporary file is left behind. The limits are
//! lowered (1 MiB in memory, 4 MiB copied) so the test image stays small.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use rampart_core::scanner::{DiagnosticLevel, FileInfo};
use rampart_core::{FileTarget, Rule, ScanContext, ScanOutput, Scanner};
use rampart_image::{Limits, Platform, PullOptions, ScanPlan};
use sha2::{Digest, Sha256};

const MIB: usize = 1024 * 1024;

/// One ustar member (paths here are short).
fn member(tar: &mut Vec<u8>, path: &str, data: &[u8]) {
    let mut h = [0u8; 512];
    h[..path.len()].copy_from_slice(path.as_bytes());
    h[100..108].copy_from_slice(b"0000644\0");
    h[108..116].copy_from_slice(b"0000000\0");
    h[116..124].copy_from_slice(b"0000000\0");
    h[124..136].copy_from_slice(format!("{:011o}\0", data.len()).as_bytes());
    h[136..148].copy_from_slice(b"14543226400\0");
    h[148..156].copy_from_slice(b"        ");
    h[156] = b'0';
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    tar.extend_from_slice(&h);
    tar.extend_from_slice(data);
    tar.resize(tar.len().div_ceil(512) * 512, 0);
}

fn text(size: usize, seed: u8) -> Vec<u8> {
    let line = format!("line of file {seed} with some words in it\n");
    line.as_bytes().iter().copied().cycle().take(size).collect()
}

fn sha(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn blob(dir: &Path, data: &[u8]) -> (String, usize) {
    let digest = sha(data);
    std::fs::write(dir.join("blobs/sha256").join(&digest), data).unwrap();
    (format!("sha256:{digest}"), data.len())
}

/// An OCI layout of gzip layers made of `(path, bytes)` members.
fn layout(dir: &Path, layers: &[Vec<(&str, Vec<u8>)>]) {
    std::fs::create_dir_all(dir.join("blobs/sha256")).unwrap();
    let mut descs = Vec::new();
    let mut diff_ids = Vec::new();
    for members in layers {
        let mut tar = Vec::new();
        for (p, d) in members {
            member(&mut tar, p, d);
        }
        tar.extend_from_slice(&[0u8; 1024]);
        diff_ids.push(format!("sha256:{}", sha(&tar)));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&tar).unwrap();
        let (digest, size) = blob(dir, &gz.finish().unwrap());
        descs.push(serde_json::json!({
            "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
            "digest": digest, "size": size}));
    }
    let config = serde_json::json!({"architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": diff_ids}});
    let (cd, cs) = blob(dir, config.to_string().as_bytes());
    let manifest = serde_json::json!({"schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cd, "size": cs},
        "layers": descs});
    let (md, ms) = blob(dir, manifest.to_string().as_bytes());
    let index = serde_json::json!({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": md, "size": ms,
        "annotations": {"org.opencontainers.image.ref.name": "t"}}]});
    std::fs::write(dir.join("index.json"), index.to_string()).unwrap();
    std::fs::write(dir.join("oci-layout"), r#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
}

/// What a scanner was handed: path, size, whether the bytes came in memory, and the hash of
/// the bytes it could read (from memory or from the path).
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    rel: String,
    size: u64,
    by_path: bool,
    sha: String,
}

struct Recorder {
    name: &'static str,
    seen: Mutex<Vec<Seen>>,
}

impl Recorder {
    fn new(name: &'static str) -> Self {
        Recorder {
            name,
            seen: Mutex::new(Vec::new()),
        }
    }
}

impl Scanner for Recorder {
    fn name(&self) -> &'static str {
        self.name
    }
    fn rules(&self) -> Vec<Rule> {
        Vec::new()
    }
    fn wants(&self, file: &FileInfo<'_>, _ctx: &ScanContext) -> bool {
        file.rel_path.starts_with("data/")
    }
    fn scan_file(&self, _ctx: &ScanContext, file: &FileTarget<'_>, _out: &mut ScanOutput) {
        let (by_path, bytes) = match file.content {
            Some(c) => (false, c.to_vec()),
            None => (true, std::fs::read(file.info.path).unwrap()),
        };
        assert!(!file.info.path.starts_with(file.info.rel_path));
        self.seen.lock().unwrap().push(Seen {
            rel: file.info.rel_path.to_string(),
            size: file.info.size,
            by_path,
            sha: sha(&bytes),
        });
    }
}

/// Scanners are handed as `Box<dyn Scanner>`; this one forwards to a recorder the test keeps.
struct Shared(std::sync::Arc<Recorder>);

impl Scanner for Shared {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn rules(&self) -> Vec<Rule> {
        Vec::new()
    }
    fn wants(&self, file: &FileInfo<'_>, ctx: &ScanContext) -> bool {
        self.0.wants(file, ctx)
    }
    fn scan_file(&self, ctx: &ScanContext, file: &FileTarget<'_>, out: &mut ScanOutput) {
        self.0.scan_file(ctx, file, out)
    }
}

fn spill_dirs() -> Vec<String> {
    let prefix = format!("rampart-image-large-{}-", std::process::id());
    std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect()
}

#[test]
fn large_files_are_scanned_by_path_and_over_the_copy_limit_reported() {
    let dir = tempfile::tempdir().unwrap();
    let kept = text(3 * MIB + 17, 1);
    let deleted = text(2 * MIB + 5, 2);
    let huge = text(5 * MIB, 3);
    let small = text(1000, 4);
    layout(
        dir.path(),
        &[
            vec![
                ("data/kept.txt", kept.clone()),
                ("data/deleted.txt", deleted.clone()),
                ("data/small.txt", small.clone()),
            ],
            vec![
                ("data/.wh.deleted.txt", Vec::new()),
                ("data/huge.txt", huge.clone()),
            ],
        ],
    );
    let image = rampart_image::open(
        &format!("{}:t", dir.path().display()),
        &Platform::parse("linux/amd64").unwrap(),
        &PullOptions::default(),
    )
    .unwrap();
    let every = std::sync::Arc::new(Recorder::new("every"));
    let fin = std::sync::Arc::new(Recorder::new("final"));
    let every_layer: Vec<Box<dyn Scanner>> = vec![Box::new(Shared(every.clone()))];
    let final_view: Vec<Box<dyn Scanner>> = vec![Box::new(Shared(fin.clone()))];
    let root = tempfile::tempdir().unwrap();
    let ctx = ScanContext::new(root.path());
    let limits = Limits {
        max_in_memory: MIB as u64,
        max_spill: 4 * MIB as u64,
        // Nothing kept in memory for the final view: every final-view file is read again.
        pending_budget: 0,
        ..Limits::default()
    };
    let plan = ScanPlan {
        ctx: &ctx,
        every_layer: &every_layer,
        final_view: &final_view,
        limits: &limits,
        threads: 2,
    };
    let scan = rampart_image::scan_image(&image, &plan).unwrap();

    let seen = |r: &Recorder| {
        let mut v = r.seen.lock().unwrap().clone();
        v.sort_by(|a, b| a.rel.cmp(&b.rel));
        v
    };
    let expect = |rel: &str, data: &[u8], by_path: bool| Seen {
        rel: rel.into(),
        size: data.len() as u64,
        by_path,
        sha: sha(data),
    };
    // Every layer: both large files by path with their exact bytes (the deleted one too: its
    // bytes are still in the image), the small one in memory; the huge one not at all.
    assert_eq!(
        seen(&every),
        vec![
            expect("data/deleted.txt", &deleted, true),
            expect("data/kept.txt", &kept, true),
            expect("data/small.txt", &small, false),
        ]
    );
    // Final view: the deleted file is gone.
    assert_eq!(
        seen(&fin),
        vec![
            expect("data/kept.txt", &kept, true),
            expect("data/small.txt", &small, false),
        ]
    );
    // The huge file: one warning per pass that wanted it, naming the file, its layer and the
    // limit.
    let huge_notes: Vec<_> = scan
        .output
        .diagnostics
        .iter()
        .filter(|d| d.path.as_deref() == Some("data/huge.txt"))
        .collect();
    assert_eq!(huge_notes.len(), 2, "{:#?}", scan.output.diagnostics);
    for d in huge_notes {
        assert_eq!(d.level, DiagnosticLevel::Warning);
        assert!(d.message.starts_with("layer 1 ("), "{}", d.message);
        assert!(d.message.contains("not scanned"), "{}", d.message);
        assert!(d.message.contains("4194304-byte limit"), "{}", d.message);
    }
    assert_eq!(scan.files_skipped, 2);
    assert_eq!(spill_dirs(), Vec::<String>::new());
}
