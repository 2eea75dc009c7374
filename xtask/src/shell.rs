//! Running commands and reporting steps.

use std::process::Command;
use std::time::Instant;

/// A named step: prints its name when it starts and its time when it ends.
pub struct Step {
    name: &'static str,
    started: Instant,
}

impl Step {
    /// Announce a step.
    pub fn new(name: &'static str) -> Step {
        println!("==> {name}");
        Step {
            name,
            started: Instant::now(),
        }
    }

    /// Report the step as finished.
    pub fn done(self) {
        println!(
            "  ok: {} ({:.1} s)",
            self.name,
            self.started.elapsed().as_secs_f64()
        );
    }
}

/// `cargo` as invoked for this build (the same toolchain), run from the workspace root.
pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    c.current_dir(crate::root());
    c
}

/// Run a command to completion, inheriting stdout and stderr; fail unless it exits with 0.
pub fn run(cmd: &mut Command) -> crate::Result {
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

/// Run a command and capture its standard output, or `None` if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}
