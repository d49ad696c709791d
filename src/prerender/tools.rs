//! Running the build tools that `.ci/setup-build` puts on PATH (wasm-opt, Sass).

use std::io::{self, Write as _};
use std::process::{Command, Stdio};

/// Runs `command` with `input` on its standard input and returns what it printed, or an error
/// saying what failed and where the tool comes from.
pub fn run(command: &mut Command, input: &[u8]) -> io::Result<String> {
    let program = command.get_program().to_string_lossy().into_owned();
    let cannot_run = |err: io::Error| {
        io::Error::new(
            err.kind(),
            format!(
                "{program} cannot be run ({err}): .ci/setup-build installs it and puts it on PATH"
            ),
        )
    };
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(cannot_run)?;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)?;
    let output = child.wait_with_output()?;
    if !output.status.success() {
        return Err(io::Error::other(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| io::Error::other(format!("{program} printed something that is not UTF-8")))
}
