//! The export dialog: every format of `formats`, for this document or the whole corpus,
//! with what the format cannot hold shown before the download, then one file or a zip.
//!
//! Owns: the dialog's choices (format, scope, doccano's offset unit, one file per document)
//! and turning them into one download ([`plan`]). It must not: write any format itself
//! (that is `formats::write`, `formats::losses` and `formats::zip`), change annotations, or
//! touch the DOM beyond its own controls (downloads go through `browser::files`).

use crate::formats::gold::GoldFile;
use crate::formats::{self, Format, OffsetUnit, Options, Output};
use crate::model::Status;
use crate::ui::browser::files;
use crate::ui::state::{Action, State};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// One download: its file name, bytes and media type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub bytes: Vec<u8>,
    pub media_type: &'static str,
}

/// True when the download of `n` documents in `format` is a zip: brat always, gold JSON and
/// TimeML for several documents (one file each), and any format when one file per document
/// is asked for several documents.
pub fn is_zip(format: Format, n: usize, per_document: bool) -> bool {
    format.is_directory() || (n > 1 && (per_document || matches!(format, Format::Gloss | Format::Timeml)))
}

/// The download of `files` in `format`: one file named `<stem>.<ext>`, or a zip named
/// `<stem>-<format>.zip` (see [`is_zip`]). An error in words when the writer refuses.
pub fn plan(
    format: Format,
    files: &[GoldFile],
    opts: &Options,
    per_document: bool,
    stem: &str,
) -> Result<Download, String> {
    if files.is_empty() {
        return Err("there is no document to export".into());
    }
    let zip_name = format!("{stem}-{}.zip", format.name());
    if per_document && files.len() > 1 && !format.is_directory() {
        formats::unique_names(files, format.extension()).map_err(|e| e.to_string())?;
        let mut entries = Vec::new();
        for f in files {
            let out = formats::write(format, std::slice::from_ref(f), opts).map_err(|e| e.to_string())?;
            let name = formats::safe_file_name(&f.doc.id);
            entries.extend(out.into_files(&name, format).into_iter().map(|(n, t)| (n, t.into_bytes())));
        }
        return Ok(Download { name: zip_name, bytes: formats::zip::zip(&entries), media_type: "application/zip" });
    }
    match formats::write(format, files, opts).map_err(|e| e.to_string())? {
        Output::Text(t) => Ok(Download {
            name: format!("{stem}.{}", format.extension()),
            bytes: t.into_bytes(),
            media_type: format.media_type(),
        }),
        out @ Output::Files(_) => {
            Ok(Download { name: zip_name, bytes: out.to_zip(stem, format), media_type: "application/zip" })
        }
    }
}

/// What `format` writes of predictions not yet reviewed and of rejected spans, in words.
pub fn review_note(format: Format, predicted: usize, rejected: usize) -> String {
    let p = formats_count(predicted, "prediction", "not yet reviewed");
    let r = formats_count(rejected, "rejected span", "");
    match format {
        Format::Gloss | Format::Jsonl | Format::W3c | Format::Doccano | Format::Brat => format!(
            "{p} written with their status \"predicted\", and {r} with status \"rejected\", so the review can go on where it stopped."
        ),
        Format::LabelStudio => format!(
            "{p} written as Label Studio predictions (reviewed spans as annotations); {r} kept with status \"rejected\" in their region meta."
        ),
        Format::Spacy => format!(
            "{p} written among the spans like reviewed ones (their status kept in the Gloss extras); {r} in spans.rejected."
        ),
        Format::Conll => {
            format!("{p} written as spans like reviewed ones (CoNLL keeps no status); {r} left out.")
        }
        Format::Timeml => {
            format!("{p} (dates) written as TIMEX3 like reviewed ones (TimeML keeps no status); {r} left out.")
        }
    }
}

fn formats_count(n: usize, what: &str, tail: &str) -> String {
    let s = if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") };
    if tail.is_empty() {
        s
    } else {
        format!("{s} {tail}")
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    pub on_close: Callback<()>,
    /// Every document of the corpus as a gold file, in list order (or why not).
    pub corpus_files: Callback<(), Result<Vec<GoldFile>, String>>,
}

#[component]
pub fn ExportDialog(props: &ExportProps) -> Html {
    let format = use_state(|| Format::Gloss);
    let corpus = use_state(|| false);
    let utf16 = use_state(|| false);
    let per_document = use_state(|| false);
    let first_ref = use_node_ref();
    {
        let first_ref = first_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = first_ref.cast::<HtmlSelectElement>() {
                let _ = el.focus();
            }
        });
    }
    let state: &State = &props.state;
    // The documents exported: computed again only when the scope or the work changes.
    let docs = {
        let handle = props.state.clone();
        let props_files = props.corpus_files.clone();
        use_memo(
            (*corpus, state.revision, state.corpus.len(), state.doc.as_ref().map(|d| d.id.clone())),
            move |(c, ..)| {
                if *c {
                    props_files.emit(())
                } else {
                    handle.gold().map(|f| vec![f]).ok_or_else(|| "open a document first".to_string())
                }
            },
        )
    };
    let fmt = *format;
    let opts = Options { offsets: if *utf16 { OffsetUnit::Utf16 } else { OffsetUnit::CodePoint }, default_id: None };
    let stem = match (*corpus, state.doc.as_deref()) {
        (false, Some(d)) => formats::safe_file_name(&d.id),
        _ => "corpus".to_string(),
    };

    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(f) = Format::parse(&v) {
                format.set(f);
            }
        })
    };
    let on_scope = {
        let corpus = corpus.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            corpus.set(v == "corpus");
        })
    };
    let toggle = |h: &UseStateHandle<bool>| {
        let h = h.clone();
        Callback::from(move |_: Event| h.set(!*h))
    };
    let on_download = download(
        docs.clone(),
        DownloadPlan { format: fmt, opts: opts.clone(), per_document: *per_document, stem: stem.clone() },
        props.dispatch.clone(),
        props.on_close.clone(),
    );
    let close = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            e.stop_propagation();
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };

    let Preview { summary, losses, note, zip } = preview(&docs, fmt, *per_document);
    let target = if zip { format!("{stem}-{}.zip", fmt.name()) } else { format!("{stem}.{}", fmt.extension()) };
    let ok = docs.is_ok();

    html! {
        <div class="modal-backdrop">
            <form class="modal export-dialog" id="export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" onsubmit={on_download} {onkeydown}>
                <h2 id="export-title">{ "Export" }</h2>
                <div class="export-choices">
                    <label class="field">
                        <span class="field-label">{ "Format" }</span>
                        <select ref={first_ref} id="export-format" onchange={on_format}>
                            { for Format::ALL.iter().map(|f| html! {
                                <option value={f.name()} selected={*f == fmt}>{ f.title() }</option>
                            }) }
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{ "Documents" }</span>
                        <select id="export-scope" onchange={on_scope}>
                            <option value="document" selected={!*corpus}>{ "This document" }</option>
                            <option value="corpus" selected={*corpus}>{ format!("The whole corpus ({})", state.corpus.len()) }</option>
                        </select>
                    </label>
                </div>
                if fmt == Format::Doccano {
                    <label class="check" id="export-offsets">
                        <input type="checkbox" id="export-utf16" checked={*utf16} onchange={toggle(&utf16)} />
                        { " Count offsets in UTF-16 code units (what doccano's own front end counts). " }
                        <span class="export-unit">{ if *utf16 {
                            "Offsets are written in UTF-16 code units: an emoji counts 2."
                        } else {
                            "Offsets are written in code points (Gloss's unit, as Python counts): an emoji counts 1."
                        } }</span>
                    </label>
                }
                if *corpus && !fmt.is_directory() {
                    <label class="check">
                        <input type="checkbox" id="export-per-doc" checked={*per_document || matches!(fmt, Format::Gloss | Format::Timeml)}
                            disabled={matches!(fmt, Format::Gloss | Format::Timeml)} onchange={toggle(&per_document)} />
                        { " One file per document, in a zip" }
                        if matches!(fmt, Format::Gloss | Format::Timeml) { { " (always, for this format)" } }
                    </label>
                }
                <p class="export-summary" id="export-summary">{ summary }</p>
                { losses_view(fmt, &losses, ok) }
                if ok { <p class="export-note" id="export-review-note">{ note }</p> }
                <p class="export-target">{ "Downloads " }<code id="export-target">{ target }</code></p>
                <div class="modal-actions">
                    <button type="button" onclick={close}>{ "Cancel" }</button>
                    <button type="submit" id="export-download" class="primary" disabled={!ok}>{ "Download" }</button>
                </div>
            </form>
        </div>
    }
}

/// What the dialog says of the export before it is made.
struct Preview {
    summary: String,
    losses: Vec<String>,
    note: String,
    zip: bool,
}

fn preview(docs: &Result<Vec<GoldFile>, String>, fmt: Format, per_document: bool) -> Preview {
    match docs {
        Ok(list) => {
            let anns = list.iter().flat_map(|f| &f.annotations);
            let predicted = anns.clone().filter(|a| a.status == Status::Predicted).count();
            let rejected = anns.clone().filter(|a| a.status == Status::Rejected).count();
            let total = list.iter().map(|f| f.annotations.len()).sum::<usize>();
            let summary = format!(
                "{} with {}",
                formats_count(list.len(), "document", ""),
                formats_count(total, "annotation", "")
            );
            Preview {
                summary,
                losses: formats::losses(fmt, list),
                note: review_note(fmt, predicted, rejected),
                zip: is_zip(fmt, list.len(), per_document),
            }
        }
        Err(e) => {
            Preview { summary: format!("cannot export: {e}"), losses: Vec::new(), note: String::new(), zip: false }
        }
    }
}

/// What the chosen format cannot hold of these documents, or that it holds everything.
fn losses_view(fmt: Format, losses: &[String], ok: bool) -> Html {
    html! {
        <div class={classes!("export-losses", (!losses.is_empty()).then_some("lossy"))} id="export-losses" role="note">
            if losses.is_empty() {
                if ok { <p>{ format!("{} holds everything in these documents.", fmt.title()) }</p> }
            } else {
                <p class="export-losses-head">{ format!("{} cannot hold:", fmt.title()) }</p>
                <ul>{ for losses.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
            }
        </div>
    }
}

/// How the files are to be written.
struct DownloadPlan {
    format: Format,
    opts: Options,
    per_document: bool,
    stem: String,
}

/// The Download button: writes the files and closes, or says in words why it could not.
fn download(
    docs: std::rc::Rc<Result<Vec<GoldFile>, String>>,
    p: DownloadPlan,
    dispatch: Callback<Action>,
    close: Callback<()>,
) -> Callback<SubmitEvent> {
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let result = match &*docs {
            Ok(list) => plan(p.format, list, &p.opts, p.per_document, &p.stem)
                .and_then(|d| files::download_bytes(&d.name, &d.bytes, d.media_type).map(|_| d.name)),
            Err(e) => Err(e.clone()),
        };
        match result {
            Ok(name) => {
                dispatch.emit(Action::Notify(format!("exported {name}")));
                close.emit(());
            }
            Err(e) => dispatch.emit(Action::Fail(format!("the export failed: {e}"))),
        }
    })
}
