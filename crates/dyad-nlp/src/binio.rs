//! Little-endian binary encoding for model files, with bounds-checked reading.
//!
//! A truncated or corrupted model gives a [`ModelError`], never a panic.

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes end before a field that should be there.
    #[error("model data truncated while reading {0}")]
    Truncated(&'static str),
    /// The file does not start with the expected magic bytes and version.
    #[error("not a dyad {expected} model (bad magic or version)")]
    BadMagic {
        /// The kind of model that was expected.
        expected: &'static str,
    },
    /// A field holds a value that cannot be right.
    #[error("model data corrupt: {0}")]
    Corrupt(String),
    /// Training cannot produce a model from the data given.
    #[error("cannot train: {0}")]
    Untrainable(String),
    /// Decompression failed.
    #[error("model decompression failed: {0}")]
    Io(#[from] std::io::Error),
}

/// The largest model, uncompressed, that a reader accepts: a few kilobytes of corrupt zstd data
/// must not expand into gigabytes.
const MAX_MODEL_BYTES: u64 = 1 << 30;

/// Appends fields to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
    /// Set when a length did not fit the format; [`Writer::finish`] then fails.
    overflow: bool,
}

impl Writer {
    /// Writes raw bytes.
    pub fn raw(&mut self, b: &[u8]) {
        self.bytes.extend_from_slice(b);
    }
    /// Writes a `u8`.
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.raw(&v.to_le_bytes());
    }
    /// Writes a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.raw(&v.to_le_bytes());
    }
    /// Writes an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.raw(&v.to_le_bytes());
    }
    /// Writes a length or an index as `u32`; one that does not fit makes [`Writer::finish`] fail.
    pub fn len(&mut self, n: usize) {
        let v = u32::try_from(n).unwrap_or_else(|_| {
            self.overflow = true;
            u32::MAX
        });
        self.u32(v);
    }

    /// Compresses what was written (zstd, fixed level: the same input always gives the same
    /// file), or fails if a length overflowed the format.
    pub fn finish(self) -> Result<Vec<u8>, ModelError> {
        if self.overflow {
            return Err(ModelError::Corrupt("a length exceeds the model format's 32-bit fields".into()));
        }
        Ok(zstd::bulk::compress(&self.bytes, 19)?)
    }
    /// Writes a length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.raw(s.as_bytes());
    }
    /// Writes a length-prefixed list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.len(items.len());
        for s in items {
            self.str(s.as_ref());
        }
    }
}

/// Reads fields from a byte slice, failing cleanly at its end.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, pos: 0 }
    }
    /// How many bytes have been read.
    pub fn position(&self) -> usize {
        self.pos
    }
    /// Reads `n` raw bytes.
    pub fn raw(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated(what))?;
        let slice = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated(what))?;
        self.pos = end;
        Ok(slice)
    }
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], ModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.raw(N, what)?);
        Ok(out)
    }
    /// Reads a `u8`.
    pub fn u8(&mut self, what: &'static str) -> Result<u8, ModelError> {
        Ok(self.array::<1>(what)?[0])
    }
    /// Reads a `u32`.
    pub fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    /// Reads a `u64`.
    pub fn u64(&mut self, what: &'static str) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }
    /// Reads an `f32`.
    pub fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }
    /// Reads a length written by [`Writer::len`], checking it against the bytes left
    /// (each item takes at least `min_item_size` bytes) so corrupt lengths cannot allocate wildly.
    pub fn len(&mut self, min_item_size: usize, what: &'static str) -> Result<usize, ModelError> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(min_item_size.max(1)) > self.bytes.len() - self.pos {
            return Err(ModelError::Truncated(what));
        }
        Ok(n)
    }
    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self, what: &'static str) -> Result<String, ModelError> {
        let n = self.len(1, what)?;
        let b = self.raw(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Corrupt(format!("{what}: invalid UTF-8")))
    }
    /// Reads a length-prefixed list of strings.
    pub fn strs(&mut self, what: &'static str) -> Result<Vec<String>, ModelError> {
        let n = self.len(4, what)?;
        (0..n).map(|_| self.str(what)).collect()
    }
    /// Checks that the magic bytes come next.
    pub fn expect_magic(&mut self, magic: &[u8], expected: &'static str) -> Result<(), ModelError> {
        match self.raw(magic.len(), expected) {
            Ok(m) if m == magic => Ok(()),
            _ => Err(ModelError::BadMagic { expected }),
        }
    }
}

/// Decompresses model bytes written by [`Writer::finish`], refusing to expand past 1 GiB.
pub fn decompress(bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    use std::io::Read;
    // Our writer records the size in the frame: decompress in one call into a buffer of that
    // size (growing a buffer by doubling cost a quarter of a parser load in copies and page faults).
    if let Ok(Some(size)) = zstd::zstd_safe::get_frame_content_size(bytes) {
        if size > MAX_MODEL_BYTES {
            return Err(ModelError::Corrupt("model expands past 1 GiB".into()));
        }
        return Ok(zstd::bulk::decompress(bytes, size as usize)?);
    }
    let mut out = Vec::new();
    zstd::stream::Decoder::new(bytes)?.take(MAX_MODEL_BYTES + 1).read_to_end(&mut out)?;
    if out.len() as u64 > MAX_MODEL_BYTES {
        return Err(ModelError::Corrupt("model expands past 1 GiB".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_truncation() {
        let mut w = Writer::default();
        w.raw(b"MAGIC");
        w.u32(7);
        w.f32(1.5);
        w.strs(&["a", "bc"]);
        let raw = w.bytes.clone();
        let z = w.finish().unwrap();
        let bytes = decompress(&z).unwrap();
        assert_eq!(bytes, raw);
        let mut r = Reader::new(&bytes);
        r.expect_magic(b"MAGIC", "test").unwrap();
        assert_eq!(r.u32("n").unwrap(), 7);
        assert_eq!(r.f32("x").unwrap(), 1.5);
        assert_eq!(r.strs("s").unwrap(), ["a", "bc"]);
        assert!(r.u8("end").is_err());
        let mut too_long = Writer::default();
        too_long.len(usize::MAX);
        assert!(too_long.finish().is_err());
        let mut short = Reader::new(&bytes[..8]);
        short.expect_magic(b"MAGIC", "test").unwrap();
        assert!(short.strs("s").is_err());
        assert!(Reader::new(b"nope").expect_magic(b"MAGIC", "test").is_err());
        assert!(decompress(b"not zstd").is_err());
        assert!(decompress(&z[..z.len() - 2]).is_err(), "a truncated frame");
    }

    /// A frame that does not record its size (a streamed one) still decompresses.
    #[test]
    fn decompresses_frames_without_a_recorded_size() {
        use std::io::Write as _;
        let raw: Vec<u8> = (0..10_000u32).flat_map(|i| (i % 251).to_le_bytes()).collect();
        let mut encoder = zstd::stream::Encoder::new(Vec::new(), 3).unwrap();
        encoder.write_all(&raw).unwrap();
        let z = encoder.finish().unwrap();
        assert_eq!(zstd::zstd_safe::get_frame_content_size(&z).ok().flatten(), None);
        assert_eq!(decompress(&z).unwrap(), raw);
    }
}
