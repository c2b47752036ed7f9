//! The crisis card: the help a kind of danger names, with the facts (numbers, hours) from the
//! resource files; which kind a query is, is `super::crisis`'s part.

use serde::Serialize;

/// One help line on a crisis card, with its facts from the resource file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardResource {
    /// Resource id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Numbers to call, as written in the resource file.
    pub phone: Vec<String>,
    /// When it can be reached, in words.
    pub hours: Option<String>,
    /// When it is open, structured (the card says "nu open tot 17:00").
    pub opening_hours: Option<crate::hours::Hours>,
    /// From the local overlay.
    pub local: bool,
    /// An invented example (shown with "voorbeeld").
    pub example: bool,
    /// Its place (local resources).
    pub place: Option<String>,
    /// A crisis resource (on *Hulp nu*).
    pub crisis: bool,
    /// The themes it serves.
    pub themes: Vec<String>,
}

/// The theme whose local crisis help fits a kind of danger, if any: a night shelter for
/// nowhere to sleep, a local violence helpline for danger now. Not wanting to live and a child
/// in danger keep the national lines only.
fn local_theme(kind: &str) -> Option<&'static str> {
    match kind {
        "no-shelter" => Some("thuisloosheid"),
        "danger-now" => Some("partnergeweld"),
        _ => None,
    }
}

/// The crisis card: the kind of danger and the help for it, first to last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    /// `suicide`, `danger-now`, `child` or `no-shelter`.
    pub kind: String,
    /// Resource ids, in the order they are shown.
    pub resources: Vec<String>,
    /// Every number on the card, in order.
    pub numbers: Vec<String>,
    /// The resources with their facts (those the corpus has).
    #[serde(skip)]
    pub help: Vec<CardResource>,
}

/// The card for a kind: its national help first, in the order crisis.toml gives, then the first
/// local crisis resource that fits the kind.
pub(crate) fn card(kind: &str, ids: &[String], facts: &[CardResource]) -> Card {
    let mut help: Vec<CardResource> = ids
        .iter()
        .filter_map(|id| facts.iter().find(|f| &f.id == id).cloned())
        .collect();
    let mut resources = ids.to_vec();
    if let Some(theme) = local_theme(kind)
        && let Some(local) = facts
            .iter()
            .find(|f| f.local && f.crisis && f.themes.iter().any(|t| t == theme))
    {
        resources.push(local.id.clone());
        help.push(local.clone());
    }
    Card {
        kind: kind.to_owned(),
        resources,
        numbers: help.iter().flat_map(|h| h.phone.iter().cloned()).collect(),
        help,
    }
}

/// The facts a card can show, from a corpus's resources.
pub(crate) fn facts(resources: &[crate::corpus::Resource]) -> Vec<CardResource> {
    resources
        .iter()
        .filter(|r| r.crisis || !r.phone.is_empty() || r.kind == "organisatie")
        .map(|r| CardResource {
            id: r.id.clone(),
            name: r.name.clone(),
            phone: r.phone.clone(),
            hours: r.hours.clone(),
            opening_hours: r.opening_hours.clone(),
            local: r.local,
            example: r.example,
            place: r.place.clone(),
            crisis: r.crisis,
            themes: r.themes.clone(),
        })
        .collect()
}

/// The facts of the bundled resources (once per process): for an index opened from a cache.
pub(crate) fn bundled_facts() -> Vec<CardResource> {
    static FACTS: std::sync::OnceLock<Vec<CardResource>> = std::sync::OnceLock::new();
    FACTS
        .get_or_init(|| {
            crate::corpus::load(&crate::corpus::Source::Bundled)
                .map(|l| facts(&l.corpus.resources))
                .unwrap_or_default()
        })
        .clone()
}

/// The help for the gravest kinds (not wanting to live, danger now), for a search that found
/// nothing: "Hulp nu" is never further away than the end of the answer.
pub fn help_now() -> Vec<CardResource> {
    let lex = super::understand::Lex::bundled();
    let facts = bundled_facts();
    let mut out: Vec<CardResource> = Vec::new();
    for kind in ["suicide", "danger-now"] {
        for id in lex.signals.resources(kind) {
            if let Some(f) = facts.iter().find(|f| &f.id == id)
                && !out.iter().any(|o| o.id == f.id)
            {
                out.push(f.clone());
            }
        }
    }
    out
}
