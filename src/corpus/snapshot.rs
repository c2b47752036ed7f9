//! The bundled corpus as a prebuilt table (`assets/index/corpus.bin`): a process that shows the
//! bundled corpus decodes it instead of parsing and checking every Markdown file (a few hundred
//! microseconds instead of milliseconds).
//!
//! The table is generated with the bundled index (`PLEIN_UPDATE_INDEX=1 cargo test
//! bundled_index`, see `search::embedded`) and starts with the hash of what it was made from;
//! a table from other inputs, or one that does not decode, is ignored and the corpus is parsed.
//! It is written only for a bundled corpus without diagnostics, so nothing `plein check` would
//! say is lost. Bodies are not stored twice: a body is a range of its embedded Markdown file.
//!
//! Encoding: see `corpus::table`.

use super::model::{
    Body, ContentNote, Corpus, Date, Narrator, Perspective, Resource, Story, Theme,
};
use super::{Loaded, Synonyms, table};
use std::borrow::Cow;
use std::collections::HashMap;

/// Magic bytes at the start of the table.
const MAGIC: &[u8; 8] = b"PLEINCT3";

static TABLE: &[u8] = include_bytes!("../../assets/index/corpus.bin");

/// The bundled corpus from the prebuilt table, if it is current and sound.
pub(crate) fn bundled() -> Option<Loaded> {
    decode(
        TABLE,
        env!("PLEIN_INDEX_INPUTS"),
        super::source::bundled_files(),
        true,
    )
}

/// The bundled corpus without its stories (themes, resources, synonyms), if the table is
/// current and sound: what a search with the prebuilt index needs beside it, which holds the
/// stories. Their section of the table is skipped, not decoded.
pub(crate) fn bundled_without_stories() -> Option<Loaded> {
    decode(
        TABLE,
        env!("PLEIN_INDEX_INPUTS"),
        super::source::bundled_files(),
        false,
    )
}

/// Encodes a loaded bundled corpus (an empty table when it has diagnostics).
pub(crate) fn encode(loaded: &Loaded) -> Vec<u8> {
    let mut w = table::Writer(Vec::new(), super::source::bundled_files());
    w.0.extend_from_slice(MAGIC);
    w.str(env!("PLEIN_INDEX_INPUTS"));
    if !loaded.diagnostics.is_empty() {
        w.u8(0);
        return w.0;
    }
    w.u8(1);
    let c = &loaded.corpus;
    w.list(&c.themes, Writer::theme);
    w.list(&c.content_notes, |w, n| {
        let ContentNote {
            slug,
            name_nl,
            name_en,
        } = n;
        w.strs(&[slug, name_nl, name_en]);
    });
    // The stories as a section of known length, so that a reader that needs none skips it.
    let mut stories = table::Writer(Vec::new(), w.1);
    stories.list(&c.stories, Writer::story);
    w.u32(stories.0.len());
    w.0.extend_from_slice(&stories.0);
    w.list(&c.resources, Writer::resource);
    w.u64(c.skipped as u64);
    let mut syn: Vec<(&str, &[String])> = c.synonyms.iter().collect();
    syn.sort();
    w.u64(c.synonyms.longest_term() as u64);
    w.list(&syn, |w, (k, v)| {
        w.str(k);
        w.list(v, |w, s| w.str(s));
    });
    w.0
}

/// The bundled files a body may be a range of.
type Files = &'static [(&'static str, &'static [u8])];

type Writer = table::Writer<Files>;

impl Writer {
    /// A body: a range of its embedded file when it is one (tag 1), else inline (tag 0).
    fn body(&mut self, path: &str, body: &str) {
        let file = self
            .1
            .iter()
            .position(|(rel, _)| path == format!("data/{rel}"));
        let found = file.and_then(|i| {
            let text = std::str::from_utf8(self.1[i].1).ok()?;
            Some((i, text.find(body)?))
        });
        match found {
            Some((i, at)) if !body.is_empty() => {
                self.u8(1);
                self.u32(i);
                self.u32(at);
                self.u32(body.len());
            }
            _ => {
                self.u8(0);
                self.str(body);
            }
        }
    }
    fn theme(&mut self, t: &Theme) {
        let Theme {
            slug,
            name_nl,
            name_en,
            tagline_nl,
            tagline_en,
            description_nl,
            description_en,
            tags,
            resources,
        } = t;
        self.strs(&[
            slug,
            name_nl,
            name_en,
            tagline_nl,
            tagline_en,
            description_nl,
            description_en,
        ]);
        self.texts(tags);
        self.texts(resources);
    }
    fn story(&mut self, s: &Story) {
        let Story {
            id,
            title,
            summary,
            themes,
            tags,
            perspective,
            phases,
            content_notes,
            resources,
            origin,
            consent,
            lang,
            author,
            narrator,
            body: _,
            path,
        } = s;
        self.strs(&[id, title, summary]);
        for list in [themes, tags, phases, content_notes, resources] {
            self.texts(list);
        }
        self.u8(u8::from(*perspective == Perspective::Naaste));
        self.strs(&[origin, lang, path]);
        self.opt(consent, |w, v| w.str(v));
        self.opt(author, |w, v| w.str(v));
        let Narrator {
            age,
            gender,
            setting,
            region,
            migration,
        } = narrator;
        self.opt(age, |w, v| w.u8(*v));
        for o in [gender, setting, region] {
            self.opt(o, |w, v| w.str(v));
        }
        self.opt(migration, |w, v| w.u8(u8::from(*v)));
        // The bundled corpus holds its texts; a story left in its file is written as read now.
        self.body(path, &s.text().unwrap_or_default());
    }
    fn resource(&mut self, r: &Resource) {
        let Resource {
            id,
            name,
            kind,
            themes,
            crisis,
            summary,
            phone,
            url,
            hours,
            opening_hours,
            place,
            address,
            walk_in,
            stories,
            search_words,
            example,
            local: _,
            source,
            checked,
            checked_line,
            body,
            path,
        } = r;
        self.strs(&[id, name, kind, summary, source, path]);
        self.texts(themes);
        self.texts(phone);
        self.texts(stories);
        self.texts(search_words);
        self.u8(u8::from(*crisis));
        self.u8(u8::from(*example));
        self.opt(url, |w, v| w.str(v));
        self.opt(hours, |w, v| w.str(v));
        self.opt(opening_hours, |w, v| w.str(v.text()));
        for o in [place, address, walk_in] {
            self.opt(o, |w, v| w.str(v));
        }
        self.u64(*checked_line as u64);
        self.0.extend_from_slice(&checked.year.to_le_bytes());
        self.u8(checked.month);
        self.u8(checked.day);
        self.body(path, body);
    }
}

/// Decodes a table made from `inputs`, with bodies in `files`.
fn decode(
    table: &[u8],
    inputs: &str,
    files: &'static [(&'static str, &'static [u8])],
    with_stories: bool,
) -> Option<Loaded> {
    let mut r = Reader { b: table, x: files };
    if r.take(8)? != MAGIC || r.str()? != inputs || r.u8()? != 1 {
        return None;
    }
    let themes = r.list(Reader::theme)?;
    let notes = r.list(|r| {
        Some(ContentNote {
            slug: r.str()?,
            name_nl: r.str()?,
            name_en: r.str()?,
        })
    })?;
    let section = r.u32()?;
    let section = r.take(section)?;
    let stories = if with_stories {
        let mut r = Reader {
            b: section,
            x: files,
        };
        let stories = r.list(Reader::story)?;
        if !r.b.is_empty() {
            return None;
        }
        stories
    } else {
        Vec::new()
    };
    let resources = r.list(Reader::resource)?;
    let skipped = usize::try_from(r.u64()?).ok()?;
    let longest = usize::try_from(r.u64()?).ok()?;
    let syn: HashMap<String, Vec<String>> = r
        .list(|r| Some((r.str()?, r.texts()?)))?
        .into_iter()
        .collect();
    if !r.b.is_empty() {
        return None;
    }
    let mut corpus = Corpus::new(themes, notes, stories, resources, skipped);
    corpus.synonyms = Synonyms::from_parts(syn, longest);
    corpus.fingerprint = super::Source::Bundled.fingerprint().ok()?;
    Some(Loaded {
        corpus,
        diagnostics: Vec::new(),
    })
}

type Reader<'a> = table::Reader<'a, Files>;

impl Reader<'_> {
    fn body(&mut self) -> Option<Cow<'static, str>> {
        match self.u8()? {
            0 => self.str().map(Cow::Owned),
            1 => {
                let (i, at, n) = (self.u32()?, self.u32()?, self.u32()?);
                let bytes = self.x.get(i)?.1.get(at..at.checked_add(n)?)?;
                std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
            }
            _ => None,
        }
    }
    fn theme(&mut self) -> Option<Theme> {
        Some(Theme {
            slug: self.str()?,
            name_nl: self.str()?,
            name_en: self.str()?,
            tagline_nl: self.str()?,
            tagline_en: self.str()?,
            description_nl: self.str()?,
            description_en: self.str()?,
            tags: self.texts()?,
            resources: self.texts()?,
        })
    }
    fn story(&mut self) -> Option<Story> {
        let (id, title, summary) = (self.str()?, self.str()?, self.str()?);
        let (themes, tags, phases) = (self.texts()?, self.texts()?, self.texts()?);
        let (content_notes, resources) = (self.texts()?, self.texts()?);
        let perspective = match self.u8()? {
            0 => Perspective::Zelf,
            1 => Perspective::Naaste,
            _ => return None,
        };
        let (origin, lang, path) = (self.str()?, self.str()?, self.str()?);
        let consent = self.opt(Reader::str)?;
        let author = self.opt(Reader::str)?;
        let narrator = Narrator {
            age: self.opt(Reader::u8)?,
            gender: self.opt(Reader::str)?,
            setting: self.opt(Reader::str)?,
            region: self.opt(Reader::str)?,
            migration: self.opt(|r| r.u8().map(|b| b == 1))?,
        };
        Some(Story {
            id,
            title,
            summary,
            themes,
            tags,
            perspective,
            phases,
            content_notes,
            resources,
            origin,
            consent,
            lang,
            author,
            narrator,
            body: Body::Held(self.body()?),
            path,
        })
    }
    fn resource(&mut self) -> Option<Resource> {
        let (id, name, kind, summary) = (self.str()?, self.str()?, self.str()?, self.str()?);
        let (source, path) = (self.str()?, self.str()?);
        let (themes, phone, stories) = (self.texts()?, self.texts()?, self.texts()?);
        let search_words = self.texts()?;
        let crisis = self.u8()? == 1;
        let example = self.u8()? == 1;
        let url = self.opt(Reader::str)?;
        let hours = self.opt(Reader::str)?;
        let opening_hours = match self.opt(Reader::str)? {
            Some(t) => Some(crate::hours::Hours::parse(&t).ok()?),
            None => None,
        };
        let (place, address) = (self.opt(Reader::str)?, self.opt(Reader::str)?);
        let walk_in = self.opt(Reader::str)?;
        let checked_line = usize::try_from(self.u64()?).ok()?;
        let year = u16::from_le_bytes(self.take(2)?.try_into().ok()?);
        let checked = Date::new(year, self.u8()?, self.u8()?)?;
        Some(Resource {
            id,
            name,
            kind,
            themes,
            crisis,
            summary,
            phone,
            url,
            hours,
            opening_hours,
            place,
            address,
            walk_in,
            stories,
            search_words,
            example,
            local: false,
            source,
            checked,
            checked_line,
            body: self.body()?,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed() -> Loaded {
        super::super::load_parsed(&super::super::Source::Bundled).expect("bundled corpus")
    }

    #[test]
    fn the_table_gives_back_the_parsed_corpus() {
        let p = parsed();
        let table = encode(&p);
        let files = super::super::source::bundled_files();
        let d = decode(&table, env!("PLEIN_INDEX_INPUTS"), files, true).expect("the table decodes");
        let (a, b) = (&p.corpus, &d.corpus);
        assert_eq!(format!("{:?}", a.themes), format!("{:?}", b.themes));
        assert_eq!(
            format!("{:?}", a.content_notes),
            format!("{:?}", b.content_notes)
        );
        assert_eq!(format!("{:?}", a.stories), format!("{:?}", b.stories));
        assert_eq!(format!("{:?}", a.resources), format!("{:?}", b.resources));
        assert_eq!(a.synonyms, b.synonyms);
        assert_eq!((a.skipped, a.fingerprint), (b.skipped, b.fingerprint));
        let first = &a.stories[0].id;
        assert!(b.get(first).is_some(), "ids are indexed after decoding");
        // Without the stories: the same themes, resources and synonyms, no story.
        let c = decode(&table, env!("PLEIN_INDEX_INPUTS"), files, false)
            .expect("the table decodes without its stories")
            .corpus;
        assert!(c.stories.is_empty() && c.get(first).is_none());
        assert_eq!(format!("{:?}", a.resources), format!("{:?}", c.resources));
        assert_eq!(format!("{:?}", a.themes), format!("{:?}", c.themes));
        assert_eq!(a.synonyms, c.synonyms);
    }

    #[test]
    fn a_table_from_other_inputs_or_damaged_is_not_used() {
        let table = encode(&parsed());
        let files = super::super::source::bundled_files();
        for stories in [true, false] {
            assert!(decode(&table, "0000000000000000", files, stories).is_none());
            for cut in [0, 9, table.len() / 2, table.len() - 1] {
                let cut = &table[..cut];
                assert!(decode(cut, env!("PLEIN_INDEX_INPUTS"), files, stories).is_none());
            }
            let mut longer = table.clone();
            longer.push(0);
            assert!(decode(&longer, env!("PLEIN_INDEX_INPUTS"), files, stories).is_none());
        }
    }
}
