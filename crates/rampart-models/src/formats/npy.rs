//! NumPy `.npy`: magic, version, header length, a Python-literal dict header, then the data.

pub const MAGIC: &[u8] = b"\x93NUMPY";

#[derive(Debug)]
pub struct NpyHeader {
    pub descr: String,
    pub object: bool,
    /// Offset of the array data (for an object array: a pickle).
    pub data_offset: usize,
}

pub fn parse(data: &[u8]) -> Result<NpyHeader, String> {
    if !data.starts_with(MAGIC) {
        return Err("no NumPy magic".into());
    }
    let major = *data.get(6).ok_or("truncated npy header")?;
    let (len, start) = match major {
        1 => {
            let b = data.get(8..10).ok_or("truncated npy header")?;
            (usize::from(u16::from_le_bytes([b[0], b[1]])), 10usize)
        }
        2 | 3 => {
            let b = data.get(8..12).ok_or("truncated npy header")?;
            (u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize, 12)
        }
        v => return Err(format!("unknown npy version {v}")),
    };
    let end = start
        .checked_add(len)
        .ok_or("npy header length overflows")?;
    let header = data
        .get(start..end)
        .ok_or("npy header length runs past the end")?;
    let header = String::from_utf8_lossy(header);
    let descr = header
        .find("'descr':")
        .map(|i| {
            let rest = &header[i + 8..];
            let stop = rest
                .find("'fortran_order'")
                .or_else(|| rest.find("'shape'"))
                .unwrap_or(rest.len());
            rest[..stop].trim().trim_end_matches(',').trim().to_string()
        })
        .ok_or("npy header has no descr")?;
    let object = descr_has_object(&descr);
    Ok(NpyHeader {
        descr,
        object,
        data_offset: end,
    })
}

/// Any quoted type code of the descr (plain or structured) that is an object (`O`).
fn descr_has_object(descr: &str) -> bool {
    descr.split(['\'', '"']).skip(1).step_by(2).any(|code| {
        let c = code.trim_start_matches(['<', '>', '|', '=']);
        c.strip_prefix('O')
            .is_some_and(|r| r.chars().all(|x| x.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_dtypes() {
        assert!(descr_has_object("'|O'"));
        assert!(descr_has_object("[('a', '<i4'), ('b', '|O')]"));
        assert!(!descr_has_object("'<f8'"));
    }
}
