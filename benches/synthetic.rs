//! Synthetic corpora for the benches (not part of the library: `benches/search.rs` and
//! `benches/app.rs` include this file with `#[path]`): any number of stories, made of the bundled corpus's own
//! words (so term statistics look like real Dutch text), deterministic for a seed.

use plein::corpus::{Corpus, Narrator, PHASES, Perspective, Story};
use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `0..n`, skewed towards 0 (frequent words are drawn more often).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize % n.max(1)
    }
}

/// The words of a corpus, most frequent first.
fn vocabulary(base: &Corpus) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let texts = base
        .stories
        .iter()
        .map(|s| s.text().expect("story text").into_owned())
        .chain(base.resources.iter().map(|r| r.body.to_string()));
    for t in texts {
        for w in t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1)
        {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    let mut words: Vec<(usize, String)> = counts.into_iter().map(|(w, c)| (c, w)).collect();
    words.sort_by(|a, b| b.cmp(a));
    words.into_iter().map(|(_, w)| w).collect()
}

/// A corpus of `n` synthetic stories plus the resources, themes and synonyms of `base`.
pub fn corpus(base: &Corpus, n: usize, seed: u64) -> Corpus {
    let words = vocabulary(base);
    let mut rng = Rng(seed.max(1));
    let mut stories = Vec::with_capacity(n);
    let sentence = |rng: &mut Rng, len: usize| {
        let mut s = String::new();
        for i in 0..len {
            let w = &words[rng.skewed(words.len())];
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s
    };
    for i in 0..n {
        let theme = &base.themes[i % base.themes.len()];
        let mut body = String::new();
        for p in 0..5 {
            for _ in 0..6 {
                let len = 6 + rng.below(8);
                let _ = write!(body, "{}. ", sentence(&mut rng, len));
            }
            body.push_str(if p < 4 { "\n\n" } else { "\n" });
        }
        let tags = (0..3)
            .map(|_| theme.tags[rng.below(theme.tags.len())].clone())
            .collect();
        let title_len = 3 + rng.below(4);
        stories.push(Story {
            id: format!("synthetisch-{i}"),
            title: sentence(&mut rng, title_len),
            summary: format!("{}.", sentence(&mut rng, 12)),
            themes: vec![theme.slug.clone()],
            tags,
            perspective: if i % 5 == 0 {
                Perspective::Naaste
            } else {
                Perspective::Zelf
            },
            phases: vec![PHASES[i % PHASES.len()].to_owned()],
            content_notes: Vec::new(),
            resources: base
                .resources
                .first()
                .map(|r| vec![r.id.clone()])
                .unwrap_or_default(),
            origin: "illustratief".into(),
            consent: None,
            lang: "nl".into(),
            author: None,
            narrator: Narrator::default(),
            body: body.into(),
            path: format!("stories/{}/synthetisch-{i}.md", theme.slug),
        });
    }
    let mut c = Corpus::new(
        base.themes.clone(),
        base.content_notes.clone(),
        stories,
        base.resources.clone(),
        0,
    );
    c.synonyms = base.synonyms.clone();
    c.fingerprint = seed ^ n as u64;
    c
}

/// Writes a corpus's stories as a corpus directory (resources copied from `resources_dir`).
pub fn write_dir(corpus: &Corpus, dir: &Path) -> std::io::Result<()> {
    for t in &corpus.themes {
        std::fs::create_dir_all(dir.join("stories").join(&t.slug))?;
    }
    std::fs::create_dir_all(dir.join("resources"))?;
    for s in &corpus.stories {
        let q = |v: &[String]| {
            v.iter()
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let text = format!(
            "+++\nid = {:?}\ntitle = {:?}\nsummary = {:?}\nthemes = [{}]\ntags = [{}]\nperspective = {:?}\nphases = [{}]\ncontent_notes = []\nresources = [{}]\norigin = \"illustratief\"\nlang = \"nl\"\n+++\n{}",
            s.id,
            s.title,
            s.summary,
            q(&s.themes),
            q(&s.tags),
            s.perspective.slug(),
            q(&s.phases),
            q(&s.resources),
            s.text().expect("story text")
        );
        std::fs::write(dir.join(&s.path), text)?;
    }
    for r in &corpus.resources {
        let text = format!(
            "+++\nid = {:?}\nname = {:?}\nkind = {:?}\nsummary = {:?}\nsource = {:?}\nchecked = {}\n+++\n{}\n",
            r.id, r.name, r.kind, r.summary, r.source, r.checked, r.body
        );
        std::fs::write(dir.join("resources").join(format!("{}.md", r.id)), text)?;
    }
    Ok(())
}
