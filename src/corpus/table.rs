//! The encoding of plein's prebuilt tables (`assets/index/corpus.bin`, `lexicons.bin`):
//! little-endian integers, strings as a `u32` length and UTF-8 bytes, lists as a `u32` count
//! and items, options and flags as a `0`/`1` byte. A reader answers `None` for anything that
//! does not decode, so a damaged table is ignored, never trusted.

/// Writes a table; `X` is what a table's own items need besides the bytes (the bundled files
/// a corpus body points into).
pub(crate) struct Writer<X = ()>(pub Vec<u8>, pub X);

impl<X> Writer<X> {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }
    pub fn u32(&mut self, v: usize) {
        self.0.extend_from_slice(&(v as u32).to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, list: &[&String]) {
        for s in list {
            self.str(s);
        }
    }
    pub fn opt<T>(&mut self, v: &Option<T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            Some(v) => {
                self.u8(1);
                f(self, v);
            }
            None => self.u8(0),
        }
    }
    pub fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.u32(items.len());
        for i in items {
            f(self, i);
        }
    }
    pub fn texts(&mut self, items: &[String]) {
        self.list(items, |w, s| w.str(s));
    }
}

/// Reads a table written by [`Writer`]; `x` as there.
pub(crate) struct Reader<'a, X = ()> {
    pub b: &'a [u8],
    pub x: X,
}

impl<'a, X> Reader<'a, X> {
    pub fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.b.len() < n {
            return None;
        }
        let (head, rest) = self.b.split_at(n);
        self.b = rest;
        Some(head)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn str(&mut self) -> Option<String> {
        self.str_ref().map(str::to_owned)
    }
    /// A text borrowed from the table (for readers that share or look up rather than own).
    pub fn str_ref(&mut self) -> Option<&'a str> {
        let n = self.u32()?;
        if self.b.len() < n {
            return None;
        }
        let (head, rest) = self.b.split_at(n);
        self.b = rest;
        std::str::from_utf8(head).ok()
    }
    pub fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u8()? {
            0 => Some(None),
            1 => f(self).map(Some),
            _ => None,
        }
    }
    pub fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.u32()?;
        // Every item takes at least one byte: a count beyond the table is a broken table.
        if n > self.b.len() {
            return None;
        }
        // Sized at once: collecting an iterator of `Option`s grows the vector step by step,
        // and the lexicon table is tens of thousands of small lists.
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(f(self)?);
        }
        Some(items)
    }
    pub fn texts(&mut self) -> Option<Vec<String>> {
        self.list(Reader::str)
    }
}

/// A prebuilt table as stored in the binary: `magic`, the hash of the inputs it was made from,
/// the length of `raw`, then `raw` as one LZ4 block.
pub(crate) fn pack(magic: &[u8; 8], inputs: &str, raw: &[u8]) -> Vec<u8> {
    let mut w = Writer(Vec::new(), ());
    w.0.extend_from_slice(magic);
    w.str(inputs);
    w.u32(raw.len());
    let mut packed = vec![0; lz4_flex::block::get_maximum_output_size(raw.len())];
    let n = lz4_flex::block::compress_into(raw, &mut packed).unwrap_or(0);
    w.0.extend_from_slice(&packed[..n]);
    w.0
}

/// The raw bytes of a table made by [`pack`] from `inputs`; `None` for another table, a stale
/// one or one that does not unpack.
pub(crate) fn unpack(table: &[u8], magic: &[u8; 8], inputs: &str) -> Option<Vec<u8>> {
    let mut r = Reader { b: table, x: () };
    if r.take(8)? != magic || r.str()? != inputs {
        return None;
    }
    let mut raw = vec![0; r.u32()?];
    let n = lz4_flex::block::decompress_into(r.b, &mut raw).ok()?;
    (n == raw.len()).then_some(raw)
}
