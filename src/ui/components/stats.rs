//! The statistics table (`%`): per annotator, documents done and in progress, annotations by
//! label, review states, flags and the time span of the work.
//!
//! Owns: drawing the rows it is given as a table in a dialog. It must not: compute them (that
//! is `ui::stats`) or handle keys (the page's key handler opens and closes it).

use crate::ui::stats::AnnotatorStats;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatsProps {
    pub rows: Rc<Vec<AnnotatorStats>>,
    /// Listed documents left out (not loaded yet).
    pub unloaded: usize,
    pub on_close: Callback<()>,
}

/// An RFC 3339 time shortened to the minute ("2026-01-02 10:00").
fn minute(t: &Option<String>) -> String {
    t.as_deref().map(|t| t.chars().take(16).collect::<String>().replace('T', " ")).unwrap_or_else(|| "–".into())
}

#[component]
pub fn StatsTable(props: &StatsProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let heads = [
        "Annotator",
        "Documents",
        "Gold",
        "Reviewed",
        "In progress",
        "Actors",
        "Dates",
        "Claims",
        "Predicted left",
        "Accepted",
        "Edited",
        "Manual",
        "Rejected",
        "Unsure",
        "Notes",
        "First",
        "Last",
    ];
    html! {
        <div class="modal-backdrop" onclick={close.clone()}>
            <div class="modal stats-dialog" id="stats" role="dialog" aria-modal="true" aria-labelledby="stats-title" onclick={stop}>
                <h2 id="stats-title">{ "Statistics per annotator" }</h2>
                <p class="small muted">{ "The work on each loaded document (by its file's annotator) and every version (by its own). Gold: marked as gold; reviewed: nothing left to review." }</p>
                if props.rows.is_empty() {
                    <p id="stats-empty">{ "No document is loaded yet." }</p>
                } else {
                    <table class="stats-table" id="stats-table">
                        <thead><tr>{ for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                        <tbody>
                            { for props.rows.iter().map(|r| {
                                let cells = [
                                    r.documents(), r.gold, r.reviewed, r.in_progress, r.by_label[0], r.by_label[1], r.by_label[2],
                                    r.predicted, r.accepted, r.edited, r.manual, r.rejected, r.unsure, r.notes,
                                ];
                                html! {
                                    <tr data-annotator={r.annotator.clone()}>
                                        <th scope="row">{ r.annotator.clone() }</th>
                                        { for cells.iter().map(|n| html! { <td>{ n.to_string() }</td> }) }
                                        <td>{ minute(&r.first) }</td>
                                        <td>{ minute(&r.last) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }
                if props.unloaded > 0 {
                    <p class="small muted" id="stats-unloaded">{ format!("{} listed document(s) not loaded yet are not counted.", props.unloaded) }</p>
                }
                <div class="modal-actions"><button id="stats-close" onclick={close}>{ "Close (% or Esc)" }</button></div>
            </div>
        </div>
    }
}
