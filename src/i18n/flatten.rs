//! Flattens a catalog's tables into dotted keys (`[cli] stories = …` → `cli.stories`).
//!
//! Shared by `build.rs`, which turns the bundled catalogs into static tables (no process parses
//! TOML to print a word), and by [`Catalog::parse`](super::Catalog::parse).

/// Appends every message of `table` under `prefix` to `out`; a non-string value becomes its
/// TOML text.
pub fn flatten(prefix: &str, table: &toml::Table, out: &mut Vec<(String, String)>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => out.push((key, s.clone())),
            other => out.push((key, other.to_string())),
        }
    }
}
