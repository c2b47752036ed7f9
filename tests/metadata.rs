//! Package metadata that packagers rely on: `rust-version` is at least what every locked
//! dependency needs (clippy's `incompatible_msrv` lint, run by CI with `-D warnings`, checks the
//! code itself against it), the licence files exist, and the packaged example configuration
//! is valid once uncommented.

use std::path::Path;
use std::process::Command;

/// `1.89` as `[1, 89, 0]`, so that `1.89` and `1.89.0` compare equal.
fn version(v: &str) -> [u32; 3] {
    let mut out = [0; 3];
    for (slot, part) in out.iter_mut().zip(v.split('.')) {
        *slot = part.parse().unwrap_or(0);
    }
    out
}

#[test]
fn rust_version_covers_every_locked_dependency() {
    let ours = env!("CARGO_PKG_RUST_VERSION");
    assert!(!ours.is_empty(), "Cargo.toml sets no rust-version");
    // Only this platform's packages: a fresh clone that ran `cargo test` has downloaded those
    // and no others (wasm- or Windows-only crates stay in the lock file, undownloaded).
    let cargo_v = Command::new(env!("CARGO"))
        .arg("-vV")
        .output()
        .expect("run cargo -vV");
    let host = String::from_utf8_lossy(&cargo_v.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("cargo -vV names the host");
    let o = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&o.stdout).expect("metadata JSON");
    let mut needs: Vec<([u32; 3], String)> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| !p["source"].is_null())
        .filter_map(|p| {
            let rv = p["rust_version"].as_str()?;
            Some((
                version(rv),
                format!("{} {} needs {rv}", p["name"], p["version"]),
            ))
        })
        .collect();
    needs.sort();
    let (highest, who) = needs.last().expect("dependencies with a rust-version");
    assert!(
        version(ours) >= *highest,
        "rust-version = {ours} in Cargo.toml, but {who}: raise it"
    );
    // The lint that checks the code against rust-version must stay on, with no other MSRV.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("read Cargo.toml");
    assert!(
        !manifest.contains("incompatible_msrv"),
        "keep clippy::incompatible_msrv on"
    );
    let clippy = std::fs::read_to_string(root.join("clippy.toml")).unwrap_or_default();
    assert!(
        !clippy.contains("msrv"),
        "clippy.toml must not override rust-version"
    );
}

#[test]
fn the_code_and_the_corpus_each_have_a_licence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let code = std::fs::read_to_string(root.join("LICENSE")).expect("LICENSE");
    assert!(code.contains("EUROPEAN UNION PUBLIC LICENCE v. 1.2"));
    assert_eq!(env!("CARGO_PKG_LICENSE"), "EUPL-1.2");
    let corpus = std::fs::read_to_string(root.join("data/LICENSE")).expect("data/LICENSE");
    assert!(corpus.starts_with("Attribution 4.0 International"));
    let readme = std::fs::read_to_string(root.join("data/README.md")).expect("data/README.md");
    assert!(
        readme.contains("CC BY 4.0"),
        "data/README.md says which licence and why"
    );
}

#[test]
fn the_packaged_example_configuration_is_valid_once_uncommented() {
    let text = include_str!("../packaging/config.toml");
    let mut settings = 0;
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix('#') {
            // `#key = value` is a setting; `# text` is prose.
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase()) => {
                settings += 1;
                format!("{rest}\n")
            }
            _ => String::new(),
        })
        .collect();
    assert!(settings >= 5, "the example shows the kiosk settings");
    // The example is the administrator's system file, where `lock` is allowed.
    let config = plein::config::parse_layer("config.toml", &uncommented, true);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    assert_eq!(config.values.kiosk, Some(true));
    let as_shipped = plein::config::parse_layer("config.toml", text, true);
    assert!(as_shipped.problems.is_empty(), "{:?}", as_shipped.problems);
    assert_eq!(
        as_shipped.values,
        plein::config::Config::default(),
        "the shipped file sets nothing"
    );
}
