//! Embeds the bundled corpus (`data/`) in the binary: the list of files is generated here, their
//! bytes are included with `include_bytes!`, so the binary runs with nothing beside it.
//!
//! It also hashes, at build time, what the prebuilt bundled index and corpus table
//! (`assets/index/`) are made from: the corpus, the stop words, and the code that parses the
//! corpus and analyses text (every `src/search` file except the query-only ones listed in
//! `QUERY_ONLY`, `src/corpus`, the Markdown and sanitizing code), with the tantivy and frostem
//! versions. `src/search/embedded.rs` uses the prebuilt files only when their stamp carries this
//! hash, and the test `bundled_index` fails until they are regenerated. The bundled corpus's
//! fingerprint is computed here too, so no process hashes the corpus at start.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "src/i18n/flatten.rs"]
mod flatten;
#[path = "src/search/lexicon/verb_line.rs"]
mod verb_line;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("data");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    let mut f = fs::File::create(&out).expect("create bundled.rs");
    writeln!(
        f,
        "/// The bundled corpus: (path relative to `data/`, bytes), sorted by path."
    )
    .expect("write");
    writeln!(f, "pub static FILES: &[(&str, &[u8])] = &[").expect("write");
    for (rel, abs) in &files {
        writeln!(f, "    ({rel:?}, include_bytes!({abs:?})),").expect("write");
    }
    writeln!(f, "];").expect("write");
    let mut fp = Fnv::new();
    for (rel, abs) in &files {
        fp.eat(rel.as_bytes());
        fp.eat(&fs::read(abs).expect("read a corpus file"));
    }
    writeln!(
        f,
        "/// Fingerprint of the bundled corpus (see `Source::fingerprint`).\npub const FINGERPRINT: u64 = {:#x};",
        fp.0
    )
    .expect("write");
    index_inputs();
    catalogs();
    verbs();
    link_args();
}

/// Linux (glibc): the binary's relative relocations packed (DT_RELR). The table of the 23,000
/// pointers the dynamic loader fixes up at every start (panic locations, vtables, string
/// tables) took 567 kB of the binary; packed, it takes 6 kB (the binary shrinks by 0.55 MB; the
/// start is no faster, the fix-ups themselves remain). The linkers pack only when the C library
/// supports it (glibc 2.36 and later), so on an older host the flag changes nothing.
fn link_args() {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// `data/verbs.toml` as a table sorted by form (see `src/search/lexicon/mod.rs`): one string
/// holding each lemma once and every form, and (form offset, form length, lemma offset, lemma
/// length) entries. Bad lines and second listings of a form are left out of the table and listed
/// in `PROBLEMS` (line, form or "" for a bad line, line of the form's first listing), which
/// `plein check` reports: the binary need not carry the file's 230 kB.
fn verbs() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("data/verbs.toml")).expect("read data/verbs.toml");
    let mut all = String::new();
    let mut lemma_at = std::collections::HashMap::new();
    let mut forms: Vec<(&str, u32, u8)> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().map(str::trim).enumerate() {
        if line.is_empty() || line.starts_with('#') || line == "[strong]" || line == "[weak]" {
            continue;
        }
        let Some((lemma, list)) = verb_line::parse_line(line) else {
            problems.push(format!("({}, \"\", 0)", n + 1));
            continue;
        };
        let (at, len) = *lemma_at
            .entry(lemma)
            .or_insert_with(|| push(&mut all, lemma));
        for form in list {
            match seen.entry(form) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    problems.push(format!("({}, {form:?}, {})", n + 1, first.get()));
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(n + 1);
                    forms.push((form, at, len));
                }
            }
        }
    }
    forms.sort_unstable_by_key(|&(form, _, _)| form);
    let mut entries = Vec::new();
    for (form, at, len) in forms {
        let (fat, flen) = push(&mut all, form);
        entries.push(format!("({fat}, {flen}, {at}, {len})"));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("verbs.rs");
    let body = format!(
        "pub static TEXT: &str = {all:?};\npub static FORMS: &[(u32, u8, u32, u8)] = &[{}];\n\
         pub static PROBLEMS: &[(usize, &str, usize)] = &[{}];\n",
        entries.join(","),
        problems.join(",")
    );
    fs::write(out, body).expect("write verbs.rs");
}

/// Appends `word` to the verb table's text: its offset and length.
fn push(all: &mut String, word: &str) -> (u32, u8) {
    let at = u32::try_from(all.len()).expect("verb table under 4 GiB");
    all.push_str(word);
    (
        at,
        u8::try_from(word.len()).expect("a verb form under 256 bytes"),
    )
}

/// The UI catalogs (`assets/i18n/*.toml`) as static (dotted key, message) tables sorted by key,
/// so that no process parses TOML to print a word. A catalog that does not parse stops the
/// build with the file and the parser's message (line and column).
fn catalogs() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogs.rs");
    let mut f = fs::File::create(&out).expect("create catalogs.rs");
    for (name, file) in [("NL", "nl.toml"), ("EN", "en.toml")] {
        let path = root.join("assets/i18n").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read a UI catalog");
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("assets/i18n/{file} is not valid TOML: {e}"));
        let mut messages = Vec::new();
        flatten::flatten("", &table, &mut messages);
        messages.sort();
        writeln!(f, "pub static {name}: &[(&str, &str)] = &[").expect("write");
        for (k, v) in &messages {
            writeln!(f, "    ({k:?}, {v:?}),").expect("write");
        }
        writeln!(f, "];").expect("write");
    }
}

/// Files in `src/search` that only build or run queries: they do not change what is indexed.
const QUERY_ONLY: &[&str] = &[
    "mod.rs",
    "cache.rs",
    "embedded.rs",
    "eval.rs",
    "input.rs",
    "plan.rs",
    "results.rs",
];

/// Hashes everything the prebuilt index and corpus table are made of into `PLEIN_INDEX_INPUTS`.
fn index_inputs() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<PathBuf> = Vec::new();
    walk(&root.join("data"), &mut inputs);
    walk(&root.join("src/corpus"), &mut inputs);
    for f in [
        "assets/stopwords-nl.txt",
        "src/text/markdown.rs",
        "src/sanitize.rs",
    ] {
        inputs.push(root.join(f));
    }
    if let Ok(entries) = fs::read_dir(root.join("src/search")) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !QUERY_ONLY.contains(&name.as_str()) {
                walk(&e.path(), &mut inputs);
            }
        }
    }
    // The data folder's README documents the files; it is not one of them.
    inputs.retain(|p| p != &root.join("data/README.md"));
    inputs.sort();
    inputs.dedup();
    let mut h = Fnv::new();
    for p in &inputs {
        println!("cargo:rerun-if-changed={}", p.display());
        let rel = p
            .strip_prefix(&root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        h.eat(rel.as_bytes());
        h.eat(&[0]);
        let bytes = fs::read(p).unwrap_or_default();
        h.eat(&(bytes.len() as u64).to_le_bytes());
        h.eat(&bytes);
    }
    println!("cargo:rerun-if-changed=src/search");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    for name in ["tantivy", "frostem"] {
        let needle = format!("name = \"{name}\"\n");
        if let Some(at) = lock.find(&needle) {
            h.eat(lock[at..].lines().take(2).collect::<String>().as_bytes());
        }
    }
    println!("cargo:rustc-env=PLEIN_INDEX_INPUTS={:016x}", h.0);
}

/// Every file below `path` (or `path` itself when it is a file).
fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        if let Ok(entries) = fs::read_dir(path) {
            for e in entries.flatten() {
                walk(&e.path(), out);
            }
        }
    } else if path.is_file() {
        out.push(path.to_owned());
    }
}

/// FNV-1a, 64 bits (the same as `corpus::Fnv`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn eat(&mut self, bytes: &[u8]) {
        for b in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "toml")
        ) {
            let rel = path
                .strip_prefix(root)
                .expect("below root")
                .to_string_lossy()
                .replace('\\', "/");
            // The search lexicons are plein's, not the corpus's: the binary carries them
            // compiled (src/search/lexicon, src/search/compiled.rs), not as corpus files.
            if !matches!(
                rel.as_str(),
                "README.md" | "verbs.toml" | "lexicon.toml" | "crisis.toml"
            ) {
                files.push((rel, path.to_string_lossy().into_owned()));
            }
        }
    }
}
