//! Keeps `src/` a graph without circles: each top-level module (`app`, `components`, `routes`, …)
//! may use others only where no chain of uses leads back to it.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Each module of `src/`, with the modules its code names as `crate::<module>`.
type Graph = BTreeMap<String, Vec<String>>;

/// The modules of the crate and what each uses, read from every `.rs` file under `src/`
/// except the crate roots (`lib.rs` declares the modules; `main.rs` and `bin/` are crates of
/// their own) and this check, whose examples are not uses.
fn crate_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = Graph::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).expect("a file under src/");
        let module = relative
            .components()
            .next()
            .and_then(|first| first.as_os_str().to_str())
            .expect("a UTF-8 path")
            .trim_end_matches(".rs")
            .to_owned();
        if ["lib", "main", "bin", "import_graph"].contains(&module.as_str()) {
            continue;
        }
        let source = fs::read_to_string(&file).expect("a readable source file");
        let uses = graph.entry(module.clone()).or_default();
        for used in crate_paths(&source, &file) {
            if used != module && !uses.contains(&used) {
                uses.push(used);
            }
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The first segment of every `crate::…` path in the code of `source` (comments left out).
fn crate_paths(source: &str, file: &Path) -> Vec<String> {
    let mut modules = Vec::new();
    for line in source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
    {
        for (_, rest) in line
            .match_indices("crate::")
            .map(|(at, _)| line.split_at(at + 7))
        {
            assert!(
                !rest.starts_with('{'),
                "{}: write one `use crate::<module>::…` per module, so that this check sees it: {line}",
                file.display()
            );
            let module: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !module.is_empty() {
                modules.push(module);
            }
        }
    }
    modules
}

/// A circle of uses, as the modules along it with the first repeated at the end, if there is one.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(graph: &Graph, module: &str, path: &mut Vec<String>) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|seen| seen == module) {
            let mut circle = path[start..].to_vec();
            circle.push(module.to_owned());
            return Some(circle);
        }
        path.push(module.to_owned());
        for used in graph.get(module).into_iter().flatten() {
            if let Some(circle) = visit(graph, used, path) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    graph
        .keys()
        .find_map(|module| visit(graph, module, &mut Vec::new()))
}

#[test]
fn src_has_no_import_circles() {
    let graph = crate_graph();
    assert!(
        graph["app"].contains(&"context".to_owned()),
        "the graph is read: {graph:?}"
    );
    if let Some(circle) = circle(&graph) {
        panic!("an import circle in src/: {}", circle.join(" → "));
    }
}

#[test]
fn components_and_pages_do_not_import_the_app_root() {
    let graph = crate_graph();
    for module in ["components", "pages", "context"] {
        assert!(
            !graph[module].contains(&"app".to_owned()),
            "{module} uses app: {:?}",
            graph[module]
        );
    }
}

#[test]
fn a_circle_is_found_and_named() {
    let source =
        "use crate::routes::Route;\n// crate::app in a comment\nlet x = crate::fresh::Fresh;";
    assert_eq!(
        crate_paths(source, Path::new("content.rs")),
        ["routes", "fresh"]
    );
    let graph: Graph = [
        ("app", vec!["content"]),
        ("content", vec!["routes"]),
        ("routes", vec!["content"]),
    ]
    .into_iter()
    .map(|(module, uses)| {
        (
            module.to_owned(),
            uses.into_iter().map(str::to_owned).collect(),
        )
    })
    .collect();
    assert_eq!(
        circle(&graph).unwrap(),
        ["app", "content", "routes", "content"][1..]
    );
}

/// The module graph of docs/architecture.md ("The modules") is the graph the code has, module by module, so
/// that the picture a new engineer starts from cannot drift from the code.
#[test]
fn the_architecture_guide_shows_the_graph_the_code_has() {
    let readme = include_str!("../docs/architecture.md");
    let block = readme
        .split_once("The modules of `src/` form a graph")
        .and_then(|(_, rest)| rest.split("```").nth(1))
        .expect("docs/architecture.md has its module graph");
    let mut shown = Graph::new();
    for line in block.lines().filter(|line| line.contains('→')) {
        let line = line.split('(').next().unwrap_or(line);
        let (module, uses) = line.split_once('→').expect("a line `module → uses`");
        let mut uses: Vec<String> = uses
            .split(',')
            .map(|used| used.trim().to_owned())
            .filter(|used| !used.is_empty() && used != "-")
            .collect();
        uses.sort();
        shown.insert(module.trim().to_owned(), uses);
    }
    let mut code = crate_graph();
    for uses in code.values_mut() {
        uses.sort();
    }
    assert_eq!(
        shown, code,
        "docs/architecture.md's module graph (left) against the code's (right)"
    );
}
