//! Installing what the build needs, each only when it is missing.
//!
//! Tools: the `wasm32-unknown-unknown` target (rustup), the `wasm-bindgen` CLI pinned to the
//! `wasm-bindgen` version in `Cargo.lock` (cargo install), `cargo-machete` (cargo install),
//! npm packages (`npm ci`), and Debian's `chromium` (apt, through `sudo` when not root).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::shell::{Step, output, run};

/// The `cargo-machete` version installed when missing.
const MACHETE_VERSION: &str = "0.9.2";

/// Add the wasm target through rustup unless it is installed.
pub fn wasm_target() -> crate::Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is needed to add the wasm32-unknown-unknown target")?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("skip: wasm32-unknown-unknown target is installed");
        return Ok(());
    }
    let step = Step::new("rustup target add wasm32-unknown-unknown");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    step.done();
    Ok(())
}

/// The `wasm-bindgen` version recorded in `Cargo.lock`.
fn locked_wasm_bindgen_version() -> crate::Result<String> {
    let path = crate::root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen package".into())
}

fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// A cargo-installed tool whose `--version` output contains `version`, on PATH or in cargo's
/// bin folder.
fn find_tool(name: &str, version_arg: &str, version: &str) -> Option<PathBuf> {
    [PathBuf::from(name), cargo_bin_dir().join(name)]
        .into_iter()
        .find(|p| output(Command::new(p).arg(version_arg)).is_some_and(|v| v.contains(version)))
}

/// The path of a `wasm-bindgen` CLI matching `Cargo.lock`, installing it if needed.
pub fn wasm_bindgen_cli() -> crate::Result<PathBuf> {
    let version = locked_wasm_bindgen_version()?;
    if let Some(p) = find_tool(
        "wasm-bindgen",
        "--version",
        &format!("wasm-bindgen {version}"),
    ) {
        println!("skip: wasm-bindgen {version} is installed");
        return Ok(p);
    }
    let step = Step::new("cargo install wasm-bindgen-cli (about 2 minutes, once)");
    // `--locked` fails for this crate: its lockfile names a version the registry no longer has.
    run(
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["install", "wasm-bindgen-cli", "--version"])
            .arg(format!("={version}")),
    )?;
    step.done();
    find_tool("wasm-bindgen", "--version", &version)
        .ok_or_else(|| format!("wasm-bindgen {version} was installed but cannot be found"))
}

/// The path of `cargo-machete`, installing it if needed.
pub fn cargo_machete() -> crate::Result<PathBuf> {
    if let Some(p) = find_tool("cargo-machete", "--version", MACHETE_VERSION) {
        println!("skip: cargo-machete {MACHETE_VERSION} is installed");
        return Ok(p);
    }
    let step = Step::new("cargo install cargo-machete (once)");
    run(
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["install", "cargo-machete", "--version"])
            .arg(format!("={MACHETE_VERSION}")),
    )?;
    step.done();
    find_tool("cargo-machete", "--version", MACHETE_VERSION)
        .ok_or_else(|| "cargo-machete was installed but cannot be found".into())
}

/// `npm` run in `dir`, never downloading browsers.
pub fn npm(dir: &Path) -> Command {
    let mut c = Command::new("npm");
    c.current_dir(dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("npm_config_fund", "false")
        .env("npm_config_audit", "false");
    c
}

/// A binary installed by npm in `dir/node_modules/.bin`.
pub fn npm_bin(dir: &Path, name: &str) -> Command {
    let mut c = Command::new(dir.join("node_modules/.bin").join(name));
    c.current_dir(dir);
    c
}

/// `npm ci` in `dir`, unless `node_modules` is at least as new as `package-lock.json`.
pub fn npm_ci(dir: &Path) -> crate::Result {
    let modified = |p: PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(dir.join("package-lock.json"));
    let installed = modified(dir.join("node_modules/.package-lock.json"));
    let name = dir
        .strip_prefix(crate::root())
        .unwrap_or(dir)
        .display()
        .to_string();
    if let (Some(lock), Some(installed)) = (lock, installed) {
        if installed >= lock {
            println!("skip: npm packages in {name} are installed");
            return Ok(());
        }
    }
    let step = Step::new("npm ci");
    run(npm(dir).arg("ci"))?;
    step.done();
    Ok(())
}

/// The path of Debian's Chromium, installing it with apt if needed.
pub fn chromium() -> crate::Result<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        println!("skip: {} is installed", path.display());
        return Ok(path);
    }
    let step = Step::new("apt-get install chromium (for the browser tests)");
    let root = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    let apt = |args: &[&str]| {
        let mut c = if root {
            Command::new("apt-get")
        } else {
            // sudo clears the environment, so the variable goes through `env`.
            let mut c = Command::new("sudo");
            c.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
            c
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update"]))?;
    run(&mut apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
    ]))?;
    step.done();
    if path.exists() {
        Ok(path)
    } else {
        Err("apt installed chromium but /usr/bin/chromium is missing".into())
    }
}
