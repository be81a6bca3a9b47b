//! The crate's floors, checked from its source: no module imports another that imports it back
//! (directly or round a circle), and imports go down — `store` stands on nothing above it, a use
//! case in `service` on the store and never on another use case's file, and what the browser
//! draws (`pages`, `components`, `app`, `auth`) never on the server-only floors.
//!
//! A module is a file. An edge is any `crate::…` or `super::…` path in it (in `use` lines and in
//! code), resolved to the longest module path that names a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the source folder can be read") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `store/cases.rs` → `store::cases`, `store/mod.rs` → `store`, `lib.rs` → ``.
fn module_of(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).expect("under the root").with_extension("");
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod" && *p != "lib").collect();
    parts.join("::")
}

/// The paths a `use` tree or a path in code names: `a::{b, c::{d}}` → `a::b`, `a::c::d`.
fn flatten(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    if let Some(open) = tree.find("::{") {
        let base = &tree[..open];
        let inner = tree[open + 3..].strip_suffix('}').unwrap_or(&tree[open + 3..]);
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&inner[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&inner[start..]);
        return parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .flat_map(|p| flatten(p).into_iter().map(move |rest| format!("{base}::{rest}")))
            .collect();
    }
    vec![tree.split(" as ").next().unwrap_or(tree).to_string()]
}

/// Every path that starts with `prefix` in `code`, with its brace groups.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find(prefix) {
        let start = from + at;
        from = start + prefix.len();
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut end = from;
        let mut depth = 0;
        for (i, c) in code[from..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                c if depth == 0 && (c.is_alphanumeric() || c == '_' || c == ':') => {}
                _ if depth > 0 => {}
                _ => {
                    end = from + i;
                    break;
                }
            }
            end = from + i + c.len_utf8();
        }
        found.push(code[from..end].trim_end_matches(':').to_string());
    }
    found.into_iter().flat_map(|p| flatten(&p)).collect()
}

/// The lines of `source` outside its inline modules (`mod tests { … }`): outside one, `super::`
/// names the file's parent module; inside one it names the file itself, which is no edge. Braces
/// are counted per line, so an inline module is assumed not to hide one in a string.
fn outside_inline_modules(source: &str) -> String {
    let mut kept = Vec::new();
    let mut depth = 0usize;
    for line in source.lines() {
        let code = without_comments(line);
        let declaration = code.trim_start().trim_start_matches("pub(crate) ").trim_start_matches("pub ");
        if depth == 0 && !(declaration.starts_with("mod ") && code.trim_end().ends_with('{')) {
            kept.push(line);
            continue;
        }
        depth += code.matches('{').count();
        depth = depth.saturating_sub(code.matches('}').count());
    }
    kept.join("\n")
}

fn without_comments(line: &str) -> &str {
    match line.find("//") {
        Some(at) if !line[..at].contains('"') => &line[..at],
        _ => line,
    }
}

/// The longest prefix of `path` that is a module of the crate.
fn resolve(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len()).rev().map(|n| parts[..n].join("::")).find(|m| modules.contains(m))
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let sources: BTreeMap<String, String> = files
        .iter()
        .map(|f| (module_of(&root, f), std::fs::read_to_string(f).expect("a source file can be read")))
        .collect();
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    let mut graph = Graph::new();
    for (module, source) in &sources {
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
        let code: String = source.lines().map(without_comments).collect::<Vec<_>>().join("\n");
        let top_code: String =
            outside_inline_modules(source).lines().map(without_comments).collect::<Vec<_>>().join("\n");
        let mut targets: Vec<String> = paths_after(&code, "crate::");
        targets.extend(paths_after(&top_code, "super::").into_iter().map(|p| {
            if parent.is_empty() {
                p
            } else {
                format!("{parent}::{p}")
            }
        }));
        let edges = graph.entry(module.clone()).or_default();
        for target in targets {
            if let Some(found) = resolve(&target, &modules) {
                if found != *module && !found.starts_with(&format!("{module}::")) {
                    edges.insert(found);
                }
            }
        }
    }
    graph
}

/// The circles of `graph` (its strongly connected parts of more than one module).
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    struct Search<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Search<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut part = Vec::new();
                while let Some(w) = self.stack.pop() {
                    part.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if part.len() > 1 {
                    part.sort();
                    self.found.push(part);
                }
            }
        }
    }
    let mut search =
        Search { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), found: Vec::new() };
    for v in graph.keys() {
        if !search.index.contains_key(v.as_str()) {
            search.visit(v);
        }
    }
    search.found
}

/// The floor a module stands on: its first path segment.
fn floor(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let found = circles(&graph());
    assert!(found.is_empty(), "import circles between modules of `app`: {found:#?}");
}

#[test]
fn imports_go_down_the_floors() {
    let graph = graph();
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            let allowed = match floor(from) {
                "domain" => floor(to) == "domain",
                // The event bus: what a change publishes after it commits, below the store so
                // that the board-event projection can name the events it writes.
                "events" => ["domain", "model"].contains(&floor(to)),
                "store" => ["domain", "model", "error", "events", "store"].contains(&floor(to)),
                // A use case stands on the store; of the other use cases' files only the state
                // that composes them (the live-board hub) may be named, and only by the state.
                "service" => {
                    ["domain", "model", "error", "events", "store"].contains(&floor(to))
                        || to == "service"
                        || (from == "service::state" && to == "service::feed")
                }
                "pages" | "components" | "app" | "auth" | "routes" => {
                    !["store", "service", "events"].contains(&floor(to))
                }
                _ => true,
            };
            if !allowed {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that go up or sideways: {wrong:#?}");
}

#[test]
fn the_graph_sees_imports_and_circles() {
    let graph = graph();
    assert!(graph["service::board"].contains("store::board_events"), "a `use crate::…` line is an edge");
    assert!(graph["components::header"].contains("components::labels"), "a `use super::…` line is an edge");
    let mut circle = Graph::new();
    circle.entry("a".into()).or_default().insert("b".into());
    circle.entry("b".into()).or_default().insert("c".into());
    circle.entry("c".into()).or_default().insert("a".into());
    circle.entry("d".into()).or_default().insert("a".into());
    assert_eq!(circles(&circle), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
}

#[test]
fn super_inside_an_inline_module_is_the_file_itself() {
    let source = "use super::cases;\n#[cfg(test)]\nmod tests {\n    use super::*;\n    fn f() {\n        super::x();\n    }\n}\nfn after() {}\n";
    assert_eq!(outside_inline_modules(source), "use super::cases;\n#[cfg(test)]\nfn after() {}");
    assert_eq!(paths_after(&outside_inline_modules(source), "super::"), vec!["cases".to_string()]);
}
