//! Helpers shared by the integration tests that run the `dyad` binary.

#![allow(dead_code)] // each test file uses the helpers it needs

use std::path::PathBuf;
use std::process::Command;

/// The workspace root, where `examples/` and `lexicon/` are and `../shared` is beside.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `dyad` with `args` in the workspace; asserts it succeeds and returns its stdout.
pub fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).current_dir(workspace()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
