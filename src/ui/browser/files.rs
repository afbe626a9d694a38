//! Files in and out: reading a picked or dropped file's bytes, and downloading a text or bytes.
//!
//! Owns: `File` -> bytes (through `Blob.arrayBuffer()`), and a download through a `Blob`
//! and an object URL. It must not: interpret the bytes (the app does, with
//! `Document::from_bytes` or `GoldFile::from_json`).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before reading: gold JSON holds the text plus
/// annotations, so a little over the text limit is allowed.
pub const MAX_FILE_BYTES: f64 = 3.0 * crate::model::MAX_TEXT_BYTES as f64;

/// The files of a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads the whole file. An error in words when the browser cannot read it or it is huge.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_FILE_BYTES {
        return Err(format!(
            "{} is {:.1} MB; Gloss opens texts of up to {} MB",
            file.name(),
            file.size() / 1_048_576.0,
            crate::model::MAX_TEXT_BYTES / 1_048_576
        ));
    }
    let buf =
        JsFuture::from(file.array_buffer()).await.map_err(|_| format!("the browser could not read {}", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Offers `text` for download as `name` (`type` e.g. `application/json`).
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| format!("the download of {name} failed: no Blob"))?;
    download_blob(name, &blob)
}

/// Offers `bytes` (a zip, say) for download as `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| format!("the download of {name} failed: no Blob"))?;
    download_blob(name, &blob)
}

fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let fail = |what: &str| format!("the download of {name} failed: {what}");
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let document = window.document().ok_or_else(|| fail("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| fail("no object URL"))?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| fail("no link"))?.dyn_into().map_err(|_| fail("no link"))?;
    a.set_href(&url);
    a.set_download(name);
    a.style().set_property("display", "none").ok();
    if let Some(body) = document.body() {
        body.append_child(&a).ok();
    }
    a.click();
    // Remove the link and revoke its URL later: doing either at once can cancel the download.
    gloo::timers::callback::Timeout::new(30_000, move || {
        a.remove();
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The entries of a zip whose entries are stored (not compressed), as the page's own
/// exports are: name -> bytes, folders left out. A compressed or unreadable zip is an error
/// in words (unzip it and open its files instead).
pub fn unzip_stored(name: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let bad = |what: &str| format!("could not open {name}: {what}; unzip it and open its files instead");
    let mut out = Vec::new();
    let mut at = 0;
    while u32_at(at) == Some(0x0403_4b50) {
        let (Some(flags), Some(method), Some(size), Some(name_len), Some(extra_len)) =
            (u16_at(at + 6), u16_at(at + 8), u32_at(at + 18), u16_at(at + 26), u16_at(at + 28))
        else {
            return Err(bad("the zip is cut short"));
        };
        if method != 0 || flags & 0x08 != 0 {
            return Err(bad("its entries are compressed (Gloss opens the stored zips it writes)"));
        }
        let start = at + 30 + name_len + extra_len;
        let entry_name = bytes.get(at + 30..at + 30 + name_len).map(|b| String::from_utf8_lossy(b).into_owned());
        let (Some(entry_name), Some(data)) = (entry_name, bytes.get(start..start + size)) else {
            return Err(bad("the zip is cut short"));
        };
        if !entry_name.ends_with('/') {
            let base = entry_name.rsplit('/').next().unwrap_or(&entry_name).to_string();
            out.push((base, data.to_vec()));
        }
        at = start + size;
    }
    if out.is_empty() {
        return Err(bad("it holds no file Gloss can read"));
    }
    Ok(out)
}
