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
    a.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
