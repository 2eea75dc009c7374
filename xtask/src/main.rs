//! Build automation, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! - `serve [--port N] [--no-build]`: install what is missing, build the wasm and the page,
//!   serve `web/dist` on 127.0.0.1 and print the address.
//! - `test`: every check CI runs (format, lints, docs, Rust tests, TypeScript, browser tests).
//! - `build`: install what is missing and build the wasm and the page, without serving.
//! - `fuzz [--minutes N]`: the scenario fuzzer for N minutes (default 1), printing how many
//!   inputs it tried; a short pass of it is part of `test`.
//! - `bench`: `cargo bench` for the core, then the browser benchmark (wasm in Chromium next to
//!   the native CLI, in one run).
//!
//! - `compare OLD_REV`: the presets' key figures under OLD_REV and the working tree.
//! - `dist`: build, then write `dist/caseflow.html`, the one self-contained file to carry on a
//!   USB stick and open via `file://`.
//! - `codegen`: write `web/src/generated/types.ts`, the page's TypeScript types, from the core's
//!   Rust types (ts-rs, feature `ts` of caseflow-core); `test` fails while it is stale.
//!
//! Each install step first checks whether its tool is already there and says when it skips.
//! Dependencies are kept to `sha2` and `base64` (the page's Content-Security-Policy hashes its
//! inline script) and `zopfli` (the wasm inlined gzip-compressed), so `cargo xtask` compiles in
//! seconds on a fresh machine.

mod compare;
mod csp;

mod install;
mod serve;
mod shell;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use shell::{Step, cargo, run};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_cmd(&args[1..]),
        Some("test") => test_cmd(),
        Some("build") => build(),
        Some("bench") => bench_cmd(),
        Some("fuzz") => fuzz_cmd(&args[1..]),
        Some("dist") => dist_cmd(),
        Some("compare") => match args.get(1) {
            Some(rev) => compare::compare(rev),
            None => Err("usage: cargo xtask compare OLD_REV".into()),
        },
        Some("codegen") => codegen_cmd(),
        _ => {
            eprintln!(
                "usage: cargo xtask <serve [--port N] [--no-build] | test | build | bench | fuzz [--minutes N] | dist | codegen | compare OLD_REV>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

/// Cargo's target folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

type Result<T = ()> = std::result::Result<T, String>;

fn serve_cmd(args: &[String]) -> Result {
    let mut port: u16 = 8080;
    let mut build_first = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--no-build" => build_first = false,
            "--port" => {
                let v = it.next().ok_or("--port needs a value (0 to 65535)")?;
                port = v
                    .parse()
                    .map_err(|_| format!("--port: '{v}' is not a port number (0 to 65535)"))?;
            }
            other => return Err(format!("serve: unknown option '{other}'")),
        }
    }
    if build_first {
        build()?;
    }
    serve::serve(&root().join("web/dist"), port)
}

/// Install the wasm toolchain and npm packages if missing, then build wasm and page.
fn build() -> Result {
    install::wasm_target()?;
    let wasm_bindgen = install::wasm_bindgen_cli()?;
    install::npm_ci(&root().join("web"))?;

    let step = Step::new("build the wasm core");
    run(cargo().args([
        "build",
        "--package",
        "caseflow-wasm",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
    ]))?;
    let wasm = target_dir().join("wasm32-unknown-unknown/release/caseflow_wasm.wasm");
    let pkg = root().join("web/pkg");
    run(std::process::Command::new(&wasm_bindgen)
        .arg("--target")
        .arg("web")
        .arg("--omit-default-module-path")
        .arg("--out-dir")
        .arg(&pkg)
        .arg(&wasm))?;
    let bg = pkg.join("caseflow_wasm_bg.wasm");
    run(install::npm_bin(&root().join("web"), "wasm-opt")
        .arg("-O3")
        .arg("--enable-bulk-memory")
        .arg("--enable-nontrapping-float-to-int")
        .arg("--enable-simd")
        .arg(&bg)
        .arg("-o")
        .arg(&bg))?;
    gzip(&bg, &pkg.join("caseflow_wasm_bg.wasm.gz"))?;
    step.done();

    let step = Step::new("build the page");
    run(install::npm(&root().join("web")).args(["run", "build"]))?;
    let page = root().join("web/dist/index.html");
    csp::apply(&page)?;
    let size = std::fs::metadata(&page)
        .map_err(|e| format!("{}: {e}", page.display()))?
        .len();
    println!("  web/dist/index.html: {size} bytes");
    step.done();
    Ok(())
}

/// Write `from` gzip-compressed to `to` (the page inlines the wasm so and unpacks it itself),
/// with Zopfli: slower than zlib's best, and smaller.
fn gzip(from: &std::path::Path, to: &std::path::Path) -> Result {
    let bytes = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    let mut gz = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes.as_slice(),
        &mut gz,
    )
    .and_then(|()| std::fs::write(to, gz))
    .map_err(|e| format!("{}: {e}", to.display()))
}

fn test_cmd() -> Result {
    let step = Step::new("cargo fmt --check");
    run(cargo().args(["fmt", "--all", "--check"]))?;
    step.done();

    let step = Step::new("cargo clippy");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        // The feature only adds code (the TypeScript derives and their generator): lint it too.
        "--features",
        "caseflow-core/ts",
        "--",
        "-D",
        "warnings",
    ]))?;
    step.done();

    let step = Step::new("cargo doc");
    run(cargo()
        .args(["doc", "--workspace", "--no-deps"])
        .env("RUSTDOCFLAGS", "-D warnings"))?;
    step.done();

    let machete = install::cargo_machete()?;
    let step = Step::new("unused dependencies (cargo-machete)");
    run(std::process::Command::new(machete).arg(root()))?;
    step.done();

    let step = Step::new("cargo test");
    run(cargo().args(["test", "--workspace"]))?;
    step.done();

    // Fails, naming `cargo xtask codegen`, when the committed file differs from the Rust types.
    let step = Step::new("generated TypeScript types are current");
    run(cargo().args([
        "test",
        "--package",
        "caseflow-core",
        "--features",
        "ts",
        "--lib",
        "typescript",
    ]))?;
    step.done();

    build()?;
    write_dist()?;

    let step = Step::new("TypeScript type-check");
    run(install::npm(&root().join("web")).args(["run", "typecheck"]))?;
    step.done();

    let step = Step::new("browser tests");
    let requests = root().join("target/browser/requests.log");
    // A log from an earlier run would be checked again; a missing one is fine.
    let _ = std::fs::remove_file(&requests);
    browser_node(&["--test", "--test-concurrency=1"], false)?;
    step.done();

    let step = Step::new("no request left the machine during the browser tests");
    let log = std::fs::read_to_string(&requests).map_err(|e| {
        format!(
            "{}: {e} (the harness logs every request)",
            requests.display()
        )
    })?;
    // Lines are `sent|failed|blocked URL`; blocked ones (by the page's CSP) never left.
    let left: Vec<&str> = log
        .lines()
        .filter(|line| {
            let (outcome, url) = line.split_once(' ').unwrap_or(("sent", line));
            let local = ["http://127.0.0.1:", "file:", "data:", "blob:"]
                .iter()
                .any(|p| url.starts_with(p));
            outcome != "blocked" && !local
        })
        .collect();
    if !left.is_empty() {
        return Err(format!(
            "requests left the machine:\n  {}",
            left.join("\n  ")
        ));
    }
    println!("  {} requests, none left the machine", log.lines().count());
    step.done();
    println!("\nall checks passed");
    Ok(())
}

fn bench_cmd() -> Result {
    let step = Step::new("cargo bench (native core)");
    run(cargo().args(["bench", "--package", "caseflow-core"]))?;
    step.done();
    build()?;
    let step = Step::new("browser benchmark");
    browser_node(&["bench.mjs"], true)?;
    step.done();
    Ok(())
}

/// Run node in `tests/browser` with what the browser tests and benchmark need: their npm
/// packages, Debian's Chromium, and the `caseflow` and `xtask` binaries in the environment
/// (`CASEFLOW_BIN`, `XTASK_BIN`, `CHROMIUM`). The CLI is built in release mode for the
/// benchmark, in debug for the tests.
fn browser_node(args: &[&str], release: bool) -> Result {
    let browser_dir = root().join("tests/browser");
    install::npm_ci(&browser_dir)?;
    let chromium = install::chromium()?;
    let mut build = cargo();
    build.args(["build", "--package", "caseflow-cli"]);
    if release {
        build.arg("--release");
    }
    run(&mut build)?;
    let xtask = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let profile = if release { "release" } else { "debug" };
    run(std::process::Command::new("node")
        .args(args)
        .current_dir(&browser_dir)
        .env("CASEFLOW_BIN", target_dir().join(profile).join("caseflow"))
        .env("XTASK_BIN", xtask)
        .env("CHROMIUM", chromium))
}

fn fuzz_cmd(args: &[String]) -> Result {
    let minutes: u64 = match args {
        [] => 1,
        [flag, n] if flag == "--minutes" => n
            .parse()
            .ok()
            .filter(|m| (1..=24 * 60).contains(m))
            .ok_or_else(|| format!("--minutes: '{n}' is not a whole number from 1 to 1440"))?,
        _ => return Err("usage: cargo xtask fuzz [--minutes N]".into()),
    };
    let step = Step::new("fuzz scenario files and values");
    run(cargo()
        .args([
            "test",
            "--release",
            "--package",
            "caseflow-core",
            "--test",
            "fuzz",
            "--",
            "--ignored",
            "long_fuzz",
            "--nocapture",
        ])
        .env("CASEFLOW_FUZZ_SECONDS", (minutes * 60).to_string()))?;
    step.done();
    Ok(())
}

/// Write `web/src/generated/types.ts` from the core's Rust types.
fn codegen_cmd() -> Result {
    let step = Step::new("generate web/src/generated/types.ts");
    let file = root().join("web/src/generated/types.ts");
    run(cargo()
        .args([
            "run",
            "--quiet",
            "--package",
            "caseflow-core",
            "--features",
            "ts",
            "--example",
            "typescript",
            "--",
        ])
        .arg(&file))?;
    println!("  wrote {}", file.display());
    step.done();
    Ok(())
}

fn dist_cmd() -> Result {
    build()?;
    write_dist()
}

/// Copy the built page to `dist/caseflow.html`.
fn write_dist() -> Result {
    let out = root().join("dist");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let file = out.join("caseflow.html");
    std::fs::copy(root().join("web/dist/index.html"), &file)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let size = std::fs::metadata(&file).map_err(|e| e.to_string())?.len();
    println!(
        "wrote {} ({size} bytes): open it from any folder or USB stick, no network needed",
        file.display()
    );
    Ok(())
}
