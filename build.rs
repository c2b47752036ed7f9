//! Embeds the bundled corpus (`data/`) in the binary: the list of files is generated here, their
//! bytes are included with `include_bytes!`, so the binary runs with nothing beside it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

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
            if rel != "README.md" {
                files.push((rel, path.to_string_lossy().into_owned()));
            }
        }
    }
}
