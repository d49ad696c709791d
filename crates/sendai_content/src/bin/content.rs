//! `content check [FOLDER]`: checks the site's content (default `content/`) as the build does,
//! without building the site, and says what is wrong and what to do. `cargo content check` runs it.
//! Under GitHub Actions (`GITHUB_ACTIONS=true`) it also prints each problem as a workflow
//! annotation, which GitHub shows on the line of the file.

use std::path::PathBuf;
use std::process::ExitCode;

use sendai_content::compile::{compile, picture_cache};

const USAGE: &str = "usage: content check [FOLDER]   (checks content/ if no folder is given)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [command] if command == "check" => PathBuf::from("content"),
        [command, dir] if command == "check" => PathBuf::from(dir),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match compile(&dir, &picture_cache()) {
        Ok(compiled) => {
            // The sections' posts, and the later pages of their lists, are the pages the shell
            // does not list.
            println!(
                "{}: {} pages, each in English and Japanese; no problems found",
                dir.display(),
                compiled.site.pages.len() + compiled.unlisted.len()
            );
            ExitCode::SUCCESS
        }
        Err(report) => {
            eprint!("{report}");
            // Under GitHub Actions, each problem also shows on its line of the changed file.
            if std::env::var("GITHUB_ACTIONS").is_ok_and(|value| value == "true") {
                for problem in &report.0 {
                    println!("{}", problem.github_annotation());
                }
            }
            ExitCode::FAILURE
        }
    }
}
