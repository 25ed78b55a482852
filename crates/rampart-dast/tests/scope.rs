//! Not one request leaves the scope: a site that links to, embeds, scripts and redirects to other
//! loopback origins gets crawled and attacked, and those origins receive nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use rampart_dast::{DastConfig, run};

/// A server on 127.0.0.1 that counts requests and answers each with `page(port_of_others)`.
fn serve(
    body: impl Fn(&str) -> (u16, String, Option<String>) + Send + 'static,
) -> (u16, Arc<AtomicUsize>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let hits = Arc::new(AtomicUsize::new(0));
    let h = hits.clone();
    thread::spawn(move || {
        for req in server.incoming_requests() {
            h.fetch_add(1, Ordering::SeqCst);
            let (status, text, location) = body(req.url());
            let mut resp = tiny_http::Response::from_string(text)
                .with_status_code(status)
                .with_header(tiny_http::Header::from_bytes("Content-Type", "text/html").unwrap());
            if let Some(l) = location {
                resp = resp
                    .with_header(tiny_http::Header::from_bytes("Location", l.as_bytes()).unwrap());
            }
            let _ = req.respond(resp);
        }
    });
    (port, hits)
}

#[test]
fn other_origins_receive_nothing() {
    let (other, other_hits) = serve(|_| (200, "<a href='/deeper?x=1'>x</a>".into(), None));
    let (third, third_hits) = serve(|_| (200, "third".into(), None));
    let seen = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let seen2 = seen.clone();
    let (site, site_hits) = serve(move |path| {
        seen2.lock().unwrap().push(path.to_string());
        let o = format!("http://127.0.0.1:{other}");
        let t = format!("http://localhost:{third}");
        match path.split('?').next().unwrap_or("") {
            "/away" => (302, String::new(), Some(format!("{o}/landing?next=/x"))),
            "/hop" => (302, String::new(), Some("/local".into())),
            "/go" => (302, String::new(), Some(format!("{o}/from-param"))),
            _ => (
                200,
                format!(
                    "<html><body><a href='{o}/page?id=1'>other</a><a href='{t}/x'>third</a>\
                     <a href='/away'>away</a><a href='/hop'>hop</a><a href='/go?next=/home'>go</a>\
                     <a href='//127.0.0.1:{other}/proto-relative'>pr</a><iframe src='{o}/frame'></iframe>\
                     <img src='{o}/img.png'><script src='{o}/lib.js'></script>\
                     <script>fetch('{o}/api/data'); var u = '{t}/t';</script>\
                     <form action='{o}/submit' method='post'><input name='q'></form>\
                     <form action='/search'><input name='q' value='{o}/x'></form></body></html>"
                ),
                None,
            ),
        }
    });
    let mut cfg = DastConfig::new(format!("http://127.0.0.1:{site}/"));
    cfg.allow_destructive = true;
    let report = run(cfg, None, None).expect("scan runs");
    assert!(
        site_hits.load(Ordering::SeqCst) > 20,
        "the site itself was scanned"
    );
    assert_eq!(
        other_hits.load(Ordering::SeqCst),
        0,
        "requests reached another loopback port"
    );
    assert_eq!(
        third_hits.load(Ordering::SeqCst),
        0,
        "requests reached another host name"
    );
    assert!(
        report.stats.refused > 0,
        "the redirects off-site were refused at the choke point"
    );
    assert!(
        report
            .refused_urls
            .iter()
            .any(|u| u.contains(&format!(":{other}/landing"))),
        "{:?}",
        report.refused_urls
    );
    assert!(
        seen.lock().unwrap().iter().any(|p| p == "/local"),
        "in-scope redirects are followed"
    );
}
