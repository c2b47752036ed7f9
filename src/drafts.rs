//! *Deel je ervaring*: a story someone writes in plein, kept as a draft, and turned into a corpus
//! story file for a curator to review. Nothing is ever published automatically.

use crate::corpus::{Corpus, is_slug};
use crate::privacy;
use serde::{Deserialize, Serialize};

/// The questions of the form, in the story shape of the corpus guide: their catalog keys.
pub const QUESTIONS: [&str; 5] = [
    "share.q_begin",
    "share.q_hardest",
    "share.q_helped",
    "share.q_now",
    "share.q_tip",
];

/// The phase each answer tells of (the tip has none).
const PHASE_OF: [Option<&str>; 5] = [
    Some("begin"),
    Some("dieptepunt"),
    Some("hulp-vragen"),
    Some("herstel"),
    None,
];

/// A story being written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// One answer per question in [`QUESTIONS`].
    pub answers: Vec<String>,
    /// The title the writer chose.
    pub title: String,
    /// Theme slugs; the first is the main theme.
    pub themes: Vec<String>,
    /// Tags from the themes' vocabularies.
    pub tags: Vec<String>,
    /// `zelf` or `naaste`.
    pub perspective: String,
    /// A first name, or empty for *anoniem*.
    pub name: String,
    /// Age, if the writer gives it.
    pub age: Option<u8>,
    /// When the writer agreed that the text may be shared anonymously in a corpus (seconds since
    /// 1970), or `None`: no consent, no export.
    pub consent: Option<i64>,
}

impl Draft {
    /// The answer to question `i` (empty if not written yet).
    pub fn answer(&self, i: usize) -> &str {
        self.answers.get(i).map_or("", String::as_str)
    }

    /// All the text the writer typed, for the privacy check.
    pub fn all_text(&self) -> String {
        let mut parts = vec![self.title.clone(), self.name.clone()];
        parts.extend(self.answers.iter().cloned());
        parts.join("\n\n")
    }

    /// The number of words written.
    pub fn words(&self) -> usize {
        self.answers
            .iter()
            .map(|a| a.split_whitespace().count())
            .sum()
    }
}

/// Why a draft cannot be exported yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReady {
    /// The writer did not agree to sharing.
    NoConsent,
    /// A field is missing: its name.
    Missing(&'static str),
}

/// The corpus story file for a draft: front matter (`origin = "ingezonden"`, the consent date)
/// and the answers as paragraphs, the tip last. Returns the story id and the file text.
pub fn story_file(
    draft: &Draft,
    corpus: &Corpus,
    today: &str,
) -> Result<(String, String), NotReady> {
    if draft.consent.is_none() {
        return Err(NotReady::NoConsent);
    }
    if draft.title.trim().is_empty() {
        return Err(NotReady::Missing("title"));
    }
    if draft.themes.is_empty() {
        return Err(NotReady::Missing("themes"));
    }
    if draft.answers.iter().all(|a| a.trim().is_empty()) {
        return Err(NotReady::Missing("text"));
    }
    let id = format!("ingezonden-{}", slug(&draft.title));
    let paragraphs: Vec<&str> = (0..4)
        .map(|i| draft.answer(i).trim())
        .filter(|a| !a.is_empty())
        .collect();
    let mut body = paragraphs.join("\n\n");
    let tip = draft.answer(4).trim();
    if !tip.is_empty() {
        body.push_str(&format!("\n\n**Mijn tip:** {tip}"));
    }
    let summary = first_sentence(paragraphs.first().copied().unwrap_or(tip));
    let phases: Vec<&str> = (0..5)
        .filter(|i| !draft.answer(*i).trim().is_empty())
        .filter_map(|i| PHASE_OF[i])
        .collect();
    let notes: Vec<&str> = crate::quality::triggered_notes(&body)
        .into_iter()
        .map(|(note, _)| note)
        .collect();
    // The main theme's first resources that this corpus has, else its crisis lines.
    let theme_links = corpus
        .theme(&draft.themes[0])
        .map(|t| t.resources.clone())
        .unwrap_or_default();
    let crisis = corpus
        .resources
        .iter()
        .filter(|r| r.crisis)
        .map(|r| r.id.clone());
    let resources: Vec<String> = theme_links
        .into_iter()
        .chain(crisis)
        .filter(|id| corpus.get(id).is_some())
        .take(2)
        .collect();
    let author = match (draft.name.trim(), draft.age) {
        ("", _) => "anoniem".to_owned(),
        (n, Some(a)) => format!("{n}, {a}"),
        (n, None) => n.to_owned(),
    };
    let list = |v: &[String]| toml_list(&v.iter().map(String::as_str).collect::<Vec<_>>());
    let mut fm = String::new();
    fm.push_str(&format!("id = {}\n", quote(&id)));
    fm.push_str(&format!("title = {}\n", quote(draft.title.trim())));
    fm.push_str(&format!("summary = {}\n", quote(&summary)));
    fm.push_str(&format!("themes = {}\n", list(&draft.themes)));
    fm.push_str(&format!("tags = {}\n", list(&draft.tags)));
    let perspective = if draft.perspective == "naaste" {
        "naaste"
    } else {
        "zelf"
    };
    fm.push_str(&format!("perspective = {}\n", quote(perspective)));
    fm.push_str(&format!("phases = {}\n", toml_list(&phases)));
    fm.push_str(&format!("content_notes = {}\n", toml_list(&notes)));
    fm.push_str(&format!("resources = {}\n", list(&resources)));
    fm.push_str("origin = \"ingezonden\"\n");
    fm.push_str(&format!("consent = {}\n", quote(today)));
    fm.push_str("lang = \"nl\"\n");
    fm.push_str(&format!("author = {}\n", quote(&author)));
    if let Some(a) = draft.age {
        fm.push_str(&format!("\n[narrator]\nage = {a}\n"));
    }
    Ok((id, format!("+++\n{fm}+++\n{body}\n")))
}

/// Writes a finished story (with consent) as a corpus story file into `dir`, the place the
/// configuration allows for stories written in guest and kiosk sessions (`share_export_dir`).
/// The file is private (0600) and named after the story and the time, so nothing is replaced.
pub fn write_submission(
    draft: &Draft,
    corpus: &Corpus,
    dir: &std::path::Path,
) -> Result<std::path::PathBuf, String> {
    let stamp = crate::paths::file_time(crate::paths::now());
    let today = format!("{}-{}-{}", &stamp[..4], &stamp[4..6], &stamp[6..8]);
    let (id, text) = story_file(draft, corpus, &today).map_err(|e| match e {
        NotReady::NoConsent => "no consent".to_owned(),
        NotReady::Missing(f) => format!("{f} is missing"),
    })?;
    let path = dir.join(format!("{id}-{stamp}.md"));
    crate::paths::write_private_file(&path, text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// What a curator should look at in a submitted story: identifying details (sentence by
/// sentence) and, from the quality checks, long sentences and hard subjects without a note.
pub fn review(
    body: &str,
    known: &std::collections::HashSet<String>,
) -> Vec<(privacy::Kind, String)> {
    privacy::scan(body, known)
        .into_iter()
        .map(|f| (f.kind, f.text))
        .collect()
}

fn slug(title: &str) -> String {
    let folded: String = title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let s: Vec<&str> = folded
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect();
    let s = s.join("-");
    if is_slug(&s) { s } else { "verhaal".into() }
}

fn first_sentence(text: &str) -> String {
    let s = crate::quality::sentences(text)
        .into_iter()
        .next()
        .unwrap_or_default();
    let s: String = s.chars().take(200).collect();
    if s.trim().is_empty() {
        "Een ingezonden verhaal.".into()
    } else {
        s.trim().to_owned()
    }
}

fn quote(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    toml::Value::String(one_line).to_string()
}

fn toml_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}
