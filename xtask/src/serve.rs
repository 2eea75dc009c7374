//! A small static file server for the built page, on 127.0.0.1 only.
//!
//! The page is static (HTML, JavaScript, inlined wasm), so `std::net` is enough; no request
//! ever leaves the machine. One thread per connection, `Connection: close`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serve `dir` on 127.0.0.1, from `port` upwards if it is taken (0: any free port).
pub fn serve(dir: &Path, port: u16) -> crate::Result {
    if !dir.join("index.html").exists() {
        return Err(format!(
            "{} has no index.html: build first (cargo xtask build)",
            dir.display()
        ));
    }
    let listener = bind(port)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("caseflow is served at http://{addr}/  (Ctrl-C stops it)");
    let _ = std::io::stdout().flush();
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let dir = dir.to_path_buf();
        std::thread::spawn(move || {
            // A client that hangs up mid-answer is not our problem.
            let _ = answer(stream, &dir);
        });
    }
    Ok(())
}

fn bind(port: u16) -> crate::Result<TcpListener> {
    if port == 0 {
        return TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string());
    }
    for p in port..port.saturating_add(20) {
        if let Ok(l) = TcpListener::bind(("127.0.0.1", p)) {
            return Ok(l);
        }
    }
    Err(format!(
        "no free port between {port} and {}",
        port.saturating_add(19)
    ))
}

fn answer(stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read (and ignore) the headers up to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            true,
        );
    }
    let Some(file) = resolve(dir, target) else {
        return respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found",
            method == "GET",
        );
    };
    match std::fs::read(&file) {
        Ok(body) => respond(&mut out, "200 OK", mime(&file), &body, method == "GET"),
        Err(_) => respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found",
            method == "GET",
        ),
    }
}

/// Map a request target to a file under `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = dir.join(rel);
    let full = if full.is_dir() {
        full.join("index.html")
    } else {
        full
    };
    full.is_file().then_some(full)
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    mime: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        out.write_all(body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_climb_out_of_the_served_folder() {
        let dir = crate::root().join("xtask");
        assert!(resolve(&dir, "/src/main.rs").is_some());
        assert!(resolve(&dir, "/src/main.rs?x=1").is_some());
        assert!(resolve(&dir, "/../Cargo.toml").is_none());
        assert!(resolve(&dir, "/src/../../Cargo.toml").is_none());
        assert!(resolve(&dir, "/nope.txt").is_none());
    }
}
