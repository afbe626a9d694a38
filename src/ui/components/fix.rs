//! The fix-everywhere preview: each change the correction would make in the corpus, with
//! its context and a tick box, then one button to apply the ticked ones in one step.
//!
//! Owns: the preview dialog and which changes are ticked. It must not: plan or apply the
//! changes itself (the reducer does, from `Action::PlanFix` and `Action::ApplyFix`).

use crate::ui::corpus::FixChange;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FixProps {
    pub plan: Rc<Vec<FixChange>>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn FixPreview(props: &FixProps) -> Html {
    let ticked = use_state(|| vec![true; props.plan.len()]);
    {
        let ticked = ticked.clone();
        use_effect_with(props.plan.clone(), move |plan| {
            ticked.set(vec![true; plan.len()]);
            crate::ui::browser::focus("fix-apply");
        });
    }
    let n = ticked.iter().filter(|t| **t).count();
    let apply = {
        let (d, t) = (props.dispatch.clone(), (*ticked).clone());
        Callback::from(move |_| {
            d.emit(Action::ApplyFix(t.iter().enumerate().filter(|(_, on)| **on).map(|(i, _)| i).collect()))
        })
    };
    let cancel = props.dispatch.reform(|_| Action::CancelFix);
    let docs: std::collections::BTreeSet<&str> = props.plan.iter().map(|c| c.doc.as_str()).collect();
    html! {
        <div class="modal-backdrop">
            <div class="modal fix-preview" id="fix-preview" role="dialog" aria-modal="true" aria-labelledby="fix-title">
                <h2 id="fix-title">{ format!("Fix everywhere: {} change(s) in {} document(s)", props.plan.len(), docs.len()) }</h2>
                <p class="small muted">{ "Untick what should stay as it is. One undo reverts all of it." }</p>
                <ol class="fix-list">
                    { for props.plan.iter().enumerate().map(|(i, c)| {
                        let t = ticked.clone();
                        let onchange = Callback::from(move |_| {
                            let mut v = (*t).clone();
                            if let Some(x) = v.get_mut(i) { *x = !*x; }
                            t.set(v);
                        });
                        html! {
                            <li>
                                <label>
                                    <input type="checkbox" class="fix-tick" data-doc={c.doc.clone()} data-i={i.to_string()}
                                        checked={ticked.get(i).copied().unwrap_or(false)} {onchange} />
                                    <span class="fix-what">{ c.what.clone() }</span>
                                    <span class="fix-doc small muted">{ c.title.clone() }</span>
                                    <span class="fix-context">{ "…" }{ c.before.clone() }<mark>{ c.quote.clone() }</mark>{ c.after.clone() }{ "…" }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ol>
                <div class="modal-actions">
                    <button id="fix-cancel" onclick={cancel}>{ "Cancel (Esc)" }</button>
                    <button id="fix-apply" class="primary" onclick={apply} disabled={n == 0}>{ format!("Apply {n} change(s)") }</button>
                </div>
            </div>
        </div>
    }
}
