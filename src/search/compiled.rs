//! The lexicons and crisis signals, compiled at development time into a table embedded in the
//! binary (`assets/index/lexicons.bin`): a process decodes them in a fraction of the time it
//! takes to parse the TOML files and analyse their thousands of words, which was most of what
//! a short `plein search` spent before it could read a query.
//!
//! The table is generated with the bundled index (`PLEIN_UPDATE_INDEX=1 cargo test
//! bundled_index`, see `search::embedded`) and starts with the hash of what it was made from
//! (the lexicon files and the analysis code are among the inputs); a table from other inputs,
//! or one that does not decode, is ignored and the files are compiled as before. The test
//! below holds the table equal to a fresh compile. Encoding: the magic, the inputs' hash and
//! the length of the rest, then the rest as one LZ4 block (a fifth of its size: the table is
//! in every binary); the rest is encoded as `corpus::table` says.

use super::crisis::{Alt, Signal, Signals};
use super::understand::{Lex, Person};
use crate::corpus::table::{Reader, Writer};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Magic bytes at the start of the table.
const MAGIC: &[u8; 8] = b"PLEINLX1";

static TABLE: &[u8] = include_bytes!("../../assets/index/lexicons.bin");

/// The compiled lexicons from the embedded table, if it is current and sound.
pub(crate) fn bundled() -> Option<Lex> {
    decode(TABLE, super::embedded::INPUTS)
}

/// Encodes compiled lexicons, stamped with this build's inputs.
pub(crate) fn encode(lex: &Lex) -> Vec<u8> {
    crate::corpus::table::pack(MAGIC, super::embedded::INPUTS, &encode_raw(lex))
}

fn encode_raw(lex: &Lex) -> Vec<u8> {
    let mut w = Writer(Vec::new(), ());
    let mut terms: Vec<_> = lex.terms.iter().collect();
    terms.sort();
    w.list(&terms, |w, (k, list)| {
        w.str(k);
        w.list(list, |w, (keys, e)| {
            w.texts(keys);
            w.u32(*e);
        });
    });
    w.list(&lex.entries, |w, (theme, finds)| {
        w.str(theme);
        w.texts(finds);
    });
    w.list(&lex.single, |w, (s, e)| {
        w.str(s);
        w.u32(*e);
    });
    w.list(&lex.help, |w, h| w.texts(h));
    w.texts(&sorted(&lex.known));
    w.texts(&sorted(&lex.asking));
    let p = &lex.person;
    w.str(&p.theme);
    for list in [&p.persons, &p.verbs, &p.objects] {
        w.texts(list);
    }
    w.texts(&lex.age.before);
    w.texts(&lex.age.after);
    w.list(&lex.age.groups, |w, (from, to, finds)| {
        w.u32(*from as usize);
        w.u32(*to as usize);
        w.texts(finds);
    });
    let s = &lex.signals;
    w.list(&s.kinds, |w, (kind, ids)| {
        w.str(kind);
        w.texts(ids);
    });
    w.list(&s.kind_unless, |w, u| slots(w, u));
    w.list(&s.signals, |w, sig| {
        w.u32(sig.kind);
        slots(w, &sig.slots);
        slots(w, &sig.unless);
        w.bool(sig.order);
        w.bool(sig.alone);
        w.bool(sig.last);
        w.u32(sig.line);
    });
    w.0
}

fn sorted(set: &HashSet<String>) -> Vec<String> {
    let mut v: Vec<String> = set.iter().cloned().collect();
    v.sort();
    v
}

fn slots(w: &mut Writer, list: &[Vec<Alt>]) {
    w.list(list, |w, slot| {
        w.list(slot, |w, alt| match alt {
            Alt::Word { key, word, stop } => {
                w.u8(0);
                w.str(key);
                w.str(word);
                w.bool(*stop);
            }
            Alt::Prefix(p) => {
                w.u8(1);
                w.str(p);
            }
        });
    });
}

/// Reads slots of alternatives; each distinct text is allocated once and shared (see [`Alt`]).
fn read_slots<'a>(
    r: &mut Reader<'a>,
    texts: &mut HashMap<&'a str, Arc<str>>,
) -> Option<Vec<Vec<Alt>>> {
    let mut text = |r: &mut Reader<'a>| -> Option<Arc<str>> {
        let s = r.str_ref()?;
        Some(texts.entry(s).or_insert_with(|| s.into()).clone())
    };
    r.list(|r| {
        r.list(|r| match r.u8()? {
            0 => Some(Alt::Word {
                key: text(r)?,
                word: text(r)?,
                stop: r.bool()?,
            }),
            1 => Some(Alt::Prefix(text(r)?)),
            _ => None,
        })
    })
}

/// Decodes a table made from `inputs`.
fn decode(table: &[u8], inputs: &str) -> Option<Lex> {
    decode_raw(&crate::corpus::table::unpack(table, MAGIC, inputs)?)
}

fn decode_raw(raw: &[u8]) -> Option<Lex> {
    let mut r = Reader { b: raw, x: () };
    let terms: HashMap<String, Vec<(Vec<String>, usize)>> = r
        .list(|r| Some((r.str()?, r.list(|r| Some((r.texts()?, r.u32()?)))?)))?
        .into_iter()
        .collect();
    let entries = r.list(|r| Some((r.str()?, r.texts()?)))?;
    let single = r.list(|r| Some((r.str()?, r.u32()?)))?;
    let help = r.list(Reader::texts)?;
    let known = r.texts()?.into_iter().collect();
    let asking = r.texts()?.into_iter().collect();
    let person = Person {
        theme: r.str()?,
        persons: r.texts()?,
        verbs: r.texts()?,
        objects: r.texts()?,
    };
    let age = crate::search::lexicon::words::Age {
        before: r.texts()?,
        after: r.texts()?,
        groups: r.list(|r| {
            let from = u32::try_from(r.u32()?).ok()?;
            let to = u32::try_from(r.u32()?).ok()?;
            Some((from, to, r.texts()?))
        })?,
    };
    let kinds = r.list(|r| Some((r.str()?, r.texts()?)))?;
    let mut texts = HashMap::new();
    let kind_unless = r.list(|r| read_slots(r, &mut texts))?;
    let signals = r.list(|r| {
        Some(Signal {
            kind: r.u32()?,
            slots: read_slots(r, &mut texts)?,
            unless: read_slots(r, &mut texts)?,
            order: r.bool()?,
            alone: r.bool()?,
            last: r.bool()?,
            line: r.u32()?,
        })
    })?;
    // A signal of a kind the table does not list would index out of bounds when matched.
    if !r.b.is_empty()
        || kind_unless.len() != kinds.len()
        || signals.iter().any(|s| s.kind >= kinds.len())
        || terms
            .values()
            .flatten()
            .map(|(_, e)| e)
            .chain(single.iter().map(|(_, e)| e))
            .any(|&e| e >= entries.len())
    {
        return None;
    }
    Some(Lex {
        terms,
        entries,
        single,
        help,
        known,
        asking,
        person,
        age,
        signals: Signals {
            kinds,
            kind_unless,
            signals,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_table_equals_a_fresh_compile() {
        let fresh = Lex::compile(false);
        assert_eq!(
            decode(&encode(&fresh), super::super::embedded::INPUTS).as_ref(),
            Some(&fresh)
        );
        // The embedded table: current (else `bundled_index` fails and says how to regenerate).
        if super::super::embedded::current_stamp().is_some() {
            assert!(
                bundled().as_ref() == Some(&fresh),
                "assets/index/lexicons.bin is stale"
            );
        }
    }

    #[test]
    fn a_table_from_other_inputs_or_damaged_is_not_used() {
        let table = encode(&Lex::compile(false));
        assert!(decode(&table, "other inputs").is_none());
        assert!(decode(&table[..table.len() - 1], super::super::embedded::INPUTS).is_none());
        assert!(decode(b"PLEINLX1", super::super::embedded::INPUTS).is_none());
    }
}
