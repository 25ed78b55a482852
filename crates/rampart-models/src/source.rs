//! Random access to a file's bytes, in memory or on disk, so header parsers (safetensors, GGUF,
//! HDF5, protobuf) seek past tensor data instead of reading it.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

pub trait Source {
    fn size(&self) -> u64;
    /// Reads exactly `buf.len()` bytes at `off`, or fails.
    fn read_at(&self, off: u64, buf: &mut [u8]) -> io::Result<()>;

    /// Reads `n` bytes at `off`; `n` is checked against the size first, so a length taken from
    /// the file never drives an allocation larger than the file.
    fn bytes_at(&self, off: u64, n: u64) -> io::Result<Vec<u8>> {
        let end = off.checked_add(n).ok_or_else(|| bad("offset overflow"))?;
        if end > self.size() {
            return Err(bad(&format!(
                "{n} bytes at offset {off} run past the end ({})",
                self.size()
            )));
        }
        let mut v = vec![0u8; usize::try_from(n).map_err(|_| bad("length too large"))?];
        self.read_at(off, &mut v)?;
        Ok(v)
    }
}

pub fn bad(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

impl Source for &[u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }
    fn read_at(&self, off: u64, buf: &mut [u8]) -> io::Result<()> {
        let start = usize::try_from(off).map_err(|_| bad("offset too large"))?;
        let end = start
            .checked_add(buf.len())
            .ok_or_else(|| bad("offset overflow"))?;
        let src = self
            .get(start..end)
            .ok_or_else(|| bad("read past the end"))?;
        buf.copy_from_slice(src);
        Ok(())
    }
}

const CACHE: usize = 64 * 1024;

/// A file read through a small window cache (many protobuf/HDF5 reads are tiny and close).
pub struct FileSource {
    file: RefCell<File>,
    size: u64,
    cache: RefCell<(u64, Vec<u8>)>,
}

impl FileSource {
    pub fn open(path: &std::path::Path) -> io::Result<Self> {
        let file = File::open(path)?;
        let size = file.metadata()?.len();
        Ok(FileSource {
            file: RefCell::new(file),
            size,
            cache: RefCell::new((0, Vec::new())),
        })
    }
}

impl Source for FileSource {
    fn size(&self) -> u64 {
        self.size
    }
    fn read_at(&self, off: u64, buf: &mut [u8]) -> io::Result<()> {
        let end = off
            .checked_add(buf.len() as u64)
            .ok_or_else(|| bad("offset overflow"))?;
        if end > self.size {
            return Err(bad("read past the end"));
        }
        let mut cache = self.cache.borrow_mut();
        let (cstart, cbuf) = &mut *cache;
        if off >= *cstart && end <= *cstart + cbuf.len() as u64 {
            let s = (off - *cstart) as usize;
            buf.copy_from_slice(&cbuf[s..s + buf.len()]);
            return Ok(());
        }
        let mut f = self.file.borrow_mut();
        f.seek(SeekFrom::Start(off))?;
        if buf.len() >= CACHE {
            return f.read_exact(buf);
        }
        let n = CACHE.min((self.size - off) as usize);
        cbuf.resize(n, 0);
        f.read_exact(cbuf)?;
        *cstart = off;
        buf.copy_from_slice(&cbuf[..buf.len()]);
        Ok(())
    }
}

/// A little cursor over a [`Source`] for sequential formats (GGUF).
pub struct Cursor<'a> {
    pub src: &'a dyn Source,
    pub pos: u64,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a dyn Source, pos: u64) -> Self {
        Cursor { src, pos }
    }
    pub fn remaining(&self) -> u64 {
        self.src.size().saturating_sub(self.pos)
    }
    pub fn bytes(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let v = self.src.bytes_at(self.pos, n)?;
        self.pos += n;
        Ok(v)
    }
    pub fn skip(&mut self, n: u64) -> io::Result<()> {
        if n > self.remaining() {
            return Err(bad("skip past the end"));
        }
        self.pos += n;
        Ok(())
    }
    pub fn u8(&mut self) -> io::Result<u8> {
        let mut b = [0u8; 1];
        self.src.read_at(self.pos, &mut b)?;
        self.pos += 1;
        Ok(b[0])
    }
    pub fn u32(&mut self) -> io::Result<u32> {
        let mut b = [0u8; 4];
        self.src.read_at(self.pos, &mut b)?;
        self.pos += 4;
        Ok(u32::from_le_bytes(b))
    }
    pub fn u64(&mut self) -> io::Result<u64> {
        let mut b = [0u8; 8];
        self.src.read_at(self.pos, &mut b)?;
        self.pos += 8;
        Ok(u64::from_le_bytes(b))
    }
}
