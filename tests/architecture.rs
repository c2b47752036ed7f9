//! The module graph is layered, so it has no circles: a module may use only modules of a lower
//! layer. The test reads every file under `src/` and fails on an import that points sideways or
//! up (for example `app` using `commands`), and on a module that has no layer yet.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers, bottom first. The crate docs (`src/lib.rs`) and the README draw the same map.
const LAYERS: &[&[&str]] = &[
    &["sanitize", "text", "i18n", "privacy"],
    &["diag", "quality", "hours"],
    &["corpus"],
    &["paths"],
    &["drafts", "search"],
    &["bookmarks"],
    // Presentation shared by the command line and the terminal app.
    &["present"],
    &["config"],
    // The terminal app: pure state, then drawing, then the terminal edge.
    &["app"],
    &["ui", "plain"],
    &["tui"],
    // The command line: its definitions, then the commands that run them.
    &["cli"],
    &["commands"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a file belongs to, and how deep the file's module is below the root.
fn module_of(rel: &Path) -> Option<(String, usize)> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?.trim_end_matches(".rs").to_owned();
    if parts.len() == 1 && (first == "lib" || first == "main") {
        return None;
    }
    let last = parts.last()?;
    let depth = parts.len() - usize::from(last == "mod.rs");
    Some((first, depth))
}

/// The crate-root modules a source text names: `crate::x`, `crate::{x, y::z}`, and
/// `super::…::x` climbing to the root. Comments are skipped.
fn references(text: &str, depth: usize) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            found.extend(group_heads(group));
        } else {
            found.insert(ident(after));
        }
        rest = after;
    }
    let mut rest = code.as_str();
    while let Some(i) = rest.find("super::") {
        let mut after = &rest[i..];
        let mut ups = 0;
        while let Some(a) = after.strip_prefix("super::") {
            ups += 1;
            after = a;
        }
        if ups >= depth {
            found.insert(ident(after));
        }
        rest = after;
    }
    found.retain(|m| !m.is_empty());
    found
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The first names of each path in a `{a, b::c, d::{e, f}}` group.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut at_start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            c if at_start && depth == 0 && !c.is_whitespace() => {
                heads.push(ident(&group[i..]));
                at_start = false;
            }
            _ => {}
        }
    }
    heads
}

/// Every import that breaks the layers, as `file: module uses other`.
fn violations(files: &[(PathBuf, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (rel, text) in files {
        let Some((module, depth)) = module_of(rel) else {
            continue;
        };
        let Some(own) = layer(&module) else {
            out.push(format!(
                "{}: module `{module}` has no layer in tests/architecture.rs",
                rel.display()
            ));
            continue;
        };
        for used in references(text, depth) {
            if used == module || used == "self" {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                Some(_) => out.push(format!(
                    "{}: `{module}` uses `crate::{used}`, which is not below it",
                    rel.display()
                )),
                // Names that are not modules (a macro, a re-export at the root) are not edges.
                None => {}
            }
        }
    }
    out
}

fn sources(dir: &Path, root: &Path, files: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, root, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read source");
            let rel = path.strip_prefix(root).expect("below src").to_path_buf();
            files.push((rel, text));
        }
    }
}

#[test]
fn no_module_imports_sideways_or_up() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 20, "src/ was not read");
    let problems = violations(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_module_has_a_layer_and_every_layer_a_module() {
    let lib = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("read lib.rs");
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_owned())
        .collect();
    let layered: BTreeSet<String> = LAYERS
        .iter()
        .flat_map(|l| l.iter().map(|m| (*m).to_owned()))
        .collect();
    assert_eq!(declared, layered);
}

#[test]
fn the_check_catches_an_upward_import() {
    let file = |p: &str, t: &str| (PathBuf::from(p), t.to_owned());
    let files = [
        file("app/reader.rs", "let b = crate::commands::byline(c, s);"),
        file(
            "app/mod.rs",
            "use crate::{\n    corpus::Doc,\n    tui::run,\n};",
        ),
        file("corpus/parse.rs", "use super::super::search::Filter;"),
        file(
            "ui/lists.rs",
            "// crate::commands in a comment is no import",
        ),
        file(
            "app/lists.rs",
            "use super::{App, View}; use crate::present::byline;",
        ),
    ];
    let found = violations(&files);
    assert_eq!(
        found,
        [
            "app/reader.rs: `app` uses `crate::commands`, which is not below it",
            "app/mod.rs: `app` uses `crate::tui`, which is not below it",
            "corpus/parse.rs: `corpus` uses `crate::search`, which is not below it",
        ]
    );
    let unknown = violations(&[file("newthing.rs", "")]);
    assert_eq!(unknown.len(), 1, "{unknown:?}");
}
