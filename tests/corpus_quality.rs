//! The bundled corpus stays one a volunteer would trust: counts and spread, readability,
//! distinctness, content notes, safe facts, and no identifying details. Run with
//! `cargo test corpus_quality -- --nocapture` to see where the corpus stands.

use plein::corpus::{self, Corpus, PHASES, Perspective, Source, Story};
use plein::quality;
use std::collections::{BTreeMap, HashSet};

fn corpus() -> Corpus {
    corpus::load(&Source::Bundled)
        .expect("bundled corpus")
        .corpus
}

fn stories_of<'a>(c: &'a Corpus, theme: &'a str) -> Vec<&'a Story> {
    c.stories
        .iter()
        .filter(|s| s.themes.iter().any(|t| t == theme))
        .collect()
}

#[test]
fn counts_and_spread_per_theme() {
    let c = corpus();
    print_report(&c);
    assert!(c.stories.len() >= 150, "{} stories", c.stories.len());
    for theme in &c.themes {
        let main: Vec<&Story> = c.stories_in(&theme.slug).collect();
        let all = stories_of(&c, &theme.slug);
        let t = &theme.slug;
        assert!(
            main.len() >= 30,
            "{t}: {} stories with it as main theme",
            main.len()
        );
        let naaste = main
            .iter()
            .filter(|s| s.perspective == Perspective::Naaste)
            .count();
        assert!(naaste >= 4, "{t}: {naaste} told by a naaste");
        for phase in PHASES {
            assert!(
                main.iter().any(|s| s.phases.iter().any(|p| p == phase)),
                "{t}: phase {phase} unused"
            );
        }
        for tag in &theme.tags {
            let n = all.iter().filter(|s| s.tags.contains(tag)).count();
            assert!(n >= 2, "{t}: tag {tag} used by {n} stories");
        }
        let ages: Vec<u8> = main.iter().filter_map(|s| s.narrator.age).collect();
        assert!(
            ages.iter().any(|a| *a < 25) && ages.iter().any(|a| *a > 70),
            "{t}: ages {ages:?}"
        );
        let has = |f: &dyn Fn(&Story) -> bool| main.iter().any(|s| f(s));
        for g in ["vrouw", "man", "non-binair"] {
            assert!(
                has(&|s| s.narrator.gender.as_deref() == Some(g)),
                "{t}: no {g} narrator"
            );
        }
        for place in ["stad", "dorp"] {
            assert!(
                has(&|s| s.narrator.setting.as_deref() == Some(place)),
                "{t}: no story in a {place}"
            );
        }
        assert!(
            has(&|s| s.narrator.migration == Some(true)),
            "{t}: no narrator with a migration background"
        );
        assert!(
            has(&|s| s.narrator.migration == Some(false)),
            "{t}: no narrator without a migration background"
        );
    }
    let non_binary = c
        .stories
        .iter()
        .filter(|s| s.narrator.gender.as_deref() == Some("non-binair"))
        .count();
    assert!(non_binary >= 5, "{non_binary} non-binary narrators");
    for (a, b) in [
        ("armoede-en-schulden", "gokverslaving"),
        ("thuisloosheid", "eenzaamheid"),
        ("partnergeweld", "thuisloosheid"),
    ] {
        let n = c
            .stories
            .iter()
            .filter(|s| s.themes.iter().any(|t| t == a) && s.themes.iter().any(|t| t == b))
            .count();
        assert!(n >= 1, "no story crosses {a} and {b}");
    }
}

#[test]
fn every_story_is_illustrative_sized_and_linked_to_help() {
    let c = corpus();
    let mut linked: HashSet<&str> = c
        .themes
        .iter()
        .flat_map(|t| t.resources.iter().map(String::as_str))
        .collect();
    for s in &c.stories {
        assert_eq!(s.origin, "illustratief", "{}", s.path);
        let words = quality::readability(&s.text().expect("story text")).words;
        assert!((250..=600).contains(&words), "{}: {words} words", s.path);
        assert!(
            (1..=4).contains(&s.resources.len()),
            "{}: {} resources linked",
            s.path,
            s.resources.len()
        );
        linked.extend(s.resources.iter().map(String::as_str));
        assert!(
            s.text().expect("story text").contains("Mijn tip"),
            "{}: ends without a **Mijn tip:**",
            s.path
        );
    }
    for r in &c.resources {
        assert!(
            linked.contains(r.id.as_str()),
            "resource {} is linked from no story or theme",
            r.id
        );
    }
    assert!(
        c.resources.len() >= 32,
        "every resource with a name and a summary ships"
    );
}

#[test]
fn readability_b1() {
    let c = corpus();
    for s in &c.stories {
        let r = quality::readability(&s.text().expect("story text"));
        assert!(
            r.mean_sentence <= 14.0,
            "{}: mean sentence {:.1} words",
            s.path,
            r.mean_sentence
        );
        let long = quality::long_sentences(&s.text().expect("story text"), 30);
        assert!(
            long.is_empty(),
            "{}: sentences over 30 words: {long:?}",
            s.path
        );
    }
}

#[test]
fn stories_and_titles_are_distinct() {
    let c = corpus();
    let sh: Vec<_> = c
        .stories
        .iter()
        .map(|s| quality::shingles(&s.text().expect("story text")))
        .collect();
    for i in 0..c.stories.len() {
        for j in i + 1..c.stories.len() {
            let o = quality::overlap(&sh[i], &sh[j]);
            assert!(
                o <= 0.20,
                "{} and {} share {:.0}% of their 5-word shingles",
                c.stories[i].path,
                c.stories[j].path,
                o * 100.0
            );
            let (a, b) = (
                title_key(&c.stories[i].title),
                title_key(&c.stories[j].title),
            );
            assert!(
                corpus::edit_distance(&a, &b) > 2,
                "titles alike: {:?} and {:?}",
                c.stories[i].title,
                c.stories[j].title
            );
        }
    }
}

fn title_key(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn stories_that_touch_hard_subjects_carry_the_content_note() {
    let c = corpus();
    let mut missing = Vec::new();
    for s in &c.stories {
        let text = format!(
            "{} {} {}",
            s.title,
            s.summary,
            s.text().expect("story text")
        );
        for (note, word) in quality::triggered_notes(&text) {
            if !s.content_notes.iter().any(|n| n == note) {
                missing.push(format!(
                    "{}: mentions `{word}` but has no content note `{note}`",
                    s.path
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Phone numbers and web addresses in the checked source table, and the ones never to ship.
fn allowed_facts() -> (HashSet<String>, HashSet<String>, Vec<String>) {
    let src = include_str!("fixtures/resources-source.md");
    let (mut phones, mut urls) = (HashSet::new(), HashSet::new());
    for row in src
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("| theme") && !l.starts_with("|---"))
    {
        let cols: Vec<&str> = row.split('|').map(str::trim).collect();
        phones.extend(phone_numbers(cols[4]));
        urls.extend(web_addresses(cols[5]));
    }
    (phones, urls, vec!["0900-0113".into(), "0900-0767".into()])
}

/// Phone-number shapes in text: a run of digits, spaces and hyphens that starts with 0 and has
/// at least 7 digits, or the short numbers 112 and 113.
fn phone_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if chars[i].is_ascii_digit() && starts_word {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || ((chars[j] == ' ' || chars[j] == '-')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            let digits = run.chars().filter(char::is_ascii_digit).count();
            if (run.starts_with('0') && digits >= 7) || run == "112" || run == "113" {
                out.push(run);
            }
            i = j;
        }
        i += 1;
    }
    out
}

/// Web-address shapes in text: words with a dot and a known top-level domain, or a scheme.
fn web_addresses(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
        .map(|w| {
            w.trim_end_matches(['.', ':', '!', '?', '"', '\''])
                .trim_start_matches("https://")
                .trim_start_matches("http://")
        })
        .filter(|w| {
            let host = w.split('/').next().unwrap_or("");
            host.contains('.')
                && [".nl", ".com", ".org", ".eu", ".net"]
                    .iter()
                    .any(|t| host.to_lowercase().ends_with(t))
        })
        .map(|w| w.split('/').next().unwrap_or("").to_lowercase())
        .collect()
}

#[test]
fn every_phone_number_and_web_address_comes_from_the_checked_sources() {
    let (phones, urls, banned) = allowed_facts();
    assert!(
        phones.contains("0800-2000") && urls.contains("veiligthuis.nl"),
        "fixture parsed"
    );
    let c = corpus();
    let mut texts: Vec<(String, String)> = Vec::new();
    for t in &c.themes {
        texts.push((
            format!("themes.toml [{}]", t.slug),
            format!("{}\n{}", t.description_nl, t.description_en),
        ));
    }
    for s in &c.stories {
        texts.push((
            s.path.clone(),
            format!(
                "{}\n{}\n{}",
                s.title,
                s.summary,
                s.text().expect("story text")
            ),
        ));
    }
    for r in &c.resources {
        let fields = format!(
            "{}\n{}\n{}\n{}\n{}",
            r.summary,
            r.phone.join("\n"),
            r.url.clone().unwrap_or_default(),
            r.hours.clone().unwrap_or_default(),
            r.body
        );
        texts.push((r.path.clone(), fields));
    }
    for (path, text) in texts {
        for p in phone_numbers(&text) {
            assert!(
                phones.contains(&p),
                "{path}: phone number {p} is not in the checked sources"
            );
            assert!(!banned.contains(&p), "{path}: {p} must not ship");
        }
        for u in web_addresses(&text) {
            assert!(
                urls.contains(&u),
                "{path}: web address {u} is not in the checked sources"
            );
        }
        assert!(
            !text.contains("Sensoor") || path.ends_with("de-luisterlijn.md"),
            "{path}: old name Sensoor"
        );
    }
    for r in &c.resources {
        let row = include_str!("fixtures/resources-source.md")
            .lines()
            .find(|l| {
                let name = l.split('|').nth(2).unwrap_or("").trim();
                !name.is_empty()
                    && r.phone
                        .iter()
                        .chain(r.url.iter())
                        .all(|f| l.contains(f.as_str()))
                    && (r
                        .name
                        .contains(name.split([' ', ',']).next().unwrap_or("-"))
                        || name.contains(r.name.split(' ').next().unwrap_or("-")))
            });
        assert!(
            row.is_some(),
            "{}: its phone and url are not on one source row for {}",
            r.path,
            r.name
        );
    }
}

fn towns() -> HashSet<String> {
    include_str!("fixtures/towns.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().to_lowercase())
        .collect()
}

#[test]
fn stories_identify_nobody() {
    let c = corpus();
    let towns = towns();
    let org_words: HashSet<String> = c
        .resources
        .iter()
        .flat_map(|r| {
            r.name
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        })
        .collect();
    let mut problems = Vec::new();
    for s in &c.stories {
        let text = format!(
            "{} {} {}",
            s.title,
            s.summary,
            s.text().expect("story text")
        );
        let lower = text.to_lowercase();
        if text.contains('@') {
            problems.push(format!("{}: looks like an e-mail address", s.path));
        }
        let words: Vec<String> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .map(str::to_owned)
            .collect();
        for (i, w) in words.iter().enumerate() {
            let two = words.get(i + 1).map(|n| format!("{w} {n}"));
            if towns.contains(w) || two.as_ref().is_some_and(|t| towns.contains(t)) {
                problems.push(format!(
                    "{}: names a town ({w}); name a region instead",
                    s.path
                ));
            }
            let street = ["straat", "laan", "weg", "plein", "gracht", "kade", "singel"]
                .iter()
                .any(|e| w.ends_with(e) && w.len() > e.len() + 2);
            if street
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
            {
                problems.push(format!("{}: looks like a street address ({w} …)", s.path));
            }
        }
        for sentence in quality::markdown_sentences(&s.text().expect("story text")) {
            let ws: Vec<&str> = sentence.split_whitespace().collect();
            for (i, win) in ws.windows(3).enumerate() {
                let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
                let organisation = org_words.contains(&bare(win[2]));
                if i > 0
                    && cap(win[0])
                    && ["van", "de", "der", "den", "ter", "ten"].contains(&win[1])
                    && cap(win[2])
                    && !organisation
                    && !win[0].ends_with(['.', ',', ':'])
                {
                    problems.push(format!(
                        "{}: looks like a surname: {}",
                        s.path,
                        win.join(" ")
                    ));
                }
            }
        }
        if let Some(a) = &s.author {
            let ok = a == "anoniem" || a.split(", ").next().is_some_and(|name| !name.contains(' '));
            if !ok {
                problems.push(format!(
                    "{}: author line `{a}` must be a first name and age, or anoniem",
                    s.path
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Where the corpus stands, for curators: `cargo test corpus_quality -- --nocapture`.
fn print_report(c: &Corpus) {
    let mut by_theme: BTreeMap<usize, (String, usize, usize, f64)> = BTreeMap::new();
    for (i, t) in c.themes.iter().enumerate() {
        let main: Vec<&Story> = c.stories_in(&t.slug).collect();
        let naaste = main
            .iter()
            .filter(|s| s.perspective == Perspective::Naaste)
            .count();
        let mean = main
            .iter()
            .map(|s| quality::readability(&s.text().expect("story text")).mean_sentence)
            .sum::<f64>()
            / main.len().max(1) as f64;
        by_theme.insert(i, (t.slug.clone(), main.len(), naaste, mean));
    }
    let sh: Vec<_> = c
        .stories
        .iter()
        .map(|s| quality::shingles(&s.text().expect("story text")))
        .collect();
    let mut worst = (0.0f64, String::new());
    for i in 0..sh.len() {
        for j in i + 1..sh.len() {
            let o = quality::overlap(&sh[i], &sh[j]);
            if o > worst.0 {
                worst = (o, format!("{} ~ {}", c.stories[i].id, c.stories[j].id));
            }
        }
    }
    let all = c
        .stories
        .iter()
        .map(|s| quality::readability(&s.text().expect("story text")))
        .collect::<Vec<_>>();
    let mean = all.iter().map(|r| r.mean_sentence).sum::<f64>() / all.len().max(1) as f64;
    let longest = all.iter().map(|r| r.longest_sentence).max().unwrap_or(0);
    let words = all.iter().map(|r| r.words).sum::<usize>();
    println!(
        "corpus report: {} stories, {} resources, {words} words",
        c.stories.len(),
        c.resources.len()
    );
    for (slug, n, naaste, mean) in by_theme.values() {
        println!(
            "  {slug:<20} {n:>3} stories ({naaste} by a naaste), mean sentence {mean:.1} words"
        );
    }
    println!("  mean sentence length {mean:.1} words; longest sentence {longest} words");
    println!(
        "  worst 5-word shingle overlap {:.1}% ({})",
        worst.0 * 100.0,
        worst.1
    );
    assert!(c.stories.len() >= 150);
}
