//! A minimal zip writer: stored entries (no compression), UTF-8 names, CRC-32, fixed time
//! stamps (1980-01-01, so that the same files give the same bytes). Enough for the page to
//! download a brat collection or one file per document in one go.
//!
//! Owns: the zip container (local headers, central directory, end record). It must not:
//! compress, write zip64 (the page's downloads are far below 4 GiB and 65,535 files), or do
//! I/O. No dependency: CRC-32 is the 30-line table version below.

/// The CRC-32 (IEEE 802.3, as zip uses) table, built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32 of `bytes`, as zip, gzip and PNG compute it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for b in bytes {
        c = CRC_TABLE[((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A zip archive holding `files` (name, contents) in order, stored without compression.
/// Names are used as given (use `/` for folders); a name or size beyond what a plain zip
/// holds is clamped (more than 65,535 bytes of name, 4 GiB of data): not reachable from
/// Gloss's outputs.
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    const UTF8_NAMES: u16 = 1 << 11;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let name = name.as_bytes();
        let name = &name[..name.len().min(u16::MAX as usize)];
        let crc = crc32(data);
        let size = data.len().min(u32::MAX as usize) as u32;
        let offset = out.len() as u32;
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20); // version needed: 2.0
        u16le(&mut out, UTF8_NAMES);
        u16le(&mut out, 0); // stored
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0); // extra field length
        out.extend_from_slice(name);
        out.extend_from_slice(&data[..size as usize]);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: 2.0, MS-DOS attributes
        u16le(&mut central, 20);
        u16le(&mut central, UTF8_NAMES);
        u16le(&mut central, 0);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, name.len() as u16);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk number
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    let n = files.len().min(u16::MAX as usize) as u16;
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0); // this disk
    u16le(&mut out, 0); // disk with the central directory
    u16le(&mut out, n);
    u16le(&mut out, n);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0); // comment length
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn empty_archive_is_just_the_end_record() {
        let z = zip(&[]);
        assert_eq!(z.len(), 22);
        assert_eq!(&z[..4], b"PK\x05\x06");
    }
}
