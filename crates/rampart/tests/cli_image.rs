//! `rampart image`, end to end on images built by `umoci` and converted by `skopeo`
//! (tests/fixtures/image/make_images.sh): an OCI layout, a `docker save` archive, an
//! oci-archive, a root filesystem, and the same image pushed to a real registry
//! (`docker-registry`, Debian's build of the distribution registry) on 127.0.0.1 with htpasswd
//! authentication, pulled with credentials from a docker config.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Std, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// The fake token of layer 2 (deleted again in layer 3).
// rampart:ignore[secrets/*] fake token of the fixture image
const TOKEN: &str = "xoxb-602541197813-4911076320957-QhZ7cR3mWvT9pLk2XsN8bD4f";

fn rampart() -> Command {
    let mut c = Command::cargo_bin("rampart").unwrap();
    c.env("NO_COLOR", "1").env_remove("RAMPART_DB");
    c
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/image")
}

/// Runs `rampart image` with JSON output and returns the document.
fn scan(args: &[&str], envs: &[(&str, &Path)]) -> Value {
    let db = tempfile::tempdir().unwrap();
    let mut cmd = rampart();
    cmd.arg("image")
        .args(args)
        .args([
            "--format",
            "json",
            "--fail-on",
            "none",
            "--no-progress",
            "--db",
        ])
        .arg(db.path());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "rampart image {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(TOKEN), "the token was printed in full");
    serde_json::from_str(&text).unwrap()
}

fn findings<'a>(doc: &'a Value, rule: &str) -> Vec<&'a Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .collect()
}

/// What every source of the test image must yield.
fn check_image(doc: &Value) {
    for rule in [
        "image/runs-as-root",
        "image/sensitive-env",
        "image/ssh-port-exposed",
        "image/add-remote-url",
        "image/package-manager-in-final-image",
    ] {
        assert_eq!(findings(doc, rule).len(), 1, "{rule} in {doc:#}");
    }
    // The secret added in layer 1 (0-based) and deleted by a whiteout in layer 2.
    let slack: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["scanner"] == "secrets" && f["properties"]["layer_index"] == 1)
        .collect();
    assert_eq!(slack.len(), 1, "{doc:#}");
    let s = slack[0];
    assert_eq!(s["locations"][0]["kind"], "image");
    assert_eq!(s["locations"][0]["path"], "app/.env");
    assert_eq!(s["properties"]["layer_instruction"], "COPY .env /app/.env");
    assert_eq!(s["properties"]["image_file_status"], "deleted");
    assert!(
        s["message"]
            .as_str()
            .unwrap()
            .contains("still in the image in layer 1"),
        "{s:#}"
    );
    assert!(
        s["message"]
            .as_str()
            .unwrap()
            .contains("deleted in layer 2"),
        "{s:#}"
    );
    // The pickle of layer 0 reaches the models scanner, attributed to its layer.
    let pickle: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["scanner"] == "models")
        .collect();
    assert!(!pickle.is_empty(), "{doc:#}");
    assert_eq!(pickle[0]["locations"][0]["path"], "models/classifier.pkl");
    assert_eq!(pickle[0]["properties"]["layer_index"], 0);
    assert!(
        pickle[0]["properties"]["image_digest"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    // The ENV value is redacted.
    let env = findings(doc, "image/sensitive-env")[0];
    assert!(
        !env["evidence"]
            .as_str()
            .unwrap()
            .contains("correct-horse-battery")
    );
    // The summary names the layers and counts the Python package of the dist-info.
    let notes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("3 layers") && n.contains("PyPI: 1")),
        "{notes:#?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("layer 1 ") && n.contains("COPY .env /app/.env"))
    );
}

#[test]
fn oci_layout_docker_archive_and_oci_archive() {
    let dir = fixtures();
    let layout = scan(&[dir.join("layout:app").to_str().unwrap()], &[]);
    check_image(&layout);
    let docker = scan(&[dir.join("app-docker.tar").to_str().unwrap()], &[]);
    check_image(&docker);
    let oci = scan(&[dir.join("app-oci.tar").to_str().unwrap()], &[]);
    check_image(&oci);
    // Same image, same manifest digest, whether from the layout or the oci-archive.
    assert_eq!(
        findings(&layout, "image/runs-as-root")[0]["properties"]["image_digest"],
        findings(&oci, "image/runs-as-root")[0]["properties"]["image_digest"]
    );
}

#[test]
fn fail_on_gates_and_sarif_carries_image_locations() {
    let dir = fixtures();
    let out = rampart()
        .arg("image")
        .arg(dir.join("app-oci.tar"))
        .args(["--fail-on", "high", "--no-progress", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(TOKEN));
    assert!(sarif["runs"][0]["results"].as_array().unwrap().len() >= 5);
}

#[test]
fn a_tampered_blob_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("layout");
    copy_dir(&fixtures().join("layout"), &copy);
    // Flip one byte of the smallest layer blob (a gzip member: the digest check must fail
    // even if it still decompresses).
    let blobs = copy.join("blobs/sha256");
    let mut victims: Vec<PathBuf> = std::fs::read_dir(&blobs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::read(p).unwrap().starts_with(&[0x1f, 0x8b]))
        .collect();
    victims.sort_by_key(|p| std::fs::metadata(p).unwrap().len());
    let victim = &victims[0];
    let mut bytes = std::fs::read(victim).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(victim, bytes).unwrap();
    let out = rampart()
        .arg("image")
        .arg(&copy)
        .args(["--no-progress"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("digest mismatch") || err.contains("decompression"),
        "{err}"
    );
}

#[test]
fn rootfs_is_walked() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("app")).unwrap();
    std::fs::write(
        tmp.path().join("app/.env"),
        format!("SLACK_BOT_TOKEN={TOKEN}\n"),
    )
    .unwrap();
    let doc = scan(&["--rootfs", tmp.path().to_str().unwrap()], &[]);
    let f: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["scanner"] == "secrets")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["locations"][0]["kind"], "image");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A tool the registry test needs: present, or in CI a loud failure, or a skip with the reason.
fn have(tool: &str) -> bool {
    let found = Std::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none()
                && std::env::var_os("RAMPART_REQUIRE_IMAGE_TOOLS").is_none(),
            "{tool} is not installed; .ci/run installs it (apt-get install docker-registry skopeo apache2-utils)"
        );
        eprintln!(
            "skipping: {tool} is not installed (apt-get install docker-registry skopeo apache2-utils)"
        );
    }
    found
}

struct Registry {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The distribution registry on a free loopback port, with htpasswd auth for user:pass.
fn start_registry() -> Registry {
    let dir = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let htpasswd = Std::new("htpasswd")
        .args(["-Bbn", "tester", "s3cret-pass"])
        .output()
        .unwrap();
    assert!(htpasswd.status.success());
    std::fs::write(dir.path().join("htpasswd"), &htpasswd.stdout).unwrap();
    let config = format!(
        "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {root}\nhttp:\n  addr: 127.0.0.1:{port}\nauth:\n  htpasswd:\n    realm: rampart-test\n    path: {htp}\n",
        root = dir.path().join("data").display(),
        htp = dir.path().join("htpasswd").display(),
    );
    let cfg = dir.path().join("config.yml");
    std::fs::write(&cfg, config).unwrap();
    let child = Std::new("docker-registry")
        .arg("serve")
        .arg(&cfg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "registry did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Registry {
        child,
        port,
        _dir: dir,
    }
}

fn docker_config(dir: &Path, host: &str, user: &str, pass: &str) -> PathBuf {
    use std::fmt::Write;
    let raw = format!("{user}:{pass}");
    // base64 by hand: the test crate has no base64 dependency.
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = String::new();
    for chunk in raw.as_bytes().chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                b64.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                b64.push('=');
            }
        }
    }
    let mut json = String::new();
    write!(json, r#"{{"auths":{{"{host}":{{"auth":"{b64}"}}}}}}"#).unwrap();
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("config.json"), json).unwrap();
    dir.to_path_buf()
}

#[test]
fn authenticated_registry_pull() {
    if !(have("docker-registry") && have("skopeo") && have("htpasswd")) {
        return;
    }
    let reg = start_registry();
    let host = format!("127.0.0.1:{}", reg.port);
    let layout = fixtures().join("layout");
    let push = Std::new("skopeo")
        .args([
            "copy",
            "--quiet",
            "--dest-tls-verify=false",
            "--dest-creds",
            "tester:s3cret-pass",
        ])
        .arg(format!("oci:{}:app", layout.display()))
        .arg(format!("docker://{host}/team/app:1"))
        .output()
        .unwrap();
    assert!(
        push.status.success(),
        "skopeo push: {}",
        String::from_utf8_lossy(&push.stderr)
    );

    let tmp = tempfile::tempdir().unwrap();
    let reference = format!("{host}/team/app:1");
    // Credentials from a docker config (auths, base64).
    let good = docker_config(&tmp.path().join("good"), &host, "tester", "s3cret-pass");
    let doc = scan(
        &[&reference, "--insecure-registry", &host],
        &[("DOCKER_CONFIG", &good)],
    );
    check_image(&doc);
    let digest = findings(&doc, "image/runs-as-root")[0]["properties"]["image_digest"]
        .as_str()
        .unwrap()
        .to_string();
    // By digest: the manifest is verified against it.
    let by_digest = format!("{host}/team/app@{digest}");
    let doc = scan(
        &[&by_digest, "--insecure-registry", &host],
        &[("DOCKER_CONFIG", &good)],
    );
    check_image(&doc);

    // Wrong password: refused, exit 2, and the password is not echoed.
    let bad = docker_config(&tmp.path().join("bad"), &host, "tester", "wrong-pass");
    let out = rampart()
        .args([
            "image",
            &reference,
            "--insecure-registry",
            &host,
            "--no-progress",
        ])
        .env("DOCKER_CONFIG", &bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused") || err.contains("401"), "{err}");
    assert!(!err.contains("wrong-pass"));

    // Without --insecure-registry, plain HTTP is not used.
    let out = rampart()
        .args(["image", &reference, "--no-progress"])
        .env("DOCKER_CONFIG", &good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sbom_of_an_image() {
    let dir = fixtures();
    for (format, key) in [("cyclonedx", "components"), ("spdx", "packages")] {
        let out = rampart()
            .args(["sbom", "--format", format, "--image"])
            .arg(dir.join("app-docker.tar"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = doc[key].to_string();
        assert!(text.contains("pkg:pypi/requests@2.31.0"), "{doc:#}");
    }
}

/// Files over the 32 MiB in-memory limit inside layers, in an image built with umoci: a
/// JSON-lines file whose last line holds the token (the secrets scanner streams it from a
/// temporary copy and reports the real line), a PyTorch-style zip whose pickle names
/// `posix.system` (the model scanner seeks its central directory at the end), and a second such
/// zip deleted by the next layer (not in the final view: no model finding for it).
#[test]
fn files_over_the_in_memory_limit_are_scanned() {
    if !have("umoci") || !have("python3") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let oci = tmp.path().join("oci");
    let bundle = tmp.path().join("bundle");
    let run = |args: &[&str]| {
        let out = Std::new(args[0]).args(&args[1..]).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let image = format!("{}:big", oci.display());
    run(&["umoci", "init", "--layout", oci.to_str().unwrap()]);
    run(&["umoci", "new", "--image", &image]);
    run(&[
        "umoci",
        "unpack",
        "--rootless",
        "--image",
        &image,
        bundle.to_str().unwrap(),
    ]);
    let root = bundle.join("rootfs");
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::create_dir_all(root.join("models")).unwrap();
    let mut text = String::new();
    let mut lines = 0u64;
    while text.len() < 33 * 1024 * 1024 {
        lines += 1;
        text.push_str(&format!(
            "{{\"id\": {lines}, \"text\": \"a training example of some length\"}}\n"
        ));
    }
    lines += 1;
    text.push_str(&format!("{{\"id\": {lines}, \"note\": \"{TOKEN}\"}}\n"));
    std::fs::write(root.join("data/train.jsonl"), text).unwrap();
    let make_zip = r#"
import io, os, pickle, sys, zipfile
class Payload:
    def __reduce__(self):
        return (os.system, ("echo rampart-test",))
for path in sys.argv[1:]:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("model/data.pkl", pickle.dumps(Payload(), protocol=2))
        z.writestr("model/data/0", bytes(33 * 1024 * 1024))
        z.writestr("model/version", b"3\n")
"#;
    let kept = root.join("models/model.pt");
    let gone = root.join("models/old.pt");
    run(&[
        "python3",
        "-c",
        make_zip,
        kept.to_str().unwrap(),
        gone.to_str().unwrap(),
    ]);
    run(&[
        "umoci",
        "repack",
        "--refresh-bundle",
        "--history.created_by",
        "COPY data models /",
        "--image",
        &image,
        bundle.to_str().unwrap(),
    ]);
    std::fs::remove_file(&gone).unwrap();
    run(&[
        "umoci",
        "repack",
        "--refresh-bundle",
        "--history.created_by",
        "RUN rm /models/old.pt",
        "--image",
        &image,
        bundle.to_str().unwrap(),
    ]);

    let doc = scan(&[&image, "--scanners", "secrets,models"], &[]);
    let all = doc["findings"].as_array().unwrap();
    let secrets: Vec<&Value> = all.iter().filter(|f| f["scanner"] == "secrets").collect();
    assert_eq!(secrets.len(), 1, "{doc:#}");
    let loc = &secrets[0]["locations"][0];
    assert_eq!(loc["path"], "data/train.jsonl");
    assert_eq!(loc["kind"], "image");
    assert_eq!(loc["line"], lines, "{loc:#}");
    assert_eq!(secrets[0]["properties"]["layer_index"], 0);
    let models: Vec<&Value> = all.iter().filter(|f| f["scanner"] == "models").collect();
    assert!(!models.is_empty(), "{doc:#}");
    for m in &models {
        assert_eq!(m["locations"][0]["path"], "models/model.pt", "{m:#}");
        assert_eq!(m["properties"]["layer_index"], 0);
        assert_eq!(m["properties"]["layer_instruction"], "COPY data models /");
    }
    assert!(
        models
            .iter()
            .any(|m| m["message"].as_str().unwrap().contains("system")),
        "{models:#?}"
    );
    let skipped: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("not scanned"))
        .collect();
    assert!(skipped.is_empty(), "{skipped:#?}");
}
