//! The corpus views' data and callbacks: the actors view (`P`), claims across outlets
//! (`C`) and the project lexicon (`W`) over the state.
//!
//! Owns: building each view's data from the loaded corpus (again only when the work, the
//! corpus or what is loaded changes), and what their jump and download do. It must not:
//! compute the views (that is `ui/views`) or draw them (`components/{actors,claims}_view.rs`).

use crate::model::Span;
use crate::ui::browser;
use crate::ui::components::{actors_view::ActorsPanel, actors_view::Download, claims_view::ClaimsPanel};
use crate::ui::state::{Action, State};
use crate::ui::views::{actors, claims};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Callback<Action>,
    pub on_close: Callback<()>,
    pub on_load_all: Callback<()>,
}

/// What the views' data depends on: the work's revision, each entry's, and what is loaded.
fn memo_key(state: &State) -> (u64, u64, usize, usize, Option<String>) {
    let revs: u64 = state.corpus.iter().map(|e| e.rev).sum();
    let parked = state.corpus.iter().filter(|e| e.parked.is_some()).count();
    (state.revision, revs, state.corpus.len(), parked, state.doc.as_ref().map(|d| d.id.clone()))
}

/// Listed documents that are neither on screen nor parked.
fn not_loaded(state: &State) -> usize {
    let active = state.active();
    state.corpus.iter().enumerate().filter(|(i, e)| e.parked.is_none() && Some(*i) != active).count()
}

/// Brings document `doc` on screen (it is loaded: the views list loaded documents only),
/// selects the live annotation at `start..end` (else the words), and closes the view.
fn jump(
    state: &UseReducerHandle<State>,
    dispatch: &Callback<Action>,
    on_close: &Callback<()>,
) -> Callback<(String, usize, usize)> {
    let (state, d, close) = (state.clone(), dispatch.clone(), on_close.clone());
    Callback::from(move |(doc, start, end): (String, usize, usize)| {
        let Some(i) = state.corpus.iter().position(|e| e.id == doc) else {
            return d.emit(Action::Fail(format!("{doc} is no longer in the corpus")));
        };
        let anns = state.loaded().into_iter().find(|l| l.0 == doc).map(|l| l.3);
        if state.active() != Some(i) {
            d.emit(Action::Switch(i));
        }
        let hit = anns.as_ref().and_then(|a| {
            a.iter()
                .find(|a| a.status.is_live() && (a.span.start(), a.span.end()) == (start, end))
                .map(|a| a.id.clone())
        });
        match (hit, Span::new(start, end)) {
            (Some(id), _) => d.emit(Action::Select(Some(id))),
            (None, Ok(span)) => d.emit(Action::SelectText(Some(span))),
            (None, Err(_)) => {}
        }
        close.emit(());
    })
}

/// Downloads a view's export, or says why it could not.
fn download(dispatch: &Callback<Action>) -> Callback<Download> {
    let d = dispatch.clone();
    Callback::from(move |(name, text, mime): Download| {
        if let Err(e) = browser::files::download(&name, &text, &mime) {
            d.emit(Action::Fail(format!("could not download {name}: {e}")));
        }
    })
}

/// The actors view over the state.
#[component]
pub fn ActorsOverlay(p: &ViewProps) -> Html {
    let table = {
        let state = p.state.clone();
        use_memo(memo_key(&p.state), move |_| actors::build(&state.loaded()))
    };
    html! {
        <ActorsPanel table={table} not_loaded={not_loaded(&p.state)} on_load_all={p.on_load_all.clone()}
            on_jump={jump(&p.state, &p.dispatch, &p.on_close)} on_download={download(&p.dispatch)} on_close={p.on_close.clone()} />
    }
}

/// The claims-across-outlets view over the state.
#[component]
pub fn ClaimsOverlay(p: &ViewProps) -> Html {
    let view = {
        let state = p.state.clone();
        use_memo(memo_key(&p.state), move |_| claims::build(&state.loaded()))
    };
    html! {
        <ClaimsPanel view={view} not_loaded={not_loaded(&p.state)} on_load_all={p.on_load_all.clone()}
            on_jump={jump(&p.state, &p.dispatch, &p.on_close)} on_download={download(&p.dispatch)} on_close={p.on_close.clone()} />
    }
}

/// The project lexicon view over the state.
pub fn lexicon_view(state: &State, dispatch: &Callback<Action>, on_close: Callback<()>) -> Html {
    use crate::ui::components::lexicon_view::LexiconPanel;
    let taught = state.taught_lexicon();
    let forgotten = Rc::new(state.forgotten_lexicon_entries(&taught));
    let lexicon = Rc::new(state.without_forgotten(taught));
    let documents = state.loaded().len();
    let on_forget = dispatch.reform(|(entry, forget)| Action::ForgetLexicon { entry, forget });
    let (lex, d) = (lexicon.clone(), dispatch.clone());
    let on_download = Callback::from(move |()| {
        let name = "project.gloss-lexicon.json";
        if let Err(e) = browser::files::download(name, &lex.to_json(), "application/json") {
            d.emit(Action::Fail(format!("could not download {name}: {e}")));
        }
    });
    let d = dispatch.clone();
    let on_import = Callback::from(move |files| browser::open::import_lexicon(files, d.clone()));
    html! {
        <LexiconPanel {lexicon} {forgotten} {documents} not_loaded={not_loaded(state)} {on_forget} {on_download} {on_import} {on_close} />
    }
}
