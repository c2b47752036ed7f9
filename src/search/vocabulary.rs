//! The words of the corpus, for typos and compounds: read once from the index's term
//! dictionaries when an index opens, or from a table made with the index: at development time
//! for the bundled one (`assets/index/vocabulary.bin`), when it is built for a cached one
//! (beside it in the cache). Reading the term dictionary was most of the time it takes to
//! open an index. The table starts with the inputs' hash of the bundled
//! index and is ignored when it is not current; the rest is one LZ4 block, encoded as
//! `corpus::table` says (per length: the words' text, then each word's end and frequency).

use super::index::Fields;
use crate::corpus::table::{Reader, Writer};
use std::sync::Arc;
use tantivy::{IndexReader, InvertedIndexReader};

/// Magic bytes at the start of the table.
const MAGIC: &[u8; 8] = b"PLEINVC1";

static TABLE: &[u8] = include_bytes!("../../assets/index/vocabulary.bin");

/// The words of the corpus (unstemmed, folded) with the number of documents each occurs in, for
/// typos and compounds; whether a stem or word is in the corpus is asked of the index's term
/// dictionaries directly (a lookup in a memory-mapped FST), so opening copies only the words.
pub(crate) struct Vocabulary {
    /// Corpus words by length in characters, each length's words sorted, with their document
    /// frequency.
    by_len: Vec<Words>,
    /// The term dictionaries of the stemmed fields, per segment.
    stemmed: Vec<Arc<InvertedIndexReader>>,
    /// The term dictionaries of the plain (unstemmed) field, per segment.
    plain: Vec<Arc<InvertedIndexReader>>,
}

impl Vocabulary {
    /// Reads the words from the index.
    pub fn read(reader: &IndexReader, fields: &Fields) -> tantivy::Result<Self> {
        let (stemmed, plain) = dictionaries(reader, fields)?;
        let by_len = words_of(&plain)?;
        Ok(Vocabulary {
            by_len,
            stemmed,
            plain,
        })
    }

    /// The bundled index's vocabulary: the words from the table made with it when that is
    /// current, else read from the index.
    pub fn bundled(reader: &IndexReader, fields: &Fields) -> tantivy::Result<Self> {
        Self::with_table(reader, fields, Some(TABLE))
    }

    /// The words from `table` (made by [`Vocabulary::encode`] for this index) when it is
    /// current and sound, else read from the index: a cached index keeps its table beside it.
    pub fn with_table(
        reader: &IndexReader,
        fields: &Fields,
        table: Option<&[u8]>,
    ) -> tantivy::Result<Self> {
        let (stemmed, plain) = dictionaries(reader, fields)?;
        let by_len = match table.and_then(|t| decode(t, super::embedded::INPUTS)) {
            Some(words) => words,
            None => words_of(&plain)?,
        };
        Ok(Vocabulary {
            by_len,
            stemmed,
            plain,
        })
    }

    /// The table of these words (see the module docs).
    pub fn encode(&self) -> Vec<u8> {
        let mut raw = Writer(Vec::new(), ());
        raw.list(&self.by_len, |w, words| {
            w.str(&words.text);
            w.list(&words.ends, |w, &(end, df)| {
                w.u32(end as usize);
                w.u32(df as usize);
            });
        });
        crate::corpus::table::pack(MAGIC, super::embedded::INPUTS, &raw.0)
    }
}

/// The term dictionaries of the stemmed fields and of the plain field, per segment.
type Dictionaries = (Vec<Arc<InvertedIndexReader>>, Vec<Arc<InvertedIndexReader>>);

fn dictionaries(reader: &IndexReader, fields: &Fields) -> tantivy::Result<Dictionaries> {
    let searcher = reader.searcher();
    let (mut stemmed, mut plain) = (Vec::new(), Vec::new());
    for segment in searcher.segment_readers() {
        for field in [fields.title, fields.summary, fields.tags_text, fields.body] {
            stemmed.push(segment.inverted_index(field)?);
        }
        plain.push(segment.inverted_index(fields.plain)?);
    }
    Ok((stemmed, plain))
}

/// The words of the plain field's dictionaries, by length.
fn words_of(plain: &[Arc<InvertedIndexReader>]) -> tantivy::Result<Vec<Words>> {
    let mut by_len: Vec<Words> = Vec::new();
    let mut add = |word: &str, df: u32| {
        let n = word.chars().count();
        if by_len.len() <= n {
            by_len.resize_with(n + 1, Words::default);
        }
        by_len[n].push(word, df);
    };
    if let [inverted] = plain {
        // One segment (the bundled index): its stream is already in term order.
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            if let Ok(word) = std::str::from_utf8(stream.key()) {
                add(word, stream.value().doc_freq);
            }
        }
    } else {
        // Several segments: words in several of them add up.
        let mut words: Vec<(String, u32)> = Vec::new();
        for inverted in plain {
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    words.push((word.to_owned(), stream.value().doc_freq));
                }
            }
        }
        words.sort_unstable();
        words.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1 += later.1;
            }
            same
        });
        for (word, df) in &words {
            add(word, *df);
        }
    }
    for list in &mut by_len {
        list.text.shrink_to_fit();
        list.ends.shrink_to_fit();
    }
    Ok(by_len)
}

/// Decodes a table made from `inputs`.
fn decode(table: &[u8], inputs: &str) -> Option<Vec<Words>> {
    let raw = crate::corpus::table::unpack(table, MAGIC, inputs)?;
    let mut r = Reader { b: &raw, x: () };
    let words = r.list(|r| {
        let text = r.str()?;
        let ends = r.list(|r| {
            let end = u32::try_from(r.u32()?).ok()?;
            let df = u32::try_from(r.u32()?).ok()?;
            Some((end, df))
        })?;
        // Every end within the text, in order: a damaged table is never trusted.
        let mut at = 0;
        for &(end, _) in &ends {
            let end = end as usize;
            if end < at || !text.is_char_boundary(end) {
                return None;
            }
            at = end;
        }
        Some(Words { text, ends })
    })?;
    r.b.is_empty().then_some(words)
}

impl Vocabulary {
    /// Documents that contain `word` (0 when it is not in the corpus).
    pub fn df(&self, word: &str) -> u32 {
        self.plain
            .iter()
            .filter_map(|i| i.terms().get(word).ok().flatten())
            .map(|info| info.doc_freq)
            .sum()
    }

    /// True when a stemmed field has `stem`: a word with this stem is known, even if never
    /// written so.
    pub fn has_stem(&self, stem: &str) -> bool {
        self.stemmed
            .iter()
            .any(|i| i.terms().get(stem).ok().flatten().is_some())
    }

    /// Corpus words within the edit distance that suits `word`'s length, nearest and most
    /// frequent first: the candidates for a typo.
    pub fn near(&self, word: &str, limit: usize) -> Vec<(String, u32)> {
        let n = word.chars().count();
        let max = max_edits(n);
        if max == 0 {
            return Vec::new();
        }
        let mut found: Vec<(u32, std::cmp::Reverse<u32>, String)> = Vec::new();
        let mut dist = Bounded::new(word, max as usize);
        for len in n.saturating_sub(max as usize)..=n + max as usize {
            for (cand, df) in self.by_len.get(len).into_iter().flat_map(Words::iter) {
                if let Some(d) = dist.to(cand)
                    && d > 0
                {
                    found.push((d as u32, std::cmp::Reverse(df), cand.to_owned()));
                }
            }
        }
        found.sort();
        found
            .into_iter()
            .take(limit)
            .map(|(d, _, w)| (w, d))
            .collect()
    }

    /// Longer corpus words that begin or end with `word`: the compounds it is part of
    /// (*verslaving* → *gokverslaving*; *schuld* → *schuldhulpverlening*). Most frequent first.
    pub fn compounds(&self, word: &str, limit: usize) -> Vec<String> {
        let n = word.chars().count();
        if n < 4 {
            return Vec::new();
        }
        let mut found: Vec<(std::cmp::Reverse<u32>, &str)> = Vec::new();
        for list in self.by_len.iter().skip(n + 3) {
            for (cand, df) in list.iter() {
                if cand.starts_with(word) || cand.ends_with(word) {
                    found.push((std::cmp::Reverse(df), cand));
                }
            }
        }
        found.sort();
        found
            .into_iter()
            .take(limit)
            .map(|(_, w)| w.to_owned())
            .collect()
    }
}

/// Words of one length, in order, in one string: a shared SSH host holds a vocabulary per
/// session, and one allocation per word would cost each session several hundred kilobytes.
#[derive(Default, Clone, Debug, PartialEq, Eq)]
struct Words {
    text: String,
    /// Where each word ends in `text`, with its document frequency.
    ends: Vec<(u32, u32)>,
}

impl Words {
    fn push(&mut self, word: &str, df: u32) {
        self.text.push_str(word);
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.ends.push((end, df));
    }

    fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        let mut start = 0usize;
        self.ends.iter().map(move |&(end, df)| {
            let word = self.text.get(start..end as usize).unwrap_or_default();
            start = end as usize;
            (word, df)
        })
    }
}

/// Edit distance from one word to many, giving up as soon as it must exceed a bound: the scan
/// for typo candidates runs on every keystroke, over the whole vocabulary.
struct Bounded {
    word: Vec<char>,
    max: usize,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Bounded {
    fn new(word: &str, max: usize) -> Self {
        let word: Vec<char> = word.chars().collect();
        let n = word.len() + 1;
        Bounded {
            word,
            max,
            prev: vec![0; n],
            cur: vec![0; n],
        }
    }

    /// The distance to `other` if it is at most the bound.
    fn to(&mut self, other: &str) -> Option<usize> {
        for (j, p) in self.prev.iter_mut().enumerate() {
            *p = j;
        }
        for (i, c) in other.chars().enumerate() {
            self.cur[0] = i + 1;
            let mut row_min = self.cur[0];
            for j in 0..self.word.len() {
                let cost = usize::from(self.word[j] != c);
                self.cur[j + 1] = (self.prev[j] + cost)
                    .min(self.prev[j + 1] + 1)
                    .min(self.cur[j] + 1);
                row_min = row_min.min(self.cur[j + 1]);
            }
            if row_min > self.max {
                return None;
            }
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        let d = self.prev[self.word.len()];
        (d <= self.max).then_some(d)
    }
}

/// Edits allowed for a typo, by word length: none up to 3 letters, 1 up to 5, else 2.
pub(crate) fn max_edits(len: usize) -> u32 {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::Bounded;

    #[test]
    fn the_bundled_table_holds_the_words_of_the_embedded_index() {
        let index = super::super::embedded::open().expect("the embedded index is current");
        let reader = super::super::reader(&index).expect("reader");
        let fields = super::super::index::schema().1;
        let read = super::Vocabulary::read(&reader, &fields).expect("read");
        let table = read.encode();
        let inputs = super::super::embedded::INPUTS;
        assert_eq!(super::decode(&table, inputs).as_ref(), Some(&read.by_len));
        assert_eq!(
            super::decode(super::TABLE, inputs).as_ref(),
            Some(&read.by_len),
            "assets/index/vocabulary.bin is stale: PLEIN_UPDATE_INDEX=1 cargo test bundled_index"
        );
        // Other inputs, or a damaged table, are not used.
        assert!(super::decode(&table, "other").is_none());
        assert!(super::decode(&table[..table.len() - 1], inputs).is_none());
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "eenzaamheid",
            "eensaamheid",
            "schuld",
            "schulden",
            "gok",
            "gokverslaving",
            "",
            "a",
        ];
        for a in words {
            for max in 0..=3 {
                let mut b = Bounded::new(a, max);
                for other in words {
                    let full = crate::corpus::edit_distance(a, other);
                    assert_eq!(
                        b.to(other),
                        (full <= max).then_some(full),
                        "{a} → {other} within {max}"
                    );
                }
            }
        }
    }
}
