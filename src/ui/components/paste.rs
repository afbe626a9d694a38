//! The paste dialog: a textarea for an article's text and a date field for its DCT.
//!
//! Owns: the dialog's fields until the user opens or cancels. It must not: make the
//! document itself (the app does, and shows errors in the banner).

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteProps {
    /// The text and the DCT field's value (`YYYY-MM-DD` or empty).
    pub on_open: Callback<(String, String)>,
    pub on_close: Callback<()>,
}

#[component]
pub fn PasteDialog(props: &PasteProps) -> Html {
    let text_ref = use_node_ref();
    let dct_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        use_effect_with((), move |_| {
            if let Some(t) = text_ref.cast::<HtmlTextAreaElement>() {
                let _ = t.focus();
            }
        });
    }
    let open = {
        let (text_ref, dct_ref, cb) = (text_ref.clone(), dct_ref.clone(), props.on_open.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = text_ref.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            let dct = dct_ref.cast::<HtmlInputElement>().map(|t| t.value()).unwrap_or_default();
            cb.emit((text, dct));
        })
    };
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
    html! {
        <div class="modal-backdrop">
            <form class="modal" id="paste-dialog" role="dialog" aria-modal="true" aria-labelledby="paste-title" onsubmit={open} {onkeydown}>
                <h2 id="paste-title">{ "Paste an article" }</h2>
                <label class="field block">
                    <span class="field-label">{ "Text" }</span>
                    <textarea ref={text_ref} id="paste-text" rows="14" placeholder="Paste the article's text here" spellcheck="false" />
                </label>
                <label class="field">
                    <span class="field-label">{ "Published (DCT), if known" }</span>
                    <input ref={dct_ref} id="paste-dct" type="text" placeholder="YYYY-MM-DD" size="10" autocomplete="off" spellcheck="false" />
                </label>
                <div class="modal-actions">
                    <button type="button" onclick={close}>{ "Cancel" }</button>
                    <button type="submit" id="paste-open" class="primary">{ "Open and extract" }</button>
                </div>
            </form>
        </div>
    }
}
