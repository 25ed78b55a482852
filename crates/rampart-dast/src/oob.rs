//! rampart's own out-of-band listener on 127.0.0.1: SSRF, RFI, XXE and indirect-prompt-injection
//! probes point the target at it, and a request for a probe's unique token path confirms the
//! finding. It also serves the documents indirect-injection probes ask an LLM app to read. No
//! third-party host is ever involved.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

use crate::error::DastError;

const MAX_HITS: usize = 10_000;

/// A token nobody else will produce: lower-case letters and digits, starting with `rmp`.
pub fn token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut h = Sha256::new();
    h.update(n.to_le_bytes());
    h.update(t.to_le_bytes());
    h.update(std::process::id().to_le_bytes());
    format!("rmp{}", &hex::encode(h.finalize())[..10])
}

/// A small number derived from a token, for arithmetic canaries.
pub fn number_from(token: &str, lo: u64, hi: u64) -> u64 {
    let h = Sha256::digest(token.as_bytes());
    let v = u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]);
    lo + v % (hi - lo)
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub method: String,
    pub path: String,
}

struct Shared {
    hits: Mutex<Vec<Hit>>,
    docs: Mutex<HashMap<String, (String, Vec<u8>)>>,
    stop: AtomicBool,
}

pub struct Listener {
    port: u16,
    shared: Arc<Shared>,
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

impl Listener {
    pub fn start() -> Result<Self, DastError> {
        let server = Arc::new(
            tiny_http::Server::http("127.0.0.1:0")
                .map_err(|e| DastError::Listener(e.to_string()))?,
        );
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or_else(|| DastError::Listener("no IP address".into()))?;
        let shared = Arc::new(Shared {
            hits: Mutex::new(Vec::new()),
            docs: Mutex::new(HashMap::new()),
            stop: AtomicBool::new(false),
        });
        let (s2, srv) = (shared.clone(), server.clone());
        let thread = std::thread::Builder::new()
            .name("rampart-oob".into())
            .spawn(move || serve(&srv, &s2))
            .map_err(|e| DastError::Listener(e.to_string()))?;
        Ok(Listener {
            port,
            shared,
            server,
            thread: Some(thread),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT/<path>` (path without the leading slash).
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://127.0.0.1:{}/{}",
            self.port,
            path.trim_start_matches('/')
        )
    }

    /// Serves `body` at `/<path>`.
    pub fn serve_doc(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) {
        if let Ok(mut d) = self.shared.docs.lock() {
            d.insert(
                format!("/{}", path.trim_start_matches('/')),
                (content_type.to_string(), body.into()),
            );
        }
    }

    /// Requests whose path contains `token`.
    pub fn hits_for(&self, token: &str) -> Vec<Hit> {
        self.shared
            .hits
            .lock()
            .map(|h| {
                h.iter()
                    .filter(|h| h.path.contains(token))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits up to `timeout` for a request carrying `token`.
    pub async fn wait_for(&self, token: &str, timeout: Duration) -> Vec<Hit> {
        let start = Instant::now();
        loop {
            let hits = self.hits_for(token);
            if !hits.is_empty() || start.elapsed() >= timeout {
                return hits;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(server: &tiny_http::Server, shared: &Shared) {
    while !shared.stop.load(Ordering::Relaxed) {
        let req = match server.recv() {
            Ok(r) => r,
            Err(_) => break,
        };
        let path = req.url().to_string();
        if let Ok(mut h) = shared.hits.lock()
            && h.len() < MAX_HITS
        {
            h.push(Hit {
                method: req.method().to_string(),
                path: path.clone(),
            });
        }
        let bare = path.split('?').next().unwrap_or_default().to_string();
        let doc = shared.docs.lock().ok().and_then(|d| d.get(&bare).cloned());
        let resp = match doc {
            Some((ct, body)) => {
                let mut r = tiny_http::Response::from_data(body);
                if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", ct.as_bytes()) {
                    r = r.with_header(h);
                }
                r
            }
            None => tiny_http::Response::from_data(b"rampart out-of-band listener\n".to_vec()),
        };
        let _ = req.respond(resp);
    }
}
