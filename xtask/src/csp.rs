//! The page's Content-Security-Policy, written into the built page as a `<meta>` tag so that it
//! holds in the served app and in the single file opened via `file://` alike.
//!
//! No remote origin is allowed anywhere. The one inline module script is allowed by its
//! SHA-256 hash; `'wasm-unsafe-eval'` lets it compile the inlined wasm; the worker comes from a
//! `blob:` URL; styles are inline (`<style>` and uPlot's element styles); images are `data:`
//! (the favicon); nothing may be fetched (`connect-src 'none'`).

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

const OPEN: &str = "<script type=\"module\" crossorigin>";
const CLOSE: &str = "</script>";
const ANCHOR: &str = "<meta charset=\"utf-8\" />";

/// The policy for a page whose inline script hashes to `script_hash` (base64 SHA-256).
pub fn policy(script_hash: &str) -> String {
    format!(
        "default-src 'none'; script-src 'sha256-{script_hash}' 'wasm-unsafe-eval'; worker-src blob: 'self'; \
         style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; \
         base-uri 'none'; form-action 'none'; object-src 'none'"
    )
}

/// Hash the page's inline script and write the policy into its `<head>`.
pub fn apply(page: &Path) -> crate::Result {
    let html = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
    if html.contains("Content-Security-Policy") {
        return Ok(());
    }
    let start = html
        .find(OPEN)
        .ok_or("the built page has no inline module script")?
        + OPEN.len();
    let end = start
        + html[start..]
            .find(CLOSE)
            .ok_or("the inline script is not closed")?;
    if html[end..].contains(OPEN) {
        return Err("the built page has more than one inline script; the policy hashes one".into());
    }
    let hash = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(&html.as_bytes()[start..end]));
    let meta = format!(
        "{ANCHOR}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&hash)
    );
    let with_policy = html.replacen(ANCHOR, &meta, 1);
    if with_policy == html {
        return Err(format!(
            "the built page has no {ANCHOR} to put the policy after"
        ));
    }
    std::fs::write(page, with_policy).map_err(|e| format!("{}: {e}", page.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_no_remote_origin() {
        let p = policy("abc=");
        assert!(p.contains("'sha256-abc='") && p.contains("connect-src 'none'"));
        assert!(!p.contains("http") && !p.contains("*") && !p.contains("'unsafe-eval'"));
    }
}
