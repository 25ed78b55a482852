//! The advisory database's download, import and status paths, against a real HTTP server on
//! 127.0.0.1 serving the shared OSV data in the bucket's own layout.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rampart_sca::db::update::{Outcome, UpdateOptions, update};
use rampart_sca::db::{Database, Status, import};

fn shared_osv() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv"))
}

/// Records and withdrawn records per ecosystem, as the data's README lists them.
const EXPECTED: [(&str, usize, usize); 7] = [
    ("PyPI", 2662, 10),
    ("crates.io", 1206, 13),
    ("Go", 4291, 17),
    ("Alpine", 2437, 0),
    ("npm", 1, 0),
    ("Debian", 12847, 0),
    ("Ubuntu", 10, 0),
];

struct Server {
    base: String,
    /// Full (200) responses served for an `all.zip`.
    downloads: Arc<AtomicUsize>,
    /// 304 responses served.
    not_modified: Arc<AtomicUsize>,
}

/// Serves `root` over HTTP with strong ETags and `If-None-Match` handling, as the OSV bucket
/// (Google Cloud Storage) does. `truncate` names a file served cut in half.
fn serve(root: PathBuf, truncate: Option<&'static str>) -> Server {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let port = server.server_addr().to_ip().expect("ip").port();
    let downloads = Arc::new(AtomicUsize::new(0));
    let not_modified = Arc::new(AtomicUsize::new(0));
    let (d, n) = (downloads.clone(), not_modified.clone());
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let url = req.url().trim_start_matches('/').replace("%20", " ");
            let path = root.join(&url);
            if url.contains("..") || !path.is_file() {
                let _ = req.respond(tiny_http::Response::empty(404));
                continue;
            }
            let mut body = std::fs::read(&path).expect("read");
            if truncate == Some(url.as_str()) {
                body.truncate(body.len() / 2);
            }
            let etag = format!(
                "\"{:x}-{}\"",
                body.iter().map(|&b| b as u64).sum::<u64>(),
                body.len()
            );
            let inm = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("If-None-Match"))
                .map(|h| h.value.as_str().to_string());
            if inm.as_deref() == Some(etag.as_str()) {
                n.fetch_add(1, Ordering::SeqCst);
                let _ = req.respond(tiny_http::Response::empty(304));
                continue;
            }
            if url.ends_with("all.zip") {
                d.fetch_add(1, Ordering::SeqCst);
            }
            let header = tiny_http::Header::from_bytes("ETag", etag.as_bytes()).expect("header");
            let _ = req.respond(tiny_http::Response::from_data(body).with_header(header));
        }
    });
    Server {
        base: format!("http://127.0.0.1:{port}"),
        downloads,
        not_modified,
    }
}

fn counts(db: &Path) -> BTreeMap<String, (usize, usize, usize)> {
    Status::of(db)
        .unwrap()
        .ecosystems
        .into_iter()
        .map(|e| (e.ecosystem, (e.records, e.withdrawn, e.advisories)))
        .collect()
}

fn assert_expected_counts(db: &Path) {
    let got = counts(db);
    for (eco, records, withdrawn) in EXPECTED {
        assert_eq!(
            got.get(eco),
            Some(&(records, withdrawn, records - withdrawn)),
            "{eco}: {got:?}"
        );
    }
}

#[test]
fn update_downloads_every_ecosystem_then_only_what_changed() {
    let srv = serve(shared_osv(), None);
    let db = tempfile::tempdir().unwrap();
    let opts = UpdateOptions {
        base_url: srv.base.clone(),
        ..Default::default()
    };

    let report = update(db.path(), &opts).unwrap();
    assert!(report.failures().is_empty(), "{}", report.render());
    // ecosystems.txt of the mirror decides what is fetched.
    assert_eq!(report.ecosystems.len(), 7, "{}", report.render());
    assert!(
        report
            .ecosystems
            .iter()
            .all(|(_, o)| matches!(o, Outcome::Updated(_)))
    );
    assert_eq!(srv.downloads.load(Ordering::SeqCst), 7);
    assert_expected_counts(db.path());

    // Second run: every archive answers 304 and nothing is downloaded again.
    let report = update(db.path(), &opts).unwrap();
    assert!(
        report
            .ecosystems
            .iter()
            .all(|(_, o)| *o == Outcome::Unchanged),
        "{}",
        report.render()
    );
    assert_eq!(srv.downloads.load(Ordering::SeqCst), 7);
    assert_eq!(srv.not_modified.load(Ordering::SeqCst), 7);

    // The index opens and answers lookups.
    let database = Database::open(db.path()).unwrap();
    let ix = database.index("npm").unwrap().unwrap();
    assert_eq!(
        ix.advisories_for("lodash").unwrap()[0].id,
        "GHSA-jf85-cpcp-j695"
    );
}

#[test]
fn truncated_download_fails_and_keeps_the_previous_database() {
    let good = serve(shared_osv(), None);
    let db = tempfile::tempdir().unwrap();
    let only_pypi = Some(vec!["PyPI".to_string()]);
    let report = update(
        db.path(),
        &UpdateOptions {
            base_url: good.base.clone(),
            ecosystems: only_pypi.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(report.failures().is_empty());
    let before = std::fs::read(db.path().join("meta.json")).unwrap();
    let index_before = std::fs::read(db.path().join("PyPI.idx")).unwrap();

    // A mirror whose PyPI archive changed (new ETag) but arrives cut in half.
    let bad = serve(shared_osv(), Some("PyPI/all.zip"));
    let report = update(
        db.path(),
        &UpdateOptions {
            base_url: bad.base.clone(),
            ecosystems: only_pypi,
            ..Default::default()
        },
    )
    .unwrap();
    let failures = report.failures();
    assert_eq!(failures.len(), 1, "{}", report.render());
    assert_eq!(bad.downloads.load(Ordering::SeqCst), 1);
    assert_eq!(std::fs::read(db.path().join("meta.json")).unwrap(), before);
    assert_eq!(
        std::fs::read(db.path().join("PyPI.idx")).unwrap(),
        index_before
    );
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(db.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_expected_subset(db.path(), "PyPI");
}

fn assert_expected_subset(db: &Path, eco: &str) {
    let got = counts(db);
    let (_, records, withdrawn) = EXPECTED
        .iter()
        .find(|(e, _, _)| *e == eco)
        .copied()
        .unwrap();
    assert_eq!(
        got.get(eco),
        Some(&(records, withdrawn, records - withdrawn))
    );
}

#[test]
fn missing_ecosystem_on_the_mirror_is_skipped() {
    let srv = serve(shared_osv(), None);
    let db = tempfile::tempdir().unwrap();
    let report = update(
        db.path(),
        &UpdateOptions {
            base_url: srv.base.clone(),
            ecosystems: Some(vec!["Maven".into(), "npm".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(report.ecosystems[0].1, Outcome::NotFound);
    assert!(matches!(report.ecosystems[1].1, Outcome::Updated(_)));
}

#[test]
fn import_reads_a_bucket_tree_a_zip_and_a_folder_of_json() {
    // The bucket layout.
    let db = tempfile::tempdir().unwrap();
    import::import(&shared_osv(), db.path()).unwrap();
    assert_expected_counts(db.path());

    // A single zip.
    let db2 = tempfile::tempdir().unwrap();
    import::import(&shared_osv().join("crates.io/all.zip"), db2.path()).unwrap();
    assert_eq!(counts(db2.path()).get("crates.io"), Some(&(1206, 13, 1193)));

    // A folder of loose JSON records.
    let src = tempfile::tempdir().unwrap();
    let f = std::fs::File::open(shared_osv().join("npm/all.zip")).unwrap();
    let mut zip = zip_entries(f);
    for (name, bytes) in zip.drain(..) {
        std::fs::write(src.path().join(name), bytes).unwrap();
    }
    std::fs::write(src.path().join("broken.json"), b"{ not json").unwrap();
    let db3 = tempfile::tempdir().unwrap();
    import::import(src.path(), db3.path()).unwrap();
    assert_eq!(counts(db3.path()).get("npm"), Some(&(1, 0, 1)));

    // Nothing importable is an error, and leaves no database.
    let empty = tempfile::tempdir().unwrap();
    let db4 = tempfile::tempdir().unwrap();
    assert!(import::import(empty.path(), db4.path()).is_err());
    assert!(Database::open(db4.path()).is_err());
}

fn zip_entries(f: std::fs::File) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(f).unwrap();
    (0..z.len())
        .map(|i| {
            let mut e = z.by_index(i).unwrap();
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            (e.name().unwrap().to_string(), b)
        })
        .collect()
}

#[test]
fn a_corrupt_index_is_an_error_not_a_panic() {
    let db = tempfile::tempdir().unwrap();
    import::import(&shared_osv().join("npm/all.zip"), db.path()).unwrap();
    let idx = db.path().join("npm.idx");
    let mut bytes = std::fs::read(&idx).unwrap();
    bytes.truncate(bytes.len() - 10);
    std::fs::write(&idx, &bytes).unwrap();
    let database = Database::open(db.path()).unwrap();
    assert!(database.index("npm").is_err());
    std::fs::write(&idx, b"garbage").unwrap();
    let database = Database::open(db.path()).unwrap();
    assert!(database.index("npm").is_err());
}
