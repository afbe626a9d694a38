//! The help overlay (`?`): every keyboard shortcut, from the one table in `ui::keys`.
//!
//! Owns: drawing the shortcut table as a dialog. It must not: handle keys itself (the page's
//! key handler opens and closes it).

use crate::ui::keys::SHORTCUTS;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn HelpOverlay(props: &HelpProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    html! {
        <div class="modal-backdrop" onclick={close.clone()}>
            <div class="modal help-overlay" id="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" onclick={stop}>
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <div class="shortcut-groups">
                    { for SHORTCUTS.iter().map(|(group, keys)| html! {
                        <section>
                            <h3>{ *group }</h3>
                            <table class="shortcuts">
                                { for keys.iter().map(|s| html! {
                                    <tr>
                                        <th scope="row">{ for s.keys.iter().map(|k| html! { <kbd>{ *k }</kbd> }) }</th>
                                        <td>{ s.does }</td>
                                    </tr>
                                }) }
                            </table>
                        </section>
                    }) }
                </div>
                <div class="modal-actions"><button id="help-close" onclick={close}>{ "Close (Esc)" }</button></div>
            </div>
        </div>
    }
}
