//! rpm's package database in its two on-disk forms: SQLite `rpmdb.sqlite` (rpm ≥ 4.16) and the
//! Berkeley DB hash `Packages` (older). Both store one rpm header blob per installed package.

pub mod bdb;
pub mod header;
pub mod sqlite;

use super::{OsPackage, ParseError};

/// Most packages read from one database (a full Fedora workstation has ~3,000).
const MAX_PACKAGES: usize = 200_000;

/// The packages of an `rpmdb.sqlite` image.
pub fn read_sqlite(bytes: &[u8]) -> Result<Vec<OsPackage>, ParseError> {
    let db = sqlite::Db::open(bytes)?;
    let root = db
        .table_root("Packages")?
        .ok_or_else(|| ParseError::new(None, "rpmdb.sqlite: no `Packages` table"))?;
    let mut out = Vec::new();
    db.walk_table(root, &mut |rowid, rec| {
        let cols = sqlite::record(rec)?;
        let Some(sqlite::Value::Blob(blob)) = cols.get(1) else {
            return Err(ParseError::new(
                None,
                format!("rpmdb.sqlite: row {rowid} of `Packages` has no header blob"),
            ));
        };
        if let Some(p) = header::parse(blob)? {
            out.push(p);
        }
        if out.len() > MAX_PACKAGES {
            return Err(ParseError::new(None, "rpmdb.sqlite: too many packages"));
        }
        Ok(())
    })?;
    Ok(out)
}

/// The packages of a Berkeley DB `Packages` file.
pub fn read_bdb(bytes: &[u8]) -> Result<Vec<OsPackage>, ParseError> {
    let mut out = Vec::new();
    for blob in bdb::blobs(bytes)? {
        if let Some(p) = header::parse(&blob)? {
            out.push(p);
        }
        if out.len() > MAX_PACKAGES {
            return Err(ParseError::new(None, "Packages: too many packages"));
        }
    }
    Ok(out)
}
