//! Files of a layer too large to hold in memory, copied one at a time to a private temporary
//! directory so the scanners can stream or seek them by path (a zip's central directory at its
//! end, ELF sections, SQLite pages), exactly as the directory walk hands over files larger than
//! its in-memory limit. Each copy is removed as soon as its scan returns, so the disk holds at
//! most one such file per layer thread; the image itself is never unpacked.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

const COPY_BUF: usize = 256 * 1024;

/// Why a copy did not happen.
#[derive(Debug)]
pub enum SpillError {
    /// The layer could not be read (its error ends the layer's walk).
    Read(io::Error),
    /// The temporary file could not be written (disk full, no temporary directory): the file is
    /// reported as not scanned and the walk goes on.
    Write(io::Error),
}

/// The private directory, made on first use and removed with everything in it when dropped.
#[derive(Debug, Default)]
pub struct SpillDir {
    dir: OnceLock<Result<PathBuf, String>>,
    next: AtomicU64,
}

/// One copied file, removed when dropped.
#[derive(Debug)]
pub struct Spilled {
    path: PathBuf,
}

impl Spilled {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Spilled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl SpillDir {
    fn dir(&self) -> Result<&Path, SpillError> {
        let made = self.dir.get_or_init(|| {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let dir = std::env::temp_dir().join(format!(
                "rampart-image-large-{}-{nanos}",
                std::process::id()
            ));
            let mut b = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(&dir)
                .map(|()| dir.clone())
                .map_err(|e| format!("{}: {e}", dir.display()))
        });
        match made {
            Ok(p) => Ok(p),
            Err(e) => Err(SpillError::Write(io::Error::other(e.clone()))),
        }
    }

    /// Copies `head` and then the rest of the member from `rest` (`size` bytes in all). The
    /// file name is a counter, never the member's path.
    pub fn copy(&self, head: &[u8], rest: &mut dyn Read, size: u64) -> Result<Spilled, SpillError> {
        let dir = self.dir()?;
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{n}.bin"));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let file: File = opts.open(&path).map_err(SpillError::Write)?;
        let spilled = Spilled { path };
        let mut out = io::BufWriter::with_capacity(COPY_BUF, file);
        out.write_all(head).map_err(SpillError::Write)?;
        let mut left = size.saturating_sub(head.len() as u64);
        let mut buf = vec![0u8; COPY_BUF];
        while left > 0 {
            let want = (left.min(COPY_BUF as u64)) as usize;
            let got = match rest.read(&mut buf[..want]) {
                Ok(0) => {
                    return Err(SpillError::Read(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "layer ends inside a file",
                    )));
                }
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(SpillError::Read(e)),
            };
            out.write_all(&buf[..got]).map_err(SpillError::Write)?;
            left -= got as u64;
        }
        out.flush().map_err(SpillError::Write)?;
        Ok(spilled)
    }
}

impl Drop for SpillDir {
    fn drop(&mut self) {
        if let Some(Ok(dir)) = self.dir.get() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_exactly_and_removes_the_copy_and_the_directory() {
        let spill = SpillDir::default();
        let data: Vec<u8> = (0..600_000u32).map(|i| (i % 251) as u8).collect();
        let (head, rest) = data.split_at(8192);
        let copied = spill.copy(head, &mut &rest[..], data.len() as u64).unwrap();
        assert_eq!(std::fs::read(copied.path()).unwrap(), data);
        let dir = copied.path().parent().unwrap().to_path_buf();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let path = copied.path().to_path_buf();
        drop(copied);
        assert!(!path.exists());
        drop(spill);
        assert!(!dir.exists());
    }

    #[test]
    fn a_short_member_is_a_read_error() {
        let spill = SpillDir::default();
        let rest = [0u8; 100];
        match spill.copy(b"head", &mut &rest[..], 1000) {
            Err(SpillError::Read(e)) => assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof),
            other => panic!("{other:?}"),
        }
    }
}
